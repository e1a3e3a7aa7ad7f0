/**
 * npm start.
 * - Where Excel desktop is installed (Windows, macOS): sideloads the add-in with
 *   office-addin-debugging (run on demand with npx; it cannot be a devDependency here, see README),
 *   which starts the dev server on https://localhost:3000.
 * - Elsewhere (Linux, or with --no-sideload): builds in watch mode and serves the add-in on
 *   https://localhost:3000 and the playground on http://localhost:3001 (plain http, so it works
 *   without installing a certificate), and prints both URLs.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const { serve } = require('./serve');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'web');
const ADDIN_PORT = Number(process.env.JIXIAO_ADDIN_PORT || 3000);
const PLAYGROUND_PORT = Number(process.env.JIXIAO_PLAYGROUND_PORT || 3001);

function excelDesktopInstalled() {
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform === 'win32') {
    const dirs = [process.env['ProgramFiles'], process.env['ProgramFiles(x86)']].filter(Boolean);
    return dirs.some((d) =>
      ['Microsoft Office\\root\\Office16\\EXCEL.EXE', 'Microsoft Office\\Office16\\EXCEL.EXE'].some((f) =>
        fs.existsSync(path.join(d, f)),
      ),
    );
  }
  return false;
}

async function tlsOptions() {
  try {
    return await require('office-addin-dev-certs').getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const key = path.join(dir, 'localhost.key');
    const cert = path.join(dir, 'localhost.crt');
    if (fs.existsSync(key) && fs.existsSync(cert)) {
      console.warn(
        'The development certificate exists but could not be trusted here (no admin rights); Excel may refuse it.',
      );
      return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
    }
    console.warn(`No development certificate (${e.message.split('\n')[0]}); only the playground is served.`);
    return null;
  }
}

async function main() {
  if (!process.argv.includes('--no-sideload') && excelDesktopInstalled()) {
    const child = spawn('npx', ['--yes', 'office-addin-debugging@7', 'start', 'manifest.xml'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const config = await require('../webpack.config.js')({}, { mode: 'development' });
  const compiler = webpack(config);
  let first = true;
  await new Promise((resolve) => {
    compiler.watch({ aggregateTimeout: 300 }, (err, stats) => {
      if (err || stats.hasErrors()) console.error(err ? err.message : stats.toString('errors-only'));
      else console.log(`built in ${stats.endTime - stats.startTime} ms`);
      if (first) {
        first = false;
        resolve();
      }
    });
  });
  const playground = await serve(OUT, { port: PLAYGROUND_PORT });
  console.log(
    `\n  Playground (simulated Excel, no certificate needed): http://localhost:${playground.port}/playground.html`,
  );
  const tls = await tlsOptions();
  if (tls) {
    const addin = await serve(OUT, { port: ADDIN_PORT, tls });
    console.log(
      `  Add-in for Excel (manifest.xml points here):        https://localhost:${addin.port}/taskpane.html`,
    );
  }
  console.log(
    '\n  No Excel desktop on this machine: nothing was sideloaded. In Excel on the web, upload manifest.xml',
  );
  console.log('  (Home → Add-ins → More add-ins → Upload my add-in). Stop with Ctrl+C or `npm stop`.\n');
  fs.writeFileSync(path.join(ROOT, 'dist', 'start.pid'), String(process.pid));
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
