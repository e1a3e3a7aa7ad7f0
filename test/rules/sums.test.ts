/** Valid and invalid cases for the sum/* rules, through the rule tester: message id, cell and figures pinned. */
import type { CellValue } from '../../src/core/grid';
import { category, costLines, valueOf } from '../../src/core/rules/helpers';
import { similarity } from '../../src/core/text';
import { sumCostTotal } from '../../src/core/rules/sum-cost-total';
import { sumFunds } from '../../src/core/rules/sum-funds';
import { sumGoalText } from '../../src/core/rules/sum-goal-text';
import { sumWeights } from '../../src/core/rules/sum-weights';
import { GOOD_ROWS, checkForm } from '../helpers/form';
import { ruleTester } from '../helpers/rule-tester';

const WITHOUT_COST = GOOD_ROWS.filter((r) => r[1] !== '成本指标');
function withCosts(costs: [string, CellValue][], quantities: [string, CellValue][] = []): CellValue[][] {
  const rows = [...WITHOUT_COST];
  rows.splice(3, 0, ...costs.map(([n, v], i) => ['', i === 0 ? '成本指标' : '', n, v]));
  rows.splice(1, 0, ...quantities.map(([n, v]) => ['', '', n, v]));
  return rows;
}

/**
 * The default form's cells (test/helpers/form.ts): 项目总额 B6, 年度资金总额 D6, 本级资金总额 C7,
 * 转移支付资金总额 F7, the goal B11, indicator rows from row 13 (names in C, values in D).
 */
ruleTester(sumFunds, {
  valid: [
    { name: '10 = 10 + 0 + 0', rows: GOOD_ROWS },
    {
      name: '0.1 + 0.2 = 0.3 exactly',
      rows: withCosts([['经费', '0.3万元']]),
      total: 0.3,
      annual: 0.3,
      ownTotal: 0.3,
      fiscal: 0.1,
      other: 0.2,
      goal: '预算0.3万元',
    },
    {
      name: 'a header in 元 with 4-decimal 万元 cells',
      rows: withCosts([['经费', '≤77.8850万元']]),
      unit: '单位：元',
      total: 778850,
      annual: 778850,
      ownTotal: 778850,
      fiscal: 778850,
      other: 0,
      carryover: 0,
    },
    {
      name: 'a multi-year project may have a larger total',
      rows: GOOD_ROWS,
      total: 30,
      period: '3年',
      attribute: '延续性项目',
    },
  ],
  invalid: [
    {
      name: '本级资金总额 ≠ 财政拨款 + 其他资金',
      rows: GOOD_ROWS,
      fiscal: 8,
      other: 1,
      errors: [
        {
          messageId: 'parts',
          cell: 'C7',
          data: {
            whole: '本级资金总额',
            wholeAmount: '10',
            terms: '财政拨款 8 + 其他资金 1 + 结余结转资金 0',
            sum: '9',
            difference: '1',
          },
        },
      ],
    },
    {
      name: '年度资金总额 ≠ 本级 + 转移',
      rows: GOOD_ROWS,
      transfer: 5,
      transferCentral: 5,
      errors: [
        {
          messageId: 'parts',
          cell: 'D6',
          data: { whole: '年度资金总额', terms: '本级资金总额 10 + 转移支付资金总额 5', sum: '15' },
        },
      ],
    },
    {
      name: '项目总额 < 年度资金总额',
      rows: GOOD_ROWS,
      total: 8,
      errors: [{ messageId: 'totalBelowAnnual', cell: 'B6', data: { total: '8', annual: '10' } }],
    },
    {
      name: 'a one-year project with different totals',
      rows: GOOD_ROWS,
      total: 30,
      errors: [{ messageId: 'oneYear', cell: 'B6', data: { total: '30', annual: '10' } }],
    },
  ],
});

ruleTester(sumCostTotal, {
  valid: [
    {
      name: 'lines add up (caps count as amounts)',
      rows: withCosts([
        ['a', '≤6万元'],
        ['b', '4万元'],
      ]),
    },
    {
      name: '元 lines against a 万元 total',
      rows: withCosts([
        ['a', '60000元'],
        ['b', '40000元/年'],
      ]),
    },
    {
      name: 'bare figures in a form headed 单位：元 are 元',
      unit: '单位：元',
      rows: withCosts([
        ['a', 60000],
        ['b', '40000'],
      ]),
      total: 100000,
      annual: 100000,
      ownTotal: 100000,
      fiscal: 100000,
    },
    {
      name: 'a unit price times its matching quantity',
      rows: withCosts(
        [
          ['核心交换机', '2万/台'],
          ['线路租用费', '6万元'],
        ],
        [['核心交换机', '2台']],
      ),
    },
    {
      name: 'a unit price without a quantity leaves the sum open (no guess)',
      rows: withCosts([
        ['汇聚交换机', '1万/台'],
        ['b', '5万元'],
      ]),
    },
  ],
  invalid: [
    {
      name: 'lines do not add up',
      rows: withCosts([
        ['a', '6万元'],
        ['b', '5万元'],
      ]),
      errors: [
        {
          messageId: 'differs',
          cell: 'D16',
          data: { sum: '11', budgetLabel: '年度资金总额', budget: '10', difference: '1' },
        },
      ],
    },
    {
      name: 'a 元 form with a line that does not fit',
      unit: '单位：元',
      rows: withCosts([
        ['a', 60000],
        ['b', '50000'],
      ]),
      total: 100000,
      annual: 100000,
      ownTotal: 100000,
      fiscal: 100000,
      errors: [{ messageId: 'differs', cell: 'D16', data: { sum: '11', budget: '10' } }],
    },
    {
      name: 'unit price × quantity over the total',
      rows: withCosts(
        [
          ['核心交换机', '7万/台'],
          ['线路租用费', '6万元'],
        ],
        [['核心交换机', '2台']],
      ),
      errors: [{ messageId: 'differs', cell: 'D17', data: { sum: '20' } }],
    },
    {
      name: 'an amount quoted in the name of a line whose value is not one',
      rows: withCosts([['监测经费40万元。', '100%']]),
      errors: [{ messageId: 'differs', cell: 'C16', data: { sum: '40' } }],
    },
  ],
});

