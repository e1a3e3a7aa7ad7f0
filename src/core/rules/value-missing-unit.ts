import type { Indicator, Table } from '../model';
import type { CellSource } from '../sheet';
import { excerpt, foldText } from '../text';
import { type ParsedValue, parseValue } from '../values';
import { categories } from '../vocabulary';
import { category, isCostLine, isNotApplicableName, rowText } from './helpers';
import type { Rule } from './types';
import { readDates } from './value-impossible-date';

/** Measure words (量词) that are a count's unit by themselves: 10个, 3台, 5辆, 2项. */
const CLASSIFIERS =
  '个人次户家台辆件套项场所座间张册本份篇条处名位只头株棵批期班届部支组队类种门节块栋幢宗起单例床枚匹口眼盏根把架艘井';

/** Units of measure longer than one measure word, or not one: 万元, 平方米, 公里, %, 小时, kg. */
const UNIT_WORDS =
  '% ‰ 人次 户次 场次 班次 课时 学时 平方公里 平方米 平米 立方米 公顷 公里 千米 公斤 千克 小时 分钟 个月 工作日 亿元 万元 千元 元 吨 米 亩 天 日 月 年 周 秒 度 升 千瓦 km kg m m2 m3 ㎡ t h kw'.split(
    ' ',
  );

/** A text that is a unit: "台", "万元/亩", "人次", "万亩", "%", "单位:公里". */
const UNIT = new RegExp(
  `^(?:单位:?)?(?:万|千|百|亿)?(?:${UNIT_WORDS.join('|')}|[${CLASSIFIERS}])(?:/.{1,4})?$`,
  'i',
);

/** A unit named in brackets or after 单位 in a 三级 name or a column header: "车辆数(辆)", "面积（单位：亩）". */
function namesUnit(text: string): boolean {
  const t = foldText(text).replace(/\s+/g, '');
  for (const m of t.matchAll(/\(([^()]{1,8})\)/g)) if (UNIT.test(m[1])) return true;
  const after = /单位:?([^,;，；()]{1,6})/.exec(t);
  return !!after && UNIT.test(after[1]);
}

/** A 三级 that gives the unit itself: a count named by its measure word (人数, 车辆数, 次数, 人次, 个数). */
const COUNT_NAME = new RegExp(`[${CLASSIFIERS}](?:数|数量|次)$`);

/** 三级 words that make a bare figure a percentage (率, 比例, 占比, 满意度) — the value is read as one. */
const RATE_NAME = /率|比例|比重|占比|百分比|百分点|满意|增幅|降幅|幅度/;

/** 三级 words of figures that have no unit by nature: scores, indices, ranks, levels, multiples. */
const UNITLESS_NAME = /分值|得分|评分|分数|打分|指数|系数|倍数|等级|星级|级别|排名|名次|位次|年份|编号|序号/;

/** Serial numbers of 2000-01-01 and 2099-12-31 (as value/date-serial, which reports them). */
const SERIAL_FIRST = 36526;
const SERIAL_LAST = 73050;

/** Whether the 三级 name says what unit its figure is in, or that it has none. */
function nameGivesUnit(name: string): boolean {
  const t = foldText(name).replace(/\s+/g, '');
  if (namesUnit(t)) return true;
  const bare = t.replace(/\([^()]*\)/g, '');
  return COUNT_NAME.test(bare) || RATE_NAME.test(bare) || UNITLESS_NAME.test(bare);
}

/**
 * Whether the value column's header names the unit ("指标值（万元）"): read from the sheet, in the
 * header row and any row under it before the first indicator (a header over two rows).
 */
function headerGivesUnit(table: Table, sheet: CellSource | undefined): boolean {
  const col = table.columns.value;
  if (col === null || !sheet) return false;
  const first = table.indicators.reduce((r, i) => Math.min(r, i.row), table.bottom + 1);
  for (let row = table.indicatorHeaderRow; row < first && row <= table.indicatorHeaderRow + 2; row++) {
    for (const cell of sheet.cells(row)) {
      if (cell.col <= col && col <= sheet.rightEdge(cell) && namesUnit(cell.text)) return true;
    }
  }
  return false;
}

