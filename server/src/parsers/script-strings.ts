/**
 * String facts of a script: every string literal, template and concatenation with the context a
 * secret rule needs (the variable, property, assignment target or callee it goes to), and the
 * uses of string constants, resolved, with where they are defined.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { HOLE, type Span, type StringFact } from '../core/types';
import { calleeName, dottedName, keyName, parentOf, spanOf, unwrap, walk, type Node, type Program } from './script-ast';

export interface ScriptConstant {
  name: string;
  value: string;
  partial: boolean;
  /** The initializer (where a finding about the value is reported). */
  span: Span;
  /** The declarator `NAME = "..."`. */
  declSpan: Span;
}

/** Evaluated string expression: value with HOLEs and the constants that went into it. */
export interface Evaluated {
  value: string;
  partial: boolean;
  /** True when some part is a string literal or template (not only constants). */
  literal: boolean;
  constants: ScriptConstant[];
}

const MAX_PARTS = 200;

/**
 * Constants: variables declared exactly once in the file with a string initializer and never
 * assigned again. ES5 web resources declare their constants with `var`, so `var` and `let`
 * count like `const` when nothing reassigns them.
 */
export function collectConstants(ast: Program): Map<string, ScriptConstant> {
  const decls = new Map<string, TSESTree.VariableDeclarator[]>();
  const assigned = new Set<string>();
  walk(ast, (n) => {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') {
      const list = decls.get(n.id.name) ?? [];
      list.push(n);
      decls.set(n.id.name, list);
    } else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier') assigned.add(n.left.name);
    else if (n.type === 'UpdateExpression' && n.argument.type === 'Identifier') assigned.add(n.argument.name);
    else if ((n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') && n.params) {
      // A parameter of the same name shadows the constant somewhere: not safe to resolve.
      for (const p of n.params) if (p.type === 'Identifier') assigned.add(p.name);
    }
  });
  const out = new Map<string, ScriptConstant>();
  // Resolve in source order so a constant built from earlier constants resolves too.
  const ordered = [...decls.entries()].filter(([name, list]) => list.length === 1 && !assigned.has(name)).sort((a, b) => a[1][0]!.range[0] - b[1][0]!.range[0]);
  for (const [name, [d]] of ordered) {
    if (!d!.init) continue;
    const e = evaluate(d!.init, out);
    if (!e || (!e.literal && e.constants.length === 0)) continue;
    out.set(name, { name, value: e.value, partial: e.partial, span: spanOf(d!.init), declSpan: spanOf(d!) });
  }
  return out;
}

/**
 * Evaluates a string-valued expression: literals, templates (holes become HOLE), `+` chains and
 * constants. Returns undefined when the expression is not string-valued.
 */
export function evaluate(n: Node, constants: Map<string, ScriptConstant>): Evaluated | undefined {
  const acc: Evaluated = { value: '', partial: false, literal: false, constants: [] };
  let parts = 0;
  let stringy = false;
  const add = (x: Node): void => {
    if (++parts > MAX_PARTS) {
      acc.value += HOLE;
      acc.partial = true;
      return;
    }
    const e = unwrap(x);
    if (e.type === 'Literal' && typeof e.value === 'string') {
      acc.value += e.value;
      acc.literal = stringy = true;
    } else if (e.type === 'TemplateLiteral') {
      acc.literal = stringy = true;
      e.quasis.forEach((q, i) => {
        acc.value += q.value.cooked ?? q.value.raw;
        const hole = e.expressions[i];
        if (hole) add(hole);
      });
    } else if (e.type === 'BinaryExpression' && e.operator === '+') {
      add(e.left);
      add(e.right);
    } else if (e.type === 'Identifier' && constants.has(e.name)) {
      const c = constants.get(e.name)!;
      acc.value += c.value;
      if (c.partial) acc.partial = true;
      acc.constants.push(c);
      stringy = true;
    } else if (e.type === 'Literal' && (typeof e.value === 'number' || typeof e.value === 'boolean')) {
      acc.value += String(e.value);
    } else {
      acc.value += HOLE;
      acc.partial = true;
    }
  };
  const top = unwrap(n);
  if (top.type === 'Identifier') {
    const c = constants.get(top.name);
    return c ? { value: c.value, partial: c.partial, literal: false, constants: [c] } : undefined;
  }
  if (!(top.type === 'Literal' && typeof top.value === 'string') && top.type !== 'TemplateLiteral' && !(top.type === 'BinaryExpression' && top.operator === '+')) return undefined;
  add(top);
  return stringy ? acc : undefined;
}

