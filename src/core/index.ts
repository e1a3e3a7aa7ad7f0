/** The host-free core: everything the pane, the CLI and the tests share. */
export * from './grid';
export * from './model';
export * from './values';
export * from './decimal';
export { recognise, projectNameFromTitle } from './recognize';
export {
  checkGrid,
  checkWorkbook,
  runRules,
  countBySeverity,
  type CheckOptions,
  type SheetResult,
} from './check';
export { rules, ruleById } from './rules';
export type { Rule } from './rules';
