/**
 * Finds a Chromium for the browser tests, or brings one, and says in one line which it uses.
 *
 * A fresh machine has no browser, and a test tool's own browser download cannot reach its host
 * here, so `npm test` must not depend on either. In order:
 *   1. CHROMIUM_PATH, when set (it must exist: a wrong path is an error, not a silent fallback);
 *   2. a system Chromium or Chrome (Debian's /usr/bin/chromium, …) that answers --version;
 *   3. the Chromium shipped inside the npm package @sparticuz/chromium (a devDependency: its
 *      binary is part of the package, brotli-compressed), unpacked once into
 *      node_modules/.cache/jixiao-browser/<version>/ — no network;
 *   4. as root on Debian, Debian's chromium package (apt-get update, then install).
 *
 * `node scripts/browser.js` prints the line; `--json` prints {"path", "source", "version"} instead
 * (the browser tests call it so). JIXIAO_NO_SYSTEM_BROWSER=1 skips step 2, as on a machine where
 * no browser is installed (test/browser-resolve.test.ts uses it).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync, spawnSync } = require('child_process');
const { pipeline } = require('stream/promises');

const ROOT = path.join(__dirname, '..');
const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** The browser's own version line, or null when it does not start. */
function versionOf(exe) {
  try {
    const r = spawnSync(exe, ['--version', '--no-sandbox'], { encoding: 'utf8', timeout: 20000 });
    const line = (r.stdout || '').trim().split('\n')[0];
    return r.status === 0 && line ? line : null;
  } catch {
    return null;
  }
}

/** The npm package's Chromium, unpacked into node_modules/.cache on first use (a few seconds). */
async function packaged() {
  // Its package.json is not among the package's exports, so it is found by place, not by require.
  const pkgDir = path.join(ROOT, 'node_modules', '@sparticuz', 'chromium');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) return null;
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const source = path.join(pkgDir, 'bin', 'chromium.br');
  if (!fs.existsSync(source)) return null;
  const dir = path.join(ROOT, 'node_modules', '.cache', 'jixiao-browser', version);
  const exe = path.join(dir, 'chromium');
  if (!fs.existsSync(exe)) {
    fs.mkdirSync(dir, { recursive: true });
    // Unpacked beside its final name and renamed: an interrupted run leaves no half a browser.
    const partial = `${exe}.${process.pid}.partial`;
    try {
      await pipeline(
        fs.createReadStream(source),
        zlib.createBrotliDecompress(),
        fs.createWriteStream(partial),
      );
      fs.chmodSync(partial, 0o755);
      fs.renameSync(partial, exe);
    } finally {
      fs.rmSync(partial, { force: true });
    }
  }
  return { path: exe, source: `the npm package @sparticuz/chromium ${version}` };
}

/** Debian's package, when this process may install it (root, apt-get present). */
function debian() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !fs.existsSync('/etc/debian_version') || !fs.existsSync('/usr/bin/apt-get')) return null;
  process.stderr.write('browser: installing Debian’s chromium (apt-get update, apt-get install chromium)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 300000 });
  } catch {
    // A stale list may still hold chromium: try the install anyway.
  }
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env, timeout: 600000 });
  } catch {
    return null;
  }
  return fs.existsSync('/usr/bin/chromium')
    ? { path: '/usr/bin/chromium', source: 'Debian’s chromium' }
    : null;
}

async function resolveBrowser() {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    const version = versionOf(env);
    if (!version) throw new Error(`CHROMIUM_PATH=${env} does not start (--version failed)`);
    return { path: env, source: 'CHROMIUM_PATH', version };
  }
  if (process.env.JIXIAO_NO_SYSTEM_BROWSER !== '1')
    for (const exe of SYSTEM) {
      if (!fs.existsSync(exe)) continue;
      const version = versionOf(exe);
      if (version) return { path: exe, source: 'the system browser', version };
    }
  for (const find of [packaged, debian]) {
    const found = await find();
    if (!found) continue;
    const version = versionOf(found.path);
    if (version) return { ...found, version };
  }
  throw new Error(
    'no usable Chromium: set CHROMIUM_PATH, install one (Debian: apt-get update && apt-get install -y chromium), ' +
      'or run npm ci so that the npm package @sparticuz/chromium is present',
  );
}

module.exports = { resolveBrowser };

if (require.main === module) {
  resolveBrowser().then(
    (b) => {
      if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(b)}\n`);
      else process.stdout.write(`browser: ${b.version} — ${b.source} (${b.path})\n`);
    },
    (e) => {
      process.stderr.write(`browser: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
