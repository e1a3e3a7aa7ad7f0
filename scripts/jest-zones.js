#!/usr/bin/env node
/**
 * The reader's tests again under two time zones, east and west of Greenwich (issue 29): a date read
 * through a local-time Date shows the day before in Asia/Shanghai and can show the day after in
 * America/Los_Angeles. Run by `npm test` after the whole suite; TZ is set per process, so it works the
 * same on every platform.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const tests = ['test/xlsx-read.test.ts', 'test/xlsx-constructs.test.ts', 'test/xlsx-writers.test.ts'];
for (const tz of ['Asia/Shanghai', 'America/Los_Angeles']) {
  console.log(`reader tests with TZ=${tz}`);
  const r = spawnSync(process.execPath, [jest, '--silent', ...tests], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
