// Loads every native module code-server needs. npm may skip an install script silently (nested
// installs have no allowScripts of their own); a skipped build shows up here, not as a broken editor.
const path = require('node:path');
const fs = require('node:fs');
const vs = path.join(__dirname, 'node_modules/code-server/lib/vscode/node_modules');
const mods = ['@vscode/spdlog', 'node-pty', 'native-watchdog', 'kerberos', '@vscode/deviceid', '@parcel/watcher'];
let bad = 0;
for (const m of mods) {
  try {
    require(require.resolve(m, { paths: [vs] }));
  } catch (e) {
    bad++;
    console.error(`check-install: ${m}: ${e.message.split('\n')[0]}`);
  }
}
try {
  require(require.resolve('argon2', { paths: [path.join(__dirname, 'node_modules/code-server')] }));
} catch (e) {
  bad++;
  console.error(`check-install: argon2: ${e.message.split('\n')[0]}`);
}
const rg = path.join(vs, '@vscode/ripgrep/bin/rg');
if (!fs.existsSync(rg)) {
  bad++;
  console.error('check-install: @vscode/ripgrep has no rg binary');
}
if (bad) process.exit(1);
console.log('check-install: all native modules load');
