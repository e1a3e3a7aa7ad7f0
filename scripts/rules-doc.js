#!/usr/bin/env node
// Writes docs/rules.md from the rules themselves, so the list cannot drift from the code: each rule's
// meta (id, type, default level, fixable, options) from the compiled registry, its words (title,
// description, every message) from src/core/locales/zh-CN.json and en-US.json, its rationale from
// src/core/locales/rationales.json, and the profiles from src/core/data/profiles.json.
//
//   npm run build:cli && node scripts/rules-doc.js     (or: npm run docs:rules)
//
// test/rules-doc.test.ts regenerates the text in memory and compares it with the committed file.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const BUILT = path.join(ROOT, 'dist', 'cli', 'src', 'core');
const OUT = path.join(ROOT, 'docs', 'rules.md');

/**
 * What the rules' words do not say and a reviewer should know, by rule id (English). Kept short: the
 * messages, options and rationale below carry the rest.
 */
const NOTES = {
  'header/missing-field': [
    'A field is named as the form writes it (an empty 项目主管部门 is reported as 「项目主管部门」未填写).',
    'An empty 中期 / 项目总额 field is a warning when the year’s amount is filled in.',
  ],
  'structure/missing-indicators': [
    'Reported for a 项目名称, an amount and a goal label close together with no indicator table under them — unless they stand under another document’s title (…申报书, …明细表).',
  ],
  'structure/misplaced-level2': [
    'The warning for a 三级 that belongs to another category (indicatorElsewhere) comes from the phrasing library’s category inference (cue words and the nearest standard phrasings).',
  ],
  'structure/required-level2': [
    'Requirements come from the profile (宁夏, below) and from the tags a form writes after a 二级 name (「（必填硬性指标）」「（必填）」); tags on the form are enforced whenever the rule is on. A 二级 the framework itself requires is reported by structure/missing-level1 and structure/missing-level2, not here.',
  ],
  'value/not-measurable': ['效益 values may be qualitative (提升, 长效); 数量 / 质量 / 时效 values may not.'],
  'sum/funds': [
    'Sums use exact decimal arithmetic (no floating-point drift) with a tolerance of half the smallest digit stated among the figures compared.',
  ],
  'sum/cost-total': [
    'Sums use exact decimal arithmetic with a tolerance of half the smallest digit stated among the figures compared.',
    'Unit prices (7万/台) count towards the cost total only when a 数量 row for the same thing gives the quantity (2台); otherwise the sum is left open, and reported only if what can be counted already exceeds the total.',
  ],
  'sum/goal-text': [
    'An amount quoted in the goal text may be the exact figure cut or rounded to the digits written (77.88 for 778,850.24 元).',
  ],
  'style/level2-name': [
    'A fix is offered only when the text is one standard name written otherwise: outside brackets, a standard stem with 指标, nothing, 目标 or a cut-short 指, and marks (数量, 数量目标, 社会效益：); a bracket that names the same category and no other goes (时效指标（工期指标） → 时效指标); a (必填…) tag stays. Another word for the category (工期指标, 预算(或投资规模)控制指标) or several categories in one (社会、经济、生态效益指标: 社会, 经济 and 生态 before 效益) is left as written, and spaces alone are not reported.',
    'In a form with 中期 and 年度 halves (side by side, or one table under the other), the 中期 二级 at the same place gets the same fix; when it is not that category written so or fixable to it, neither half is fixed.',
  ],
};

