import picomatch from 'picomatch';
import type { Finding } from '../core/types';
import { ConfigError, keyPath } from '../config/errors';
import { isObject } from '../config/validate';
import { notice, type SuppressionNotice } from './notices';

/**
 * The shared suppressions file (d365sec.suppressions.json) for places that cannot hold a comment:
 * JSON flows, generated solution XML, files owned by another team.
 *
 *   { "version": 1, "suppressions": [
 *     { "rule": "D365S001", "path": "solution/Workflows/Sync-….json", "fingerprint": "3f9a…",
 *       "justification": "test tenant, key revoked", "owner": "alice@contoso.com", "expires": "2026-06-30" } ] }
 *
 * `rule` is a code or name; `path` is a path relative to the project root or a glob; without a
 * `fingerprint` the entry covers every finding of the rule in those files. An entry suppresses
 * through its `expires` day (UTC); after that it stops suppressing and is reported (D365X004),
 * so temporary exceptions cannot quietly become permanent. The file holds fingerprints only,
 * never a secret value.
 */
export interface SuppressionEntry {
  rule: string;
  path: string;
  fingerprint?: string;
  justification: string;
  owner: string;
  /** YYYY-MM-DD. */
  expires?: string;
}

export interface SuppressionsFile {
  version: 1;
  suppressions: SuppressionEntry[];
}

const ENTRY_KEYS = ['rule', 'path', 'fingerprint', 'justification', 'owner', 'expires'];

export function validateSuppressionsFile(raw: unknown, file: string): SuppressionsFile {
  if (!isObject(raw)) throw new ConfigError(file, '', 'must be an object { "version": 1, "suppressions": [...] }');
  if (raw.version !== 1) throw new ConfigError(file, 'version', 'must be 1');
  if (!Array.isArray(raw.suppressions)) throw new ConfigError(file, 'suppressions', 'must be an array');
  const entries = raw.suppressions.map((e, i): SuppressionEntry => {
    const at = (k?: string): string => (k ? keyPath('suppressions', i, k) : keyPath('suppressions', i));
    if (!isObject(e)) throw new ConfigError(file, at(), 'must be an object');
    for (const k of Object.keys(e)) if (!ENTRY_KEYS.includes(k)) throw new ConfigError(file, at(k), `unknown key; expected one of ${ENTRY_KEYS.join(', ')}`);
    for (const k of ['rule', 'path', 'justification', 'owner']) {
      if (typeof e[k] !== 'string' || (e[k] as string).trim() === '') throw new ConfigError(file, at(k), 'is required (a non-empty string)');
    }
    const out: SuppressionEntry = { rule: e.rule as string, path: e.path as string, justification: e.justification as string, owner: e.owner as string };
    if (e.fingerprint !== undefined) {
      if (typeof e.fingerprint !== 'string' || !/^[0-9a-f]{8,64}$/.test(e.fingerprint)) throw new ConfigError(file, at('fingerprint'), 'must be the hex fingerprint of a finding');
      out.fingerprint = e.fingerprint;
    }
    if (e.expires !== undefined) {
      if (typeof e.expires !== 'string' || !isDate(e.expires)) throw new ConfigError(file, at('expires'), 'must be a date YYYY-MM-DD');
      out.expires = e.expires;
    }
    return out;
  });
  return { version: 1, suppressions: entries };
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export interface FileSuppressionOptions {
  /** The file's path as shown in notices. */
  file: string;
  /** Today (UTC, YYYY-MM-DD); injectable so tests do not depend on the clock. */
  today?: string;
  reportUnused?: boolean;
}

/**
 * Marks findings matched by a live entry `suppressed = { kind: 'external', justification }`.
 * Findings already suppressed in source keep that. Returns notices for expired and (optionally)
 * unused entries.
 */
export function applySuppressionsFile(findings: Finding[], sf: SuppressionsFile, opts: FileSuppressionOptions): SuppressionNotice[] {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const notices: SuppressionNotice[] = [];
  sf.suppressions.forEach((e, i) => {
    const key = keyPath('suppressions', i);
    const matchPath = /[*?[{]/.test(e.path) ? picomatch(e.path, { dot: true }) : (p: string) => p === e.path;
    const hits = findings.filter((f) => (f.code === e.rule || f.rule === e.rule) && matchPath(f.path) && (!e.fingerprint || f.fingerprint === e.fingerprint));
    if (e.expires && today > e.expires) {
      if (hits.length > 0 || opts.reportUnused) {
        notices.push(notice('expired-suppression', opts.file, `the suppression of ${e.rule} in ${e.path} (owner ${e.owner}) expired on ${e.expires}; fix the finding or renew the entry`, { key }));
      }
      return;
    }
    if (hits.length === 0 && opts.reportUnused) notices.push(notice('unused-suppression', opts.file, `the suppression of ${e.rule} in ${e.path} matches no finding; remove it`, { key }));
    for (const f of hits) if (!f.suppressed) f.suppressed = { kind: 'external', justification: `${e.justification} (owner: ${e.owner}${e.expires ? `, expires ${e.expires}` : ''})` };
  });
  return notices;
}

/** An entry for a finding (what a "suppress in file" command writes): fingerprint, never the value. */
export function entryFor(f: Finding, fields: { justification: string; owner: string; expires?: string }): SuppressionEntry {
  const e: SuppressionEntry = { rule: f.code, path: f.path, fingerprint: f.fingerprint, justification: fields.justification, owner: fields.owner };
  if (fields.expires) e.expires = fields.expires;
  return e;
}

/** Stable text: entries sorted by path, rule, fingerprint, one key order, trailing newline. */
export function serialiseSuppressionsFile(sf: SuppressionsFile): string {
  const sorted = [...sf.suppressions].sort((a, b) => cmp(a.path, b.path) || cmp(a.rule, b.rule) || cmp(a.fingerprint ?? '', b.fingerprint ?? ''));
  const ordered = sorted.map((e) => {
    const o: Record<string, string> = { rule: e.rule, path: e.path };
    if (e.fingerprint) o.fingerprint = e.fingerprint;
    o.justification = e.justification;
    o.owner = e.owner;
    if (e.expires) o.expires = e.expires;
    return o;
  });
  return JSON.stringify({ version: 1, suppressions: ordered }, null, 2) + '\n';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
