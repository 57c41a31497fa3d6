#!/usr/bin/env node
// Stands in for the VS Code executable @vscode/test-electron 2.5.2 would download: it takes the
// same arguments (--extensionDevelopmentPath, --extensionTestsPath, workspace), runs the tests in
// code-server's real extension host through the web workbench's `payload` route, and exits with
// the runner's code. `--d365sec-untrusted` opens the folder in Restricted Mode.
import { closeBrowser, launchBrowser, startCodeServer } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const devPath = opt('extensionDevelopmentPath');
let testsPath = opt('extensionTestsPath');
const untrusted = args.includes('--d365sec-untrusted');
const folder = args.filter((a) => !a.startsWith('--')).pop();
if (!devPath || !testsPath || !folder) {
  console.error('shim: need --extensionDevelopmentPath, --extensionTestsPath and a folder');
  process.exit(2);
}
if (!/\.[cm]?js$/.test(testsPath)) testsPath += '.js'; // the yo-code template passes suite/index

const server = await startCodeServer({ untrusted });
const ctx = await launchBrowser(server.env);
let code = 1;
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('console', (m) => {
    // Workbench log lines carry css arguments; print the text parts only.
    const t = m.text().replace(/%c/g, '').replace(/color: [^ ]+/g, '').trim();
    if (/d365sec-test|passing|failing|Error|✔|✓|\d+\)/.test(t)) console.log(t);
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]];
  const exited = new Promise((res) => page.exposeFunction('codeAutomationExit', (c) => res(c)));
  await page.goto(`${server.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  code = await Promise.race([exited, new Promise((res) => setTimeout(() => res(124), 120000))]);
} finally {
  await closeBrowser(ctx);
  await server.stop();
}
process.exit(code);
