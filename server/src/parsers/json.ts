import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { ArtifactRole, ParsedFileBase, SourceFile, StringFact } from '../core/types';
import { baseOf } from './base';

export type { JsonNode };

export interface JsonDocument extends ParsedFileBase {
  kind: 'json';
  /** jsonc-parser tree: every node carries its offset and length. Comments are allowed (launch.json has them). */
  root?: JsonNode;
}

/**
 * JSON with exact offsets for every key and value. jsonc-parser is tolerant: a half-saved flow
 * (trailing commas, missing braces) still yields a partial tree; we keep it only when the errors
 * are minor, and report the first error as a parse notice either way.
 */
export function parseJson(file: SourceFile, role: ArtifactRole): JsonDocument {
  const doc: JsonDocument = { ...baseOf(file, 'json', role), kind: 'json' };
  if (file.text.trim() === '') return doc;
  const errors: ParseError[] = [];
  const root = parseTree(file.text, errors, { allowTrailingComma: true, disallowComments: false });
  collectComments(file.text, doc);
  if (errors.length > 0) {
    const e = errors[0]!;
    const pos = doc.lines.positionAt(e.offset);
    doc.notices.push({
      kind: 'parse-error',
      message: `JSON: ${printParseErrorCode(e.error)} at line ${pos.line + 1}, column ${pos.character + 1}`,
      span: { start: e.offset, end: e.offset + e.length },
    });
    // A tree with structural errors may pair keys and values wrongly: rules do not see it.
    const structural = errors.some((x) => x.error !== 4 /* PropertyNameExpected after trailing comma */);
    if (structural) {
      doc.failed = true;
      return doc;
    }
  }
  doc.root = root;
  if (root) collectStrings(root, [], doc.strings);
  return doc;
}

function collectStrings(node: JsonNode, path: string[], out: StringFact[]): void {
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      const key = String(k.value);
      collectStrings(v, [...path, key], out);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((c, i) => collectStrings(c, [...path, String(i)], out));
  } else if (node.type === 'string') {
    const name = lastNonIndex(path);
    out.push({
      value: String(node.value),
      span: { start: node.offset, end: node.offset + node.length },
      name,
      path: path.join('.'),
      origin: 'json',
    });
  }
}

function lastNonIndex(path: string[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (!/^\d+$/.test(path[i]!)) return path[i];
  return undefined;
}

function collectComments(text: string, doc: JsonDocument): void {
  if (text.indexOf('/') < 0) return;
  const re = /"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0][0] !== '"') doc.comments.push({ start: m.index, end: m.index + m[0].length });
  }
}

/** Finds the node at a key path (`['definition','parameters']`). */
export function nodeAt(root: JsonNode | undefined, path: (string | number)[]): JsonNode | undefined {
  let n = root;
  for (const seg of path) {
    if (!n) return undefined;
    if (n.type === 'object') {
      const prop = n.children?.find((p) => p.children?.[0]?.value === seg);
      n = prop?.children?.[1];
    } else if (n.type === 'array' && typeof seg === 'number') {
      n = n.children?.[seg];
    } else return undefined;
  }
  return n;
}

/** The value of a property of an object node, as a plain JS value when it is a primitive. */
export function propValue(obj: JsonNode | undefined, key: string): unknown {
  const prop = obj?.type === 'object' ? obj.children?.find((p) => p.children?.[0]?.value === key) : undefined;
  return prop?.children?.[1]?.value;
}

/** Property node of an object by key (case-insensitive when asked). */
export function propNode(obj: JsonNode | undefined, key: string, ci = false): JsonNode | undefined {
  if (obj?.type !== 'object') return undefined;
  const k = ci ? key.toLowerCase() : key;
  const prop = obj.children?.find((p) => {
    const v = p.children?.[0]?.value;
    return typeof v === 'string' && (ci ? v.toLowerCase() === k : v === k);
  });
  return prop?.children?.[1];
}