/** Is this node one operand of a larger string expression (that becomes the fact instead)? */
function insideStringExpression(n: Node): boolean {
  const p = parentOf(n);
  if (!p) return false;
  if (p.type === 'BinaryExpression' && p.operator === '+') return true;
  if (p.type === 'TemplateLiteral') return true;
  if (p.type === 'TSNonNullExpression' || p.type === 'TSAsExpression' || p.type === 'ChainExpression') return insideStringExpression(p);
  return false;
}

/** Positions where an identifier is a name, not a use of a value. */
function isReference(id: TSESTree.Identifier, parent: Node | undefined): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === id;
    case 'Property':
      return parent.value === id && (parent.computed || parent.key !== id || parent.shorthand);
    case 'MemberExpression':
      return parent.object === id || (parent.computed && parent.property === id);
    case 'AssignmentExpression':
      return parent.right === id;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return (parent as { body?: Node }).body === id;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'PropertyDefinition':
    case 'MethodDefinition':
    case 'TSEnumMember':
    case 'TSModuleDeclaration':
    case 'ClassDeclaration':
    case 'ClassExpression':
    case 'CatchClause':
    case 'AssignmentPattern':
    case 'RestElement':
    case 'ArrayPattern':
    case 'ObjectPattern':
    case 'TSQualifiedName':
    case 'TSTypeReference':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      return false;
    case 'UnaryExpression':
      return parent.operator !== 'typeof' && parent.operator !== 'delete';
    default:
      return true;
  }
}

/** Header-style setters whose first argument names the second: `setRequestHeader("Authorization", v)`. */
const NAMING_SETTERS = /^(setRequestHeader|setHeader|set|append|add|setItem|setAttribute)$/;

interface Context {
  name?: string;
  path?: string;
  callee?: string;
  argIndex?: number;
}

/**
 * The binding of a value: climbs through value-preserving wrappers, defaults (`a || "x"`),
 * conditionals and arrays to the variable, property, assignment target, argument or return.
 */
