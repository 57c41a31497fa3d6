/**
 * String facts of a C# file: every string literal (regular, verbatim @"", raw """ """, interpolated
 * $"" with HOLE for holes), `+` concatenations as one fact spanning the expression, with the
 * variable / field / property / named argument / assignment target it binds to or the call it is
 * an argument of, and the uses of string constants of the file, resolved, with where they are
 * defined.
 */
import { HOLE, type Span, type StringFact } from '../core/types';
import {
  argumentsOf,
  calleeCs,
  childByField,
  declName,
  decodeEscapes,
  declaratorValue,
  dottedCs,
  enclosingType,
  FUNCTION_TYPES,
  indexerKey,
  interpolatedParts,
  isStringNode,
  modifiersOf,
  plainStringValue,
  simpleName,
  spanOfCs,
  targetName,
  unwrapCs,
  valueParentCs,
} from './csharp-ast';
import type { CsNode } from './csharp-tree';
import { commentFacts } from './script-strings';

export interface CsConstant {
  name: string;
  /** Declaring class (innermost), when a field or property. */
  className?: string;
  value: string;
  partial: boolean;
  /** The initializer (where a finding about the value is reported). */
  span: Span;
  /** The whole declarator / property. */
  declSpan: Span;
  kind: 'const' | 'static-readonly' | 'readonly' | 'property' | 'local';
}

export interface CsEvaluated {
  value: string;
  partial: boolean;
  /** Some part is a string literal (not only constants). */
  literal: boolean;
  constants: CsConstant[];
}

const MAX_PARTS = 300;

const STRING_TYPES = /^(string|String|System\.String|var)$/;

/** The type text of a variable_declaration (`string`, `var`, `Guid`). */
function declaredType(decl: CsNode | undefined): string | undefined {
  const t = childByField(decl, 'type');
  return t ? (t.text ?? dottedCs(t)) : undefined;
}

/**
 * Constants: const and static readonly string fields, readonly fields and get-only properties with
 * a string initializer, const locals, and locals declared once and never assigned again.
 */
