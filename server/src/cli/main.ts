// The headless CLI: d365sec scan [paths...] [--format text|json|sarif] [--output FILE] [--fail-on LEVEL].
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeProject, buildLayout, decode, DEFAULT_MAX_FILE_SIZE, initCSharp, SEVERITY_RANK, type Severity, type SourceFile } from '../core/index';
import { builtinRules } from '../../../rules/index';
import { walk, readBytes } from './files';
import { toSarif } from '../reporters/sarif';
import { TeamRun, verifyRulesCommand } from './options-team';

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'verify-rules') return verifyRulesCommand(rest);
  const team = new TeamRun(rest); // takes its flags (--config, --rules, --baseline, ...) out of rest
  if (team.error) return fail(team.error);
  if (cmd !== 'scan') {
    if (cmd === 'rules') {
      for (const r of builtinRules) process.stdout.write(`${r.meta.code}  ${r.meta.name.padEnd(36)} ${r.meta.category.padEnd(24)} ${r.meta.severity}\n`);
      return 0;
    }
    console.error('usage: d365sec scan [paths...] [--format text|json|sarif] [--output FILE] [--fail-on error|warning|info|none]\n       d365sec rules');
    return 2;
  }
  let format = 'text';
  let output: string | undefined;
  let failOn: Severity | 'none' = 'warning';
  const started = Date.now();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--format') format = rest[++i] ?? 'text';
    else if (a === '--output') output = rest[++i];
    else if (a === '--fail-on') {
      const v = rest[++i];
      if (v !== 'error' && v !== 'warning' && v !== 'info' && v !== 'none') {
        console.error(`d365sec: --fail-on takes error, warning, info or none, not ${v ?? '(nothing)'}`);
        return 2;
      }
      failOn = v;
    } else if (a.startsWith('-')) {
      console.error(`d365sec: unknown option ${a}`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) paths.push('.');
  const base = paths.length === 1 ? path.resolve(paths[0]!) : process.cwd();
  const loadError = team.load(base);
  if (loadError) return fail(loadError);
  await initCSharp(__dirname);
  const entries = team.filter(walk(paths, base));
  const files: SourceFile[] = [];
  const texts = new Map<string, string>();
  const readNotices: string[] = [];
  for (const e of entries) {
    let bytes: Uint8Array;
    try {
      bytes = readBytes(e.abs);
    } catch (err) {
      readNotices.push(`${e.rel}: cannot read: ${(err as Error).message}`);
      continue;
    }
    if (team.archive(e, bytes, files, texts, readNotices)) continue;
    if (bytes.length > DEFAULT_MAX_FILE_SIZE) {
      readNotices.push(`${e.rel}: larger than ${DEFAULT_MAX_FILE_SIZE} bytes; not scanned`);
      continue;
    }
    const d = decode(bytes);
    for (const n of d.notices) readNotices.push(`${e.rel}: ${n.message}`);
    if (d.text === undefined) continue;
    files.push({ path: e.rel, text: d.text, encoding: d.encoding });
    texts.set(e.rel, d.text);
  }
  const layout = buildLayout(team.layoutPaths(entries), (p) => texts.get(p));
  const result = analyzeProject(files, { rules: team.rules, settings: team.settings, layout });
  const afterError = team.after(result, files);
  if (afterError) return fail(afterError);
  let out: string;
  if (format === 'sarif') out = JSON.stringify(team.sarif(toSarif({ ...result, findings: team.sarifFindings() }, team.rules, base)), null, 2);
  else if (format === 'json') out = JSON.stringify(result.findings.map((f) => ({ file: f.path, line: f.range.start.line + 1, category: f.category, rule: f.code, message: f.message })), null, 2);
  else out = result.findings.map((f) => `${f.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`).join('\n');
  if (output) writeFileSync(output, out);
  else process.stdout.write(out + '\n');
  for (const n of result.notices) readNotices.push(`${n.path}: ${n.message}`);
  const by = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  process.stderr.write(
    `${readNotices.map((n) => `notice: ${n}`).join('\n')}${readNotices.length ? '\n' : ''}` +
      `d365sec: ${result.analyzed} files, ${result.findings.length} findings (${by('error')} errors, ${by('warning')} warnings, ${by('info')} info), ${readNotices.length} notices, ${Date.now() - started} ms\n`,
  );
  if (failOn === 'none') return 0;
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn as Severity]) ? 1 : 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`d365sec: internal error: ${(e as Error).stack}`);
    process.exit(2);
  },
);
