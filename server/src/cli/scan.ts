/**
 * `d365sec scan`: walk, filter (config ignores), expand zips, decide the layout, run the lanes
 * (pool.ts), apply the team features, write the report and the summary, return the exit code.
 */
import { availableParallelism } from 'node:os';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildLayout, DEFAULT_MAX_FILE_SIZE, initCSharp, SEVERITY_RANK, type AnalysisResult, type FileNotice, type Severity, type SourceFile } from '../core/index';
import { isArchivePath } from '../archive/index';
import { toSarif } from '../reporters/sarif';
import { toJson } from '../reporters/json';
import { toText } from '../reporters/text';
import { USAGE, type ScanOptions } from './args';
import { walk, type WalkEntry } from './files';
import type { TeamRun } from './options-team';
import { runPool } from './pool';
import { Progress, useColor } from './progress';
import { tooLarge, type ShardItem, type ShardNotice } from './shard';

/** Below these a scan stays in one thread: starting workers (each loads the parsers) costs more than it saves. */
const PARALLEL_MIN_FILES = 300;
const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/** More threads than this stop paying: the merge and the main thread's share become the limit. */
const MAX_AUTO_JOBS = 8;

export async function scanCommand(o: ScanOptions, team: TeamRun): Promise<number> {
  if (o.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const started = Date.now();
  // One folder (or one zip) is the root paths are relative to; one plain file is reported under its folder.
  const single = o.paths.length === 1 ? path.resolve(o.paths[0]!) : undefined;
  const base = single === undefined ? process.cwd() : isPlainFile(single) ? path.dirname(single) : single;
  const loadError = team.load(base);
  if (loadError) return fail(loadError);
  const maxFileSize = o.maxFileSize ?? team.settings?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (team.settings) team.settings = { ...team.settings, maxFileSize };

  // Walk, then: zips expanded here (their entries become in-memory items), files over the limit
  // named and skipped, everything else left to the lanes to read.
  const notices: ShardNotice[] = [];
  const walkNotices: { path: string; message: string }[] = [];
  const entries = team.filter(walk(o.paths, base, walkNotices));
  for (const n of walkNotices) notices.push({ index: -1, stage: 0, kind: 'read-error', ...n });
  const items: ShardItem[] = [];
  const texts = new Map<string, string>();
  let index = 0;
  let totalBytes = 0;
  for (const e of entries) {
    const at = index++;
    if (isArchivePath(e.abs)) {
      const archived: SourceFile[] = [];
      const lines: string[] = [];
      let bytes: Uint8Array | undefined;
      try {
        bytes = readFileSync(e.abs);
      } catch (err) {
        notices.push({ index: at, stage: 0, kind: 'read-error', path: e.rel, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; not scanned` });
      }
      if (bytes) team.archive(e, bytes, archived, texts, lines);
      for (const l of lines) notices.push({ index: at, stage: 0, ...splitLine(l) });
      for (const f of archived) {
        items.push({ index: index++, rel: f.path, text: f.text, encoding: f.encoding });
        totalBytes += f.text.length;
      }
      continue;
    }
    if (e.size > maxFileSize) {
      notices.push({ index: at, stage: 0, kind: 'too-large', path: e.rel, message: tooLarge(e.size, maxFileSize) });
      continue;
    }
    items.push({ index: at, rel: e.rel, abs: e.abs });
    totalBytes += e.size;
  }
  const byRel = new Map(entries.map((e) => [e.rel, e] as const));
  const layout = buildLayout(team.layoutPaths(entries), (p) => texts.get(p) ?? readSmall(byRel.get(p), maxFileSize));

  // Measured (npm run bench, 2 cores): two lanes cost more CPU (worker start-up, cloning, two heaps
  // under GC) than they saved, so small machines stay in one thread unless --jobs says otherwise.
  const cores = availableParallelism();
  const big = items.length >= PARALLEL_MIN_FILES || totalBytes >= PARALLEL_MIN_BYTES;
  const jobs = o.jobs ?? (big && cores >= 4 ? Math.min(MAX_AUTO_JOBS, cores) : 1);
  const progress = new Progress(items.length, process.stderr, !o.quiet && process.stderr.isTTY === true);
  const sizes = new Map(entries.map((e) => [e.abs, e.size] as const));
  // The C# grammar (about 0.3 s to load) only when there is C# to parse: a scan of an AL app or a
  // solution folder starts without it. Zip entries keep their .cs names in their paths.
  const csharp = items.some((it) => /\.cs$/i.test(it.rel));
  if (csharp) await initCSharp(__dirname);
  const pool = await runPool(items, {
    csharp,
    jobs,
    layout,
    rules: team.rules,
    settings: team.settings,
    packRefs: team.packRefs,
    maxFileSize,
    sizeOf: (it) => (it.abs ? sizes.get(it.abs) ?? 0 : it.text?.length ?? 0),
    onProgress: (done) => progress.update(done),
  });
  progress.clear();
  notices.push(...pool.notices);

  const result: AnalysisResult = { findings: pool.findings, notices: [], analyzed: pool.analyzed };
  const afterError = team.after(
    result,
    pool.inline.map((c) => ({ path: c.path, text: c.text })),
    pool.inline.map((c) => ({ path: c.path, comments: c.comments })),
  );
  if (afterError) return fail(afterError);

  // Notices in scan order (walk first, then per file: read, parse, check), whatever the split.
  const ordered = notices.map((n, i) => ({ n, i })).sort((a, b) => a.n.index - b.n.index || a.n.stage - b.n.stage || a.i - b.i);
  const noticeLines = [...ordered.map((x) => `${x.n.path}: ${x.n.message}`), ...team.messages];

  let out: string;
  if (o.format === 'sarif') {
    const sarifNotices: FileNotice[] = ordered.map(({ n }) => ({ kind: n.kind ?? 'parse-error', path: n.path, message: n.message }));
    out = JSON.stringify(team.sarif(toSarif({ ...result, notices: sarifNotices, findings: team.sarifFindings() }, team.rules, base)), null, 2) + '\n';
  } else if (o.format === 'json') out = toJson(result.findings) + '\n';
  else out = toText(result.findings, { color: !o.output && useColor(process.stdout, o.color) });
  if (o.output) writeFileSync(o.output, out);
  else if (out) process.stdout.write(out);

  if (!o.quiet) {
    const color = useColor(process.stderr, o.color);
    const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
    const by = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    const summary =
      `d365sec: ${items.length} files scanned (${result.analyzed} analysed), ` +
      `${result.findings.length} findings (${by('error')} errors, ${by('warning')} warnings, ${by('info')} info), ` +
      `${noticeLines.length} notices, ${seconds} s${pool.lanes > 1 ? ` on ${pool.lanes} threads` : ''}`;
    process.stderr.write(noticeLines.map((l) => dim(`notice: ${l}`) + '\n').join('') + summary + '\n');
  }
  if (o.failOn === 'none') return 0;
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[o.failOn as Severity]) ? 1 : 0;
}

/** Web resource records (`*.data.xml`) are read for the layout before the lanes start; they are small. */
function readSmall(e: WalkEntry | undefined, limit: number): string | undefined {
  if (!e || e.size > limit) return undefined;
  try {
    return readFileSync(e.abs, 'utf8');
  } catch {
    return undefined;
  }
}

function isPlainFile(p: string): boolean {
  try {
    return statSync(p).isFile() && !isArchivePath(p);
  } catch {
    return false;
  }
}

/** The archive reader's notices come as `path: message` lines. */
function splitLine(line: string): { path: string; message: string } {
  const k = line.indexOf(': ');
  return k < 0 ? { path: line, message: line } : { path: line.slice(0, k), message: line.slice(k + 2) };
}

function fail(message: string): number {
  console.error(message);
  return 2;
}