export function collectCsConstants(order: CsNode[], text: string): Map<string, CsConstant> {
  const locals = new Map<string, CsNode[]>();
  const assigned = new Set<string>();
  const candidates: { node: CsNode; value: CsNode; name: string; kind: CsConstant['kind']; className?: string }[] = [];
  for (const n of order) {
    if (n.type === 'assignment_expression') {
      const t = targetName(childByField(n, 'left'));
      if (t) assigned.add(t);
    } else if ((n.type === 'prefix_unary_expression' || n.type === 'postfix_unary_expression') && (n.op === '++' || n.op === '--')) {
      const t = targetName(n.children[0]);
      if (t) assigned.add(t);
    } else if (n.type === 'variable_declarator') {
      const decl = n.parent; // variable_declaration
      const holder = decl?.parent; // field_declaration / local_declaration_statement / ...
      const name = childByField(n, 'name')?.text;
      const value = declaratorValue(n);
      if (!name || !value || !decl || !holder) continue;
      const type = declaredType(decl);
      if (!type || !STRING_TYPES.test(type)) continue;
      const mods = modifiersOf(holder);
      if (holder.type === 'field_declaration') {
        const kind = mods.includes('const') ? 'const' : mods.includes('readonly') ? (mods.includes('static') ? 'static-readonly' : 'readonly') : undefined;
        if (!kind) continue;
        const cls = enclosingType(n);
        candidates.push({ node: n, value, name, kind, className: declName(cls) });
      } else if (holder.type === 'local_declaration_statement') {
        if (mods.includes('const')) candidates.push({ node: n, value, name, kind: 'local' });
        else locals.set(name, [...(locals.get(name) ?? []), n]);
      }
    } else if (n.type === 'property_declaration') {
      const name = declName(n);
      const type = childByField(n, 'type');
      const value = childByField(n, 'value');
      if (!name || !value || !type || !STRING_TYPES.test(type.text ?? '')) continue;
      // Only get-only properties (`{ get; } = "x"`, `=> "x"`): a setter can change the value.
      const accessors = childByField(n, 'accessors');
      if (accessors && /\b(set|init)\b/.test(text.slice(accessors.start, accessors.end))) continue;
      const expr = value.type === 'arrow_expression_clause' ? value.children[0] : value;
      if (expr) candidates.push({ node: n, value: expr, name, kind: 'property', className: declName(enclosingType(n)) });
    } else if (n.type === 'parameter') {
      const name = childByField(n, 'name')?.text;
      if (name) assigned.add(name); // a parameter of the same name shadows a constant somewhere
    }
  }
  for (const [name, list] of locals) {
    if (list.length !== 1 || assigned.has(name)) continue;
    const d = list[0]!;
    candidates.push({ node: d, value: declaratorValue(d)!, name, kind: 'local' });
  }
  const out = new Map<string, CsConstant>();
  // Resolve in source order so a constant built from earlier constants resolves too.
  candidates.sort((a, b) => a.node.start - b.node.start);
  for (const c of candidates) {
    if (c.kind === 'readonly' && assigned.has(c.name)) continue; // set again in a constructor
    const e = evaluateCs(c.value, out);
    if (!e || (!e.literal && e.constants.length === 0)) continue;
    const k: CsConstant = { name: c.name, value: e.value, partial: e.partial, span: spanOfCs(c.value), declSpan: spanOfCs(c.node), kind: c.kind };
    if (c.className) k.className = c.className;
    // A simple name declared twice (two classes) is ambiguous: keep only the qualified entries.
    if (out.has(c.name) && out.get(c.name)!.declSpan.start !== k.declSpan.start) out.set(c.name, { ...out.get(c.name)!, partial: true, value: HOLE });
    else out.set(c.name, k);
    if (c.className) out.set(`${c.className}.${c.name}`, k);
  }
  return out;
}

/** The constant an identifier or `Class.Name` refers to. */
export function constantOf(n: CsNode | undefined, constants: Map<string, CsConstant>): CsConstant | undefined {
  const x = unwrapCs(n);
  if (!x) return undefined;
  if (x.type === 'identifier') {
    const c = constants.get(x.text ?? '');
    return c && c.value !== HOLE ? c : undefined;
  }
  if (x.type === 'member_access_expression') {
    // Cheap test first: most member accesses (`a.b.c`) name no constant of the file.
    const last = childByField(x, 'name');
    if (!last || last.type !== 'identifier' || !constants.has(last.text ?? '')) return undefined;
    const d = dottedCs(x);
    if (!d) return undefined;
    const parts = d.split('.');
    const last2 = parts.slice(-2).join('.');
    if (parts[0] === 'this' && parts.length === 2) return constantOf({ ...x, type: 'identifier', text: parts[1], children: [] }, constants);
    return constants.get(last2);
  }
  return undefined;
}

/**
 * Evaluates a string-valued expression: literals, interpolations (holes become HOLE unless they
 * are constants), `+` chains and constants. Undefined when the expression is not string-valued.
 */
