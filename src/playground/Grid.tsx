/**
 * The playground's sheet view: an editable grid over the simulated workbook, showing values as
 * Excel would, merged cells, the cells' own formats and conditional formats on top (which is how
 * the pane's highlights appear), and the selection the pane sets. It behaves like a sheet:
 *
 * - A click selects a cell; a drag, a shift-click or shift+arrow keys select a range (widened over
 *   the merged areas it touches, as Excel does), which the host reports as the selected range.
 * - Typing starts an edit that replaces the cell's text. The keyboard goes to one input in the
 *   active cell, the same element before and during the edit, so no character is lost: not the
 *   first one typed, not an IME's composition, not a paste. Editing puts the host in cell-edit mode,
 *   as Excel does, so the pane's retry path is exercised by real use.
 * - Delete clears the selected cells (formats stay); a paste writes its rows and columns; Ctrl+Z
 *   undoes the last step and Ctrl+Y redoes it, where a step is one edit here or one batch of the
 *   add-in's writes (workbook.ts). A protected sheet refuses changes to its locked cells.
 * - 下载工作簿 saves the edited workbook as .xlsx with the add-in's settings (save-xlsx.ts).
 * - A sheet taller or wider than the grid shows says how much it left out.
 */
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect, useReducer, useRef, useState } from 'react';
import { type MergeArea, a1, a1Range, columnName, displayText } from '../core/grid';
import { saveXlsx } from '../sim/save-xlsx';
import type { SimValue, SimWorkbook, SimWorksheet } from '../sim/workbook';

/** The grid shows at most this many rows and columns, and says how many it left out. */
export const MAX_ROWS_SHOWN = 5000;
export const MAX_COLS_SHOWN = 60;

/** Excel's words when a protected sheet refuses a change. */
const PROTECTED = '您试图更改的单元格位于受保护的工作表中。若要进行更改，请取消工作表保护。';

interface Cell {
  r: number;
  c: number;
}

/** The active cell, the selected area, and the corner shift+arrows move. */
interface Cursor {
  area: MergeArea;
  anchor: Cell;
  end: Cell;
}

function shown(ws: SimWorksheet, r: number, c: number): string {
  const cell = ws.get(r, c);
  if (!cell || cell.value === '') return '';
  const t = displayText(cell.value as number, cell.numberFormat);
  if (t !== null) return t;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

/** What the formula bar would show: the formula, or the value as typed. */
function asTyped(ws: SimWorksheet, r: number, c: number): string {
  const cell = ws.get(r, c);
  return cell?.formula ?? shown(ws, r, c);
}

function spanMap(ws: SimWorksheet): { master: Map<string, MergeArea>; covered: Map<string, MergeArea> } {
  const master = new Map<string, MergeArea>();
  const covered = new Map<string, MergeArea>();
  for (const m of ws.merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10000) continue;
    master.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.set(`${r},${c}`, m);
  }
  return { master, covered };
}

const sameArea = (a: MergeArea, b: MergeArea) =>
  a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

const span = (a: Cell, b: Cell): MergeArea => ({
  top: Math.min(a.r, b.r),
  left: Math.min(a.c, b.c),
  bottom: Math.max(a.r, b.r),
  right: Math.max(a.c, b.c),
});

/** An area widened until it cuts no merged area, as Excel widens a selection. */
export function widen(area: MergeArea, merges: MergeArea[]): MergeArea {
  const a = { ...area };
  for (let grew = true; grew;) {
    grew = false;
    for (const m of merges) {
      const touches = !(m.bottom < a.top || m.top > a.bottom || m.right < a.left || m.left > a.right);
      if (!touches) continue;
      if (m.top < a.top || m.left < a.left || m.bottom > a.bottom || m.right > a.right) {
        a.top = Math.min(a.top, m.top);
        a.left = Math.min(a.left, m.left);
        a.bottom = Math.max(a.bottom, m.bottom);
        a.right = Math.max(a.right, m.right);
        grew = true;
      }
    }
  }
  return a;
}

/** Clipboard text → rows of cells (tab-separated columns, as Excel and the browsers copy a range). */
function clipboardRows(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((l) => l.split('\t'));
}

