import { LineIndex } from '../core/lines';
import type { Finding, Span } from '../core/types';
import { parseDirectives, type Directive } from './directives';
import { notice, type SuppressionNotice } from './notices';

/**
 * Applies inline directives to findings: a matching finding gets
 * `suppressed = { kind: 'inSource', justification }` (SARIF `suppressions`), it is not removed,
 * so reporters can list it and baselines can ignore it.
 *
 * A directive without a reason does NOT suppress: the finding stays and a D365X001 notice says
 * why. Otherwise "reason required" would be advice, not a rule. A directive naming no rule
 * (D365X005) suppresses nothing either; an unknown code is reported (D365X003) but harmless.
 */
export interface InlineFile {
  path: string;
  text: string;
  /** Comment spans from the parser (ParsedFile.comments), when it produced them. */
  comments?: readonly Span[];
}

export interface InlineOptions {
  /** Whether a code or name is a rule of this scan; unknown ones get D365X003. Default: all known. */
  isKnownRule?: (codeOrName: string) => boolean;
  /** Report directives (per code) that suppressed nothing (D365X002). */
  reportUnused?: boolean;
}

export function applyInlineSuppressions(findings: Finding[], files: readonly InlineFile[], opts: InlineOptions = {}): SuppressionNotice[] {
  const notices: SuppressionNotice[] = [];
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPath.get(f.path);
    if (list) list.push(f);
    else byPath.set(f.path, [f]);
  }
  for (const file of files) {
    if (!file.text.includes('d365sec-')) continue; // the common case, cheaply
    const directives = parseDirectives(file.path, file.text, file.comments);
    if (directives.length === 0) continue;
    const lines = new LineIndex(file.text);
    const rangeOf = (d: Directive) => ({ start: lines.positionAt(d.span.start), end: lines.positionAt(d.span.end) });
    const here = byPath.get(file.path) ?? [];
    // Which (directive, code) pairs suppressed something, for the unused report.
    const used = new Set<string>();
    const active = directives.filter((d) => {
      if (d.kind === 'enable') return true;
      if (d.codes.length === 0) {
        notices.push(notice('suppression-without-rule', file.path, `d365sec-${d.kind} names no rule; write the rule code (d365sec-${d.kind} D365S001 -- reason)`, { range: rangeOf(d) }));
        return false;
      }
      for (const c of d.codes) {
        if (opts.isKnownRule && !opts.isKnownRule(c)) notices.push(notice('unknown-rule-in-suppression', file.path, `d365sec-${d.kind} names ${c}, which is not a rule of this scan`, { range: rangeOf(d) }));
      }
      if (!d.reason) {
        notices.push(notice('suppression-without-reason', file.path, `d365sec-${d.kind} ${d.codes.join(', ')} has no reason, so it suppresses nothing; add " -- <why this is safe>"`, { range: rangeOf(d) }));
        return false;
      }
      return true;
    });
    for (const [i, d] of active.entries()) {
      if (d.kind === 'enable') continue;
      for (const code of d.codes) {
        const [from, to] = d.kind === 'disable' ? [d.line, blockEnd(active, i, code, lines.lineCount)] : [d.targetLine, d.targetLine + 1];
        for (const f of here) {
          const line = f.range.start.line;
          if (line < from || line >= to || (code !== f.code && code !== f.rule)) continue;
          used.add(`${d.span.start}:${code}`);
          if (!f.suppressed) f.suppressed = { kind: 'inSource', justification: d.reason! };
        }
      }
    }
    if (opts.reportUnused) {
      for (const d of active) {
        if (d.kind === 'enable') continue;
        for (const c of d.codes) {
          if (!used.has(`${d.span.start}:${c}`)) {
            notices.push(notice('unused-suppression', file.path, `d365sec-${d.kind} ${c} suppresses nothing; remove it`, { range: rangeOf(d) }));
          }
        }
      }
    }
  }
  return notices;
}

/** A block disable of `code` runs to the first later `enable` naming it or naming none (enable all), else to the end. */
function blockEnd(directives: Directive[], i: number, code: string, lineCount: number): number {
  for (let j = i + 1; j < directives.length; j++) {
    const e = directives[j]!;
    if (e.kind === 'enable' && (e.codes.length === 0 || e.codes.includes(code))) return e.line;
  }
  return lineCount + 1;
}
