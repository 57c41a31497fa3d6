#!/usr/bin/env node
// npm run bench: scan throughput and peak memory of d365sec against secretlint (recommended preset)
// and against a plain read of every file, on one generated tree in a temp folder.
//
//   node test/bench/bench.mjs [--copies 60] [--cli dist/cli.js] [--keep] [--skip-secretlint]
//
// Prints a table and writes dist/bench.json. Timings vary by machine; nothing here asserts them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTree, listTree } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const copies = Number(opt('--copies', '60'));
const cli = path.resolve(root, opt('--cli', 'dist/cli.js'));
const keep = argv.includes('--keep');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

if (!existsSync(cli)) {
  console.error(`bench: ${cli} not found; run npm run build (npm run bench does)`);
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'd365sec-bench-'));
const tree = path.join(work, 'tree');
const out = path.join(work, 'out');
mkdirSync(out);
const t0 = Date.now();
buildTree(tree, path.join(root, 'examples/contoso'), { copies });
const files = listTree(tree);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.error(`bench: tree of ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB built in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${tree}`);

/** Runs a node script as a child, measuring wall time and peak RSS (kB). */
function measure(name, args, cwd) {
  const rssFile = path.join(out, `${name.replace(/\W+/g, '_')}.rss`);
  const nodeArgs = TIME ? args : ['-r', path.join(here, 'rss.cjs'), ...args];
  const cmd = TIME ?? process.execPath;
  const cmdArgs = TIME ? ['-v', process.execPath, ...nodeArgs] : nodeArgs;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, D365SEC_BENCH_RSS: rssFile, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  let peakKb;
  let cpu;
  if (TIME) {
    peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]);
  } else if (existsSync(rssFile)) [peakKb, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  const status = TIME ? Number(/Exit status: (\d+)/.exec(r.stderr)?.[1] ?? r.status) : r.status;
  return { name, wall, cpu, peakKb, status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

const rows = [];
const add = (m, note) => {
  rows.push({ tool: m.name, wallSeconds: +m.wall.toFixed(2), cpuSeconds: m.cpu ? +m.cpu.toFixed(2) : null, filesPerSecond: Math.round(files.length / m.wall), mbPerSecond: +(bytes / 1e6 / m.wall).toFixed(2), peakMB: m.peakKb ? Math.round(m.peakKb / 1024) : null, exit: m.status, note });
  // Each row as it completes: secretlint can take many minutes, and a partial result is still a result.
  console.error(`bench: ${m.name}: ${m.wall.toFixed(1)} s wall, ${m.cpu?.toFixed(1) ?? '?'} s CPU, ${m.peakKb ? Math.round(m.peakKb / 1024) : '?'} MB peak`);
};

// Plain read, twice: the first run warms the page cache for everyone after it.
measure('warm-up', [path.join(here, 'read-all.mjs'), tree], root);
const read = measure('plain read', [path.join(here, 'read-all.mjs'), tree], root);
add(read, `${JSON.parse(read.stdout || '{}').files} files`);

const summary = (m) => /d365sec: .*$/m.exec(m.stderr)?.[0]?.replace(/^d365sec: /, '') ?? '';
const scan = (name, extra) => {
  const m = measure(name, [cli, 'scan', tree, '--format', 'json', '--output', path.join(out, `${name.replace(/\W+/g, '_')}.json`), '--fail-on', 'none', ...extra], root);
  if (m.status !== 0) console.error(`bench: ${name} exited ${m.status}: ${m.stderr.split('\n').filter((l) => !l.startsWith('notice:')).slice(-5).join('\n')}`);
  const findings = existsSync(path.join(out, `${name.replace(/\W+/g, '_')}.json`)) ? JSON.parse(readFileSync(path.join(out, `${name.replace(/\W+/g, '_')}.json`), 'utf8')).length : 0;
  add(m, `${findings} findings; ${summary(m).replace(/, \d+ findings \([^)]*\)/, '')}`);
  return m;
};
const dflt = scan('d365sec', []);
const one = scan('d365sec --jobs 1', ['--jobs', '1']);
// Same findings whatever the thread count.
const same = readFileSync(path.join(out, 'd365sec.json'), 'utf8') === readFileSync(path.join(out, 'd365sec_jobs_1.json'), 'utf8');
if (!same) console.error('bench: WARNING: d365sec reports differ between default jobs and --jobs 1');

let sl;
if (!argv.includes('--skip-secretlint')) {
  const bin = path.join(root, 'node_modules/secretlint/bin/secretlint.js');
  const report = path.join(out, 'secretlint.json');
  // --format json with masked secrets (the default), to a file: the bench never prints a finding.
  sl = measure('secretlint', [bin, '**/*', '--format', 'json', '--output', report, '--no-color'], tree);
  let note = '';
  try {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    const messages = results.reduce((n, r) => n + r.messages.length, 0);
    note = `${results.length} files linted, ${messages} findings`;
    // Sane: it read the tree (not an empty glob) and its rules ran (the planted GitHub-shaped tokens).
    if (results.length < files.length / 2 || messages === 0) note += ' (SUSPECT: check the glob and the preset)';
  } catch (e) {
    note = `no readable report (${e.message}); stderr: ${sl.stderr.split('\n').slice(0, 3).join(' | ')}`;
  }
  // secretlint exits 1 when it finds something, 2+ on a crash.
  if (sl.status !== 0 && sl.status !== 1) note += ` (exit ${sl.status}: crashed?)`;
  add(sl, note);
}

const ratio = (a, b) => (a && b ? +(a / b).toFixed(2) : null);
const ratios = sl
  ? Object.fromEntries(
      [dflt, one].map((m) => [m.name, { timeVsSecretlint: ratio(m.wall, sl.wall), speedupVsSecretlint: ratio(sl.wall, m.wall), cpuVsSecretlint: ratio(m.cpu, sl.cpu), peakMemoryVsSecretlint: ratio(m.peakKb, sl.peakKb), timeVsPlainRead: ratio(m.wall, read.wall) }]),
    )
  : {};

const table = [
  ['tool', 'wall s', 'cpu s', 'files/s', 'MB/s', 'peak MB', 'exit', 'note'],
  ...rows.map((r) => [r.tool, r.wallSeconds.toFixed(2), r.cpuSeconds?.toFixed(2) ?? '?', String(r.filesPerSecond), r.mbPerSecond.toFixed(2), String(r.peakMB ?? '?'), String(r.exit), r.note]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (wall times on a busy machine are noisy; CPU time is not)`);
console.log(`tree: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB (examples/contoso x${copies} + generated corpus); ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}); Node ${process.version}`);
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table.slice(1)) console.log(line(r));
for (const [name, r] of Object.entries(ratios)) {
  console.log(`${name} / secretlint: ${r.timeVsSecretlint}x the wall time (${r.speedupVsSecretlint}x as fast), ${r.cpuVsSecretlint}x the CPU time, ${r.peakMemoryVsSecretlint}x the peak memory; ${r.timeVsPlainRead}x a plain read`);
}
console.log(`d365sec reports identical across thread counts: ${same ? 'yes' : 'NO'}`);

mkdirSync(path.join(root, 'dist'), { recursive: true });
const json = { date: new Date().toISOString(), node: process.version, cores: availableParallelism(), loadAverage: loadavg(), tree: { files: files.length, bytes, copies }, results: rows, ratios, identicalAcrossJobs: same };
writeFileSync(path.join(root, 'dist/bench.json'), JSON.stringify(json, null, 2) + '\n');
console.log('written: dist/bench.json');
if (!keep) rmSync(work, { recursive: true, force: true });
