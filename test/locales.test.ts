/**
 * The engine's locale files against the rules: every message a rule declares has a text in both
 * locales with the same placeholders, nothing is left over, and rendering fills data as plain text.
 */
import '../src/core/locales/en-US';
import { ENGINE_LOCALES, fill, localeData, renderFrameworkReason, renderMessage } from '../src/core/locales';
import { ruleRationale } from '../src/core/locales/rationales';
import rationales from '../src/core/locales/rationales.json';
import { profiles } from '../src/core/profiles';
import { rules } from '../src/core/rules';
import { loadLibrary } from '../src/core/phrasings/library';
import { checkForm } from './helpers/form';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  test.each(ENGINE_LOCALES)(
    '%s: every rule has title, description, rationale and each of its messages, and no other',
    (locale) => {
      expect(Object.keys(rationales[locale]).sort()).toEqual(rules.map((r) => r.meta.id).sort());
      const data = localeData(locale);
      expect(Object.keys(data.rules).sort()).toEqual(rules.map((r) => r.meta.id).sort());
      for (const r of rules) {
        const words = data.rules[r.meta.id];
        expect([
          r.meta.id,
          words.title.length > 0,
          words.description.length > 0,
          ruleRationale(r.meta.id, locale).length > 0,
        ]).toEqual([r.meta.id, true, true, true]);
        expect([r.meta.id, Object.keys(words.messages).sort()]).toEqual([
          r.meta.id,
          [...r.meta.messages].sort(),
        ]);
        // Each option the rule declares is described, and nothing else.
        expect([r.meta.id, Object.keys(words.options ?? {}).sort()]).toEqual([
          r.meta.id,
          Object.keys(r.meta.options ?? {}).sort(),
        ]);
      }
    },
  );

  test.each(ENGINE_LOCALES)('%s: every profile has a title and a description, and no other', (locale) => {
    const words = localeData(locale).profiles;
    expect(Object.keys(words).sort()).toEqual(profiles.map((p) => p.id).sort());
    for (const p of profiles)
      expect([p.id, !!words[p.id].title, !!words[p.id].description]).toEqual([p.id, true, true]);
  });

  test('en-US messages use exactly the placeholders of zh-CN', () => {
    const zh = localeData('zh-CN');
    const en = localeData('en-US');
    for (const r of rules) {
      for (const id of r.meta.messages)
        expect([r.meta.id, id, placeholders(en.rules[r.meta.id].messages[id])]).toEqual([
          r.meta.id,
          id,
          placeholders(zh.rules[r.meta.id].messages[id]),
        ]);
    }
    expect(Object.keys(en.framework).sort()).toEqual(Object.keys(zh.framework).sort());
    for (const k of Object.keys(zh.framework))
      expect(placeholders(en.framework[k])).toEqual(placeholders(zh.framework[k]));
    expect(placeholders(en.ruleFailed)).toEqual(placeholders(zh.ruleFailed));
  });

  test('data is filled as plain text: a placeholder inside data is not expanded again', () => {
    expect(fill('「{value}」', { value: '{value}<b>' })).toBe('「{value}<b>」');
    expect(fill('{a} {missing}', { a: 1 })).toBe('1 {missing}');
    expect(renderMessage('value/percent-range', 'over', { value: '≥120%' }, 'en-US')).toMatch(
      /^Rate 「≥120%」 exceeds 100%/,
    );
  });

  test('framework reasons are rendered from their code', () => {
    expect(renderFrameworkReason('year', 'newer', 2026)).toBe('未见成本指标，按年度（2026年）推定');
    expect(renderFrameworkReason('sheet', 'older', null, 'en-US')).toBe(
      'no cost indicator; as the other tables of the sheet (cost as level 2)',
    );
  });
});

describe('a check in en-US', () => {
  test('the same issues, the same ids, data and cells; the messages in English', () => {
    const spec = {
      annual: 10,
      fiscal: 8,
      department: '',
      rows: [
        ['产出指标', '数量指标', '培训人数', '效果明显'],
        ['', '质量指标', '合格率', '≥120%'],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '提高'],
      ],
    };
    const library = loadLibrary();
    const zh = checkForm(spec, { library });
    const en = checkForm(spec, { library, locale: 'en-US' });
    const strip = (t: typeof zh) => t.issues.map(({ message: _m, ...rest }) => rest);
    expect(strip(en)).toEqual(strip(zh));
    expect(en.issues.length).toBeGreaterThan(3);
    for (const i of en.issues) expect(i.message).toBe(renderMessage(i.rule, i.messageId, i.data, 'en-US'));
    expect(en.issues.map((i) => i.message)).not.toEqual(zh.issues.map((i) => i.message));
    expect(en.frameworkReason).toMatch(/^[a-z]/);
  });
});
