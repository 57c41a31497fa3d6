import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors';

/**
 * `--changed-since REF`: the files that differ from REF in the working tree (committed since,
 * staged or not) plus untracked files that are not ignored. Only reports are filtered by it;
 * the project model still reads the whole tree, because a finding in a changed form may depend
 * on an unchanged Entity.xml.
 *
 * Paths come back relative to `scanRoot` with `/` separators, like SourceFile.path; files of the
 * change outside the scan root are left out. Renames are listed as delete + add (`--no-renames`),
 * so the new path is always there whatever the user's diff.renames setting is.
 */
export function changedFilesSince(scanRoot: string, ref: string): Set<string> {
  const root = realpathSync(path.resolve(scanRoot));
  if (ref.startsWith('-')) throw new ConfigError('--changed-since', '', `${JSON.stringify(ref)} is not a git ref`);
  const top = git(root, ['rev-parse', '--show-toplevel']).trim();
  // Resolve the ref first so a typo gets its own message instead of git's usage text.
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new ConfigError('--changed-since', '', `${ref} is not a commit in the repository at ${top}`);
  }
  const diff = git(root, ['diff', '--name-only', '--no-renames', '-z', ref, '--']);
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', '.']);
  const out = new Set<string>();
  const topReal = realpathSync(top);
  for (const p of [...diff.split('\0'), ...untracked.split('\0')]) {
    if (!p) continue;
    const rel = path.relative(root, path.join(topReal, p)).split(path.sep).join('/');
    if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) continue;
    out.add(rel);
  }
  return out;
}

/**
 * True if a finding's path is in the change. A path inside an archive (`pkg/Solution.zip/x.xml`)
 * counts as changed when the archive itself changed.
 */
export function isInChange(findingPath: string, changed: ReadonlySet<string>): boolean {
  if (changed.has(findingPath)) return true;
  const m = /^(.*?\.zip)\//i.exec(findingPath);
  return m !== null && changed.has(m[1]!);
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: string; code?: string; status?: number };
    if (err.code === 'ENOENT') throw new ConfigError('--changed-since', '', 'git is not installed or not on PATH');
    if (args[0] === 'rev-parse' && args[1] === '--show-toplevel') {
      throw new ConfigError('--changed-since', '', `${cwd} is not inside a git repository`);
    }
    throw Object.assign(new Error(`git ${args[0]} failed: ${(err.stderr ?? '').trim()}`), { status: err.status });
  }
}
