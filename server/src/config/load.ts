import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ConfigError, keyPath } from './errors';
import { mergeConfigs } from './merge';
import { isFile, resolveSpec } from './module-resolve';
import { CONFIG_FILE_NAMES, type LoadedConfigFile, type ResolvedConfig } from './types';
import { validateConfig } from './validate';

export interface LoadOptions {
  /** The folder being scanned; the config is searched from here upwards. */
  scanDir: string;
  /** `--config FILE`: used instead of the search. */
  configFile?: string;
  /** Process environment (D365SEC_HASH_KEY); defaults to none so tests are hermetic. */
  env?: Record<string, string | undefined>;
}

/** Deepest extends chain we follow; a longer one is almost certainly a mistake. */
const MAX_DEPTH = 16;

/** The nearest config file from `dir` upwards, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(d, name);
      if (isFile(p)) return p;
    }
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/**
 * Finds and loads the configuration with its extends chain. Throws ConfigError (file + key) for a
 * missing, unreadable, invalid or cyclic config; with no config anywhere, returns the defaults.
 */
export function loadConfig(opts: LoadOptions): ResolvedConfig {
  const scanDir = path.resolve(opts.scanDir);
  const file = opts.configFile ? path.resolve(opts.configFile) : findConfigFile(scanDir);
  const env = { hashKey: opts.env?.D365SEC_HASH_KEY };
  if (!file) return mergeConfigs([], scanDir, env);
  if (!isFile(file)) throw new ConfigError(file, '', 'the configuration file does not exist');
  const chain: LoadedConfigFile[] = [];
  collect(file, [], chain);
  return mergeConfigs(chain, path.dirname(file), env);
}

/** Depth-first: a file's extends come before the file itself, in the order listed. */
function collect(file: string, stack: string[], out: LoadedConfigFile[]): void {
  if (stack.includes(file)) {
    throw new ConfigError(stack[stack.length - 1]!, 'extends', `cycle: ${[...stack, file].map((f) => path.basename(f)).join(' -> ')}`);
  }
  if (stack.length >= MAX_DEPTH) throw new ConfigError(file, 'extends', `more than ${MAX_DEPTH} levels of extends`);
  const config = validateConfig(readJsonFile(file), file);
  const dir = path.dirname(file);
  (config.extends ?? []).forEach((spec, i) => {
    const target = resolveSpec(spec, dir, 'config', file, keyPath('extends', i));
    collect(target, [...stack, file], out);
  });
  // A config reached twice through different branches applies once, at its first place.
  if (!out.some((c) => c.file === file)) out.push({ file, dir, config });
}

/** Reads JSON with comments and trailing commas (what editors allow in config files). */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new ConfigError(file, '', `cannot read: ${(e as Error).message}`);
  }
  return parseJsonText(text, file);
}

export function parseJsonText(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const col = e.offset - before.lastIndexOf('\n');
    throw new ConfigError(file, '', `invalid JSON at line ${line}, column ${col}: ${printParseErrorCode(e.error)}`);
  }
  return value;
}
