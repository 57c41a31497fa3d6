import type { Range } from '../core/types';

/**
 * Problems with suppressions themselves. They are reported as notices, not Findings: a Finding's
 * category must be one of the seven public security categories (they appear in SARIF tags and
 * the scorer counts them), and a suppression without a reason is a process problem, not a
 * security flaw of the project. Each still has a stable meta code (D365X…, X for "about the
 * tool") so CI can grep or gate on it and the docs can explain it. The CLI prints them with the
 * parse notices and, by default, as SARIF `toolExecutionNotifications` with `level: warning`.
 */
export const META_CODES = {
  'suppression-without-reason': 'D365X001',
  'unused-suppression': 'D365X002',
  'unknown-rule-in-suppression': 'D365X003',
  'expired-suppression': 'D365X004',
  'suppression-without-rule': 'D365X005',
} as const;

export type MetaName = keyof typeof META_CODES;

export interface SuppressionNotice {
  code: (typeof META_CODES)[MetaName];
  name: MetaName;
  /** The file holding the directive, or the suppressions file for entries of it. */
  path: string;
  /** Where in `path`; absent for entries of the suppressions file (their `key` says which). */
  range?: Range;
  /** For suppressions-file entries: `suppressions[3]`. */
  key?: string;
  message: string;
}

export function notice(name: MetaName, path: string, message: string, where: { range?: Range; key?: string } = {}): SuppressionNotice {
  return { code: META_CODES[name], name, path, message, ...where };
}
