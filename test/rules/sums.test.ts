/** Valid and invalid cases for the sum/* rules. */
import type { CellValue } from '../../src/core/grid';
import { GOOD_ROWS, checkForm, issuesOf } from '../helpers/form';

const WITHOUT_COST = GOOD_ROWS.filter((r) => r[1] !== '成本指标');
function withCosts(costs: [string, CellValue][], quantities: [string, CellValue][] = []): CellValue[][] {
  const rows = [...WITHOUT_COST];
  rows.splice(3, 0, ...costs.map(([n, v], i) => ['', i === 0 ? '成本指标' : '', n, v]));
  rows.splice(1, 0, ...quantities.map(([n, v]) => ['', '', n, v]));
  return rows;
}

describe('sum/funds', () => {
  test('valid: 10 = 10 + 0 + 0, and 0.1 + 0.2 = 0.3 exactly', () => {
    expect(issuesOf(checkForm({ rows: GOOD_ROWS }), 'sum/funds')).toEqual([]);
    const t = checkForm({ rows: withCosts([['经费', '0.3万元']]), total: 0.3, annual: 0.3, ownTotal: 0.3, fiscal: 0.1, other: 0.2, goal: '预算0.3万元' });
    expect(t.issues).toEqual([]);
  });
  test('invalid: 本级资金总额 ≠ 财政拨款 + 其他资金', () => {
    const t = checkForm({ rows: GOOD_ROWS, fiscal: 8, other: 1 });
    const issues = issuesOf(t, 'sum/funds');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('本级资金总额 10 万元 ≠ 财政拨款 8 + 其他资金 1');
  });
  test('invalid: 年度资金总额 ≠ 本级 + 转移', () => {
    const t = checkForm({ rows: GOOD_ROWS, transfer: 5, transferCentral: 5 });
    expect(issuesOf(t, 'sum/funds').map((i) => i.message)).toEqual([expect.stringContaining('年度资金总额 10 万元 ≠ 本级资金总额 10 + 转移支付资金总额 5')]);
  });
  test('invalid: 项目总额 < 年度资金总额; one-year project with different totals', () => {
    expect(issuesOf(checkForm({ rows: GOOD_ROWS, total: 8 }), 'sum/funds').map((i) => i.message)).toEqual([expect.stringContaining('小于')]);
    expect(issuesOf(checkForm({ rows: GOOD_ROWS, total: 30 }), 'sum/funds').map((i) => i.message)).toEqual([expect.stringContaining('一年期')]);
    expect(issuesOf(checkForm({ rows: GOOD_ROWS, total: 30, period: '3年', attribute: '延续性项目' }), 'sum/funds')).toEqual([]);
  });
  test('valid: a header in 元 with 4-decimal 万元 cells', () => {
    const t = checkForm({ rows: withCosts([['经费', '≤77.8850万元']]), unit: '单位：元', total: 778850, annual: 778850, ownTotal: 778850, fiscal: 778850, other: 0, carryover: 0, goal: '预算77.88万元' });
    expect(t.issues).toEqual([]);
  });
});

describe('sum/cost-total', () => {
  test('valid: lines add up (caps count as amounts)', () => {
    expect(issuesOf(checkForm({ rows: withCosts([['a', '≤6万元'], ['b', '4万元']]) }), 'sum/cost-total')).toEqual([]);
  });
  test('valid: 元 lines against a 万元 total', () => {
    expect(issuesOf(checkForm({ rows: withCosts([['a', '60000元'], ['b', '40000元/年']]) }), 'sum/cost-total')).toEqual([]);
  });
  test('valid: bare figures in a form headed 单位：元 are 元, in the cost lines as in the header', () => {
    const t = checkForm({ unit: '单位：元', rows: withCosts([['a', 60000], ['b', '40000']]), total: 100000, annual: 100000, ownTotal: 100000, fiscal: 100000, goal: '预算10万元' });
    expect(t.unit).toBe('元');
    expect(issuesOf(t, 'sum/cost-total')).toEqual([]);
  });
  test('invalid: the same 元 form with a line that does not fit', () => {
    const t = checkForm({ unit: '单位：元', rows: withCosts([['a', 60000], ['b', '50000']]), total: 100000, annual: 100000, ownTotal: 100000, fiscal: 100000 });
    expect(issuesOf(t, 'sum/cost-total').map((i) => i.message)).toEqual([expect.stringContaining('成本指标合计 11 万元与年度资金总额 10 万元不一致')]);
  });
  test('invalid: lines do not add up', () => {
    const issues = issuesOf(checkForm({ rows: withCosts([['a', '6万元'], ['b', '5万元']]) }), 'sum/cost-total');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('成本指标合计 11 万元与年度资金总额 10 万元不一致');
  });
  test('valid: a unit price times its matching quantity', () => {
    const rows = withCosts([['核心交换机', '2万/台'], ['线路租用费', '6万元']], [['核心交换机', '2台']]);
    expect(issuesOf(checkForm({ rows }), 'sum/cost-total')).toEqual([]);
  });
  test('invalid: unit price × quantity over the total', () => {
    const rows = withCosts([['核心交换机', '7万/台'], ['线路租用费', '6万元']], [['核心交换机', '2台']]);
    expect(issuesOf(checkForm({ rows }), 'sum/cost-total')).toHaveLength(1);
  });
  test('valid: a unit price without a quantity leaves the sum open (no guess)', () => {
    expect(issuesOf(checkForm({ rows: withCosts([['汇聚交换机', '1万/台'], ['b', '5万元']]) }), 'sum/cost-total')).toEqual([]);
  });
  test('invalid: an amount quoted in the name of a line whose value is not one', () => {
    const issues = issuesOf(checkForm({ rows: withCosts([['监测经费40万元。', '100%']]) }), 'sum/cost-total');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('40 万元');
  });
});

