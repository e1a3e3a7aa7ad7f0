#!/usr/bin/env node
// Holds the data built into the command line (the form's words, frameworks, profiles and the
// phrasing library) to their zod schemas, once, at build time (npm run build:cli): the command line
// does not load zod at start, as the pane's bundle does not. The tests hold the same data to the
// same schemas. Exits 1 with the first problems when the data is unsound.
'use strict';
const path = require('path');
const built = path.join(__dirname, '..', 'dist', 'cli', 'src', 'core');
try {
  require(path.join(built, 'vocabulary-schema.js')).validateVocabulary();
  const { buildLibrary } = require(path.join(built, 'phrasings', 'library-schema.js'));
  buildLibrary(require(path.join(built, 'phrasings', 'library.json')));
} catch (e) {
  process.stderr.write(
    `jixiao: built-in data does not match its schema: ${String(e && e.message).slice(0, 2000)}\n`,
  );
  process.exit(1);
}
