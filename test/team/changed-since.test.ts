import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../server/src/config/index';
import { changedFilesSince, isInChange } from '../../server/src/git/changed';
import { copyExample, git, initRepo, readSources, scanFiles, tempDir } from './helpers';

describe('--changed-since in real git repositories', () => {
  it('lists committed, staged, unstaged and untracked changes, relative to the scan root, not ignored files', () => {
    const dir = tempDir('d365sec-git-');
    mkdirSync(path.join(dir, 'app/src'), { recursive: true });
    for (const f of ['a.js', 'b.js', 'c.js', 'd.js', 'e.js']) writeFileSync(path.join(dir, 'app/src', f), `// ${f}\n`);
    writeFileSync(path.join(dir, 'top.js'), '1');
    writeFileSync(path.join(dir, '.gitignore'), 'ignored.js\n');
    initRepo(dir);
    git(dir, 'tag', 'base');
    writeFileSync(path.join(dir, 'app/src/a.js'), 'committed change');
    git(dir, 'commit', '-q', '-am', 'change a');
    writeFileSync(path.join(dir, 'app/src/b.js'), 'staged change');
    git(dir, 'add', 'app/src/b.js');
    writeFileSync(path.join(dir, 'app/src/c.js'), 'unstaged change');
    renameSync(path.join(dir, 'app/src/d.js'), path.join(dir, 'app/src/d2.js'));
    writeFileSync(path.join(dir, 'app/src/new.js'), 'untracked');
    writeFileSync(path.join(dir, 'app/src/ignored.js'), 'ignored');
    writeFileSync(path.join(dir, 'top.js'), 'outside the scan root');
    const changed = changedFilesSince(path.join(dir, 'app'), 'base');
    expect([...changed].sort()).toEqual(['src/a.js', 'src/b.js', 'src/c.js', 'src/d.js', 'src/d2.js', 'src/new.js']);
    expect(changedFilesSince(dir, 'HEAD').has('src/a.js')).toBe(false);
    expect(changedFilesSince(dir, 'HEAD').has('app/src/c.js')).toBe(true);
  });

  it('filters findings to changed files while the model reads the whole tree', () => {
    const dir = copyExample();
    initRepo(dir);
    const before = scanFiles(readSources(dir)).findings;
    const target = before.find((f) => f.path.startsWith('webresources/'))!;
    const abs = path.join(dir, target.path);
    writeFileSync(abs, `// touched\n${require('node:fs').readFileSync(abs, 'utf8')}`);
    const changed = changedFilesSince(dir, 'HEAD');
    expect([...changed]).toEqual([target.path]);
    const after = scanFiles(readSources(dir)).findings.filter((f) => isInChange(f.path, changed));
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((f) => f.path === target.path)).toBe(true);
    expect(after.length).toBe(before.filter((f) => f.path === target.path).length);
  });

  it('a bad ref or a folder outside git is a ConfigError (exit 2) with a clear message', () => {
    const dir = tempDir('d365sec-git-');
    writeFileSync(path.join(dir, 'a.js'), '1');
    expect(() => changedFilesSince(dir, 'main')).toThrow(ConfigError);
    expect(() => changedFilesSince(dir, 'main')).toThrow(/not inside a git repository/);
    initRepo(dir);
    expect(() => changedFilesSince(dir, 'no-such-branch')).toThrow(/no-such-branch is not a commit/);
    expect(() => changedFilesSince(dir, '--output=x')).toThrow(/is not a git ref/);
  });

  it('a path inside a changed archive counts as changed', () => {
    expect(isInChange('dist/S.zip/Other/Solution.xml', new Set(['dist/S.zip']))).toBe(true);
    expect(isInChange('dist/S.zip/Other/Solution.xml', new Set(['dist/T.zip']))).toBe(false);
  });
});
