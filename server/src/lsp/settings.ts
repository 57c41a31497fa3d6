/**
 * The `d365sec.*` settings as ONE typed object, shared by the client (which reads them from
 * VS Code) and the server (which asks for them per document through workspace/configuration).
 * The client bundles this file too, so it must stay free of vscode and vscode-languageserver.
 */
import { defaultSettings, type AnalyzerSettings } from '../core/settings';
import type { Severity } from '../core/types';

export type RunMode = 'onType' | 'onSave';

export interface D365SecSettings {
  /** Master switch: false clears every diagnostic of the scope. */
  enable: boolean;
  /** Per rule code or name: a severity or 'off'. */
  rules: Record<string, Severity | 'off'>;
  /** Extra column / field / variable names the team treats as sensitive. */
  sensitiveNames: string[];
  /** Glob patterns (relative to the workspace folder) of files never analysed. */
  ignore: string[];
  /** Analyse while typing, or only when a document is saved. */
  run: RunMode;
  /** Files larger than this many bytes are not analysed. */
  maxFileSize: number;
}

export const SECTION = 'd365sec';

export function defaultD365SecSettings(): D365SecSettings {
  return { enable: true, rules: {}, sensitiveNames: [], ignore: [], run: 'onType', maxFileSize: 4 * 1024 * 1024 };
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/**
 * Turns whatever the client sent (null, a partial object, a hand-edited settings.json with wrong
 * types) into a complete, valid object. Never throws: a bad value falls back to its default.
 */
export function normaliseSettings(raw: unknown): D365SecSettings {
  const d = defaultD365SecSettings();
  if (!raw || typeof raw !== 'object') return d;
  const r = raw as Record<string, unknown>;
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : undefined;
  const rules: Record<string, Severity | 'off'> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) rules[k] = v as Severity | 'off';
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : d.enable,
    rules,
    sensitiveNames: strings(r.sensitiveNames) ?? d.sensitiveNames,
    ignore: strings(r.ignore) ?? d.ignore,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : d.maxFileSize,
  };
}

/** What the core reads, for one scope. `trusted` comes from workspace trust, never from settings. */
export function toAnalyzerSettings(s: D365SecSettings, trusted: boolean): AnalyzerSettings {
  return defaultSettings({ rules: s.rules, sensitiveNames: s.sensitiveNames, maxFileSize: s.maxFileSize, trusted });
}