export function evaluateCs(n: CsNode, constants: Map<string, CsConstant>): CsEvaluated | undefined {
  const acc: CsEvaluated = { value: '', partial: false, literal: false, constants: [] };
  let parts = 0;
  let stringy = false;
  const hole = (): void => {
    acc.value += HOLE;
    acc.partial = true;
  };
  const add = (y: CsNode | undefined, inHole = false): void => {
    const e = unwrapCs(y);
    if (!e || ++parts > MAX_PARTS) return hole();
    if (e.type === 'interpolated_string_expression') {
      acc.literal = stringy = true;
      for (const p of interpolatedParts(e)) {
        if (p.text !== undefined) acc.value += p.text;
        else if (p.formatted) hole();
        else add(p.hole, true);
      }
      return;
    }
    const s = plainStringValue(e);
    if (s !== undefined) {
      acc.value += s;
      acc.literal = stringy = true;
      return;
    }
    if (e.type === 'binary_expression' && e.op === '+') {
      add(childByField(e, 'left'), inHole);
      add(childByField(e, 'right'), inHole);
      return;
    }
    const c = constantOf(e, constants);
    if (c) {
      acc.value += c.value;
      if (c.partial) acc.partial = true;
      acc.constants.push(c);
      stringy = true;
      return;
    }
    if (e.type === 'integer_literal' || e.type === 'real_literal' || e.type === 'boolean_literal') {
      acc.value += e.text ?? '';
      return;
    }
    if (e.type === 'character_literal') {
      acc.value += plainCharValue(e);
      return;
    }
    hole();
  };
  const top = unwrapCs(n);
  if (!top) return undefined;
  if (top.type === 'identifier' || top.type === 'member_access_expression') {
    const c = constantOf(top, constants);
    return c ? { value: c.value, partial: c.partial, literal: false, constants: [c] } : undefined;
  }
  if (!isStringNode(top) && !(top.type === 'binary_expression' && top.op === '+')) return undefined;
  add(top);
  return stringy ? acc : undefined;
}

function plainCharValue(n: CsNode): string {
  return decodeEscapes(n.children.map((c) => c.text ?? '').join(''));
}

/** Is this node part of a larger string expression (that becomes the fact instead)? */
function insideStringExpression(n: CsNode): boolean {
  const { parent } = valueParentCs(n);
  if (!parent) return false;
  if (parent.type === 'binary_expression' && parent.op === '+') return true;
  if (parent.type === 'interpolation') return true;
  return false;
}

/** Calls whose second argument is named by a literal first argument: `Add("client_secret", v)`, `new KeyValuePair<,>("password", v)`. */
const NAMING_CALLS = /^(new (\w+\.)*KeyValuePair|(\w+\.)*(Add|TryAdd|Set|SetValue|AddWithValue|TryAddWithoutValidation|AddParameter|AddHeader|Append|Create|SetEnvironmentVariable|SetString|SetSecret|Parameters\.Add|Headers\.Add))$/;

export interface CsContext {
  name?: string;
  path?: string;
  callee?: string;
  argIndex?: number;
}

/**
 * The binding of a value: climbs through parentheses, casts, `??` defaults, conditionals and
 * collection initialisers to the variable, field, property, assignment target, argument or return.
 */