describe('sum/goal-text', () => {
  test('valid: the goal quotes the total', () => {
    expect(issuesOf(checkForm({ rows: GOOD_ROWS, goal: '本年度预算金额10万元，用于培训。' }), 'sum/goal-text')).toEqual([]);
  });
  test('invalid: the goal quotes another total', () => {
    const issues = issuesOf(checkForm({ rows: GOOD_ROWS, goal: '本项目预算经费12万元，用于培训。' }), 'sum/goal-text');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('12万元');
  });
  test('invalid: the goal disagrees with the cost line for the same thing', () => {
    const rows = withCosts([['监理及设计尾款', '0.78万元'], ['主体工程尾款', '9.22万元']]);
    const issues = issuesOf(checkForm({ rows, goal: '支付主体工程尾款9.22万元；支付监理及项目设计尾款0.73万元。' }), 'sum/goal-text');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('0.73万元');
  });
  test('valid: an amount for two lines is their sum; counts are not money', () => {
    const rows = withCosts([['网络法治宣传经费', '8.6万元'], ['网信业务法务服务经费', '1.4万元']]);
    const goal = '开展网络法治宣传及网信业务法务服务，预算10万元；年均受理诉求180万件。';
    expect(issuesOf(checkForm({ rows, goal }), 'sum/goal-text')).toEqual([]);
  });
});

describe('unit prices paired with quantities through an index', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { costLines, valueOf, category } = require('../../src/core/rules/helpers') as typeof import('../../src/core/rules/helpers');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { similarity } = require('../../src/core/text') as typeof import('../../src/core/text');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { formGrid } = require('../helpers/form') as typeof import('../helpers/form');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkGrid } = require('../../src/core/check') as typeof import('../../src/core/check');

  /** The pairing as it was: every price against every quantity (the reference the index must match). */
  function bruteForce(table: ReturnType<typeof checkGrid>[number]): (string | null)[] {
    const quantities = table.indicators.filter((i) => category(i) === '数量指标' && i.name);
    return costLines(table)
      .filter((l) => valueOf(table, l.ind).kind === 'unitPrice')
      .map((l) => {
        const v = valueOf(table, l.ind);
        let best: { name: string; score: number } | null = null;
        const sameUnit: string[] = [];
        for (const q of quantities) {
          const qv = valueOf(table, q);
          if ((qv.kind !== 'count' && qv.kind !== 'number') || !qv.decimal) continue;
          if (v.per && qv.unit && !qv.unit.includes(v.per)) continue;
          if (v.per && qv.unit === v.per) sameUnit.push(q.name!.text);
          const score = similarity(q.name!.text, l.ind.name!.text);
          if (score >= 0.6 && (!best || score > best.score)) best = { name: q.name!.text, score };
        }
        if (!best && sameUnit.length === 1 && similarity(sameUnit[0], l.ind.name!.text) > 0) return sameUnit[0];
        return best?.name ?? null;
      });
  }

  test('200 random tables: the index pairs exactly as comparing every price with every quantity', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const parts = ['设备', '采购', '维修', '网络', '线路', '服务器', '培训', '补助', '合作社', '户', '台', '个'];
    const word = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => parts[Math.floor(random() * parts.length)]).join('');
    let paired = 0;
    for (let n = 0; n < 200; n++) {
      const rows: CellValue[][] = [];
      const units = ['台', '个', '户'];
      for (let i = 0; i < 6; i++) rows.push([i === 0 ? '产出指标' : '', '数量指标', `${word()}数量`, `${1 + Math.floor(random() * 20)}${units[Math.floor(random() * 3)]}`]);
      for (let i = 0; i < 6; i++) rows.push([i === 0 ? '成本指标' : '', '经济成本指标', `${word()}单价`, `${1 + Math.floor(random() * 9)}万元/${units[Math.floor(random() * 3)]}`]);
      rows.push(['满意度指标', '服务对象满意度指标', '满意度', '≥90%']);
      const [table] = checkGrid(formGrid({ rows }));
      const got = costLines(table).filter((l) => valueOf(table, l.ind).kind === 'unitPrice').map((l) => l.quantity?.name?.text ?? null);
      expect(got).toEqual(bruteForce(table));
      paired += got.filter(Boolean).length;
    }
    expect(paired).toBeGreaterThan(50);
  });
});
