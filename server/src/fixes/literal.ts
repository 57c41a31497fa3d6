/**
 * Finds the string literal (or the whole string expression) a finding's span is about. Rules
 * report the literal, a concatenation, or a whole declaration; fixes replace the expression.
 */
import type { Span } from '../core/types';

/** Length of a C#/JS/AL string literal starting at `i`, or 0 when none starts there. */
export function literalLength(text: string, i: number, lang: 'csharp' | 'script' | 'al' | 'xml' | 'json'): number {
  const c = text[i];
  if (lang === 'al') {
    if (c !== "'") return 0;
    let j = i + 1;
    while (j < text.length) {
      if (text[j] === "'") {
        if (text[j + 1] === "'") j += 2; // '' is an escaped quote in AL
        else return j + 1 - i;
      } else if (text[j] === '\n') return 0;
      else j++;
    }
    return 0;
  }
  if (lang === 'csharp') {
    let j = i;
    let verbatim = false;
    while (text[j] === '$' || text[j] === '@') {
      if (text[j] === '@') verbatim = true;
      j++;
    }
    if (text[j] !== '"') return 0;
    if (text.startsWith('"""', j)) {
      const end = text.indexOf('"""', j + 3);
      return end < 0 ? 0 : end + 3 - i;
    }
    j++;
    while (j < text.length) {
      const d = text[j];
      if (verbatim && d === '"') {
        if (text[j + 1] === '"') j += 2;
        else return j + 1 - i;
      } else if (!verbatim && d === '\\') j += 2;
      else if (d === '"') return j + 1 - i;
      else if (!verbatim && d === '\n') return 0;
      else j++;
    }
    return 0;
  }
  if (c !== '"' && c !== "'" && c !== '`') return 0;
  let j = i + 1;
  while (j < text.length) {
    const d = text[j];
    if (d === '\\') j += 2;
    else if (d === c) return j + 1 - i;
    else if (d === '\n' && c !== '`') return 0;
    else j++;
  }
  return 0;
}

/**
 * The expression to replace: the span itself when it starts with a literal and ends at one (a
 * literal or a concatenation), else the first literal inside the span (a declaration was reported).
 */
export function stringExpression(text: string, span: Span, lang: 'csharp' | 'script' | 'al'): Span | undefined {
  const s = trimSpan(text, span);
  const first = literalLength(text, s.start, lang);
  if (first > 0) {
    // A literal, or a concatenation of literals and names (no statement or assignment in it).
    if (s.start + first === s.end || !/[;{}=]/.test(stripStrings(text.slice(s.start, s.end), lang))) return s;
  }
  for (let i = s.start; i < s.end; i++) {
    const n = literalLength(text, i, lang);
    if (n > 0) return { start: i, end: i + n };
  }
  // The span may sit inside the literal (the secret part of a connection string): widen to it.
  for (let i = s.start; i >= Math.max(0, s.start - 4000); i--) {
    const n = literalLength(text, i, lang);
    if (n > 0 && i + n >= s.end) return { start: i, end: i + n };
    if (text[i] === '\n' && lang !== 'csharp') break;
  }
  return undefined;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s;,]/.test(text[end - 1]!)) end--;
  return { start, end };
}

function stripStrings(s: string, lang: 'csharp' | 'script' | 'al'): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const n = literalLength(s, i, lang);
    if (n > 0) {
      out += '""';
      i += n;
    } else out += s[i++];
  }
  return out;
}

/** The innermost `{` that is still open at `offset`, skipping strings and comments (C#, JS). */
export function openBraces(text: string, offset: number, lang: 'csharp' | 'script'): number[] {
  const stack: number[] = [];
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? offset : e;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? offset : e + 1;
    } else if (c === '"' || c === "'" || c === '`' || (lang === 'csharp' && (c === '@' || c === '$') && /[@$]*"/.test(text.slice(i, i + 3)))) {
      if (lang === 'csharp' && c === "'") {
        const m = /^'(?:\\.|[^\\'])'/.exec(text.slice(i, i + 12));
        if (m) i += m[0].length - 1;
        continue;
      }
      const n = literalLength(text, i, lang);
      if (n > 0) i += n - 1;
    } else if (c === '{') stack.push(i);
    else if (c === '}') stack.pop();
  }
  return stack;
}
