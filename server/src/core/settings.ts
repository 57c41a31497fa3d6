import type { Severity } from './types';

/**
 * Everything that changes what the analyzer reports, in one typed object. The CLI builds it from
 * d365sec.config.json and flags, the language server from the client's settings; the core
 * only reads it.
 */
export interface AnalyzerSettings {
  /** Extra column / field / variable names the team treats as sensitive (case-insensitive, substrings of words). */
  sensitiveNames: string[];
  /** Names that are never sensitive even if they look so. */
  notSensitiveNames: string[];
  /** Per rule code or name: a severity or 'off'. */
  rules: Record<string, Severity | 'off'>;
  /** Files larger than this (bytes) are not parsed; a notice names them. */
  maxFileSize: number;
  /** Key of the keyed hash in redactions and fingerprints. */
  hashKey?: string;
  /** False in an untrusted workspace: only built-in and declarative rules run. */
  trusted: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

export function defaultSettings(overrides: Partial<AnalyzerSettings> = {}): AnalyzerSettings {
  return {
    sensitiveNames: [],
    notSensitiveNames: [],
    rules: {},
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    trusted: true,
    ...overrides,
  };
}
