/**
 * The JSON report: an array, one object per finding. `file`, `line`, `category`, `rule` (the code)
 * and `message` are the original shape that score.mjs and existing scripts read; the rest was
 * added after and only ever grows. Lines and columns are 1-based. No field holds a secret:
 * `redacted` is the redacted form the engine made.
 */
import type { Finding } from '../core/types';

export interface JsonFinding {
  file: string;
  line: number;
  category: string;
  rule: string;
  message: string;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleName: string;
  fingerprint: string;
  redacted?: string;
  related?: { file: string; line?: number; column?: number; message: string }[];
}

export function toJsonFindings(findings: readonly Finding[]): JsonFinding[] {
  return findings.map((f) => {
    const o: JsonFinding = {
      file: f.path,
      line: f.range.start.line + 1,
      category: f.category,
      rule: f.code,
      message: f.message,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      ruleName: f.rule,
      fingerprint: f.fingerprint,
    };
    if (f.redacted) o.redacted = f.redacted;
    if (f.related?.length) {
      o.related = f.related.map((r) => ({
        file: r.path,
        ...(r.range ? { line: r.range.start.line + 1, column: r.range.start.character + 1 } : {}),
        message: r.message,
      }));
    }
    return o;
  });
}

export function toJson(findings: readonly Finding[]): string {
  return JSON.stringify(toJsonFindings(findings), null, 2);
}
