import picomatch from 'picomatch';

/**
 * A small .gitignore matcher (pure: the caller hands in the files' text). It implements what
 * real repositories use: comments, `!` negation, trailing `/` for folders, patterns with a slash
 * anchored to the .gitignore's folder, patterns without one matching at any depth, `**`, and
 * nested .gitignore files overriding their parents. As in git, a file under an ignored folder
 * stays ignored even if a later pattern re-includes it.
 *
 * The config's `ignore` globs use the same semantics, anchored at the project root, so
 * `generated` ignores a folder anywhere and `/generated` only the top one.
 */
interface IgnoreRule {
  negated: boolean;
  dirOnly: boolean;
  match: (rel: string) => boolean;
}

interface IgnoreFile {
  /** Folder of the .gitignore, relative to the root ('' for the root), no trailing slash. */
  dir: string;
  rules: IgnoreRule[];
}

export function parseIgnorePatterns(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    // Trailing spaces are ignored unless escaped with a backslash.
    line = line.replace(/(?<!\\)\s+$/, '');
    if (line === '') continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    let dirOnly = false;
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.replace(/\/+$/, '');
    }
    if (line === '') continue;
    const anchored = line.includes('/');
    const glob = anchored ? line.replace(/^\//, '') : `**/${line}`;
    const m = picomatch(glob, { dot: true });
    rules.push({ negated, dirOnly, match: (rel) => m(rel) });
  }
  return rules;
}

export class IgnoreMatcher {
  private readonly files: IgnoreFile[] = [];

  /** Adds the patterns of a .gitignore (or config globs) that lives in `dir` (relative to the root). */
  add(dir: string, text: string): this {
    this.files.push({ dir: dir.replace(/\/+$/, ''), rules: parseIgnorePatterns(text) });
    // Shallow folders first: a deeper .gitignore overrides its parents (last match wins).
    this.files.sort((a, b) => depth(a.dir) - depth(b.dir));
    return this;
  }

  /** True if the file (path relative to the root, `/` separators) is ignored. */
  ignores(path: string): boolean {
    const segs = path.split('/');
    for (let i = 1; i < segs.length; i++) {
      if (this.state(segs.slice(0, i).join('/'), true)) return true;
    }
    return this.state(path, false);
  }

  private state(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const f of this.files) {
      if (f.dir !== '' && !path.startsWith(f.dir + '/')) continue;
      const rel = f.dir === '' ? path : path.slice(f.dir.length + 1);
      for (const r of f.rules) {
        if (r.dirOnly && !isDir) continue;
        if (r.match(rel)) ignored = !r.negated;
      }
    }
    return ignored;
  }
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}
