/**
 * Findings as LSP diagnostics. Only redacted text leaves the server: the message is the
 * engine's (already redacted) message, and `data` carries the fingerprint, never fixData.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/types';
import { ruleDocUrl } from './protocol';

export const SOURCE = 'd365sec';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What code actions need to find the finding again (the server keeps the finding itself). */
export interface DiagnosticData {
  fingerprint: string;
  rule: string;
}

export function toDiagnostic(f: Finding, uriOf: (path: string) => string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocUrl(f.rule) },
    source: SOURCE,
    message: f.message,
    data: { fingerprint: f.fingerprint, rule: f.rule } satisfies DiagnosticData,
  };
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of f.related ?? []) {
    if (!r.range) continue; // the other file is not loaded: no position to point at
    related.push({ location: { uri: uriOf(r.path), range: r.range }, message: r.message });
  }
  if (related.length) d.relatedInformation = related;
  if (f.suppressed) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}
