import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors';
import { isRelative } from './merge';

/**
 * Finds the file an `extends` or `packs` entry names. Relative paths resolve from the folder of
 * the config that wrote them; anything else is an npm package name (optionally with a subpath),
 * looked up in node_modules folders from that folder upwards, the way Node finds packages.
 *
 * We walk node_modules by hand instead of calling require.resolve: packages with an `exports`
 * map hide package.json from require, the bundled CLI has no meaningful require base, and we
 * never execute a package: only its JSON or YAML is read (so an untrusted workspace is safe).
 *
 * A package says which file to use in package.json: `"d365sec": { "config": "...", "pack": "..." }`;
 * otherwise `d365sec.config.json` (configs) or a JSON/YAML `main` (packs) is taken.
 */
export type SpecKind = 'config' | 'pack';

export function resolveSpec(spec: string, fromDir: string, kind: SpecKind, declaredIn: string, key: string): string {
  if (isRelative(spec)) {
    const abs = path.resolve(fromDir, spec);
    if (!isFile(abs)) throw new ConfigError(declaredIn, key, `${spec} does not exist (resolved to ${abs})`);
    return abs;
  }
  const { name, subpath } = splitPackage(spec);
  if (!name) throw new ConfigError(declaredIn, key, `${JSON.stringify(spec)} is neither a relative path nor an npm package name`);
  const pkgDir = findPackageDir(name, fromDir);
  if (!pkgDir) throw new ConfigError(declaredIn, key, `cannot find the npm package ${name} from ${fromDir} (is it installed?)`);
  if (subpath) {
    const abs = path.join(pkgDir, subpath);
    if (!isFile(abs)) throw new ConfigError(declaredIn, key, `the package ${name} has no file ${subpath}`);
    return abs;
  }
  let pkg: Record<string, unknown> = {};
  try {
    pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(path.join(pkgDir, 'package.json'), '', `cannot read: ${(e as Error).message}`);
  }
  const field = pkg.d365sec;
  const declared = typeof field === 'object' && field !== null ? (field as Record<string, unknown>)[kind] : undefined;
  const candidates: string[] = [];
  if (typeof declared === 'string') candidates.push(declared);
  else if (kind === 'config') candidates.push('d365sec.config.json');
  else {
    if (typeof pkg.main === 'string') candidates.push(pkg.main);
    candidates.push('d365sec-pack.json', 'rules.json');
  }
  for (const c of candidates) {
    const abs = path.join(pkgDir, c);
    if (!isFile(abs)) continue;
    if (kind === 'pack' && !/\.(json|ya?ml)$/i.test(abs)) {
      throw new ConfigError(declaredIn, key, `the package ${name} points at ${c}; a rule pack must be JSON or YAML (d365sec never runs code from a pack)`);
    }
    return abs;
  }
  throw new ConfigError(declaredIn, key, `the package ${name} has no ${kind === 'config' ? 'd365sec.config.json' : 'rule pack'}; set "d365sec": { "${kind}": "<file>" } in its package.json`);
}

/** `@scope/name/sub/file.json` → name `@scope/name`, subpath `sub/file.json`. */
export function splitPackage(spec: string): { name?: string; subpath?: string } {
  const m = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/(.+))?$/i.exec(spec);
  if (!m) return {};
  return m[2] ? { name: m[1], subpath: m[2] } : { name: m[1] };
}

function findPackageDir(name: string, fromDir: string): string | undefined {
  let dir = path.resolve(fromDir);
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (isFile(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function isFile(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}