export function csContextOf(n: CsNode, text: string, constants?: Map<string, CsConstant>): CsContext {
  let child = n;
  let p = n.parent;
  for (let guard = 0; p && guard < 40; guard++) {
    switch (p.type) {
      case 'parenthesized_expression':
      case 'cast_expression':
      case 'checked_expression':
      case 'postfix_unary_expression':
      case 'await_expression':
      case 'array_creation_expression':
      case 'implicit_array_creation_expression':
      case 'collection_expression':
        break;
      case 'binary_expression':
        if (p.op === '??') break;
        if (p.op === '==' || p.op === '!=') {
          const other = p.children.find((c) => c !== child);
          const nm = targetName(other);
          return nm ? { name: nm } : {};
        }
        return {};
      case 'conditional_expression':
        if (child.field === 'condition') return {};
        break;
      case 'initializer_expression': {
        // `{ "password", "x" }` in a dictionary initialiser: the key names the value.
        const i = p.children.indexOf(child);
        const first = p.children[0];
        if (i === 1 && p.children.length === 2 && first) {
          const k = plainStringValue(first);
          if (k !== undefined) return withContainer({ name: k }, p.parent);
        }
        break;
      }
      case 'variable_declarator': {
        const nm = childByField(p, 'name')?.text;
        return nm && declaratorValue(p) === child ? { name: nm } : {};
      }
      case 'assignment_expression': {
        if (child.field !== 'right') return {};
        const left = childByField(p, 'left');
        const key = indexerKey(left);
        if (key !== undefined) return withContainer({ name: key }, p.parent);
        const nm = targetName(left);
        const d = dottedCs(left);
        if (!nm) return {};
        const ctx: CsContext = { name: nm };
        if (d && d !== nm) ctx.path = d;
        else {
          // In an object initialiser the path names the created type: `new ServiceClientOptions { ... }`.
          const init = p.parent;
          const creation = init?.type === 'initializer_expression' ? init.parent : undefined;
          const t = creation?.type === 'object_creation_expression' ? dottedCs(childByField(creation, 'type')) : undefined;
          if (t) ctx.path = `${t}.${nm}`;
        }
        return ctx;
      }
      case 'property_declaration':
        return child.field === 'value' ? nameOpt(declName(p)) : {};
      case 'arrow_expression_clause': {
        const owner = p.parent;
        if (!owner) return {};
        if (owner.type === 'property_declaration' || owner.type === 'method_declaration' || owner.type === 'local_function_statement') return nameOpt(declName(owner));
        if (owner.type === 'accessor_declaration') return nameOpt(declName(owner.parent?.parent));
        return {};
      }
      case 'return_statement': {
        for (let q = p.parent; q; q = q.parent) {
          if (FUNCTION_TYPES.has(q.type)) return q.type === 'lambda_expression' || q.type === 'anonymous_method_expression' ? {} : nameOpt(declName(q.type === 'accessor_declaration' ? q.parent?.parent : q));
        }
        return {};
      }
      case 'parameter':
        return nameOpt(childByField(p, 'name')?.text);
      case 'attribute_argument':
        return nameOpt(childByField(p, 'name')?.text);
      case 'anonymous_object_creation_expression': {
        const i = p.children.indexOf(child);
        const prev = i > 0 ? p.children[i - 1] : undefined;
        if (prev?.type === 'identifier' && /^\s*=\s*$/.test(text.slice(prev.end, child.start))) return { name: prev.text ?? '' };
        return {};
      }
      case 'argument': {
        const named = childByField(p, 'name')?.text;
        const list = p.parent;
        const call = list?.parent;
        if (!list || list.type !== 'argument_list' || !call) return nameOpt(named);
        const args = list.children.filter((c) => c.type === 'argument');
        const i = args.indexOf(p);
        const ctx: CsContext = { argIndex: i };
        const callee = call.type === 'constructor_initializer' ? (/^\s*:\s*this/.test(text.slice(call.start, call.start + 8)) ? 'this' : 'base') : calleeCs(call);
        if (callee) ctx.callee = callee;
        if (named) ctx.name = named;
        else if (i === 1 && callee && NAMING_CALLS.test(callee)) {
          // Add("Authorization", v) or Add(HttpRequestHeader.Authorization, v): the first argument names the second.
          const first = args[0]?.children[args[0].children.length - 1];
          const named = first && (first.type === 'member_access_expression' || first.type === 'identifier');
          const k = plainStringValue(first) ?? (named && constants ? constantOf(first, constants)?.value : undefined) ?? (named ? simpleName(first) : undefined);
          if (k !== undefined) ctx.name = k;
        }
        return ctx;
      }
      default:
        return {};
    }
    child = p;
    p = p.parent;
  }
  return {};
}

function nameOpt(name: string | undefined): CsContext {
  return name ? { name } : {};
}

/** Where an identifier is a use of a value (not a declaration, type, member name or callee). */
function isValueUse(n: CsNode): boolean {
  const p = n.parent;
  if (!p) return false;
  if (n.field === 'name' || n.field === 'type') return false;
  switch (p.type) {
    case 'member_access_expression':
      return false; // `Class.Name` is resolved as a whole; `x.Length` is not the value
    case 'invocation_expression':
      return n.field !== 'function';
    case 'qualified_name':
    case 'using_directive':
    case 'base_list':
    case 'type_argument_list':
    case 'attribute':
    case 'namespace_declaration':
    case 'file_scoped_namespace_declaration':
    case 'parameter':
    case 'name_colon':
    case 'goto_statement':
    case 'labeled_statement':
      return false;
    default:
      return true;
  }
}