export function contextOf(n: Node): Context {
  let child: Node = n;
  let p = parentOf(n);
  const keys: string[] = [];
  for (let guard = 0; p && guard < 50; guard++) {
    switch (p.type) {
      case 'TSNonNullExpression':
      case 'TSAsExpression':
      case 'TSTypeAssertion':
      case 'TSSatisfiesExpression':
      case 'ChainExpression':
      case 'AwaitExpression':
      case 'ArrayExpression':
        break;
      case 'LogicalExpression':
        if (p.right !== child) return withPath({}, keys);
        break;
      case 'ConditionalExpression':
        if (p.test === child) return {};
        break;
      case 'Property': {
        if (p.value !== child) return {};
        const k = keyName(p.key, p.computed);
        if (k === undefined) return {};
        keys.unshift(k);
        // The path names the outermost object (`CONFIG.auth.password`, `headers.x-api-key`).
        const obj = parentOf(p);
        const outer = obj && obj.type === 'ObjectExpression' ? outerName(obj) : undefined;
        return withPath({ name: k }, outer ? [outer, ...keys] : keys);
      }
      case 'VariableDeclarator':
        return p.init === child && p.id.type === 'Identifier' ? withPath({ name: p.id.name }, keys) : {};
      case 'AssignmentExpression': {
        if (p.right !== child) return {};
        const target = unwrap(p.left);
        const d = dottedName(target);
        const last = target.type === 'Identifier' ? target.name : target.type === 'MemberExpression' ? keyName(target.property, target.computed) : undefined;
        return withPath(last ? { name: last, ...(d && d !== last ? { path: d } : {}) } : {}, keys);
      }
      case 'PropertyDefinition':
        return p.value === child ? withPath(nameOpt(keyName(p.key, p.computed)), keys) : {};
      case 'AssignmentPattern':
        return p.right === child && p.left.type === 'Identifier' ? { name: p.left.name } : {};
      case 'TSEnumMember':
        return p.initializer === child ? nameOpt(keyName(p.id, false)) : {};
      case 'CallExpression':
      case 'NewExpression': {
        const i = p.arguments.indexOf(child as TSESTree.CallExpressionArgument);
        if (i < 0) return {};
        const ctx: Context = { argIndex: i };
        const callee = calleeName(p);
        if (callee) ctx.callee = callee;
        const method = callee?.slice(callee.lastIndexOf('.') + 1);
        if (i === 1 && method && NAMING_SETTERS.test(method)) {
          const first = unwrap(p.arguments[0] as Node);
          if (first.type === 'Literal' && typeof first.value === 'string') ctx.name = first.value;
        }
        return withPath(ctx, keys);
      }
      case 'ReturnStatement': {
        const fn = enclosingFunctionName(p);
        return fn ? { name: fn } : {};
      }
      case 'BinaryExpression': {
        if (!['===', '==', '!==', '!='].includes(p.operator)) return {};
        const other = p.left === child ? p.right : p.left;
        const o = unwrap(other as Node);
        const nm = o.type === 'Identifier' ? o.name : o.type === 'MemberExpression' ? keyName(o.property, o.computed) : undefined;
        return nameOpt(nm);
      }
      case 'JSXExpressionContainer':
        break;
      case 'JSXAttribute':
        return p.name.type === 'JSXIdentifier' ? { name: p.name.name } : {};
      default:
        return withPath({}, keys);
    }
    child = p;
    p = parentOf(p);
  }
  return {};
}

function nameOpt(name: string | undefined): Context {
  return name === undefined ? {} : { name };
}

function withPath(ctx: Context, keys: string[]): Context {
  if (keys.length > 1 && ctx.path === undefined) ctx.path = keys.join('.');
  return ctx;
}

/** The variable or property an object literal (possibly nested) is assigned to. */
function outerName(obj: Node): string | undefined {
  let o: Node = obj;
  const keys: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const p = parentOf(o);
    if (!p) break;
    if (p.type === 'Property' && p.value === o) {
      const k = keyName(p.key, p.computed);
      if (k === undefined) return undefined;
      keys.unshift(k);
      const gp = parentOf(p);
      if (!gp || gp.type !== 'ObjectExpression') break;
      o = gp;
      continue;
    }
    if (p.type === 'VariableDeclarator' && p.id.type === 'Identifier') return [p.id.name, ...keys].join('.');
    if (p.type === 'AssignmentExpression') {
      const d = dottedName(p.left);
      return d ? [d, ...keys].join('.') : keys.join('.') || undefined;
    }
    break;
  }
  return keys.join('.') || undefined;
}

function enclosingFunctionName(n: Node): string | undefined {
  for (let p = parentOf(n); p; p = parentOf(p)) {
    if (p.type === 'FunctionDeclaration') return p.id?.name;
    if (p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') {
      const gp = parentOf(p);
      if (gp?.type === 'VariableDeclarator' && gp.id.type === 'Identifier') return gp.id.name;
      if (gp?.type === 'Property' || gp?.type === 'MethodDefinition' || gp?.type === 'PropertyDefinition') return keyName(gp.key, gp.computed);
      return undefined;
    }
  }
  return undefined;
}

