/**
 * AL lexer: one linear pass over the text, never throws. Keywords are case-insensitive, so every
 * word token carries its lower-case form. Modern AL has no `{ }` comments (braces are blocks):
 * comments are `//` to end of line and `/* *\/`. Strings are single-quoted with '' as the escape;
 * identifiers may be "double-quoted with spaces". Preprocessor lines (`#if`, `#pragma`, `#region`)
 * are skipped like comments but are not comments.
 */
import type { Span } from '../core/types';

export type AlTokenKind = 'ident' | 'qident' | 'string' | 'number' | 'op' | 'eof';

export interface AlToken {
  kind: AlTokenKind;
  start: number;
  end: number;
  /** ident/qident: the name without quotes; string: the decoded value; op/number: the text. */
  text: string;
  /** Lower-case `text` (keywords and names compare case-insensitively). */
  lower: string;
}

export interface LexResult {
  tokens: AlToken[];
  comments: Span[];
  /** The first lexical problem (unclosed string, quoted identifier or comment), if any. */
  problem?: { message: string; span: Span };
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function lexAl(text: string): LexResult {
  const tokens: AlToken[] = [];
  const comments: Span[] = [];
  let problem: LexResult['problem'];
  const n = text.length;
  let i = 0;
  let lineStart = true;
  // Only names need a lower-case form; strings, numbers and operators keep their text.
  const push = (kind: AlTokenKind, start: number, end: number, value: string): void => {
    tokens.push({ kind, start, end, text: value, lower: kind === 'ident' || kind === 'qident' ? value.toLowerCase() : value });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      i++;
      lineStart = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xfeff || c === 12 || c === 11) {
      i++;
      continue;
    }
    const atLineStart = lineStart;
    lineStart = false;
    // `//` line comment
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      let j = i + 2;
      while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      comments.push({ start: i, end: j });
      i = j;
      continue;
    }
    // `/* */` block comment
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      if (close < 0) problem ??= { message: 'unclosed /* comment', span: { start: i, end: Math.min(n, i + 2) } };
      comments.push({ start: i, end });
      i = end;
      continue;
    }
    // Preprocessor directive: `#if CLEAN24`, `#pragma warning disable AA0137`
    if (c === 35 && atLineStart) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      i = j;
      continue;
    }
    // 'string' with '' escapes; a string never spans lines
    if (c === 39) {
      let j = i + 1;
      let value = '';
      let closed = false;
      let segStart = j;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 39) {
          if (text.charCodeAt(j + 1) === 39) {
            value += text.slice(segStart, j + 1);
            j += 2;
            segStart = j;
            continue;
          }
          value += text.slice(segStart, j);
          closed = true;
          j++;
          break;
        }
        if (d === 10 || d === 13) break;
        j++;
      }
      if (!closed) {
        value += text.slice(segStart, j);
        problem ??= { message: 'unclosed string literal', span: { start: i, end: j } };
      }
      push('string', i, j, value);
      i = j;
      continue;
    }
    // "quoted identifier"
    if (c === 34) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 34 && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      const closed = j < n && text.charCodeAt(j) === 34;
      if (!closed) problem ??= { message: 'unclosed quoted identifier', span: { start: i, end: j } };
      push('qident', i, closed ? j + 1 : j, text.slice(i + 1, j));
      i = closed ? j + 1 : j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      push('ident', i, j, text.slice(i, j));
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      // a decimal point, but not the `..` of a range
      if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j++;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      // 10D, 0DT, 1L style suffixes of date/time/bigint literals
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      push('number', i, j, text.slice(i, j));
      i = j;
      continue;
    }
    const c2 = text.charCodeAt(i + 1);
    // := += -= *= /= <> <= >= .. ::
    if ((c2 === 61 && (c === 58 || c === 43 || c === 45 || c === 42 || c === 47 || c === 60 || c === 62)) || (c === 60 && c2 === 62) || (c === 46 && c2 === 46) || (c === 58 && c2 === 58)) {
      push('op', i, i + 2, text.slice(i, i + 2));
      i += 2;
      continue;
    }
    push('op', i, i + 1, text[i]!);
    i++;
  }
  tokens.push({ kind: 'eof', start: n, end: n, text: '', lower: '' });
  const out: LexResult = { tokens, comments };
  if (problem) out.problem = problem;
  return out;
}
