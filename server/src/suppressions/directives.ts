import type { Span } from '../core/types';

/**
 * Inline suppression directives, ESLint-style, in any comment syntax we read:
 *
 *   // d365sec-disable-next-line D365S001 -- test fixture, not a real key      (C#, JS/TS, AL, JSONC)
 *   var k = "...";  // d365sec-disable-line D365S001 -- rotated, see INC-4411
 *   <!-- d365sec-disable D365H001, D365H002 -- legacy form, removed in 2.0 -->  (XML, HTML, Markdown)
 *   # d365sec-enable D365H001                                                   (YAML, PowerShell, .env)
 *
 * Codes are rule codes or names, separated by commas or spaces; the reason follows ` -- `.
 * A directive counts only inside a comment. When the parser gave comment spans we use them;
 * otherwise (text kinds, or a file whose parse failed) the comment opener of the file's syntax
 * must precede the directive on its line, or a block comment must be open there.
 */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** As written (codes upper-cased, names lower-cased). Empty when none was given. */
  codes: string[];
  reason?: string;
  /** The directive text, from `d365sec-` to the end of the comment or line. */
  span: Span;
  /** 0-based line of the directive. */
  line: number;
  /**
   * The line it applies to: for disable-next-line the line after the comment ends (a block
   * comment may span lines), for disable-line its own line, for disable/enable where it starts.
   */
  targetLine: number;
}

type Syntax = 'slash' | 'xml' | 'hash' | 'any';

const SLASH_EXT = new Set(['cs', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'al', 'json', 'jsonc', 'css']);
const XML_EXT = new Set(['xml', 'config', 'resx', 'csproj', 'vbproj', 'props', 'targets', 'xaml', 'xlf', 'xliff', 'svg', 'html', 'htm', 'md']);
const HASH_EXT = new Set(['yml', 'yaml', 'ps1', 'psm1', 'psd1', 'env', 'ini', 'toml', 'sh', 'properties', 'txt']);

export function syntaxOf(path: string): Syntax {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base === '.env' || base.startsWith('.env.')) return 'hash';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  if (SLASH_EXT.has(ext)) return 'slash';
  if (XML_EXT.has(ext)) return 'xml';
  if (HASH_EXT.has(ext)) return 'hash';
  return 'any';
}

const LINE_OPENERS: Record<Syntax, string[]> = {
  slash: ['//', '/*'],
  xml: ['<!--'],
  hash: ['#'],
  any: ['//', '/*', '<!--', '#', '--'],
};
const BLOCKS: Record<Syntax, [string, string][]> = {
  slash: [['/*', '*/']],
  xml: [['<!--', '-->']],
  hash: [['<#', '#>']],
  any: [['/*', '*/'], ['<!--', '-->']],
};

const DIRECTIVE = /d365sec-(disable-next-line|disable-line|disable|enable)(?![\w-])/g;

export function parseDirectives(path: string, text: string, comments?: readonly Span[]): Directive[] {
  const syntax = syntaxOf(path);
  const out: Directive[] = [];
  const lineStarts = computeLineStarts(text);
  const useSpans = comments !== undefined && comments.length > 0;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const at = m.index;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    // The comment holding the directive: its end decides where the text stops and which line is "next".
    let commentEnd: number | undefined;
    if (useSpans) {
      const c = comments!.find((s) => at >= s.start && at < s.end);
      if (!c) continue;
      commentEnd = c.end;
    } else {
      const prefix = text.slice(lineStart, at);
      const block = openBlock(text, at, syntax);
      if (block) commentEnd = block.end;
      else if (LINE_OPENERS[syntax].some((o) => prefix.includes(o))) commentEnd = lineEnd;
      else continue;
    }
    // The directive text runs to the end of its line or of its comment, whichever is first.
    let end = Math.min(lineEnd, commentEnd);
    let body = text.slice(at + m[0].length, end);
    for (const [, close] of BLOCKS[syntax]) {
      const k = body.indexOf(close);
      if (k >= 0) body = body.slice(0, k);
    }
    body = body.replace(/\s*(\*\/|-->|#>)\s*$/, '');
    end = at + m[0].length + body.length;
    const sep = /(?:^|\s)--(?:\s|$)/.exec(body);
    const codesText = sep ? body.slice(0, sep.index) : body;
    const reason = sep ? body.slice(sep.index + sep[0].length).trim() : '';
    const codes = codesText
      .split(/[\s,]+/)
      .filter((c) => c !== '')
      .map((c) => (/^D365[A-Za-z]\d{3}$/i.test(c) || /^[A-Z][A-Z0-9]+$/.test(c) ? c.toUpperCase() : c.toLowerCase()));
    const line = lineOf(lineStarts, at);
    const kind = m[1] as DirectiveKind;
    const endLine = lineOf(lineStarts, Math.max(at, (commentEnd ?? lineEnd) - 1));
    const d: Directive = {
      kind,
      codes,
      span: { start: at, end },
      line,
      targetLine: kind === 'disable-next-line' ? endLine + 1 : line,
    };
    if (reason) d.reason = reason;
    out.push(d);
  }
  return out;
}

/** The block comment open at `at`, if any: the last opener before it that is not closed before it. */
function openBlock(text: string, at: number, syntax: Syntax): { end: number } | undefined {
  for (const [open, close] of BLOCKS[syntax]) {
    const o = text.lastIndexOf(open, at);
    if (o < 0) continue;
    const c = text.indexOf(close, o + open.length);
    if (c >= 0 && c < at) continue;
    return { end: c < 0 ? text.length : c + close.length };
  }
  return undefined;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
