#!/usr/bin/env node
// Runs the compiled command line (npm run build:cli, done on install by "prepare").
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'jixiao: 命令行尚未编译，请先运行 npm run build:cli (not built yet: run npm run build:cli)\n',
  );
  process.exit(2);
}
// V8 settings for short batch runs (src/cli/tuning.ts says why and what they save).
require(path.join(__dirname, '..', 'dist', 'cli', 'src', 'cli', 'tuning.js')).tuneForBatch();
const { main } = require(entry);
// stdout and stderr; a reader that goes away (| head) ends the run quietly (src/cli/stdio.ts).
const { processIO } = require(path.join(__dirname, '..', 'dist', 'cli', 'src', 'cli', 'stdio.js'));
main(process.argv.slice(2), processIO())
  // exitCode, not exit(): output piped to another program is written in full before the process ends.
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write('jixiao: ' + String((e && e.message) || e).split('\n')[0] + '\n');
    process.exitCode = 2;
  });
