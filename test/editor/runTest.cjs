// The standard @vscode/test-electron entry (yo-code template), pointed at code-server through
// vscode-test-shim.mjs because this machine cannot download VS Code. Runs the extension-host
// suite twice: in a trusted folder and in Restricted Mode.
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { cpSync, mkdtempSync, mkdirSync } = require('node:fs');

async function main() {
  const extensionDevelopmentPath = path.resolve(__dirname, '../..');
  const extensionTestsPath = path.resolve(__dirname, 'suite/index');
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || path.resolve(__dirname, 'vscode-test-shim.mjs');
  for (const untrusted of [false, true]) {
    mkdirSync(path.join(__dirname, '.work'), { recursive: true });
    const ws = path.join(mkdtempSync(path.join(__dirname, '.work', 'host-')), untrusted ? 'contoso-untrusted' : 'contoso');
    cpSync(path.join(extensionDevelopmentPath, 'examples/contoso'), ws, { recursive: true });
    await runTests({ vscodeExecutablePath, extensionDevelopmentPath, extensionTestsPath, launchArgs: [ws, ...(untrusted ? ['--d365sec-untrusted'] : [])] });
    console.log(`host tests (${untrusted ? 'Restricted Mode' : 'trusted'}): passed`);
  }
}

main().catch((err) => {
  console.error('Failed to run tests:', err && err.message ? err.message : err);
  process.exit(1);
});