/** A unit to suggest for a bare figure: from what the 三级 counts or measures, else the category's usual unit. */
const COUNTED: [RegExp, string][] = [
  [/课程/, '门'],
  [/人员|人口|对象|学员|群众|职工|就业|参训|受益|人/, '人'],
  [/农户|家庭|户/, '户'],
  [/培训|会议|活动|检查|宣传|巡查|演练|督查/, '次'],
];
const MEASURED: [RegExp, string][] = [
  [/资金|经费|费用|成本|投入|投资|金额|补助|补贴|预算|支出|价/, '万元'],
  [/面积/, '亩'],
  [/长度|里程|距离|路线|线路/, '公里'],
  [/周期|时间|时限|期限|时长|天数|工期|用时/, '天'],
  ...COUNTED,
];

function suggestUnit(ind: Indicator, v: ParsedValue): string {
  const name = foldText(ind.name?.text ?? '').replace(/\([^()]*\)/g, '');
  const cat = category(ind);
  if (isCostLine(ind)) return '万元';
  const timely = cat === categories.timeliness;
  // "1-12" in a 时效 row: months of the year.
  if (timely && v.rangeEnd !== undefined && v.number !== null && v.number >= 1 && v.rangeEnd <= 12)
    return '月';
  // "…项目数", "…课程数量": a count of what the name says.
  const count = /(?:数|数量|个数)$/.test(name);
  for (const [re, unit] of count ? COUNTED : MEASURED) if (re.test(name)) return unit;
  if (count) return '个';
  if (timely) return '天';
  if (cat === categories.quality) return '%';
  return '个';
}

/**
 * A bare figure ("10", "≥180") where nothing on the row says what it counts: not the value's own
 * cell, its 三级, a 计量单位 column or the value column's header. Figures unitless by nature are left
 * alone: rates and satisfaction (percentages; value/satisfaction-form asks for the % there), scores,
 * indices, years, 0, dates (value/date-serial and value/impossible-date read those) and a cost line's
 * figure in a form whose 单位 line gives the amounts' unit.
 */
export const valueMissingUnit: Rule = {
  meta: {
    id: 'value/missing-unit',
    type: 'value',
    severity: 'warning',
    fixable: false,
    messages: ['missing'],
  },
  check({ table, report, sheet }) {
    let header: boolean | null = null;
    for (const ind of table.indicators) {
      if (!ind.value || isNotApplicableName(ind)) continue;
      const cat = category(ind);
      if (cat === categories.satisfaction) continue;
      // The value as assembled with a 计量单位 column: a unit there is part of it.
      const v = parseValue(ind.value.text);
      if (v.kind !== 'number' || v.number === null) continue;
      if (v.number === 0 && v.rangeEnd === undefined) continue;
      if (ind.side?.measure?.text.trim()) continue;
      if (isCostLine(ind) && table.unit) continue;
      if (ind.name && nameGivesUnit(ind.name.text)) continue;
      const timely = cat === categories.timeliness;
      // Dates and periods ("2023.07-2024.01", "2024-2026"; in a 时效 row "20246") are no bare figures,
      // nor is a date serial in a 时效 row ("45657").
      if (readDates(ind.value.text, { compact: timely }).found) continue;
      const integer = Number.isInteger(v.number) && v.rangeEnd === undefined;
      if (timely && integer && v.number >= SERIAL_FIRST && v.number <= SERIAL_LAST) continue;
      const year = integer && v.number >= 1900 && v.number <= 2100;
      if (year && (timely || /年份/.test(ind.name?.text ?? ''))) continue;
      header ??= headerGivesUnit(table, sheet);
      if (header) continue;
      const written = ind.valueParts?.value ?? ind.value.text;
      const unit = suggestUnit(ind, v);
      report({
        messageId: 'missing',
        data: {
          value: written,
          indicator: excerpt(ind.name?.text ?? ind.level2?.text ?? '', 30),
          unit,
          example: `${v.text}${unit}`,
        },
        at: ind.value,
        text: rowText(ind),
      });
    }
  },
};
