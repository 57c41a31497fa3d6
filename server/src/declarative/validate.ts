import { CATEGORIES, type ArtifactKind } from '../core/types';
import { ConfigError, keyPath } from '../config/errors';
import { isObject } from '../config/validate';
import type { DeclarativeRuleSpec, Example, RulePackSpec, StringsMatcher } from './types';

/**
 * Checks a rule pack's shape. Every message names the pack file, the key and the rule id, so a
 * team with thirty rules sees which one is wrong. Pattern syntax is checked in compile.ts, which
 * uses the same error type.
 */
const KINDS: ArtifactKind[] = ['csharp', 'script', 'al', 'xml', 'json', 'text'];
const SEVERITIES = ['error', 'warning', 'info'];
const RULE_KEYS = [
  'id', 'name', 'category', 'severity', 'message', 'description', 'files', 'exclude', 'kinds', 'regex', 'flags',
  'secretGroup', 'strings', 'mustMatch', 'mustNotMatch', 'docs',
];
const STRINGS_KEYS = ['name', 'path', 'value', 'callee', 'inComments'];
export const RULE_ID = /^[A-Z][A-Z0-9]{2,15}$/;
const RULE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const SECRET_CATEGORIES = new Set(['hardcoded-secret', 'unprotected-secret']);

export function validatePack(raw: unknown, file: string): RulePackSpec {
  if (!isObject(raw)) throw new ConfigError(file, '', 'a rule pack must be an object with "name" and "rules"');
  for (const k of Object.keys(raw)) {
    if (!['$schema', 'name', 'version', 'description', 'rules'].includes(k)) throw new ConfigError(file, keyPath(k), 'unknown key; expected name, version, description, rules');
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '') throw new ConfigError(file, 'name', 'the pack needs a name');
  if (!Array.isArray(raw.rules) || raw.rules.length === 0) throw new ConfigError(file, 'rules', 'must be a non-empty array of rules');
  const rules = raw.rules.map((r, i) => validateRule(r, file, i));
  const ids = new Map<string, number>();
  rules.forEach((r, i) => {
    const prev = ids.get(r.id);
    if (prev !== undefined) throw new ConfigError(file, keyPath('rules', i, 'id'), `rule ${r.id} is defined twice (also rules[${prev}])`);
    ids.set(r.id, i);
  });
  const pack: RulePackSpec = { name: raw.name, rules };
  if (typeof raw.version === 'string') pack.version = raw.version;
  if (typeof raw.description === 'string') pack.description = raw.description;
  return pack;
}

