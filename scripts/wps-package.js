/**
 * Writes the WPS add-in (dist/wps/addin: the pane webpack built as dist/web/wps.js, its chunks, the
 * ribbon and the entry page) and its publish files:
 *
 *   dist/wps/online/   jsplugins.xml (for an administrator's oem.ini JSPluginsServer) and
 *                      publish.xml (one desk registering the served add-in), naming the add-in's URL
 *   dist/wps/offline/  jixiao_<version>/ (the add-in itself), publish.xml, install.sh / install.bat
 *                      (copy into the user's jsaddons folder and register; no server needed)
 *
 * The XML follows the shapes the official tooling writes (npm wpsjs 2.2.3, src/lib: debug_xmlplugin.js
 * <jspluginonline name type url/>, build.js <jsplugin name type url version/> and its copy.bat).
 * WPS_ADDIN_URL sets where the unit's intranet server serves dist/wps/addin (a placeholder by default:
 * `WPS_ADDIN_URL=http://intranet/jixiao/ npm run build`).
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const WPS = path.join(ROOT, 'dist', 'wps');
const ADDIN = path.join(WPS, 'addin');
const { version } = require(path.join(ROOT, 'package.json'));
const NAME = 'jixiao';
const url = (process.env.WPS_ADDIN_URL || 'http://SERVER/jixiao/').replace(/\/?$/, '/');

function xmlAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const WEB = path.join(ROOT, 'dist', 'web');
/** dist/web's own pages and entries, not part of the WPS add-in. */
const NOT_WPS = new Set(['taskpane.js', 'commands.js', 'playground.js', 'old-webview.js']);

/** The add-in folder: the WPS pane and its chunks from dist/web, the ribbon, the entry page, icons. */
function assemble() {
  if (!fs.existsSync(path.join(WEB, 'wps.js')))
    throw new Error('dist/web/wps.js is missing: run webpack first (npm run build does)');
  fs.rmSync(WPS, { recursive: true, force: true });
  fs.mkdirSync(path.join(ADDIN, 'assets'), { recursive: true });
  for (const f of fs.readdirSync(WEB))
    if (f.endsWith('.js') && !NOT_WPS.has(f)) fs.copyFileSync(path.join(WEB, f), path.join(ADDIN, f));
  fs.copyFileSync(path.join(WEB, 'wps-taskpane.html'), path.join(ADDIN, 'taskpane.html'));
  for (const f of ['ribbon.xml', 'main.js', 'index.html'])
    fs.copyFileSync(path.join(ROOT, 'src', 'wps', 'addin', f), path.join(ADDIN, f));
  for (const f of fs.readdirSync(path.join(ROOT, 'assets')))
    if (f.endsWith('.png')) fs.copyFileSync(path.join(ROOT, 'assets', f), path.join(ADDIN, 'assets', f));
}

function main() {
  assemble();
  const online = `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${NAME}" type="et" url="${xmlAttr(url)}" enable="enable_dev" install="null"/>
</jsplugins>
`;
  write(path.join(WPS, 'online', 'jsplugins.xml'), online);
  write(path.join(WPS, 'online', 'publish.xml'), online);

  const folder = `${NAME}_${version}`;
  const offlineDir = path.join(WPS, 'offline');
  fs.rmSync(offlineDir, { recursive: true, force: true });
  fs.cpSync(ADDIN, path.join(offlineDir, folder), { recursive: true });
  const entry = `<jsplugin name="${NAME}" type="et" url="${folder}" version="${version}" enable="enable_dev" install="null"/>`;
  write(
    path.join(offlineDir, 'publish.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${entry}\n</jsplugins>\n`,
  );
  write(
    path.join(offlineDir, 'install.sh'),
    `#!/bin/sh
# Installs 绩效目标表助手 for this user's WPS (Linux: UOS, Kylin): copies the add-in into the
# jsaddons folder and registers it in publish.xml. Restart WPS afterwards.
set -e
here=$(cd "$(dirname "$0")" && pwd)
dest="\${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
mkdir -p "$dest"
rm -rf "$dest/${folder}"
cp -R "$here/${folder}" "$dest/${folder}"
entry='${entry}'
if [ ! -f "$dest/publish.xml" ]; then
  cp "$here/publish.xml" "$dest/publish.xml"
else
  # Replace an earlier ${NAME} entry, else add ours before </jsplugins>.
  grep -v 'name="${NAME}"' "$dest/publish.xml" > "$dest/publish.xml.tmp" || true
  sed "s#</jsplugins>#  $entry\\n</jsplugins>#" "$dest/publish.xml.tmp" > "$dest/publish.xml"
  rm -f "$dest/publish.xml.tmp"
fi
echo "已安装到 $dest/${folder}；请重新启动 WPS。"
`,
  );
  fs.chmodSync(path.join(offlineDir, 'install.sh'), 0o755);
  write(
    path.join(offlineDir, 'install.bat'),
    `@echo off
rem Installs 绩效目标表助手 for this user's WPS (Windows): copies the add-in into
rem %APPDATA%\\kingsoft\\wps\\jsaddons and registers it in publish.xml. Restart WPS afterwards.
set "dest=%APPDATA%\\kingsoft\\wps\\jsaddons"
if not exist "%dest%" mkdir "%dest%"
xcopy /E /I /Y "%~dp0${folder}" "%dest%\\${folder}" >nul
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$f = Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons\\publish.xml';" ^
  "$entry = '${entry}';" ^
  "if (-not (Test-Path $f)) { Copy-Item (Join-Path '%~dp0' 'publish.xml') $f; exit }" ^
  "$lines = Get-Content -Encoding UTF8 $f | Where-Object { $_ -notmatch 'name=\\"${NAME}\\"' };" ^
  "$text = ($lines -join [Environment]::NewLine) -replace '</jsplugins>', ('  ' + $entry + [Environment]::NewLine + '</jsplugins>');" ^
  "Set-Content -Encoding UTF8 $f $text"
echo 已安装；请重新启动 WPS。
`.replace(/\n/g, '\r\n'),
  );
  console.log(`WPS add-in: dist/wps/addin (serve it at ${url}), dist/wps/online, dist/wps/offline/${folder}`);
}

main();
