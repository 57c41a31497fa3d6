/**
 * The terminal report, in the layout of ESLint's "stylish": the file's path as a heading, then one
 * aligned row per finding (`line:col  severity  message  CODE rule-name`), a blank line between
 * files. A pure function of the findings: whether to colour is the caller's decision.
 */
import type { Finding, Severity } from '../core/types';

const ESC = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const STYLE = {
  underline: ESC('4'),
  dim: ESC('2'),
  bold: ESC('1'),
  error: ESC('31'),
  warning: ESC('33'),
  info: ESC('36'),
};
const plain = (s: string) => s;

export interface TextOptions {
  color: boolean;
}

export function toText(findings: readonly Finding[], opts: TextOptions): string {
  const c = opts.color ? STYLE : { underline: plain, dim: plain, bold: plain, error: plain, warning: plain, info: plain };
  const sev: Record<Severity, (s: string) => string> = { error: c.error, warning: c.warning, info: c.info };
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.path);
    if (g) g.push(f);
    else groups.set(f.path, [f]);
  }
  const out: string[] = [];
  for (const [file, list] of groups) {
    const rows = list.map((f) => ({
      line: String(f.range.start.line + 1),
      col: String(f.range.start.character + 1),
      severity: f.severity,
      // One row per finding: a message never breaks the table.
      message: f.message.replace(/\s*[\r\n]+\s*/g, ' '),
      rule: `${f.code} ${f.rule}`,
    }));
    const w = {
      line: Math.max(...rows.map((r) => r.line.length)),
      col: Math.max(...rows.map((r) => r.col.length)),
      severity: Math.max(...rows.map((r) => r.severity.length)),
      message: Math.max(...rows.map((r) => r.message.length)),
    };
    out.push(c.underline(file));
    for (const r of rows) {
      // Line right-aligned and column left-aligned, so the colons line up as in ESLint.
      const pos = `${r.line.padStart(w.line)}:${r.col.padEnd(w.col)}`;
      out.push(`  ${c.dim(pos)}  ${sev[r.severity as Severity](r.severity.padEnd(w.severity))}  ${r.message.padEnd(w.message)}  ${c.dim(r.rule)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
