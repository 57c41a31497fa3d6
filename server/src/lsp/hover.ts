/**
 * Hover on a finding: what it is (the redacted message), why it matters and how to fix it, from
 * the rule's docs. Never the secret: only the engine's redacted message is shown.
 */
import type { Hover, Position } from 'vscode-languageserver';
import type { Rule } from '../core/rule';
import type { Finding } from '../core/types';
import { ruleDocUrl } from './protocol';

export function findingsAt(findings: Finding[], pos: Position): Finding[] {
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return findings.filter((f) => before(f.range.start, pos) && before(pos, f.range.end));
}

export function hoverFor(findings: Finding[], pos: Position, rules: readonly Rule[]): Hover | null {
  const here = findingsAt(findings, pos);
  if (!here.length) return null;
  const parts = here.map((f) => {
    const docs = rules.find((r) => r.meta.code === f.code)?.meta.docs;
    const lines = [`**${f.code} ${f.rule}** (${f.severity})`, '', escape(f.message)];
    if (docs?.why) lines.push('', `**Why it matters.** ${escape(docs.why)}`);
    if (docs?.fix) lines.push('', `**Fix.** ${escape(docs.fix)}`);
    lines.push('', `[Rule documentation](${ruleDocUrl(f.rule)})`);
    return lines.join('\n');
  });
  const first = here[0]!;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: first.range };
}

/** Markdown-escapes text that comes from rules (names in messages may hold `*` or `_`). */
function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}
