/**
 * Small helpers over the plain C# tree (csharp-tree.ts), shared by the C# parser, the C# model
 * and the C# rules.
 */
import type { Span } from '../core/types';
import { childByField, childOfType, type CsNode } from './csharp-tree';

export type { CsNode };

export function spanOfCs(n: CsNode): Span {
  return { start: n.start, end: n.end };
}

/** Strips wrappers that do not change a value: `(x)`, `x!`, `checked(x)`. */
export function unwrapCs(n: CsNode | undefined): CsNode | undefined {
  let x = n;
  for (let guard = 0; x && guard < 20; guard++) {
    if (x.type === 'parenthesized_expression' || x.type === 'checked_expression') x = x.children[0];
    else if (x.type === 'postfix_unary_expression' && x.op === '!') x = x.children[0];
    else return x;
  }
  return x;
}

/** Also strips casts: `(Guid?)null`, `(string)value`. */
export function unwrapCast(n: CsNode | undefined): CsNode | undefined {
  let x = unwrapCs(n);
  for (let guard = 0; x && x.type === 'cast_expression' && guard < 10; guard++) x = unwrapCs(childByField(x, 'value'));
  return x;
}

/** The parent, skipping value-preserving wrappers. */
export function valueParentCs(n: CsNode): { parent: CsNode | undefined; child: CsNode } {
  let child = n;
  let p = n.parent;
  while (p && (p.type === 'parenthesized_expression' || p.type === 'checked_expression' || (p.type === 'postfix_unary_expression' && p.op === '!'))) {
    child = p;
    p = p.parent;
  }
  return { parent: p, child };
}

/** The simple name of an identifier, generic name (`List<T>` gives `List`), member access or binding. */
export function simpleName(n: CsNode | undefined): string | undefined {
  const x = unwrapCs(n);
  if (!x) return undefined;
  switch (x.type) {
    case 'identifier':
    case 'implicit_parameter':
      return x.text;
    case 'generic_name':
      return childOfType(x, 'identifier')?.text;
    case 'member_access_expression':
    case 'member_binding_expression':
      return simpleName(childByField(x, 'name'));
    case 'qualified_name':
      return simpleName(childByField(x, 'name'));
    case 'conditional_access_expression':
      return simpleName(x.children[1]);
    case 'predefined_type':
      return x.text;
    case 'this_expression':
      return 'this';
    default:
      return undefined;
  }
}

/**
 * A callee or member chain as written, compacted: `factory.CreateOrganizationService`,
 * `ServicePointManager.ServerCertificateValidationCallback`, `a?.b` gives `a.b`, calls keep `()`.
 */
export function dottedCs(n: CsNode | undefined, depth = 0): string | undefined {
  const x = unwrapCs(n);
  if (!x || depth > 12) return undefined;
  switch (x.type) {
    case 'identifier':
    case 'generic_name':
    case 'predefined_type':
    case 'this_expression':
    case 'implicit_parameter':
      return simpleName(x);
    case 'base_expression':
      return 'base';
    case 'alias_qualified_name':
      return x.children.map((c) => simpleName(c) ?? '').join('.');
    case 'qualified_name':
    case 'member_access_expression': {
      const left = dottedCs(childByField(x, x.type === 'qualified_name' ? 'qualifier' : 'expression'), depth + 1);
      const right = simpleName(childByField(x, 'name'));
      if (!right) return undefined;
      return left ? `${left}.${right}` : right;
    }
    case 'conditional_access_expression': {
      const left = dottedCs(x.children[0], depth + 1);
      const b = x.children[1];
      const right = b?.type === 'member_binding_expression' ? simpleName(b) : undefined;
      if (!right) return left ? `${left}[]` : undefined;
      return left ? `${left}.${right}` : right;
    }
    case 'invocation_expression': {
      const f = dottedCs(childByField(x, 'function'), depth + 1);
      return f ? `${f}()` : undefined;
    }
    case 'element_access_expression': {
      const e = dottedCs(childByField(x, 'expression'), depth + 1);
      return e ? `${e}[]` : undefined;
    }
    case 'nullable_type':
      return dottedCs(childByField(x, 'type'), depth + 1);
    case 'object_creation_expression': {
      const t = dottedCs(childByField(x, 'type'), depth + 1);
      return t ? `new ${t}()` : undefined;
    }
    default:
      return undefined;
  }
}

/** `factory.CreateOrganizationService(...)` gives `factory.CreateOrganizationService`; `new X(...)` gives `new X`. */
export function calleeCs(call: CsNode): string | undefined {
  if (call.type === 'invocation_expression') return dottedCs(childByField(call, 'function'));
  if (call.type === 'object_creation_expression') {
    const t = dottedCs(childByField(call, 'type'));
    return t ? `new ${t}` : undefined;
  }
  if (call.type === 'implicit_object_creation_expression') return 'new';
  return undefined;
}

