import path from 'node:path';
import { defaultSettings } from '../core/settings';
import type { LoadedConfigFile, PackRef, ResolvedConfig } from './types';

/**
 * Applies an extends chain, most basic first, the project's own config last. Pure: it only joins
 * path strings. Rules: objects merge key by key (a later severity wins), lists concatenate without
 * duplicates (a team's sensitive names add to the shared ones), scalars are replaced. Paths (packs,
 * suppressions file, baseline) resolve from the folder of the file that names them, so a shared
 * config can ship its own pack; ignore globs stay relative to the project root.
 */
export function mergeConfigs(chain: LoadedConfigFile[], root: string, env: { hashKey?: string } = {}): ResolvedConfig {
  const settings = defaultSettings();
  const out: ResolvedConfig = {
    files: chain.map((c) => c.file),
    root,
    settings,
    ignore: [],
    gitignore: true,
    packs: [],
    reportUnusedSuppressions: false,
  };
  const seenPacks = new Set<string>();
  for (const { file, dir, config: c } of chain) {
    if (c.rules) settings.rules = { ...settings.rules, ...c.rules };
    if (c.sensitiveNames) settings.sensitiveNames = union(settings.sensitiveNames, c.sensitiveNames);
    if (c.notSensitiveNames) settings.notSensitiveNames = union(settings.notSensitiveNames, c.notSensitiveNames);
    if (c.maxFileSize !== undefined) settings.maxFileSize = c.maxFileSize;
    if (c.hashKey !== undefined) settings.hashKey = c.hashKey;
    if (c.ignore) out.ignore = union(out.ignore, c.ignore);
    if (c.gitignore !== undefined) out.gitignore = c.gitignore;
    if (c.reportUnusedSuppressions !== undefined) out.reportUnusedSuppressions = c.reportUnusedSuppressions;
    if (c.suppressionsFile !== undefined) out.suppressionsFile = path.resolve(dir, c.suppressionsFile);
    if (c.baseline !== undefined) out.baseline = path.resolve(dir, c.baseline);
    for (const spec of c.packs ?? []) {
      const ref: PackRef = { spec, fromDir: dir, declaredIn: file };
      const id = isRelative(spec) ? path.resolve(dir, spec) : spec;
      if (seenPacks.has(id)) continue;
      seenPacks.add(id);
      out.packs.push(ref);
    }
  }
  // The environment wins over the file: CI keeps its key in a secret variable, not in the repo.
  if (env.hashKey) settings.hashKey = env.hashKey;
  return out;
}

/** `./x`, `../x`, `/abs`, `C:\x` or a file name with an extension we load: not an npm package name. */
export function isRelative(spec: string): boolean {
  return /^\.{1,2}([/\\]|$)/.test(spec) || path.isAbsolute(spec) || /^[A-Za-z]:[/\\]/.test(spec);
}

function union(a: string[], b: string[]): string[] {
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}
