/**
 * The raw scanner behind parsers/xml.ts: one linear, non-recursive pass over the decoded text
 * that builds the element tree with exact offsets for every element, attribute, text run, CDATA
 * section and comment. fast-xml-parser cannot give attribute or text offsets, and its tree
 * builder stops at deep nesting ("Maximum nested tags exceeded"), so the offsets come from here
 * while fast-xml-parser's validator judges well-formedness (parsers/xml.ts).
 *
 * The scanner never throws: the first structural problem is returned as `error` (with offset)
 * and the tree built so far is discarded by the caller.
 */
import type { Span } from '../core/types';

export interface XmlAttribute {
  name: string;
  value: string;
  /** Span of the whole `name="value"`. */
  span: Span;
  /** Span of the value between the quotes. */
  valueSpan: Span;
}

/** One run of direct character data: plain text (entities decoded) or a CDATA section. */
export interface XmlTextSegment {
  value: string;
  /** Raw span: the text run, or the content between `<![CDATA[` and `]]>`. */
  span: Span;
  cdata: boolean;
}

export interface XmlElement {
  name: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Concatenated direct text and CDATA content, entities decoded. */
  text: string;
  /** Span of the text content (first to last character of direct text/CDATA), if any. */
  textSpan?: Span;
  /** From `<` of the start tag to after `>` of the end tag (or the self-closing tag). */
  span: Span;
  /** The start tag only (`<name ...>`). */
  openSpan: Span;
  parent?: XmlElement;
  /** Direct text runs in document order (indentation-only runs between child elements dropped). */
  segments: XmlTextSegment[];
  /** Nesting depth, 0 for the root. */
  depth: number;
}

export interface ScanResult {
  root?: XmlElement;
  comments: Span[];
  error?: { message: string; offset: number };
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; unknown ones stay as written. */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return m;
      try {
        return String.fromCodePoint(code);
      } catch {
        return m;
      }
    }
    return NAMED[body] ?? m;
  });
}

/**
 * Maps an index into the decoded value of a text run back to a raw offset. Linear when the run
 * holds no entity; otherwise walks the raw text entity by entity.
 */
export function rawOffsetInRun(text: string, seg: XmlTextSegment, index: number): number {
  if (seg.cdata || text.slice(seg.span.start, seg.span.end) === seg.value) return seg.span.start + Math.min(index, seg.value.length);
  let decoded = 0;
  let i = seg.span.start;
  const re = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/y;
  while (i < seg.span.end && decoded < index) {
    if (text.charCodeAt(i) === 38 /* & */) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        decoded += decodeEntities(m[0]).length;
        i += m[0].length;
        continue;
      }
    }
    decoded++;
    i++;
  }
  return i;
}

/** Attribute value normalisation of XML 1.0 §3.3.3: each line end / tab becomes one space. */
function normaliseAttr(raw: string): string {
  return decodeEntities(raw.replace(/\r\n|[\r\n\t]/g, ' '));
}

