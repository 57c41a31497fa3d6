// KEY=value text: .env files (`export`, quotes, multi-line double-quoted values, `#` comments) and
// ini-style files (`[section]`, `key = value`, `key: value`, `;` and `#` comment lines). Each value
// becomes a string fact named by its key, with its exact span (quotes included).
import type { Span, StringFact } from '../core/types';

export interface KeyValueScan {
  strings: StringFact[];
  comments: Span[];
}

const KEY = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.\-]*)[ \t]*(=|:)[ \t]*/;

export function scanKeyValue(text: string, style: 'dotenv' | 'ini'): KeyValueScan {
  const out: KeyValueScan = { strings: [], comments: [] };
  let section = '';
  let pos = 0;
  let guard = 0;
  while (pos < text.length && guard++ < 1_000_000) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const lineEnd = text[eol - 1] === '\r' ? eol - 1 : eol;
    const line = text.slice(pos, lineEnd);
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (trimmed === '') {
      pos = eol + 1;
      continue;
    }
    if (trimmed[0] === '#' || (style === 'ini' && trimmed[0] === ';') || (style === 'ini' && trimmed.startsWith('//'))) {
      const start = pos + indent;
      out.comments.push({ start, end: lineEnd });
      const body = trimmed.replace(/^(#|;|\/\/)+/, '').trim();
      if (body) out.strings.push({ value: body, span: { start, end: lineEnd }, origin: 'comment', inComment: true });
      pos = eol + 1;
      continue;
    }
    if (style === 'ini' && /^\[[^\]]*\]/.test(trimmed)) {
      section = /^\[([^\]]*)\]/.exec(trimmed)![1]!.trim();
      pos = eol + 1;
      continue;
    }
    const m = KEY.exec(line);
    if (!m || (style === 'dotenv' && m[2] !== '=')) {
      pos = eol + 1;
      continue;
    }
    const key = m[1]!;
    const vStart = pos + m[0].length;
    const q = text[vStart];
    let value: string;
    let span: Span;
    let next = eol + 1;
    if (q === '"' || q === "'" || q === '`') {
      // quoted: may run over several lines in .env (PEM keys); `\"` escapes inside double quotes
      let j = vStart + 1;
      let raw = '';
      while (j < text.length && text[j] !== q) {
        if (q === '"' && text[j] === '\\' && j + 1 < text.length) {
          raw += text[j]! + text[j + 1]!;
          j += 2;
          continue;
        }
        if (style === 'ini' && (text[j] === '\n' || text[j] === '\r')) break;
        raw += text[j]!;
        j++;
      }
      const closed = text[j] === q;
      const end = closed ? j + 1 : j;
      value = q === '"' ? raw.replace(/\\([nrt"\\$])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c) : raw;
      span = { start: vStart, end };
      if (end > eol) {
        const after = text.indexOf('\n', end);
        next = after < 0 ? text.length : after + 1;
      }
      // a comment after the closing quote
      const restEnd = (() => {
        const e = text.indexOf('\n', end);
        return e < 0 ? text.length : text[e - 1] === '\r' ? e - 1 : e;
      })();
      const hash = text.slice(end, restEnd).search(/\s#/);
      if (hash >= 0) addTrailing(text, end + hash + 1, restEnd, out);
    } else {
      let raw = text.slice(vStart, lineEnd);
      // unquoted: ` #` starts a comment (dotenv and most ini readers)
      const hash = raw.search(/\s[#;]/);
      if (hash >= 0 && (style === 'ini' || raw[hash + 1] === '#')) {
        addTrailing(text, vStart + hash + 1, lineEnd, out);
        raw = raw.slice(0, hash);
      }
      value = raw.trimEnd();
      span = { start: vStart, end: vStart + value.length };
    }
    if (value !== '') {
      out.strings.push({ value, span, name: key, path: section ? `${section}.${key}` : key, origin: 'text' });
    }
    pos = next;
  }
  return out;
}

function addTrailing(text: string, start: number, end: number, out: KeyValueScan): void {
  out.comments.push({ start, end });
  const body = text.slice(start, end).replace(/^[#;]+/, '').trim();
  if (body) out.strings.push({ value: body, span: { start, end }, origin: 'comment', inComment: true });
}
