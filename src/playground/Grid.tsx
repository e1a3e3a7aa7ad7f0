/**
 * The playground's sheet view: an editable grid over the simulated workbook, showing values as
 * Excel would, merged cells, the cells' own formats and conditional formats on top (which is how
 * the pane's highlights appear), and the selection the pane sets. Editing a cell puts the host in
 * cell-edit mode, as Excel does, so the pane's retry path is exercised by real use.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import { type MergeArea, a1, columnName, displayText } from '../core/grid';
import type { SimWorkbook, SimWorksheet } from '../sim/workbook';

function shown(ws: SimWorksheet, r: number, c: number): string {
  const cell = ws.get(r, c);
  if (!cell || cell.value === '') return '';
  const t = displayText(cell.value as number, cell.numberFormat);
  if (t !== null) return t;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

function spanMap(ws: SimWorksheet): { master: Map<string, MergeArea>; covered: Set<string> } {
  const master = new Map<string, MergeArea>();
  const covered = new Set<string>();
  for (const m of ws.merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10000) continue;
    master.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  return { master, covered };
}

export function Grid({ host }: { host: SimWorkbook }) {
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const [editing, setEditing] = useState<{ r: number; c: number; text: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => host.onView(rerender), [host]);
  useEffect(() => inputRef.current?.focus(), [editing?.r, editing?.c]);

  const ws = host.activeSheet;
  const used = ws.usedArea(false);
  const rows = Math.min(Math.max((used?.bottom ?? 0) + 4, 30), 5000);
  const cols = Math.min(Math.max((used?.right ?? 0) + 2, 8), 60);
  const { master, covered } = spanMap(ws);
  const sel = host.selection && host.selection.sheetId === ws.id ? host.selection.area : null;

  const select = (r: number, c: number) => {
    host.selection = { sheetId: ws.id, area: { top: r, left: c, bottom: r, right: c } };
    host.notifyView();
  };
  const startEdit = (r: number, c: number) => {
    host.editMode = true;
    setEditing({ r, c, text: shown(ws, r, c) });
  };
  const endEdit = (commit: boolean) => {
    if (!editing) return;
    host.editMode = false;
    if (commit && editing.text !== shown(ws, editing.r, editing.c)) host.edit(ws.id, editing.r, editing.c, editing.text);
    setEditing(null);
  };

  const body = [];
  for (let r = 0; r < rows; r++) {
    const tds = [<th key="h" scope="row">{r + 1}</th>];
    for (let c = 0; c < cols; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const m = master.get(key);
      const cell = ws.get(r, c);
      const cf = ws.formatsAt(r, c).find((f) => f.formula.includes('jixiao') || /^=TRUE$/i.test(f.formula));
      const isSel = !!sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
      const style: React.CSSProperties = {
        background: cf?.fill ?? cell?.format.fill ?? undefined,
        color: cf?.fontColor ?? cell?.format.fontColor ?? undefined,
        fontWeight: cell?.format.bold ? 600 : undefined,
      };
      const address = a1(r, c);
      tds.push(
        <td
          key={key}
          rowSpan={m ? m.bottom - m.top + 1 : undefined}
          colSpan={m ? m.right - m.left + 1 : undefined}
          style={style}
          data-cell={address}
          data-own-fill={cell?.format.fill ?? ''}
          data-cf-fill={cf?.fill ?? ''}
          data-selected={isSel ? 'true' : undefined}
          className={isSel ? 'sel' : undefined}
          tabIndex={isSel ? 0 : -1}
          onClick={() => select(r, c)}
          onDoubleClick={() => startEdit(r, c)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'F2') {
              e.preventDefault();
              startEdit(r, c);
            }
          }}
        >
          {editing && editing.r === r && editing.c === c ? (
            <input
              ref={inputRef}
              aria-label={`编辑 ${address}`}
              value={editing.text}
              onChange={(e) => setEditing({ ...editing, text: e.target.value })}
              onBlur={() => endEdit(true)}
              onKeyDown={(e) => {
                // The cell's own Enter handler would start editing again.
                e.stopPropagation();
                if (e.key === 'Enter') endEdit(true);
                if (e.key === 'Escape') endEdit(false);
              }}
            />
          ) : (
            shown(ws, r, c)
          )}
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }

  return (
    <div className="sheet">
      <div className="tabs" role="tablist" aria-label="工作表">
        {host.sheets.map((s) => (
          <button key={s.id} role="tab" aria-selected={s.id === ws.id} className={s.id === ws.id ? 'tab active' : 'tab'} onClick={() => host.activate(s.id)}>
            {s.name}
          </button>
        ))}
      </div>
      <div className="grid-scroll">
        <table className="grid" aria-label={`工作表 ${ws.name}`}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </div>
  );
}
