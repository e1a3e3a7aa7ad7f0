/**
 * sum/cost-total pairs each unit price ("0.5万元/台") with its quantity row ("=40台"): a bench of
 * the pairing on one table with n prices and n quantities, for n up to 8,000, to show it is linear
 * (it was quadratic: 8,000 pairs took minutes). Target: 8,000 pairs under 50 ms.
 */
import { recognise } from '../src/core/recognize';
import type { Grid } from '../src/core/grid';
import { costLines } from '../src/core/rules/helpers';

/** A two-character object name per row, drawn from the common CJK block (rows name different things, as forms do). */
function objectName(i: number): string {
  let x = Math.imul(i + 1, 0x9e3779b1) >>> 0;
  const ch = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return String.fromCharCode(0x4e00 + ((x >>> 8) % 0x5000));
  };
  return ch() + ch() + ch();
}

function table(n: number, name: (i: number) => string) {
  const values: (string | number | null)[][] = [
    ['2026年部门项目支出预算绩效目标表'],
    ['项目名称', '设备更新项目'],
    ['项目总额', 10, '其中：年度资金总额', 10],
    ['年度总体绩效目标', '更新设备。'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
  ];
  for (let i = 0; i < n; i++)
    values.push([i === 0 ? '产出指标' : null, '数量指标', `${name(i)}设备数量`, `${1 + (i % 9)}台`]);
  for (let i = 0; i < n; i++)
    values.push([i === 0 ? '成本指标' : null, '经济成本指标', `${name(i)}设备单价`, `${1 + (i % 5)}万元/台`]);
  const grid: Grid = { sheet: 'S', values };
  return recognise(grid)[0];
}

function ms(fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples.sort((a, b) => a - b)[2];
}

export function costPairsBench(): string[] {
  const run = (name: (i: number) => string, sizes: number[]) =>
    sizes.map((n) => {
      const t = table(n, name);
      const paired = costLines(t).filter((l) => l.quantity).length;
      // A fresh row list each run: costLines keeps its answer per row list, and the pairing is what is timed.
      return { n, paired, ms: ms(() => costLines({ ...t, indicators: [...t.indicators] })) };
    });
  const line = (label: string, times: { n: number; paired: number; ms: number }[]) => {
    const last = times[times.length - 1];
    return `${label}: ${times.map((x) => `${x.n} → ${x.ms.toFixed(1)} ms`).join(', ')} (${last.paired} of ${last.n} paired); ${last.n} vs ${times[0].n}: ${(last.ms / times[0].ms).toFixed(1)}× for ${last.n / times[0].n}× the rows`;
  };
  const distinct = run(objectName, [1000, 2000, 4000, 8000]);
  const last = distinct[distinct.length - 1];
  return [
    `${line('cost pairs, names of different objects', distinct)}; target 8,000 pairs ≤ 50 ms → ${last.ms <= 50 ? 'met' : 'NOT met'}`,
    // Worst case for a bigram index: names that differ only in numbers share most bigrams.
    line(
      'cost pairs, names that differ only by numbers (worst case)',
      run((i) => `第${i}批${i * 7}号`, [500, 1000, 2000]),
    ),
  ];
}
