// MINIMAL bootstrap CLI; to be replaced by the full CLI (formats, exit codes, workers, progress).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeProject, buildLayout, decode, initCSharp, type SourceFile } from '../core/index';
import { builtinRules } from '../../../rules/index';
import { walk, readBytes } from './files';
import { toSarif } from '../reporters/sarif';

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd !== 'scan') {
    console.error('usage: d365sec scan [paths...] [--format json|sarif] [--output FILE]');
    return 2;
  }
  let format = 'text';
  let output: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--format') format = rest[++i] ?? 'text';
    else if (a === '--output') output = rest[++i];
    else paths.push(a);
  }
  if (paths.length === 0) paths.push('.');
  const base = paths.length === 1 ? path.resolve(paths[0]!) : process.cwd();
  await initCSharp(__dirname);
  const entries = walk(paths, base);
  const files: SourceFile[] = [];
  const texts = new Map<string, string>();
  for (const e of entries) {
    const d = decode(readBytes(e.abs));
    if (d.text === undefined) continue;
    files.push({ path: e.rel, text: d.text, encoding: d.encoding });
    texts.set(e.rel, d.text);
  }
  const layout = buildLayout(entries.map((e) => e.rel), (p) => texts.get(p));
  const result = analyzeProject(files, { rules: builtinRules, layout });
  let out: string;
  if (format === 'sarif') out = JSON.stringify(toSarif(result, builtinRules, base), null, 2);
  else if (format === 'json') out = JSON.stringify(result.findings.map((f) => ({ file: f.path, line: f.range.start.line + 1, category: f.category, rule: f.code, message: f.message })), null, 2);
  else out = result.findings.map((f) => `${f.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`).join('\n');
  if (output) writeFileSync(output, out);
  else process.stdout.write(out + '\n');
  return result.findings.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`d365sec: internal error: ${(e as Error).stack}`);
    process.exit(2);
  },
);
