/**
 * XML documents with exact offsets: every element, attribute value, text run and CDATA section
 * maps back to the decoded source, so findings land on the line the user sees whether the file
 * puts all attributes on one line (old SolutionPackager) or one attribute per line (pac), with
 * CRLF or LF line ends.
 *
 * Well-formedness is judged twice: our scanner (xml-scan.ts, which gives the offsets and the
 * precise place of a truncation) and fast-xml-parser's XMLValidator (the project's reference
 * XML implementation). Either failing makes one parse-error notice and `failed = true`; a failed
 * document has no tree and no string facts, so half a file never yields findings.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { ArtifactRole, ParsedFileBase, SourceFile, Span, StringFact } from '../core/types';
import { baseOf } from './base';
import { rawOffsetInRun, scanXml, type XmlAttribute, type XmlElement, type XmlTextSegment } from './xml-scan';

export type { XmlAttribute, XmlElement, XmlTextSegment };
export { decodeEntities } from './xml-scan';

export interface XmlDocument extends ParsedFileBase {
  kind: 'xml';
  root?: XmlElement;
}

export function parseXml(file: SourceFile, role: ArtifactRole): XmlDocument {
  const doc: XmlDocument = { ...baseOf(file, 'xml', role), kind: 'xml' };
  const text = file.text;
  if (text.trim() === '') {
    doc.notices.push({ kind: 'parse-error', message: 'XML: the file is empty', span: { start: 0, end: 0 } });
    doc.failed = true;
    return doc;
  }
  const scan = scanXml(text);
  if (scan.error) {
    const pos = doc.lines.positionAt(scan.error.offset);
    doc.notices.push({
      kind: 'parse-error',
      message: `XML: ${scan.error.message} at line ${pos.line + 1}, column ${pos.character + 1}`,
      span: { start: scan.error.offset, end: scan.error.offset },
    });
    doc.comments = scan.comments;
    doc.failed = true;
    return doc;
  }
  const invalid = validate(text);
  if (invalid) {
    const offset = invalid.line ? doc.lines.offsetAt({ line: invalid.line - 1, character: Math.max(0, (invalid.col ?? 1) - 1) }) : 0;
    doc.notices.push({
      kind: 'parse-error',
      message: `XML: ${invalid.msg} at line ${invalid.line ?? 1}, column ${invalid.col ?? 1}`,
      span: { start: offset, end: offset },
    });
    doc.comments = scan.comments;
    doc.failed = true;
    return doc;
  }
  doc.root = scan.root;
  doc.comments = scan.comments;
  if (doc.root) collectStrings(text, doc.root, doc.strings);
  return doc;
}

function validate(text: string): { msg: string; line?: number; col?: number } | undefined {
  try {
    const r = XMLValidator.validate(text);
    if (r === true) return undefined;
    return { msg: r.err.msg, line: r.err.line, col: r.err.col };
  } catch {
    // The validator is a second opinion; our scanner already accepted the text.
    return undefined;
  }
}

/** Path segments kept in StringFact.path: enough context, bounded cost on pathological nesting. */
const MAX_PATH = 12;

/**
 * The string facts of an XML document. Attribute values are named by the attribute, except in
 * the .NET configuration idioms where the meaningful name is another attribute:
 * `<add key="K" value="V"/>` names V by K, `<add name="N" connectionString="V"/>` names V by N.
 * Element text is named by the element, except `<value>` under an element with a `name`
 * attribute (resx `<data name="SmtpPassword"><value>…</value></data>`, applicationSettings).
 */
