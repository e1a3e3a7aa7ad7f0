/** The phrasing library, its matcher and category inference: one entry point, loaded lazily by the pane. */
export { loadLibrary, libraryProblems, renderValue, hasPlaceholder } from './library';
export type { Phrasing, PhrasingLibrary, PhrasingKind, LibraryData } from './library';
export { search, suggestForRow } from './match';
export type { RowQuery, SearchQuery, Suggestion } from './match';
export { predictLevel2, cueScores, categoryGroup } from './infer';
export type { Prediction } from './infer';
export { rowContext } from './context';
export type { RowContext } from './context';
