import { IgnoreMatcher } from './gitignore';
import type { ResolvedConfig } from './types';

/**
 * The file filter of a scan: the config's ignore globs plus, unless `gitignore: false`, every
 * .gitignore among the scanned paths. Pure: `readText` gives a .gitignore's content (the CLI
 * reads it from disk, tests from memory). Paths are relative to the project root.
 */
export function buildIgnoreFilter(
  config: Pick<ResolvedConfig, 'ignore' | 'gitignore'>,
  paths: readonly string[],
  readText: (path: string) => string | undefined,
): (path: string) => boolean {
  const m = new IgnoreMatcher();
  if (config.ignore.length > 0) m.add('', config.ignore.join('\n'));
  if (config.gitignore) {
    for (const p of paths) {
      if (p !== '.gitignore' && !p.endsWith('/.gitignore')) continue;
      const text = readText(p);
      if (text !== undefined) m.add(p.slice(0, Math.max(0, p.length - '/.gitignore'.length)), text);
    }
  }
  return (p) => m.ignores(p);
}
