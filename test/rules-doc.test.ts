/**
 * docs/rules.md is generated from the rules' meta and words (scripts/rules-doc.js, on the compiled
 * rules in dist/cli: `npm run build:cli` first, as `npm test` does). The committed file must be what
 * the script writes today, so the rule list cannot drift from the code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { rules } from '../src/core/rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rulesMarkdown } = require('../scripts/rules-doc') as { rulesMarkdown: () => string };

test('docs/rules.md is what scripts/rules-doc.js generates', () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules.md'), 'utf8');
  const generated = rulesMarkdown();
  if (generated !== committed) {
    throw new Error('docs/rules.md is out of date: run node scripts/rules-doc.js (after npm run build:cli)');
  }
});

test('every rule of the registry has its section and its messages in docs/rules.md', () => {
  const text = rulesMarkdown();
  for (const r of rules) {
    expect(text).toContain(`### \`${r.meta.id}\``);
    for (const m of r.meta.messages) expect(text).toContain(`| \`${m}\` |`);
  }
});
