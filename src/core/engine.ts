/**
 * The engine as the pane loads it: recognition, the rules and the corrections, in a chunk of its own
 * that the pane starts loading as it opens and awaits before its first check, so the pane is drawn
 * (with its progress) before the engine's scripts have arrived.
 */
export { checkSheet, runRules } from './check';
export { sortCorrections } from './corrections';
export { recogniseRange } from './recognize';
export { SheetView } from './sheet';
