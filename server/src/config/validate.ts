import { ConfigError, keyPath } from './errors';
import type { RawConfig } from './types';

/**
 * Checks a parsed d365sec.config.json by hand rather than with ajv: the CLI bundle must not carry
 * a schema compiler (ajv is a dev dependency), and hand-written checks give messages that name
 * the key and say what to write. The JSON Schema in schemas/ says the same thing for editors;
 * test/config/schema.test.ts keeps the two in agreement.
 */
const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;
const KEYS = [
  '$schema',
  'extends',
  'rules',
  'ignore',
  'gitignore',
  'sensitiveNames',
  'notSensitiveNames',
  'maxFileSize',
  'hashKey',
  'packs',
  'suppressionsFile',
  'baseline',
  'reportUnusedSuppressions',
] as const;

export function validateConfig(raw: unknown, file: string): RawConfig {
  if (!isObject(raw)) throw new ConfigError(file, '', 'the configuration must be a JSON object');
  for (const k of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(k)) throw new ConfigError(file, keyPath(k), `unknown key; expected one of ${KEYS.join(', ')}`);
  }
  const out: RawConfig = {};
  if (raw.$schema !== undefined) out.$schema = str(raw.$schema, file, '$schema');
  if (raw.extends !== undefined) {
    // A single string is the common case; an array applies several in order.
    out.extends = typeof raw.extends === 'string' ? [nonEmpty(raw.extends, file, 'extends')] : strArray(raw.extends, file, 'extends', true);
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) throw new ConfigError(file, 'rules', 'must be an object of rule code or name to "error", "warning", "info" or "off"');
    const rules: NonNullable<RawConfig['rules']> = {};
    for (const [code, sev] of Object.entries(raw.rules)) {
      if (typeof sev !== 'string' || !(SEVERITIES as readonly string[]).includes(sev)) {
        throw new ConfigError(file, keyPath('rules', code), `must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, got ${JSON.stringify(sev)}`);
      }
      rules[code] = sev as (typeof SEVERITIES)[number];
    }
    out.rules = rules;
  }
  for (const k of ['ignore', 'sensitiveNames', 'notSensitiveNames'] as const) {
    if (raw[k] !== undefined) out[k] = strArray(raw[k], file, k, false);
  }
  if (raw.packs !== undefined) out.packs = strArray(raw.packs, file, 'packs', true);
  for (const k of ['gitignore', 'reportUnusedSuppressions'] as const) {
    if (raw[k] !== undefined) {
      if (typeof raw[k] !== 'boolean') throw new ConfigError(file, k, 'must be true or false');
      out[k] = raw[k] as boolean;
    }
  }
  if (raw.maxFileSize !== undefined) {
    const v = raw.maxFileSize;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ConfigError(file, 'maxFileSize', 'must be a positive whole number of bytes');
    out.maxFileSize = v;
  }
  for (const k of ['hashKey', 'suppressionsFile', 'baseline'] as const) {
    if (raw[k] !== undefined) out[k] = nonEmpty(raw[k], file, k);
  }
  return out;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, file: string, key: string): string {
  if (typeof v !== 'string') throw new ConfigError(file, key, 'must be a string');
  return v;
}

function nonEmpty(v: unknown, file: string, key: string): string {
  const s = str(v, file, key);
  if (s.trim() === '') throw new ConfigError(file, key, 'must not be empty');
  return s;
}

function strArray(v: unknown, file: string, key: string, noEmpty: boolean): string[] {
  if (!Array.isArray(v)) throw new ConfigError(file, key, 'must be an array of strings');
  return v.map((x, i) => (noEmpty ? nonEmpty(x, file, keyPath(key, i)) : str(x, file, keyPath(key, i))));
}