export function scanXml(text: string): ScanResult {
  const comments: Span[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const n = text.length;
  let i = 0;
  const fail = (message: string, offset: number): ScanResult => ({ comments, error: { message, offset } });

  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1];
      if (top) top.segments.push({ value: decodeEntities(text.slice(i, textEnd)), span: { start: i, end: textEnd }, cdata: false });
      else if (text.slice(i, textEnd).trim() !== '') return fail('text outside the root element', i);
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return fail('unterminated comment', i);
      comments.push({ start: i, end: end + 3 });
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) return fail('unterminated CDATA section', i);
      const top = stack[stack.length - 1];
      if (!top) return fail('CDATA outside the root element', i);
      top.segments.push({ value: text.slice(i + 9, end), span: { start: i + 9, end }, cdata: true });
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return fail('unterminated processing instruction', i);
      i = end + 2;
    } else if (text.startsWith('<!', i)) {
      // DOCTYPE (possibly with an internal subset in brackets).
      let j = i + 2;
      let depth = 0;
      for (; j < n; j++) {
        const c = text[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (j >= n) return fail('unterminated declaration', i);
      i = j + 1;
    } else if (text.startsWith('</', i)) {
      let j = i + 2;
      while (j < n && NAME_CHAR.test(text[j]!)) j++;
      const name = text.slice(i + 2, j);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text[j] !== '>') return fail(j >= n ? 'unexpected end of file in an end tag' : `malformed end tag </${name}>`, j >= n ? n : i);
      const top = stack.pop();
      if (!top) return fail(`end tag </${name}> without a start tag`, i);
      if (top.name !== name) return fail(`end tag </${name}> does not match <${top.name}>`, i);
      top.span = { start: top.span.start, end: j + 1 };
      finishText(top);
      i = j + 1;
    } else {
      const r = scanStartTag(text, i);
      if ('error' in r) return fail(r.error, r.offset);
      const parent = stack[stack.length - 1];
      if (!parent && root) return fail('a second root element', i);
      const el: XmlElement = {
        name: r.name,
        attributes: r.attributes,
        children: [],
        text: '',
        span: { start: i, end: r.end },
        openSpan: { start: i, end: r.end },
        segments: [],
        depth: stack.length,
      };
      if (parent) {
        el.parent = parent;
        parent.children.push(el);
      } else root = el;
      if (!r.selfClosing) stack.push(el);
      i = r.end;
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    return fail(`unexpected end of file: <${open.name}> is not closed`, n);
  }
  if (!root) return fail('no root element', 0);
  return { root, comments };
}

/** Keeps the meaningful text runs: indentation between child elements is layout, not content. */
function finishText(el: XmlElement): void {
  if (el.children.length > 0) el.segments = el.segments.filter((s) => s.cdata || s.value.trim() !== '');
  if (el.segments.length === 0) return;
  el.text = el.segments.map((s) => s.value).join('');
  el.textSpan = { start: el.segments[0]!.span.start, end: el.segments[el.segments.length - 1]!.span.end };
}

type StartTag = { name: string; attributes: XmlAttribute[]; end: number; selfClosing: boolean } | { error: string; offset: number };

function scanStartTag(text: string, start: number): StartTag {
  const n = text.length;
  let j = start + 1;
  if (j >= n || !NAME_START.test(text[j]!)) return { error: j >= n ? 'unexpected end of file after <' : "invalid character after '<'", offset: j >= n ? n : start };
  while (j < n && NAME_CHAR.test(text[j]!)) j++;
  const name = text.slice(start + 1, j);
  const attributes: XmlAttribute[] = [];
  const seen = new Set<string>();
  for (;;) {
    const before = j;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j >= n) return { error: `unexpected end of file in the start tag <${name}>`, offset: n };
    const c = text[j];
    if (c === '>') return { name, attributes, end: j + 1, selfClosing: false };
    if (c === '/') {
      if (text[j + 1] !== '>') return { error: `malformed start tag <${name}>`, offset: j };
      return { name, attributes, end: j + 2, selfClosing: true };
    }
    if (j === before) return { error: `missing space before an attribute in <${name}>`, offset: j };
    if (!NAME_START.test(c!)) return { error: `invalid attribute name in <${name}>`, offset: j };
    const aStart = j;
    while (j < n && NAME_CHAR.test(text[j]!)) j++;
    const aName = text.slice(aStart, j);
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (text[j] !== '=') return { error: j >= n ? 'unexpected end of file in an attribute' : `attribute ${aName} has no value`, offset: j >= n ? n : aStart };
    j++;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    const q = text[j];
    if (q !== '"' && q !== "'") return { error: j >= n ? 'unexpected end of file in an attribute' : `attribute ${aName} value is not quoted`, offset: j >= n ? n : j };
    const close = text.indexOf(q, j + 1);
    if (close < 0) return { error: `unterminated value of attribute ${aName}`, offset: n };
    const raw = text.slice(j + 1, close);
    if (raw.indexOf('<') >= 0) return { error: `'<' in the value of attribute ${aName}`, offset: j + 1 + raw.indexOf('<') };
    if (seen.has(aName)) return { error: `attribute ${aName} is repeated`, offset: aStart };
    seen.add(aName);
    attributes.push({ name: aName, value: normaliseAttr(raw), span: { start: aStart, end: close + 1 }, valueSpan: { start: j + 1, end: close } });
    j = close + 1;
  }
}
