/**
 * Builds a small 附件2 grid for rule tests, in the common layout (title, unit line, header block,
 * goal, indicator table). Header fields set to null are left out; undefined ones get defaults.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { type CheckOptions, checkGrid } from '../../src/core/check';
import { loadLibrary } from '../../src/core/phrasings/library';
import type { Table } from '../../src/core/model';

export interface FormSpec {
  title?: string | null;
  unit?: string | null;
  projectName?: CellValue;
  department?: CellValue;
  implementer?: CellValue;
  attribute?: CellValue;
  period?: CellValue;
  total?: CellValue;
  annual?: CellValue;
  ownTotal?: CellValue;
  fiscal?: CellValue;
  other?: CellValue;
  carryover?: CellValue;
  transfer?: CellValue;
  transferCentral?: CellValue;
  transferRegional?: CellValue;
  goal?: CellValue;
  /** [一级, 二级, 三级, 指标值] rows; '' leaves a cell empty (merged look). */
  rows: CellValue[][];
}

/** A complete, correct older-framework indicator block, for tests to start from and break. */
export const GOOD_ROWS: CellValue[][] = [
  ['产出指标', '数量指标', '培训人数', '≥100人'],
  ['', '质量指标', '培训合格率', '≥95%'],
  ['', '时效指标', '培训完成时间', '2026年11月前'],
  ['', '成本指标', '培训经费', '≤10万元'],
  ['效益指标', '社会效益指标', '干部业务能力', '有所提升'],
  ['', '可持续影响指标', '培训成果持续应用', '长效'],
  ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
];

export function formGrid(spec: FormSpec): Grid {
  const v = <K extends keyof FormSpec>(k: K, d: CellValue): CellValue =>
    spec[k] === undefined ? d : (spec[k] as CellValue);
  const rows: CellValue[][] = [];
  if (spec.title !== null) rows.push([spec.title ?? '2026年部门项目支出预算绩效目标表']);
  if (spec.unit !== null) rows.push([spec.unit ?? '单位：万元']);
  if (spec.projectName !== null) rows.push(['项目名称', v('projectName', '干部培训项目')]);
  const people: CellValue[] = [];
  if (spec.department !== null) people.push('主管部门', v('department', '某某局'));
  if (spec.implementer !== null) people.push('实施单位', v('implementer', '某某中心'));
  if (people.length) rows.push(people);
  rows.push(['项目属性', v('attribute', '一年期项目'), '项目期', v('period', '1年')]);
  if (spec.total !== null || spec.annual !== null)
    rows.push(['项目总额', v('total', 10), '其中：年度资金总额', v('annual', 10)]);
  if (spec.ownTotal !== null) {
    rows.push([
      '其中：本级资金',
      '资金总额',
      v('ownTotal', 10),
      '其中：转移市县(区)资金',
      '资金总额',
      v('transfer', 0),
    ]);
    rows.push(['', '财政拨款', v('fiscal', 10), '', '中央资金', v('transferCentral', 0)]);
    rows.push(['', '其他资金', v('other', 0), '', '自治区资金', v('transferRegional', 0)]);
    rows.push(['', '结余结转资金', v('carryover', 0)]);
  }
  rows.push(['年度总体绩效目标', v('goal', '开展干部培训，预算10万元，提升干部业务能力。')]);
  rows.push(['一级指标', '二级指标', '三级指标', '指标值']);
  for (const r of spec.rows) rows.push(r.map((c) => (c === '' ? null : c)));
  return { sheet: 'Sheet1', values: rows };
}

/** Checks the form as the command line does (with the phrasing library), unless told otherwise. */
export function checkForm(spec: FormSpec, options: CheckOptions = { library: loadLibrary() }): Table {
  const tables = checkGrid(formGrid(spec), options);
  if (tables.length !== 1) throw new Error(`expected one table, got ${tables.length}`);
  return tables[0];
}

export function issuesOf(t: Table, rule: string) {
  return t.issues.filter((i) => i.rule === rule);
}