/** Markdown-safe text for a table cell or a paragraph. */
function md(text) {
  return String(text)
    .replace(/\\/g, '\\\\')
    .replace(/([|*_<>`[\]])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** The anchor of a rule's section: `value/percent-range` → `value-percent-range`. */
function anchor(id) {
  return id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

function loadBuilt() {
  try {
    const { rules } = require(path.join(BUILT, 'rules', 'index.js'));
    const locales = require(path.join(BUILT, 'locales', 'index.js'));
    require(path.join(BUILT, 'locales', 'en-US.js'));
    const { ruleRationale } = require(path.join(BUILT, 'locales', 'rationales.js'));
    const { profiles, DEFAULT_PROFILE } = require(path.join(BUILT, 'profiles.js'));
    const profileData = require(path.join(BUILT, 'data', 'profiles.json'));
    return { rules, locales, ruleRationale, profiles, DEFAULT_PROFILE, tags: profileData.tags };
  } catch (e) {
    throw new Error(`cannot load the compiled rules (run npm run build:cli first): ${e.message}`);
  }
}

function optionLine(name, option, zhWhat, enWhat) {
  const range = [
    option.min !== undefined ? `≥ ${option.min}` : '',
    option.max !== undefined ? `≤ ${option.max}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const kind = option.kind === 'integer' ? 'integer' : 'number';
  const def = option.default === null ? 'not set' : String(option.default);
  return `- \`${name}\` (${kind}${range ? `, ${range}` : ''}; default ${def}): ${md(zhWhat || '')}${enWhat ? ` — ${md(enWhat)}` : ''}`;
}

const REQUIREMENT = { hard: '必填硬性 (hard)', required: '必填 (required)', optional: '选填 (optional)' };

/** The whole of docs/rules.md, as a string. */
function rulesMarkdown() {
  const { rules, locales, ruleRationale, profiles, DEFAULT_PROFILE, tags } = loadBuilt();
  const level = (meta) => (meta.offByDefault ? `off (${meta.severity} when on)` : meta.severity);
  const out = [];
  const line = (s = '') => out.push(s);

  line('# 规则 Rules');
  line();
  line(
    '<!-- Generated by `node scripts/rules-doc.js` (after `npm run build:cli`) from the rules’ meta in src/core/rules, their words in src/core/locales and the profiles in src/core/data/profiles.json. Do not edit by hand: test/rules-doc.test.ts fails when this file differs from what the script writes. -->',
  );
  line();
  line(
    `${rules.length} rules. Rule ids and message ids are a public contract: the JSON output (\`rule\`, \`messageId\`, \`data\`), the pane and the configuration use them. \`jixiao rules\` (\`--locale en-US\`) prints the same list. Levels and options are set in \`jixiao.config.json\` or the pane’s 设置 tab ([command-line.md](command-line.md#configuration-jixiaoconfigjson)). In the messages, \`{name}\` is filled from the issue’s \`data\`.`,
  );
  line();
  line('| id | default | 标题 | title | fixable |');
  line('|---|---|---|---|---|');
  for (const r of rules) {
    const zh = locales.ruleWords(r.meta.id, 'zh-CN');
    const en = locales.ruleWords(r.meta.id, 'en-US');
    line(
      `| [\`${r.meta.id}\`](#${anchor(r.meta.id)}) | ${level(r.meta)} | ${md(zh.title)} | ${md(en.title)} | ${r.meta.fixable ? 'yes' : ''} |`,
    );
  }
  line();

  line('## 规范 Profiles');
  line();
  line(
    `\`"profile"\` in the configuration picks the rulebook (default \`${DEFAULT_PROFILE}\`). A profile’s rule levels sit below the configuration’s own \`rules\`.`,
  );
  line();
  for (const p of profiles) {
    const zh = locales.profileWords(p.id, 'zh-CN');
    const en = locales.profileWords(p.id, 'en-US');
    line(`### ${md(p.id)}`);
    line();
    line(`${md(zh.title)}：${md(zh.description)}`);
    line();
    line(`${md(en.title)}: ${md(en.description)}`);
    const sets = Object.entries(p.rules);
    const reqs = Object.entries(p.requirements);
    if (sets.length || reqs.length) line();
    if (sets.length) line(`- Rule levels: ${sets.map(([id, lv]) => `\`${id}\` ${lv}`).join(', ')}`);
    if (reqs.length)
      line(`- 二级 requirements: ${reqs.map(([l2, req]) => `${md(l2)} ${REQUIREMENT[req]}`).join('; ')}`);
    line();
  }
  line(
    `Tags a form writes after a 二级 name, and what each requires (enforced by \`structure/required-level2\` whenever it is on): ${Object.entries(
      tags,
    )
      .map(([word, req]) => `「${md(word)}」 ${REQUIREMENT[req]}`)
      .join('; ')}.`,
  );
  line();

  line('## 规则 The rules');
  line();
  for (const r of rules) {
    const { id } = r.meta;
    const zh = locales.ruleWords(id, 'zh-CN');
    const en = locales.ruleWords(id, 'en-US');
    line(`<a id="${anchor(id)}"></a>`);
    line();
    line(`### \`${id}\` — ${md(zh.title)} (${md(en.title)})`);
    line();
    line(
      `Default level **${level(r.meta)}** · type ${r.meta.type} · ${r.meta.fixable ? 'fixable (some issues carry a one-click fix)' : 'no fix'}`,
    );
    line();
    line(`- 说明：${md(zh.description)}`);
    line(`- What: ${md(en.description)}`);
    line(`- 为何：${md(ruleRationale(id, 'zh-CN'))}`);
    line(`- Why: ${md(ruleRationale(id, 'en-US'))}`);
    for (const note of NOTES[id] ?? []) line(`- Note: ${md(note)}`);
    const options = Object.entries(r.meta.options ?? {});
    if (options.length) {
      line();
      line('Options:');
      line();
      for (const [name, o] of options) line(optionLine(name, o, zh.options?.[name], en.options?.[name]));
    }
    line();
    line('| messageId | zh-CN | en-US |');
    line('|---|---|---|');
    for (const m of r.meta.messages) {
      line(`| \`${m}\` | ${md(zh.messages[m] ?? '')} | ${md(en.messages[m] ?? '')} |`);
    }
    line();
  }
  return out.join('\n');
}

if (require.main === module) {
  try {
    const text = rulesMarkdown();
    fs.writeFileSync(OUT, text);
    process.stdout.write(`wrote ${path.relative(ROOT, OUT)} (${text.split('\n').length} lines)\n`);
  } catch (e) {
    process.stderr.write(`rules-doc: ${e.message}\n`);
    process.exit(1);
  }
}

module.exports = { rulesMarkdown };
