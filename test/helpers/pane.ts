/** What the pane's component tests share: a small form, a simulated workbook holding it, jsdom's gaps. */
import { installSimulatedOffice } from '../../src/sim/office-sim';
import { SimWorkbook } from '../../src/sim/workbook';

/** A small 附件2 form with a rate over 100% and no cost indicator; the project name is markup (shown as text). */
export const SMALL_FORM: (string | number)[][] = [
  ['部门项目支出预算绩效目标表'],
  ['项目名称', '<img src=x onerror=alert(1)>', '', ''],
  ['主管部门', '某局', '实施单位', '某中心'],
  ['项目资金（万元）', '年度资金总额', 10, ''],
  ['', '其中：财政拨款', 10, ''],
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '培训人数', '≥100人'],
  ['', '质量指标', '合格率', '≥120%'],
  ['', '时效指标', '完成时间', '2026年12月前'],
  ['效益指标', '社会效益指标', '群众知晓率', '≥90%'],
  ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
];

/** A simulated workbook with the rows on sheet 附件2, installed as the global Office host. */
export function simWorkbook(
  rows: (string | number)[][],
  addinSettings: Record<string, unknown> = {},
): SimWorkbook {
  const host = new SimWorkbook();
  const ws = host.addSheet('附件2');
  rows.forEach((row, r) => row.forEach((v, c) => v !== '' && ws.set(r, c, v)));
  host.addinSettings = addinSettings;
  installSimulatedOffice(globalThis as unknown as Record<string, unknown>, host);
  return host;
}

/** jsdom has no ResizeObserver; Fluent's MessageBar needs one. */
export function stubResizeObserver(): void {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
