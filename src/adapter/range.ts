/// <reference types="office-js" />
import { type MergeArea, a1Range } from '../core/grid';
import type { Capabilities } from '../host/types';

/** The range of an area: by indexes where the host has them (1.7), else by its A1 address. */
export function rangeAt(ws: Excel.Worksheet, caps: Capabilities, area: MergeArea): Excel.Range {
  return caps.events
    ? ws.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1)
    : ws.getRange(a1Range(area.top, area.left, area.bottom, area.right));
}