/** Literals that are syntax, not values: directives, module specifiers, property keys. */
function isSyntaxString(n: Node, parent: Node | undefined): boolean {
  if (!parent) return false;
  if (parent.type === 'ExpressionStatement' && parent.directive !== undefined) return true;
  if (parent.type === 'ImportDeclaration' || parent.type === 'ExportAllDeclaration' || parent.type === 'ExportNamedDeclaration' || parent.type === 'ImportExpression') return true;
  if ((parent.type === 'Property' || parent.type === 'PropertyDefinition' || parent.type === 'MethodDefinition') && parent.key === n && !parent.computed) return true;
  if (parent.type === 'TSEnumMember' && parent.id === n) return true;
  if (parent.type === 'TSModuleDeclaration' || parent.type === 'TSLiteralType' || parent.type === 'TSExternalModuleReference') return true;
  if (parent.type === 'TSPropertySignature' || parent.type === 'TSImportType') return true;
  return false;
}

export function collectStringFacts(ast: Program, path: string, constants: Map<string, ScriptConstant>): StringFact[] {
  const out: StringFact[] = [];
  walk(ast, (n, parent) => {
    const isStr = (n.type === 'Literal' && typeof n.value === 'string') || n.type === 'TemplateLiteral' || (n.type === 'BinaryExpression' && n.operator === '+');
    if (isStr) {
      if (insideStringExpression(n) || isSyntaxString(n, parent)) return;
      if (parent?.type === 'TaggedTemplateExpression' && parent.quasi === n && dottedName(parent.tag) !== 'String.raw') return;
      const e = evaluate(n, constants);
      if (!e) return; // `a + b` of two unknown values
      const fact: StringFact = { value: e.value, span: spanOf(n), origin: n.type === 'Literal' ? 'literal' : n.type === 'TemplateLiteral' ? 'template' : 'concat', ...contextOf(n) };
      if (e.partial) fact.partial = true;
      const def = mainConstant(e);
      if (def) fact.definedAt = { path, span: def.span };
      out.push(fact);
      return; // the parts of a concatenation are in its value (nested call arguments are walked below)
    }
    if (n.type === 'Identifier' && constants.has(n.name) && !insideStringExpression(n) && isReference(n, parent)) {
      const c = constants.get(n.name)!;
      if (c.declSpan.start <= n.range[0] && n.range[1] <= c.declSpan.end) return;
      const fact: StringFact = { value: c.value, span: spanOf(n), origin: 'constant', definedAt: { path, span: c.span }, ...contextOf(n) };
      if (c.partial) fact.partial = true;
      out.push(fact);
    }
    return;
  });
  return out;
}

/**
 * The constant a composed value mostly comes from: a finding about a secret built from a constant
 * belongs where the constant is written, not at every use.
 */
function mainConstant(e: Evaluated): ScriptConstant | undefined {
  let best: ScriptConstant | undefined;
  for (const c of e.constants) if (!best || c.value.length > best.value.length) best = c;
  return best;
}

/** Quoted strings inside comments (commented-out code), with `name = "..."` / `name: "..."` context. */
export function commentFacts(text: string, comments: Span[]): StringFact[] {
  const out: StringFact[] = [];
  const re = /(?:([A-Za-z_$][\w$.-]*|"[^"\n]{1,80}"|'[^'\n]{1,80}')\s*[:=]\s*)?("(?:[^"\\\n]|\\.){1,4000}"|'(?:[^'\\\n]|\\.){1,4000}'|`[^`]{1,4000}`)/g;
  for (const c of comments) {
    const body = text.slice(c.start, c.end);
    if (body.indexOf('"') < 0 && body.indexOf("'") < 0 && body.indexOf('`') < 0) continue;
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const lit = m[2]!;
      const start = c.start + m.index + m[0].length - lit.length;
      const fact: StringFact = { value: lit.slice(1, -1), span: { start, end: start + lit.length }, origin: 'comment', inComment: true };
      const name = m[1]?.replace(/^["']|["']$/g, '');
      if (name) fact.name = name.slice(name.lastIndexOf('.') + 1);
      out.push(fact);
    }
  }
  return out;
}
