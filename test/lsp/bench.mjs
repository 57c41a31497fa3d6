// Latency benchmark of the language server (npm run bench:lsp): time from a didChange
// notification to the publishDiagnostics of that version, on a 5,000-line C# file and a
// 3,000-line JS file (20 edits each, median and p95), and the server's memory (RSS) with the
// example workspace open and scanned. Spawns dist/server.js over stdio like any LSP client.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const root = mkdtempSync(path.join(tmpdir(), 'd365sec-bench-'));
cpSync('examples/contoso', root, { recursive: true });

function csharpFile(lines) {
  const out = ['using System;', 'using Microsoft.Xrm.Sdk;', '', 'namespace Bench.Plugins', '{', '    public sealed class Big : IPlugin', '    {'];
  out.push('        private const string ApiKey = "Zq8RkV2pLmW4nXt7Yb3HcJ6dFs9Gu1Ae";');
  let i = 0;
  while (out.length < lines - 3) {
    out.push(`        public int Method${i}(int a)`, '        {', `            var s = "value ${i}" + a.ToString();`, `            if (a > ${i}) { return s.Length; }`, '            return a * 2;', '        }', '');
    i++;
  }
  out.push('        public void Execute(IServiceProvider serviceProvider) { }', '    }', '}');
  return out.join('\n') + '\n';
}
function jsFile(lines) {
  const out = ['var Bench = window.Bench || {};', 'Bench.Form = (function () {', '    "use strict";', '    var API_KEY = "sk_live_9Fq2Wm7Lp3Xz8Rt4Vb6Nc1Hd";'];
  let i = 0;
  while (out.length < lines - 2) {
    out.push(`    function onChange${i}(executionContext) {`, '        var fc = executionContext.getFormContext();', `        var v = fc.getAttribute("cnt_field${i}").getValue();`, `        if (v > ${i}) { fc.getControl("cnt_other${i}").setDisabled(false); }`, '    }', '');
    i++;
  }
  out.push('    return {};', '})();');
  return out.join('\n') + '\n';
}

const server = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []), 'dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, D365SEC_TIMING: '1' } });
const conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiters = [];
const published = new Map();
let status;
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  published.set(p.uri, p);
  for (const w of [...waiters]) w();
});
conn.onNotification('d365sec/status', (p) => {
  status = p;
  for (const w of [...waiters]) w();
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.onRequest('client/registerCapability', () => null);
const timings = [];
conn.onNotification('window/logMessage', (p) => {
  if (p.message.startsWith('d365sec timing')) timings.push(p.message);
});
conn.listen();
const until = (pred) =>
  new Promise((resolve) => {
    const w = () => {
      if (pred()) {
        waiters.splice(waiters.indexOf(w), 1);
        resolve();
      }
    };
    waiters.push(w);
    w();
  });

const uri = (rel) => pathToFileURL(path.join(root, rel)).href;
await conn.sendRequest('initialize', {
  processId: process.pid,
  rootUri: uri(''),
  workspaceFolders: [{ uri: uri(''), name: 'contoso' }],
  capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } },
});
conn.sendNotification('initialized', {});
const t0 = performance.now();
await until(() => status && status.state === 'idle' && status.files > 50);
const scanMs = performance.now() - t0;

function rss() {
  const s = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(s)[1]) / 1024;
}

async function measure(rel, languageId, text, edits = 20) {
  const u = uri(rel);
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
  let version = 1;
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId, version, text } });
  await until(() => published.get(u)?.version === version);
  const times = [];
  const lines = text.split('\n');
  for (let i = 0; i < edits; i++) {
    // A keystroke in the middle of the file: one character typed into a string.
    const line = Math.floor(lines.length / 2) + i;
    const col = lines[line].length;
    version++;
    const t = performance.now();
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: u, version },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col } }, text: ' ' }],
    });
    await until(() => published.get(u)?.version === version);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
  return { file: rel, lines: lines.length, edits, medianMs: +q(0.5).toFixed(1), p95Ms: +q(0.95).toFixed(1), maxMs: +times[times.length - 1].toFixed(1), findings: published.get(u).diagnostics.length };
}

const results = {
  workspace: { files: status.files, scanMs: +scanMs.toFixed(0), rssMiBAfterScan: +rss().toFixed(1) },
  csharp: await measure('plugins/Bench/Big.cs', 'csharp', csharpFile(5000)),
  js: await measure('webresources/src/bench/big.form.js', 'javascript', jsFile(3000)),
};
results.workspace.rssMiBWithBigFilesOpen = +rss().toFixed(1);
console.log(JSON.stringify(results, null, 2));
if (process.argv.includes('--verbose')) console.log(timings.join('\n'));
await conn.sendRequest('shutdown');
conn.sendNotification('exit');
server.on('exit', () => rmSync(root, { recursive: true, force: true }));
