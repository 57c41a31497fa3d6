/** Scan helpers for the team tests: read a folder like the CLI does, in memory, with the built-in rules. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeProject, buildLayout, decode, type AnalysisResult, type Rule, type SourceFile } from '../../server/src/core/index';
import { archiveSourceFiles, isArchivePath } from '../../server/src/archive/index';
import { builtinRules } from '../../rules/index';

export const EXAMPLE = path.resolve(__dirname, '../../examples/contoso');

export function tempDir(prefix = 'd365sec-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function copyExample(sub = ''): string {
  const dir = tempDir();
  cpSync(path.join(EXAMPLE, sub), dir, { recursive: true });
  return dir;
}

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    const abs = path.join(root, rel);
    for (const e of readdirSync(abs).sort()) {
      if (e === '.git' || e === 'node_modules') continue;
      const r = rel ? `${rel}/${e}` : e;
      if (statSync(path.join(root, r)).isDirectory()) visit(r);
      else out.push(r);
    }
  };
  visit('');
  return out;
}

export function readSources(root: string, paths = listFiles(root)): SourceFile[] {
  const files: SourceFile[] = [];
  for (const rel of paths) {
    const bytes = readFileSync(path.join(root, rel));
    if (isArchivePath(rel)) {
      files.push(...archiveSourceFiles(rel, bytes).files);
      continue;
    }
    const d = decode(bytes);
    if (d.text !== undefined) files.push({ path: rel, text: d.text, encoding: d.encoding });
  }
  return files;
}

export function scanFiles(files: SourceFile[], rules: readonly Rule[] = builtinRules): AnalysisResult {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  return analyzeProject(files, { rules, layout: buildLayout(files.map((f) => f.path), (p) => texts.get(p)) });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

export function initRepo(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
}
