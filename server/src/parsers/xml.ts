// STUB: replaced by the XML parser (fast-xml-parser + exact element/attribute offsets).
import type { ParsedFileBase, SourceFile, ArtifactRole, Span } from '../core/types';
import { baseOf } from './base';

export interface XmlAttribute {
  name: string;
  value: string;
  /** Span of the whole `name="value"`. */
  span: Span;
  /** Span of the value between the quotes. */
  valueSpan: Span;
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
}

export interface XmlDocument extends ParsedFileBase {
  kind: 'xml';
  root?: XmlElement;
}

export function parseXml(file: SourceFile, role: ArtifactRole): XmlDocument {
  return { ...baseOf(file, 'xml', role), kind: 'xml' };
}
