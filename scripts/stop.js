/** npm stop: ends `npm start` (the servers here, or office-addin-debugging where Excel is installed). */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const pidFile = path.join(__dirname, '..', 'dist', 'start.pid');
if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid);
    console.log(`stopped ${pid}`);
  } catch {
    console.log('not running');
  }
  fs.unlinkSync(pidFile);
} else if (process.platform === 'win32' || process.platform === 'darwin') {
  spawnSync('npx', ['--yes', 'office-addin-debugging@7', 'stop', 'manifest.xml'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
} else {
  console.log('not running');
}