/** The method (last name) of an invocation, or the type name of a `new`. */
export function calleeMethodCs(call: CsNode): string | undefined {
  const c = calleeCs(call);
  if (!c) return undefined;
  return c.slice(c.lastIndexOf('.') + 1).replace(/^new /, '');
}

/** Receiver of an invocation's member access: `factory` for `factory.Create(...)`. */
export function receiverCs(call: CsNode): CsNode | undefined {
  const f = unwrapCs(childByField(call, 'function'));
  if (!f) return undefined;
  if (f.type === 'member_access_expression') return childByField(f, 'expression');
  if (f.type === 'conditional_access_expression') return f.children[0];
  return undefined;
}

export interface CsArgument {
  node: CsNode;
  /** The argument's expression (without `name:` and `ref/out`). */
  value: CsNode | undefined;
  /** `name: value` named argument. */
  name?: string;
}

export function argumentsOf(call: CsNode): CsArgument[] {
  const list = childByField(call, 'arguments') ?? childOfType(call, 'argument_list');
  if (!list) return [];
  return list.children
    .filter((a) => a.type === 'argument')
    .map((a) => {
      const nameNode = childByField(a, 'name');
      const value = a.children.find((c) => c !== nameNode);
      const out: CsArgument = { node: a, value };
      if (nameNode?.text) out.name = nameNode.text;
      return out;
    });
}

/** The initializer expression of a variable declarator (`x = <expr>`). */
export function declaratorValue(d: CsNode): CsNode | undefined {
  const kids = d.children.filter((c) => c.field !== 'name' && c.type !== 'bracketed_argument_list' && c.type !== 'tuple_pattern');
  return kids[kids.length - 1];
}

export function modifiersOf(decl: CsNode | undefined): string[] {
  return decl ? decl.children.filter((c) => c.type === 'modifier').map((c) => c.text ?? '') : [];
}

/** Nearest ancestor of one of the given types. */
export function ancestorCs(n: CsNode, types: Set<string> | string): CsNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (typeof types === 'string' ? p.type === types : types.has(p.type)) return p;
  return undefined;
}

export const TYPE_DECLARATIONS = new Set(['class_declaration', 'struct_declaration', 'record_declaration', 'record_struct_declaration', 'interface_declaration']);

/** The enclosing class, struct or record. */
export function enclosingType(n: CsNode): CsNode | undefined {
  return ancestorCs(n, TYPE_DECLARATIONS);
}

export const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression', 'accessor_declaration', 'operator_declaration', 'property_declaration', 'destructor_declaration', 'conversion_operator_declaration']);

export function enclosingFunctionCs(n: CsNode): CsNode | undefined {
  return ancestorCs(n, FUNCTION_TYPES);
}

export function isTrueLiteral(n: CsNode | undefined): boolean {
  const x = unwrapCs(n);
  return !!x && x.type === 'boolean_literal' && x.text === 'true';
}

export function isFalseLiteral(n: CsNode | undefined): boolean {
  const x = unwrapCs(n);
  return !!x && x.type === 'boolean_literal' && x.text === 'false';
}

export function isNullLiteral(n: CsNode | undefined): boolean {
  const x = unwrapCast(n);
  return !!x && (x.type === 'null_literal' || (x.type === 'default_expression' && !x.children.some((c) => c.type !== 'nullable_type' && c.field !== 'type')));
}

/** `Name` of an assignment target / member: `x`, `this.x`, `a.b.X`, `x[...]` gives undefined. */
export function targetName(n: CsNode | undefined): string | undefined {
  const x = unwrapCs(n);
  if (!x) return undefined;
  if (x.type === 'identifier' || x.type === 'member_access_expression' || x.type === 'member_binding_expression' || x.type === 'conditional_access_expression') return simpleName(x);
  return undefined;
}

/** The string key of an indexer target: `entity["isauditenabled"]` gives `isauditenabled`; `["k"] = v` in an initializer too. */
export function indexerKey(n: CsNode | undefined): string | undefined {
  const x = unwrapCs(n);
  if (!x) return undefined;
  const list = x.type === 'element_access_expression' ? childByField(x, 'subscript') ?? childOfType(x, 'bracketed_argument_list') : x.type === 'element_binding_expression' ? x : undefined;
  if (!list) return undefined;
  const arg = list.children.find((c) => c.type === 'argument');
  const v = unwrapCs(arg?.children[arg.children.length - 1]);
  return v ? plainStringValue(v) : undefined;
}

/** The value of a plain string literal (regular, verbatim or raw; no interpolation holes). */
export function plainStringValue(n: CsNode | undefined): string | undefined {
  const x = unwrapCs(n);
  if (!x) return undefined;
  if (x.type === 'string_literal') return decodeRegular(x);
  if (x.type === 'verbatim_string_literal') return decodeVerbatim(x.text ?? '');
  if (x.type === 'raw_string_literal') return decodeRaw(x);
  if (x.type === 'interpolated_string_expression' && !x.children.some((c) => c.type === 'interpolation')) return interpolatedParts(x).map((p) => p.text ?? '').join('');
  return undefined;
}

