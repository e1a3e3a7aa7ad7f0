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
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
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
    host.select(ws.id, { top: r, left: c, bottom: r, right: c });
  };
  /** Double-click, Enter or F2 edits the cell's text; typing a character replaces it, as in Excel. */
  const startEdit = (r: number, c: number, replaceWith?: string) => {
    host.setEditMode(true);
    setEditing({ r, c, text: replaceWith ?? shown(ws, r, c) });
  };
  const tableRef = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  // The selected cell is scrolled into view wherever the selection came from (a click on an issue
  // in the pane, the arrow keys), and keeps the keyboard when the keys moved it.
  useEffect(() => {
    if (!sel) return;
    const td = tableRef.current?.querySelector<HTMLElement>(`td[data-cell="${a1(sel.top, sel.left)}"]`);
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (moved.current) {
      moved.current = false;
      td?.focus();
    }
  }, [sel, ws.id]);
  const move = (r: number, c: number, dr: number, dc: number) => {
    // Out of a merged area from its edge, as Excel does.
    const m = master.get(`${r},${c}`);
    const nr = Math.max(0, (dr > 0 && m ? m.bottom : r) + dr);
    const nc = Math.max(0, (dc > 0 && m ? m.right : c) + dc);
    moved.current = true;
    select(nr, nc);
  };
  const ARROWS: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Tab: [0, 1],
  };
  const endEdit = (commit: boolean) => {
    if (!editing) return;
    host.setEditMode(false);
    if (commit && editing.text !== shown(ws, editing.r, editing.c))
      host.edit(ws.id, editing.r, editing.c, editing.text);
    setEditing(null);
  };

  const body = [];
  for (let r = 0; r < rows; r++) {
    const tds = [
      <th key="h" scope="row">
        {r + 1}
      </th>,
    ];
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
            } else if (
              ARROWS[e.key] &&
              !e.altKey &&
              !e.ctrlKey &&
              !e.metaKey &&
              !(e.key === 'Tab' && e.shiftKey)
            ) {
              e.preventDefault();
              move(r, c, ...ARROWS[e.key]);
            } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
              e.preventDefault();
              startEdit(r, c, e.key);
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
                // The cell's own handlers would start editing again or move.
                e.stopPropagation();
                if (e.key === 'Enter') {
                  endEdit(true);
                  // Enter commits and moves down, as in Excel.
                  move(r, c, 1, 0);
                }
                if (e.key === 'Escape') {
                  endEdit(false);
                  moved.current = true;
                  select(r, c);
                }
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
          <button
            key={s.id}
            role="tab"
            aria-selected={s.id === ws.id}
            className={s.id === ws.id ? 'tab active' : 'tab'}
            onClick={() => host.activate(s.id)}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className="grid-scroll">
        <table className="grid" aria-label={`工作表 ${ws.name}`} ref={tableRef}>
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
