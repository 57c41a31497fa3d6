import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError, keyPath } from '../config/errors';
import { parseJsonText } from '../config/load';
import { resolveSpec } from '../config/module-resolve';
import type { PackRef } from '../config/types';
import { compilePack, type CompileOptions, type DeclarativeRule } from './compile';
import type { RulePackSpec } from './types';
import { validatePack } from './validate';

/** Reads and validates a pack file (JSON, JSON with comments, or YAML by extension). */
export function readPackFile(file: string): RulePackSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new ConfigError(file, '', `cannot read the rule pack: ${(e as Error).message}`);
  }
  return validatePack(parsePackText(text, file), file);
}

export function parsePackText(text: string, file: string): unknown {
  if (/\.ya?ml$/i.test(file)) {
    try {
      // YAML 1.2 core schema: no custom tags, no code; merge keys off.
      return parseYaml(text, { schema: 'core', merge: false, maxAliasCount: 100 });
    } catch (e) {
      throw new ConfigError(file, '', `invalid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return parseJsonText(text, file);
}

/**
 * Resolves, reads and compiles packs (config `packs`, then `--rules`). Ids must be unique across
 * packs and must not reuse a built-in code: a team rule never silently replaces ours.
 */
export function loadPacks(refs: PackRef[], builtinCodes: Iterable<string>, opts: CompileOptions = {}): DeclarativeRule[] {
  const taken = new Map<string, string>();
  for (const c of builtinCodes) taken.set(c, 'the built-in rules');
  const out: DeclarativeRule[] = [];
  refs.forEach((ref, i) => {
    const key = ref.declaredIn === '--rules' ? '' : keyPath('packs', i);
    const file = resolveSpec(ref.spec, ref.fromDir, 'pack', ref.declaredIn, key);
    const pack = readPackFile(file);
    const rules = compilePack(pack, file, opts);
    rules.forEach((r, j) => {
      const prev = taken.get(r.meta.code);
      if (prev) throw new ConfigError(file, keyPath('rules', j, 'id'), `rule ${r.meta.code} is already defined by ${prev}`);
      taken.set(r.meta.code, `the pack ${pack.name} (${file})`);
      out.push(r);
    });
  });
  return out;
}

/**
 * `--rules X` / `verify-rules X`: a pack file, a folder holding an npm-package pack (its
 * package.json says which file), or an installed package name resolved from `cwd`.
 */
export function resolvePackArg(arg: string, cwd: string): string {
  const abs = path.resolve(cwd, arg);
  if (isDirectory(abs)) {
    if (!existsSync(path.join(abs, 'package.json'))) throw new ConfigError(abs, '', 'a rule pack folder needs a package.json naming its pack ("d365sec": { "pack": "rules.json" })');
    return packFileOfFolder(abs);
  }
  if (existsSync(abs)) return abs;
  return resolveSpec(arg, cwd, 'pack', '--rules', '');
}

function packFileOfFolder(dir: string): string {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(path.join(dir, 'package.json'), '', `cannot read: ${(e as Error).message}`);
  }
  const d = pkg.d365sec as Record<string, unknown> | undefined;
  const rel = typeof d?.pack === 'string' ? d.pack : typeof pkg.main === 'string' && /\.(json|ya?ml)$/i.test(pkg.main) ? pkg.main : 'rules.json';
  const file = path.join(dir, rel);
  if (!existsSync(file)) throw new ConfigError(path.join(dir, 'package.json'), 'd365sec.pack', `${rel} does not exist`);
  return file;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
