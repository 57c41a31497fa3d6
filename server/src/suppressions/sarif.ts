import type { Finding } from '../core/types';

/**
 * The SARIF `suppressions` of a result (SARIF 2.1.0 §3.27.23, §3.35): GitHub code scanning shows
 * suppressed results as dismissed instead of open alerts. `inSource` for a comment directive,
 * `external` for the suppressions file; status `accepted` because a reason was given.
 */
export function sarifSuppressions(f: Finding): { kind: 'inSource' | 'external'; status: 'accepted'; justification: string }[] | undefined {
  if (!f.suppressed) return undefined;
  return [{ kind: f.suppressed.kind, status: 'accepted', justification: f.suppressed.justification }];
}
