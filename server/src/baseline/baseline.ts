import { keyedHash } from '../core/redact';
import type { Finding } from '../core/types';
import { ConfigError, keyPath } from '../config/errors';
import { isObject } from '../config/validate';

/**
 * The baseline: findings a team accepts for now, so a scan gates only new problems.
 *
 * Identity is rule code + path + the engine's fingerprint. The fingerprint is a keyed hash of
 * rule, path and the normalised secret (or the rule's context key, or the finding's text), never
 * the line, so inserting lines above a finding keeps it "unchanged", while swapping a secret
 * for another value makes it "new". Identical findings in one file (the same key pasted twice)
 * are counted, so a third copy is new.
 *
 * The file is made for review and merges: no timestamps, no messages, no secret (only the
 * fingerprint and a check value of the hash key), one entry per line, sorted.
 */
export interface BaselineEntry {
  rule: string;
  path: string;
  fingerprint: string;
  /** Present when the same identity occurs more than once. */
  count?: number;
}

export interface Baseline {
  version: 1;
  /**
   * keyedHash of a fixed text under the scan's hash key: a baseline written with another
   * D365SEC_HASH_KEY would turn every finding "new"; with this we can say so instead.
   */
  keyCheck: string;
  findings: BaselineEntry[];
}

const KEY_CHECK_TEXT = 'd365sec baseline key check';

export function keyCheckFor(hashKey?: string): string {
  return keyedHash(KEY_CHECK_TEXT, hashKey, 16);
}

export function identity(e: { rule: string; path: string; fingerprint: string }): string {
  return `${e.rule}\u0000${e.path}\u0000${e.fingerprint}`;
}

/**
 * The baseline of a scan. Suppressed findings are left out: they are accepted elsewhere, with a
 * reason, and a baseline entry would outlive the suppression.
 */
export function createBaseline(findings: readonly Finding[], hashKey?: string): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const e = { rule: f.code, path: f.path, fingerprint: f.fingerprint };
    const id = identity(e);
    const prev = counts.get(id);
    if (prev) prev.count = (prev.count ?? 1) + 1;
    else counts.set(id, e);
  }
  const entries = [...counts.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.rule, b.rule) || cmp(a.fingerprint, b.fingerprint));
  return { version: 1, keyCheck: keyCheckFor(hashKey), findings: entries };
}

/** One entry per line with a fixed key order: a change to one finding is a one-line diff. */
export function serialiseBaseline(b: Baseline): string {
  const lines = b.findings.map((e) => {
    const o: Record<string, string | number> = { rule: e.rule, path: e.path, fingerprint: e.fingerprint };
    if (e.count && e.count > 1) o.count = e.count;
    return `    ${JSON.stringify(o)}`;
  });
  return `{\n  "version": 1,\n  "keyCheck": ${JSON.stringify(b.keyCheck)},\n  "findings": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

export function validateBaseline(raw: unknown, file: string): Baseline {
  if (!isObject(raw)) throw new ConfigError(file, '', 'not a d365sec baseline (expected an object with version, keyCheck, findings)');
  if (raw.version !== 1) throw new ConfigError(file, 'version', 'unsupported baseline version (expected 1)');
  if (typeof raw.keyCheck !== 'string') throw new ConfigError(file, 'keyCheck', 'missing');
  if (!Array.isArray(raw.findings)) throw new ConfigError(file, 'findings', 'must be an array');
  const findings = raw.findings.map((e, i): BaselineEntry => {
    if (!isObject(e)) throw new ConfigError(file, keyPath('findings', i), 'must be an object');
    for (const k of ['rule', 'path', 'fingerprint'] as const) {
      if (typeof e[k] !== 'string' || e[k] === '') throw new ConfigError(file, keyPath('findings', i, k), 'is required');
    }
    const out: BaselineEntry = { rule: e.rule as string, path: e.path as string, fingerprint: e.fingerprint as string };
    if (e.count !== undefined) {
      if (typeof e.count !== 'number' || !Number.isInteger(e.count) || e.count < 1) throw new ConfigError(file, keyPath('findings', i, 'count'), 'must be a positive whole number');
      out.count = e.count;
    }
    return out;
  });
  return { version: 1, keyCheck: raw.keyCheck, findings };
}

export type BaselineState = 'new' | 'unchanged';

export interface BaselineComparison {
  /** Every current finding with its state, in the input order. Suppressed findings are 'unchanged' only if in the baseline. */
  results: { finding: Finding; baselineState: BaselineState }[];
  /** Baseline entries no longer found (fixed or moved to another file): SARIF `baselineState: absent`. */
  absent: BaselineEntry[];
  /** The findings that gate: new and not suppressed. */
  newFindings: Finding[];
}

/**
 * Compares a scan with a baseline. Throws ConfigError when the baseline was written with another
 * hash key, since then nothing could match.
 */
export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline, opts: { hashKey?: string; file: string }): BaselineComparison {
  if (baseline.keyCheck !== keyCheckFor(opts.hashKey)) {
    throw new ConfigError(opts.file, 'keyCheck', 'the baseline was written with another hash key (D365SEC_HASH_KEY / hashKey); rescan with that key or write a new baseline');
  }
  const remaining = new Map<string, { entry: BaselineEntry; left: number }>();
  for (const e of baseline.findings) remaining.set(identity(e), { entry: e, left: e.count ?? 1 });
  const results: BaselineComparison['results'] = [];
  const newFindings: Finding[] = [];
  for (const f of findings) {
    const r = remaining.get(identity({ rule: f.code, path: f.path, fingerprint: f.fingerprint }));
    if (r && r.left > 0) {
      r.left--;
      results.push({ finding: f, baselineState: 'unchanged' });
    } else {
      results.push({ finding: f, baselineState: 'new' });
      if (!f.suppressed) newFindings.push(f);
    }
  }
  const absent: BaselineEntry[] = [];
  for (const { entry, left } of remaining.values()) if (left > 0) absent.push(left === (entry.count ?? 1) ? entry : { ...entry, count: left });
  return { results, absent, newFindings };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