ruleTester(sumGoalText, {
  valid: [
    { name: 'the goal quotes the total', rows: GOOD_ROWS, goal: '本年度预算金额10万元，用于培训。' },
    {
      name: 'an amount for two lines is their sum; counts are not money',
      rows: withCosts([
        ['网络法治宣传经费', '8.6万元'],
        ['网信业务法务服务经费', '1.4万元'],
      ]),
      goal: '开展网络法治宣传及网信业务法务服务，预算10万元；年均受理诉求180万件。',
    },
  ],
  invalid: [
    {
      name: 'the goal quotes another total',
      rows: GOOD_ROWS,
      goal: '本项目预算经费12万元，用于培训。',
      errors: [{ messageId: 'budget', cell: 'B11', data: { quoted: '12万元', budget: '10' } }],
    },
    {
      name: 'the goal disagrees with the cost line for the same thing',
      rows: withCosts([
        ['监理及设计尾款', '0.78万元'],
        ['主体工程尾款', '9.22万元'],
      ]),
      goal: '支付主体工程尾款9.22万元；支付监理及项目设计尾款0.73万元。',
      errors: [
        {
          messageId: 'costLine',
          cell: 'B11',
          data: { quoted: '0.73万元', name: '监理及设计尾款', amount: '0.78' },
        },
      ],
    },
  ],
});

test('a form whose sums all agree raises nothing at all', () => {
  const t = checkForm({
    rows: withCosts([['经费', '0.3万元']]),
    total: 0.3,
    annual: 0.3,
    ownTotal: 0.3,
    fiscal: 0.1,
    other: 0.2,
    goal: '预算0.3万元',
  });
  expect(t.issues).toEqual([]);
});

describe('unit prices paired with quantities through an index', () => {
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
        if (!best && sameUnit.length === 1 && similarity(sameUnit[0], l.ind.name!.text) > 0)
          return sameUnit[0];
        return best?.name ?? null;
      });
  }

  test('200 random tables: the index pairs exactly as comparing every price with every quantity', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const parts = [
      '设备',
      '采购',
      '维修',
      '网络',
      '线路',
      '服务器',
      '培训',
      '补助',
      '合作社',
      '户',
      '台',
      '个',
    ];
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => parts[Math.floor(random() * parts.length)],
      ).join('');
    let paired = 0;
    for (let n = 0; n < 200; n++) {
      const rows: CellValue[][] = [];
      const units = ['台', '个', '户'];
      for (let i = 0; i < 6; i++)
        rows.push([
          i === 0 ? '产出指标' : '',
          '数量指标',
          `${word()}数量`,
          `${1 + Math.floor(random() * 20)}${units[Math.floor(random() * 3)]}`,
        ]);
      for (let i = 0; i < 6; i++)
        rows.push([
          i === 0 ? '成本指标' : '',
          '经济成本指标',
          `${word()}单价`,
          `${1 + Math.floor(random() * 9)}万元/${units[Math.floor(random() * 3)]}`,
        ]);
      rows.push(['满意度指标', '服务对象满意度指标', '满意度', '≥90%']);
      const [table] = checkGrid(formGrid({ rows }));
      const got = costLines(table)
        .filter((l) => valueOf(table, l.ind).kind === 'unitPrice')
        .map((l) => l.quantity?.name?.text ?? null);
      expect(got).toEqual(bruteForce(table));
      paired += got.filter(Boolean).length;
    }
    expect(paired).toBeGreaterThan(50);
  });
});

/** A form with a 分值 column (E): indicator rows from row 6. */
function weighted(weights: CellValue[]) {
  const rows = GOOD_ROWS;
  const head: CellValue[][] = [
    ['项目名称', '培训项目'],
    ['主管部门', '某局', '实施单位', '某中心'],
    ['年度资金总额', 10],
    ['年度总体目标', '完成培训'],
    ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
  ];
  return {
    grid: {
      sheet: 'S',
      values: [...head, ...rows.map((r, i) => [...r, weights[i] ?? null])].map((r) =>
        r.map((c) => (c === '' ? null : c)),
      ),
    },
  };
}

ruleTester(sumWeights, {
  valid: [
    { name: 'weights adding up to 100', ...weighted([20, 20, 10, 10, 20, 10, 10]) },
    { name: 'written with 分', ...weighted(['20分', '20分', '10分', '10分', '20分', '10分', '10分']) },
    { name: 'no weights at all', ...weighted([]) },
    { name: '90: the 10 points of 预算执行率 scored apart', ...weighted([20, 20, 10, 10, 10, 10, 10]) },
  ],
  invalid: [
    {
      name: 'weights adding up to 95',
      ...weighted([20, 15, 10, 10, 20, 10, 10]),
      errors: [{ messageId: 'notHundred', cell: 'E6', data: { sum: '95', n: 7 } }],
    },
    {
      name: 'weights adding up to 60',
      ...weighted([10, 10, 10, 10, 10, 5, 5]),
      errors: [{ messageId: 'notHundred', cell: 'E6', data: { sum: '60' } }],
    },
  ],
});