export function collectCsStringFacts(order: CsNode[], path: string, constants: Map<string, CsConstant>, text: string): StringFact[] {
  const out: StringFact[] = [];
  for (const n of order) {
    // The direct parts of a concatenation / interpolation are in its value (literals nested in
    // call arguments inside it are facts of their own).
    const isStr = isStringNode(n) || (n.type === 'binary_expression' && n.op === '+');
    if (isStr) {
      if (insideStringExpression(n)) continue;
      const e = evaluateCs(n, constants);
      if (!e) continue; // `a + b` of two unknown values
      const fact: StringFact = {
        value: e.value,
        span: spanOfCs(n),
        origin: n.type === 'binary_expression' ? 'concat' : n.type === 'interpolated_string_expression' ? 'template' : 'literal',
        ...csContextOf(n, text, constants),
      };
      if (e.partial) fact.partial = true;
      const def = mainConstant(e);
      if (def) fact.definedAt = { path, span: def.span };
      out.push(fact);
      continue;
    }
    if (constants.size > 0 && (n.type === 'identifier' || n.type === 'member_access_expression') && !insideStringExpression(n)) {
      if (n.type === 'identifier' && !isValueUse(n)) continue;
      if (n.type === 'member_access_expression' && n.parent?.type === 'invocation_expression' && n.field === 'function') continue;
      const c = constantOf(n, constants);
      if (!c) continue;
      if (c.declSpan.start <= n.start && n.end <= c.declSpan.end) continue;
      const fact: StringFact = { value: c.value, span: spanOfCs(n), origin: 'constant', definedAt: { path, span: c.span }, ...csContextOf(n, text, constants) };
      if (c.partial) fact.partial = true;
      out.push(fact);
    }
  }
  return out;
}

/** The constant a composed value mostly comes from (a finding about it belongs where it is written). */
function mainConstant(e: CsEvaluated): CsConstant | undefined {
  let best: CsConstant | undefined;
  for (const c of e.constants) if (!best || c.value.length > best.value.length) best = c;
  return best;
}

/** Quoted strings inside comments (commented-out code, XML docs), with `name = "..."` context. */
export function csCommentFacts(text: string, comments: CsNode[]): StringFact[] {
  return commentFacts(text, comments.map((c) => ({ start: c.start, end: c.end })));
}

/**
 * The collection a dictionary entry is written into (`SigningSecrets = new Dictionary<...> { ["visa"] = "..." }`):
 * its name becomes the path, so `SigningSecrets.visa` says what the value is when the key does not.
 */
function withContainer(ctx: CsContext, initializer: CsNode | undefined): CsContext {
  let n = initializer;
  // A `{ "k", "v" }` pair sits in the collection's own initializer.
  if (n?.type === 'initializer_expression' && n.parent?.type === 'initializer_expression') n = n.parent;
  const creation = n?.type === 'initializer_expression' ? n.parent : undefined;
  if (creation?.type !== 'object_creation_expression' && creation?.type !== 'implicit_object_creation_expression') return ctx;
  const owner = creation.parent?.type === 'equals_value_clause' ? creation.parent.parent : creation.parent;
  let container: string | undefined;
  if (owner?.type === 'variable_declarator') container = childByField(owner, 'name')?.text;
  else if (owner?.type === 'property_declaration') container = declName(owner);
  else if (owner?.type === 'assignment_expression') container = targetName(childByField(owner, 'left'));
  return container && ctx.name ? { ...ctx, path: `${container}.${ctx.name}` } : ctx;
}