function collectStrings(text: string, root: XmlElement, out: StringFact[]): void {
  walk(root, (el, names) => {
    const path = names.slice(-MAX_PATH).join('.');
    const key = attrValue(el, 'key');
    const nameAttr = attrValue(el, 'name');
    for (const a of el.attributes) {
      let name = a.name;
      const ln = a.name.toLowerCase();
      if (ln === 'value' && key !== undefined) name = key;
      else if (ln === 'connectionstring' && nameAttr !== undefined) name = nameAttr;
      out.push({ value: a.value, span: a.valueSpan, name, path, origin: 'xml-attr' });
    }
    for (const seg of el.segments) {
      const value = seg.value.trim();
      if (value === '') continue;
      const lead = seg.value.length - seg.value.trimStart().length;
      const start = rawOffsetInRun(text, seg, lead);
      const end = rawOffsetInRun(text, seg, lead + value.length);
      let name = el.name;
      if (localName(el.name).toLowerCase() === 'value' && el.parent) {
        const pn = attrValue(el.parent, 'name');
        if (pn !== undefined) name = pn;
      }
      out.push({ value, span: { start, end }, name, path, origin: 'xml-text' });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Query API used by rules. Names compare case-insensitively on the local name (prefix dropped),
// because Dataverse mixes `<Roles>`/`<RolePrivilege>` with `<environmentvariabledefinition>`.

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

function sameName(el: XmlElement, name: string): boolean {
  return localName(el.name).toLowerCase() === name.toLowerCase();
}

/** Direct children, optionally only those with the given local name. */
export function children(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  return name === undefined ? el.children : el.children.filter((c) => sameName(c, name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => sameName(c, name));
}

/** Follows a chain of child names (`child(child(el,'a'),'b')`). */
export function childPath(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** Every descendant in document order (not the element itself), optionally by local name. Iterative. */
export function descendants(el: XmlElement | undefined, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!el) return out;
  const stack: XmlElement[] = [...el.children].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (name === undefined || sameName(e, name)) out.push(e);
    for (let k = e.children.length - 1; k >= 0; k--) stack.push(e.children[k]!);
  }
  return out;
}

/** Pre-order walk with the element names from the root; iterative, so 10,000-deep nesting is fine. */
export function walk(root: XmlElement, visit: (el: XmlElement, names: string[]) => void): void {
  const stack: { el: XmlElement; depth: number }[] = [{ el: root, depth: 0 }];
  const names: string[] = [];
  while (stack.length > 0) {
    const { el, depth } = stack.pop()!;
    names.length = depth;
    names.push(el.name);
    visit(el, names);
    for (let k = el.children.length - 1; k >= 0; k--) stack.push({ el: el.children[k]!, depth: depth + 1 });
  }
}

export function attr(el: XmlElement | undefined, name: string): XmlAttribute | undefined {
  if (!el) return undefined;
  const n = name.toLowerCase();
  return el.attributes.find((a) => a.name.toLowerCase() === n) ?? el.attributes.find((a) => localName(a.name).toLowerCase() === n);
}

export function attrValue(el: XmlElement | undefined, name: string): string | undefined {
  return attr(el, name)?.value;
}

/** Trimmed direct text of an element. */
export function textOf(el: XmlElement | undefined): string {
  return el ? el.text.trim() : '';
}

/** Trimmed text of the first child with that name, or undefined when the child is absent. */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  const c = child(el, name);
  return c ? c.text.trim() : undefined;
}

/** Span of the trimmed text of an element (falls back to the element when it has no text). */
export function trimmedTextSpan(doc: { file: { text: string } }, el: XmlElement): Span {
  const segs = el.segments;
  if (segs.length === 0 || el.text.trim() === '') return el.span;
  const full = el.text;
  const lead = full.length - full.trimStart().length;
  const endIdx = full.trimEnd().length;
  return { start: textIndexToOffset(doc, el, lead), end: textIndexToOffset(doc, el, endIdx) };
}

/** Maps an index into `el.text` (decoded) to an offset in the source text. */
export function textIndexToOffset(doc: { file: { text: string } }, el: XmlElement, index: number): number {
  let base = 0;
  for (const seg of el.segments) {
    if (index <= base + seg.value.length) return rawOffsetInRun(doc.file.text, seg, index - base);
    base += seg.value.length;
  }
  return el.textSpan?.end ?? el.span.end;
}

export function ancestors(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p);
  return out;
}