function validateRule(raw: unknown, file: string, i: number): DeclarativeRuleSpec {
  const at = (...k: (string | number)[]): string => keyPath('rules', i, ...k);
  if (!isObject(raw)) throw new ConfigError(file, at(), 'a rule must be an object');
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const who = id ? `rule ${id}` : `rule #${i + 1}`;
  const fail = (key: string, problem: string): never => {
    throw new ConfigError(file, key, `${who}: ${problem}`);
  };
  for (const k of Object.keys(raw)) if (!RULE_KEYS.includes(k)) fail(at(k), `unknown key; expected one of ${RULE_KEYS.join(', ')}`);
  if (!id || !RULE_ID.test(id)) fail(at('id'), 'id must be 3-16 upper-case letters and digits starting with a letter (CONTOSO001)');
  if (typeof raw.name !== 'string' || !RULE_NAME.test(raw.name)) fail(at('name'), 'name must be kebab-case (internal-api-key)');
  if (typeof raw.category !== 'string' || !(CATEGORIES as readonly string[]).includes(raw.category)) fail(at('category'), `category must be one of ${CATEGORIES.join(', ')}`);
  if (typeof raw.severity !== 'string' || !SEVERITIES.includes(raw.severity)) fail(at('severity'), 'severity must be error, warning or info');
  if (typeof raw.message !== 'string' || raw.message.trim() === '') fail(at('message'), 'message is required');
  const files = globList(raw.files, at('files'), fail, true);
  const spec = {
    id: id!,
    name: raw.name as string,
    category: raw.category as DeclarativeRuleSpec['category'],
    severity: raw.severity as DeclarativeRuleSpec['severity'],
    message: raw.message as string,
    files,
    mustMatch: examples(raw.mustMatch, at('mustMatch'), fail),
    mustNotMatch: examples(raw.mustNotMatch, at('mustNotMatch'), fail),
  } as DeclarativeRuleSpec;
  if (raw.description !== undefined) spec.description = String(raw.description);
  if (raw.exclude !== undefined) spec.exclude = globList(raw.exclude, at('exclude'), fail, false);
  if (raw.kinds !== undefined) {
    if (!Array.isArray(raw.kinds) || raw.kinds.some((k) => !KINDS.includes(k as ArtifactKind))) fail(at('kinds'), `kinds must be a list of ${KINDS.join(', ')}`);
    spec.kinds = raw.kinds as ArtifactKind[];
  }
  if (raw.regex !== undefined) {
    if (typeof raw.regex !== 'string' || raw.regex === '') fail(at('regex'), 'regex must be a non-empty string');
    spec.regex = raw.regex as string;
  }
  if (raw.flags !== undefined) {
    if (typeof raw.flags !== 'string') fail(at('flags'), 'flags must be a string of letters (i, s)');
    spec.flags = raw.flags as string;
  }
  if (raw.secretGroup !== undefined) {
    if (typeof raw.secretGroup !== 'string' && typeof raw.secretGroup !== 'number') fail(at('secretGroup'), 'secretGroup must be a group name or number');
    spec.secretGroup = raw.secretGroup as string | number;
  }
  if (raw.strings !== undefined) {
    const s = raw.strings;
    if (!isObject(s)) return fail(at('strings'), 'strings must be an object with name, path, value or callee');
    for (const k of Object.keys(s)) if (!STRINGS_KEYS.includes(k)) fail(at('strings', k), `unknown key; expected one of ${STRINGS_KEYS.join(', ')}`);
    const m: StringsMatcher = {};
    for (const k of ['name', 'path', 'value', 'callee'] as const) {
      if (s[k] === undefined) continue;
      if (typeof s[k] !== 'string' || s[k] === '') fail(at('strings', k), `${k} must be a non-empty string`);
      m[k] = s[k] as string;
    }
    if (s.inComments !== undefined) m.inComments = s.inComments === true;
    if (!m.name && !m.path && !m.value && !m.callee) fail(at('strings'), 'strings needs at least one of name, path, value, callee');
    spec.strings = m;
  }
  if ((spec.regex === undefined) === (spec.strings === undefined)) fail(at(), 'a rule needs exactly one matcher: "regex" or "strings"');
  if (spec.strings && [...spec.mustMatch, ...spec.mustNotMatch].some((e) => typeof e === 'string')) {
    fail(at('mustMatch'), 'examples of a "strings" rule must be files ({ "path": ..., "code": ... }): the values come from the parsers');
  }
  if (SECRET_CATEGORIES.has(spec.category) && /\{match\}/.test(spec.message)) {
    fail(at('message'), '{match} would print the secret; use {secret} (the redacted form)');
  }
  if (isObject(raw.docs)) {
    const d = raw.docs;
    spec.docs = {};
    if (typeof d.why === 'string') spec.docs.why = d.why;
    if (typeof d.fix === 'string') spec.docs.fix = d.fix;
    if (Array.isArray(d.references)) spec.docs.references = d.references.filter((x): x is string => typeof x === 'string');
  } else if (raw.docs !== undefined) fail(at('docs'), 'docs must be an object with why, fix, references');
  return spec;
}

function globList(v: unknown, key: string, fail: (k: string, p: string) => never, required: boolean): string[] {
  if (v === undefined && !required) return [];
  if (!Array.isArray(v) || (required && v.length === 0) || v.some((g) => typeof g !== 'string' || g === '')) {
    return fail(key, `${key.split('.').pop()} must be a ${required ? 'non-empty ' : ''}list of globs`);
  }
  return v as string[];
}

function examples(v: unknown, key: string, fail: (k: string, p: string) => never): Example[] {
  if (!Array.isArray(v) || v.length === 0) return fail(key, `${key.split('.').pop()} needs at least one example (rules test themselves)`);
  return v.map((e, j) => {
    if (typeof e === 'string' && e !== '') return e;
    if (isObject(e) && typeof e.path === 'string' && e.path !== '' && typeof e.code === 'string') return { path: e.path, code: e.code };
    return fail(`${key}[${j}]`, 'an example is a non-empty string or { "path": "...", "code": "..." }');
  });
}