/** Parts of `$"..."`: text pieces (`text`) and holes (`hole`, the expression). */
export function interpolatedParts(n: CsNode): { text?: string; hole?: CsNode; formatted?: boolean }[] {
  const out: { text?: string; hole?: CsNode; formatted?: boolean }[] = [];
  const start = n.children.find((c) => c.type === 'interpolation_start')?.text ?? '$';
  const verbatim = start.includes('@');
  // Raw interpolated strings open with three or more quotes (an `interpolation_quote` node) after the `$`s.
  const quote = n.children.find((c) => c.type === 'interpolation_quote');
  const raw = !verbatim && (quote?.text ?? '').length >= 3;
  for (const c of n.children) {
    if (c.type === 'string_content') {
      const t = c.text ?? '';
      out.push({ text: raw ? t : verbatim ? t.replace(/""/g, '"').replace(/\{\{/g, '{').replace(/\}\}/g, '}') : decodeEscapes(t).replace(/\{\{/g, '{').replace(/\}\}/g, '}') });
    }
    else if (c.type === 'escape_sequence') out.push({ text: decodeEscapes(c.text ?? '') });
    else if (c.type === 'interpolation') {
      const e = c.children.find((k) => k.type !== 'interpolation_brace' && k.type !== 'interpolation_alignment_clause' && k.type !== 'interpolation_format_clause');
      // A formatted hole (`{n:D4}`, `{x,10}`) is not the expression's plain text.
      const formatted = c.children.some((k) => k.type === 'interpolation_alignment_clause' || k.type === 'interpolation_format_clause');
      out.push(e ? { hole: e, formatted } : { text: '' });
    }
  }
  return raw ? dedentRawParts(out) : out;
}

/** Multi-line raw interpolated strings lose their first and last line breaks and the closing indentation, like raw literals. */
function dedentRawParts(parts: { text?: string; hole?: CsNode; formatted?: boolean }[]): { text?: string; hole?: CsNode; formatted?: boolean }[] {
  const MARK = '\u0000';
  const joined = parts.map((p) => (p.text !== undefined ? p.text.replace(/\u0000/g, '') : MARK)).join('');
  if (!joined.includes('\n')) return parts;
  const pieces = dedentRaw(joined).split(MARK);
  const holes = parts.filter((p) => p.text === undefined);
  const out: { text?: string; hole?: CsNode; formatted?: boolean }[] = [];
  pieces.forEach((t, i) => {
    if (t) out.push({ text: t });
    const h = holes[i];
    if (h) out.push(h);
  });
  return out;
}

function decodeRegular(n: CsNode): string {
  let s = '';
  for (const c of n.children) {
    if (c.type === 'string_literal_content') s += c.text ?? '';
    else if (c.type === 'escape_sequence') s += decodeEscapes(c.text ?? '');
  }
  return s;
}

function decodeVerbatim(t: string): string {
  const m = /^@\$?"|^\$@"/.exec(t);
  const body = t.slice(m ? m[0].length : 2, t.endsWith('"') ? -1 : undefined);
  return body.replace(/""/g, '"');
}

function decodeRaw(n: CsNode): string {
  return dedentRaw(n.children.filter((c) => c.type === 'raw_string_content').map((c) => c.text ?? '').join(''));
}

function dedentRaw(content: string): string {
  if (!content.includes('\n')) return content;
  // Multi-line raw strings drop the first and last line breaks and the closing line's indentation.
  const lines = content.split(/\r?\n/);
  if (lines[0]!.trim() === '') lines.shift();
  const last = lines[lines.length - 1];
  const indent = last !== undefined && last.trim() === '' ? last : '';
  if (last !== undefined && last.trim() === '') lines.pop();
  return lines.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart())).join('\n');
}

const SIMPLE_ESCAPES: Record<string, string> = { "'": "'", '"': '"', '\\': '\\', '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', e: '\x1b' };

export function decodeEscapes(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|.)/g, (m, e: string) => {
    const k = e[0]!;
    if (k === 'u' || k === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (k === 'U') {
      const cp = parseInt(e.slice(1), 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return SIMPLE_ESCAPES[k] ?? e;
  });
}

/** Is this node (a literal) a string literal of any form? */
export function isStringNode(n: CsNode | undefined): boolean {
  return !!n && (n.type === 'string_literal' || n.type === 'verbatim_string_literal' || n.type === 'raw_string_literal' || n.type === 'interpolated_string_expression');
}

/** Body statements of a method / lambda / local function, or its expression body. */
export function functionBody(fn: CsNode): CsNode | undefined {
  return childByField(fn, 'body') ?? childOfType(fn, 'block') ?? childOfType(fn, 'arrow_expression_clause');
}

/** The name of a declared method / class / property / local function. */
export function declName(n: CsNode | undefined): string | undefined {
  return childByField(n, 'name')?.text;
}

export { childByField, childOfType };