const HOME: MergeArea = { top: 0, left: 0, bottom: 0, right: 0 };

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export function Grid({ host, fileName }: { host: SimWorkbook; fileName: string }) {
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [drag, setDrag] = useState<Cursor | null>(null);
  const [editing, setEditing] = useState<Cell | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  /** The keyboard moved the selection: the active cell keeps it. */
  const moved = useRef(false);
  const composing = useRef(false);
  /** The cell being edited, for the handlers (the state is for drawing; a handler may run after a move). */
  const editingRef = useRef<Cell | null>(null);
  useEffect(() => host.onView(rerender), [host]);

  const ws = host.activeSheet;
  const used = ws.usedArea(false);
  const usedRows = used ? used.bottom + 1 : 0;
  const usedCols = used ? used.right + 1 : 0;
  const rows = Math.min(Math.max(usedRows + 20, 30), MAX_ROWS_SHOWN);
  const cols = Math.min(Math.max(usedCols + 3, 8), MAX_COLS_SHOWN);
  const { master, covered } = spanMap(ws);
  const masterOf = (r: number, c: number): Cell => {
    const m = covered.get(`${r},${c}`);
    return m ? { r: m.top, c: m.left } : { r, c };
  };

  // The selection: the host's (set here, by the pane or by Range.select()), with the active cell and
  // moving corner this grid chose when it set it; a selection set elsewhere starts at its first cell.
  const hostArea = host.selection && host.selection.sheetId === ws.id ? host.selection.area : null;
  const current: Cursor =
    cursor && cursor.area === hostArea
      ? cursor
      : {
          area: hostArea ?? HOME,
          anchor: hostArea ? masterOf(hostArea.top, hostArea.left) : { r: 0, c: 0 },
          end: hostArea ? { r: hostArea.bottom, c: hostArea.right } : { r: 0, c: 0 },
        };
  const sel = drag?.area ?? current.area;
  const active = drag?.anchor ?? current.anchor;

  const choose = (next: Cursor) => {
    setCursor(next);
    host.select(ws.id, next.area);
  };
  const selectCell = (cell: Cell) => {
    const a = masterOf(cell.r, cell.c);
    choose({ area: { top: a.r, left: a.c, bottom: a.r, right: a.c }, anchor: a, end: a });
  };
  /** One step from a cell, out of its merged area from its edge, onto a merged area's first cell. */
  const step = (from: Cell, dr: number, dc: number): Cell => {
    const m = master.get(`${from.r},${from.c}`) ?? covered.get(`${from.r},${from.c}`);
    const r = Math.max(0, (dr > 0 && m ? m.bottom : dr < 0 && m ? m.top : from.r) + dr);
    const c = Math.max(0, (dc > 0 && m ? m.right : dc < 0 && m ? m.left : from.c) + dc);
    return { r, c };
  };
  const move = (dr: number, dc: number) => {
    moved.current = true;
    selectCell(step(active, dr, dc));
  };
  const extend = (dr: number, dc: number) => {
    moved.current = true;
    const end = step(current.end, dr, dc);
    choose({ area: widen(span(current.anchor, end), ws.merges), anchor: current.anchor, end });
  };

  /** A change to these cells is refused on a protected sheet (and said so). */
  const refused = (area: MergeArea): boolean => {
    if (!ws.anyLocked(area)) return false;
    setNotice(PROTECTED);
    return true;
  };
  const beginEdit = (cell: Cell, text: string | null) => {
    if (refused({ top: cell.r, left: cell.c, bottom: cell.r, right: cell.c })) {
      if (inputRef.current && !composing.current) inputRef.current.value = '';
      return;
    }
    // text null: keep what was typed into the input (the first character, or an IME's composition).
    if (text !== null && inputRef.current) {
      inputRef.current.value = text;
      inputRef.current.setSelectionRange(text.length, text.length);
    }
    setNotice(null);
    host.setEditMode(true);
    editingRef.current = cell;
    setEditing(cell);
  };
  const endEdit = (commit: boolean) => {
    const cell = editingRef.current;
    if (!cell) return;
    editingRef.current = null;
    const input = inputRef.current;
    const text = input?.value ?? '';
    if (input) input.value = '';
    host.setEditMode(false);
    setEditing(null);
    if (commit && text !== asTyped(ws, cell.r, cell.c)) host.edit(ws.id, cell.r, cell.c, text);
  };
  const clear = () => {
    if (refused(sel)) return;
    host.clearArea(ws.id, sel);
  };
  const paste = (text: string) => {
    const rows = clipboardRows(text);
    const one = rows.length === 1 && rows[0].length === 1;
    // One value into a selected range fills it, as Excel does; a block goes from the active cell.
    const target = one
      ? sel
      : {
          top: active.r,
          left: active.c,
          bottom: active.r + rows.length - 1,
          right: active.c + Math.max(...rows.map((r) => r.length)) - 1,
        };
    if (refused(target)) return;
    const block: SimValue[][] = one
      ? Array.from({ length: target.bottom - target.top + 1 }, () =>
          Array.from({ length: target.right - target.left + 1 }, () => rows[0][0]),
        )
      : rows;
    host.editArea(ws.id, target.top, target.left, block);
    if (!one)
      choose({ area: widen(target, ws.merges), anchor: active, end: { r: target.bottom, c: target.right } });
  };
  const copyText = () => {
    const lines: string[] = [];
    for (let r = sel.top; r <= sel.bottom; r++) {
      const row: string[] = [];
      for (let c = sel.left; c <= sel.right; c++) row.push(shown(ws, r, c));
      lines.push(row.join('\t'));
    }
    return lines.join('\n');
  };
  const undo = (redo = false) => {
    endEdit(false);
    const done = redo ? host.redo() : host.undo();
    setNotice(done ? null : redo ? '没有可以重做的操作。' : '没有可以撤销的操作。');
  };

  const download = async () => {
    setSaving(true);
    try {
      const bytes = await saveXlsx(host);
      const url = URL.createObjectURL(
        new Blob([bytes as BlobPart], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setNotice(`已下载 ${fileName}（含加载项保存的设置）。`);
    } catch (e) {
      setNotice(`无法保存工作簿：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };

  // The selected cell is scrolled into view wherever the selection came from (a click on an issue in
  // the pane, the arrow keys), and keeps the keyboard when the keys or the mouse moved it here.
  useEffect(() => {
    const td = tableRef.current?.querySelector<HTMLElement>(`td[data-cell="${a1(active.r, active.c)}"]`);
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (moved.current) {
      moved.current = false;
      inputRef.current?.focus({ preventScroll: true });
    }
  }, [active.r, active.c, sel, ws.id]);

  /** The mouse let go: the dragged range becomes the selection. */
  const endDrag = () => {
    if (!drag) return;
    setDrag(null);
    if (!sameArea(drag.area, current.area)) choose(drag);
  };
  // A drag ends wherever the mouse is let go, on the grid or off it.
  useEffect(() => {
    if (!drag) return;
    window.addEventListener('mouseup', endDrag);
    return () => window.removeEventListener('mouseup', endDrag);
  });

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    // An IME's keys (choosing a candidate with Enter, say) belong to the composition.
    if (composing.current || e.nativeEvent.isComposing || e.keyCode === 229) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (editingRef.current) {
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        endEdit(true);
        // Enter commits and moves down, Tab right, as in Excel.
        move(e.key === 'Enter' ? 1 : 0, e.key === 'Tab' ? 1 : 0);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        endEdit(false);
      }
      return;
    }
    if (ctrl && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.key === 'y' || e.key === 'Y')) {
      e.preventDefault();
      undo(e.key.toLowerCase() === 'y' || e.shiftKey);
    } else if (ARROWS[e.key] && !ctrl && !e.altKey) {
      e.preventDefault();
      if (e.shiftKey) extend(...ARROWS[e.key]);
      else move(...ARROWS[e.key]);
    } else if (e.key === 'Tab' && !e.shiftKey && !ctrl && !e.altKey) {
      // Shift+Tab leaves the grid: the keyboard is never trapped in it.
      e.preventDefault();
      move(0, 1);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      beginEdit(active, asTyped(ws, active.r, active.c));
    } else if (e.key === 'Delete') {
      e.preventDefault();
      clear();
    } else if (e.key === 'Backspace') {
      // Excel: the cell is emptied and edited.
      e.preventDefault();
      beginEdit(active, '');
    }
    // Any other key types into the input; its input event starts the edit (onInput).
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
      const isSel = r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
      const isActive = r === active.r && c === active.c;
      const style: React.CSSProperties = {
        background: cf?.fill ?? cell?.format.fill ?? undefined,
        color: cf?.fontColor ?? cell?.format.fontColor ?? undefined,
        fontWeight: cell?.format.bold ? 600 : undefined,
      };
      const address = a1(r, c);
      const text = shown(ws, r, c);
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
          data-active={isActive ? 'true' : undefined}
          className={[isSel ? 'sel' : '', isActive ? 'active' : ''].join(' ').trim() || undefined}
          onMouseDown={(e) => {
            if (e.button !== 0 || e.target === inputRef.current) return;
            // The mouse selects; the keyboard stays with the active cell's input.
            e.preventDefault();
            endEdit(true);
            moved.current = true;
            if (e.shiftKey) {
              const end = { r, c };
              choose({ area: widen(span(current.anchor, end), ws.merges), anchor: current.anchor, end });
              return;
            }
            selectCell({ r, c });
            const a = masterOf(r, c);
            setDrag({ area: { top: a.r, left: a.c, bottom: a.r, right: a.c }, anchor: a, end: a });
          }}
          onMouseEnter={(e) => {
            if (!drag) return;
            // The button was let go where this page did not see it: the drag is over.
            if ((e.buttons & 1) === 0) return endDrag();
            const end = masterOf(r, c);
            // Back on the first cell: that cell alone, as a click selects it.
            const area =
              end.r === drag.anchor.r && end.c === drag.anchor.c
                ? { top: end.r, left: end.c, bottom: end.r, right: end.c }
                : widen(span(drag.anchor, { r, c }), ws.merges);
            setDrag({ area, anchor: drag.anchor, end: { r, c } });
          }}
          onDoubleClick={() => beginEdit({ r, c }, asTyped(ws, r, c))}
        >
          {isActive && (
            <input
              ref={inputRef}
              className={editing ? 'cell-input editing' : 'cell-input'}
              aria-label={
                editing
                  ? `编辑 ${address}`
                  : `${sel.bottom > sel.top || sel.right > sel.left ? `已选 ${a1Range(sel.top, sel.left, sel.bottom, sel.right)}，` : ''}单元格 ${address}${text ? `：${text}` : ''}`
              }
              defaultValue=""
              autoComplete="off"
              spellCheck={false}
              onCompositionStart={() => {
                composing.current = true;
                if (!editingRef.current) beginEdit({ r, c }, null);
              }}
              onCompositionEnd={(e) => {
                composing.current = false;
                // A composition into a refused cell is dropped once it ends.
                if (!editingRef.current) e.currentTarget.value = '';
              }}
              onInput={() => {
                if (!editingRef.current && !composing.current) beginEdit({ r, c }, null);
              }}
              onKeyDown={onKeyDown}
              onPaste={(e) => {
                if (editingRef.current) return; // into the text being edited, by the browser
                e.preventDefault();
                paste(e.clipboardData.getData('text/plain'));
              }}
              onCopy={(e) => {
                if (editingRef.current) return;
                e.preventDefault();
                e.clipboardData.setData('text/plain', copyText());
              }}
              onBlur={() => endEdit(true)}
            />
          )}
          {text}
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }

  const rowsLeftOut = Math.max(0, usedRows - rows);
  const colsLeftOut = Math.max(0, usedCols - cols);
  const fmt = (n: number) => n.toLocaleString('zh-CN');

  return (
    <div className="sheet">
      <FluentProvider theme={webLightTheme} className="sheet-bar">
        <Button size="small" onClick={() => undo()} disabled={!host.canUndo} title="Ctrl+Z">
          撤销
        </Button>
        <Button size="small" onClick={() => undo(true)} disabled={!host.canRedo} title="Ctrl+Y">
          重做
        </Button>
        <Button size="small" appearance="primary" onClick={() => void download()} disabled={saving}>
          下载工作簿
        </Button>
        <span className="sheet-notice" role="status" data-testid="grid-notice">
          {notice}
        </span>
      </FluentProvider>
      <div className="tabs" role="tablist" aria-label="工作表">
        {host.sheets.map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={s.id === ws.id}
            className={s.id === ws.id ? 'tab active' : 'tab'}
            // Excel shows no tab for a hidden sheet; here its tab stays in view, marked, and a click
            // does what 取消隐藏 does in Excel.
            title={s.visibility !== 'Visible' ? '隐藏的工作表：单击取消隐藏' : undefined}
            onClick={() => (s.visibility !== 'Visible' ? host.unhide(s.id) : host.activate(s.id))}
          >
            {s.name}
            {s.protected ? '（受保护）' : ''}
            {s.visibility !== 'Visible' ? '（隐藏）' : ''}
          </button>
        ))}
      </div>
      {(rowsLeftOut > 0 || colsLeftOut > 0) && (
        <p className="left-out" data-testid="rows-left-out">
          {[
            rowsLeftOut > 0 &&
              `工作表共 ${fmt(usedRows)} 行，这里只显示前 ${fmt(rows)} 行，另有 ${fmt(rowsLeftOut)} 行未显示。`,
            colsLeftOut > 0 &&
              `共 ${fmt(usedCols)} 列，只显示前 ${fmt(cols)} 列（到 ${columnName(cols - 1)} 列），另有 ${fmt(colsLeftOut)} 列未显示。`,
          ]
            .filter(Boolean)
            .join(' ')}
          这只是试用页的显示限制。
        </p>
      )}
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
