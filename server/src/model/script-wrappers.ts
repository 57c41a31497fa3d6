/**
 * Wrapper signatures: helpers that hide or lock the columns a caller names
 * (`Ns.Form.hide(formContext, ["x"])`, `hideFields(fc, "a", "b")`, `setVis(fc, false, names)`).
 *
 * Per file, every named function whose setVisible / setDisabled call reaches a parameter gets a
 * signature (which parameter carries the names, single, array or rest; which carries the flag;
 * hide or disable; conditional; role check). Signatures chain through calls to other functions of
 * the file (two rounds), and callbacks passed down resolve in script-resolver.ts. Functions published
 * under a global or exported name (`Ns.Form.hide` from an IIFE's returned object, `Ns.hide = function`,
 * object-literal namespaces, classes, TS namespaces, ES exports) become model contributions; call
 * sites in other files resolve against the merged signatures.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeMethod, dottedName, enclosingFunction, isFunction, keyName, parentOf, unwrap, valueParent, type Node } from '../parsers/script-ast';
import { controlToColumn, markerIndex, NO_ENV, type Env, type Flag, type Resolver } from './script-resolver';
import { containerSignatures, type ContainerSignature } from './script-sections';

export interface WrapperSignature {
  /** Index of the parameter carrying the column names (a name, an array of names, or the first of `...rest`). */
  param: number;
  rest: boolean;
  action: 'hide' | 'disable';
  /** Hides for some callers only (the flag is computed inside the wrapper). */
  conditional: boolean;
  /** Index of the parameter carrying the visible / disabled flag, when the caller decides. */
  flagParam?: number;
  roleCheck: boolean;
}

/** A signature published under a name other files can call. */
export interface NamedSignature extends WrapperSignature {
  name: string;
}

export interface AppliedCall {
  columns: string[];
  action: 'hide' | 'disable';
  conditional: boolean;
  roleCheck: boolean;
  /** The flag is a parameter of the enclosing function (markers only). */
  flagParam?: number;
}

const MAX_NAMES = 300;
const GLOBAL_PREFIX = /^(?:(?:window|self|globalThis|parent|top)\.)+/;

export function stripGlobal(name: string): string {
  return name.replace(GLOBAL_PREFIX, '');
}

/** Signatures of the file's named functions (computed once per resolver). */
const cache = new WeakMap<Resolver, Map<Node, WrapperSignature[]>>();

export function localSignatures(r: Resolver): Map<Node, WrapperSignature[]> {
  const hit = cache.get(r);
  if (hit) return hit;
  const sigs = new Map<Node, WrapperSignature[]>();
  const add = (fn: Node, s: WrapperSignature): boolean => {
    const list = sigs.get(fn) ?? [];
    if (list.some((x) => x.param === s.param && x.action === s.action && x.flagParam === s.flagParam)) return false;
    if (list.length >= 8) return false;
    list.push(s);
    sigs.set(fn, list);
    return true;
  };
  for (const call of r.ix.setters) {
    const fn = r.namedEnclosing(call);
    const arg = call.arguments[0];
    if (!fn || !isFunction(fn) || !arg || arg.type === 'SpreadElement') continue;
    const method = calleeMethod(call)!;
    const env = r.bindMarkers(fn);
    const flag = r.flag(arg, method, env);
    if (flag === 'none') continue;
    const action = method === 'setVisible' ? 'hide' : 'disable';
    const roleCheck = r.roleDecided(call, arg, env);
    for (const p of markerParams(r.controlColumns(call.callee.object, env))) add(fn, sigOf(fn, p, action, flag, roleCheck));
  }
  // Wrappers of wrappers: a named function that passes its parameters on to a signature.
  for (let round = 0; round < 2; round++) {
    let changed = false;
    for (const call of r.ix.calls) {
      const target = localTarget(r, call);
      const targetSigs = target ? sigs.get(target) : undefined;
      if (!targetSigs) continue;
      const outer = r.namedEnclosing(call);
      if (!outer || outer === target || !isFunction(outer)) continue;
      const env = r.bindMarkers(outer);
      for (const s of targetSigs) {
        const a = applySignature(r, call, s, env);
        if (!a) continue;
        const flag: Flag = a.flagParam !== undefined ? { param: a.flagParam } : a.conditional ? 'conditional' : 'set';
        for (const p of markerParams(a.columns)) changed = add(outer, sigOf(outer, p, a.action, flag, a.roleCheck)) || changed;
      }
    }
    if (!changed) break;
  }
  cache.set(r, sigs);
  return sigs;
}

/**
 * A named function of this file that passes its own parameters on to a wrapper
 * (`function conceal(fc, name) { Lib.Fields.hide(fc, [name]); }`): its derived signatures.
 */
export function forwarded(r: Resolver, call: TSESTree.CallExpression, s: WrapperSignature): { fn: Node; sigs: WrapperSignature[] } | undefined {
  const outer = r.namedEnclosing(call);
  if (!outer || !isFunction(outer)) return undefined;
  const a = applySignature(r, call, s, r.bindMarkers(outer));
  if (!a) return undefined;
  const flag: Flag = a.flagParam !== undefined ? { param: a.flagParam } : a.conditional ? 'conditional' : 'set';
  const sigs = markerParams(a.columns).map((p) => sigOf(outer, p, a.action, flag, a.roleCheck));
  return sigs.length > 0 ? { fn: outer, sigs } : undefined;
}

function markerParams(columns: string[]): number[] {
  const out = new Set<number>();
  for (const c of columns) {
    const m = markerIndex(c);
    if (m !== undefined) out.add(m);
  }
  return [...out];
}

function sigOf(fn: Node, param: number, action: 'hide' | 'disable', flag: Flag, roleCheck: boolean): WrapperSignature {
  // A name list from `...rest`, or from `arguments` past the declared parameters.
  const rest = isFunction(fn) && (fn.params[param]?.type === 'RestElement' || (param >= fn.params.length && fn.type !== 'ArrowFunctionExpression'));
  const s: WrapperSignature = { param, rest, action, conditional: flag === 'conditional' || flag === 'unknown', roleCheck };
  if (typeof flag === 'object') s.flagParam = flag.param;
  return s;
}

/** The function of this file a call runs, when its name is unique here. */
export function localTarget(r: Resolver, call: TSESTree.CallExpression): Node | undefined {
  const name = calleeMethod(call);
  const list = name ? r.ix.fnByName.get(name) : undefined;
  return list && list.length === 1 ? list[0] : undefined;
}

/** What a call of a wrapper with this signature hides: names from the arguments, the flag from its argument. */
export function applySignature(r: Resolver, call: TSESTree.CallExpression, s: WrapperSignature, env: Env = NO_ENV): AppliedCall | undefined {
  const args = call.arguments;
  let flag: Flag = 'set';
  let flagArg: Node | undefined;
  if (s.flagParam !== undefined) {
    const a = args[s.flagParam];
    if (!a || a.type === 'SpreadElement') return undefined;
    flagArg = a;
    flag = r.flag(a, s.action === 'hide' ? 'setVisible' : 'setDisabled', env);
    if (flag === 'none') return undefined;
  }
  const colArgs = s.rest ? args.slice(s.param) : args.slice(s.param, s.param + 1);
  const columns = colArgs.flatMap((a) => r.arrayStrings(a.type === 'SpreadElement' ? a.argument : a, env, 0)).map(controlToColumn);
  if (columns.length === 0) return undefined;
  const out: AppliedCall = {
    columns: [...new Set(columns)],
    action: s.action,
    conditional: s.conditional || flag === 'conditional' || flag === 'unknown',
    roleCheck: s.roleCheck || r.roleDecided(call, flagArg, env),
  };
  if (typeof flag === 'object') out.flagParam = flag.param;
  return out;
}

/** The names a function is published under (none for a private helper). */
export function publishedNames(r: Resolver, fn: Node): string[] {
  const out = new Set<string>();
  const direct = functionPath(r, fn);
  if (direct) out.add(direct);
  const short = r.ix.fnNames.get(fn);
  if (short && fn.type === 'FunctionDeclaration') {
    // Revealing module: `return { hide: hide }`, `Ns.hide = hide`.
    for (const id of r.ix.aliases.get(short) ?? []) {
      const p = valuePath(r, id, 0);
      if (p) out.add(p);
    }
  }
  return [...out].map(stripGlobal).filter((n) => n.length > 0);
}

/** Every published function name of the file with its signatures (empty when it hides nothing). */
export interface FileSignatures {
  defines: string[];
  wrappers: NamedSignature[];
  containers: (ContainerSignature & { name: string })[];
}

const published = new WeakMap<Resolver, FileSignatures>();

export function fileSignatures(r: Resolver): FileSignatures {
  const hit = published.get(r);
  if (hit) return hit;
  const sigs = localSignatures(r);
  const csigs = containerSignatures(r);
  const defines = new Set<string>();
  const wrappers: NamedSignature[] = [];
  const containers: (ContainerSignature & { name: string })[] = [];
  for (const fn of r.ix.functions) {
    if (defines.size >= MAX_NAMES) break;
    const names = publishedNames(r, fn);
    for (const name of names) {
      defines.add(name);
      for (const s of sigs.get(fn) ?? []) wrappers.push({ name, ...s });
      for (const s of csigs.get(fn) ?? []) containers.push({ name, ...s });
    }
  }
  const out = { defines: [...defines], wrappers, containers };
  published.set(r, out);
  return out;
}

/** The global path a function is stored at: `Ns.Form.hide`, `hide`, `Util.hide`, `A.B.hide`. */
function functionPath(r: Resolver, fn: Node): string | undefined {
  if (fn.type === 'FunctionDeclaration') {
    if (!fn.id) return undefined;
    return declPath(r, fn, fn.id.name);
  }
  const p = parentOf(fn);
  if (p?.type === 'MethodDefinition' || p?.type === 'PropertyDefinition') {
    const k = keyName(p.key, p.computed);
    const body = parentOf(p);
    const cls = body ? parentOf(body) : undefined;
    if (!k || !cls || (cls.type !== 'ClassDeclaration' && cls.type !== 'ClassExpression')) return undefined;
    const base = cls.type === 'ClassDeclaration' && cls.id ? declPath(r, cls, cls.id.name) : valuePath(r, cls, 0);
    if (!base) return undefined;
    return p.static ? `${base}.${k}` : `${base}.prototype.${k}`;
  }
  return valuePath(r, fn, 0);
}

/** A declaration's path: top level (a script global or a module export), or exported from a TS namespace. */
function declPath(r: Resolver, decl: Node, name: string, depth = 0): string | undefined {
  let holder = parentOf(decl);
  if (holder?.type === 'VariableDeclaration') holder = parentOf(holder);
  if (!holder) return undefined;
  if (holder.type === 'Program') return name;
  if (holder.type === 'ExportNamedDeclaration' || holder.type === 'ExportDefaultDeclaration') {
    const block = parentOf(holder);
    if (block?.type === 'Program') return name;
    if (block?.type === 'TSModuleBlock') {
      const ns = namespacePath(block);
      return ns ? `${ns}.${name}` : undefined;
    }
    return undefined;
  }
  // A local of a module function (IIFE) that the function returns: `var api = {...}; return api;`.
  if (holder.type === 'BlockStatement' && depth < 3) {
    const fn = parentOf(holder);
    if (fn && isFunction(fn) && (r.ix.returns.get(fn) ?? []).includes(name)) return iifePath(r, fn, depth + 1);
  }
  return undefined;
}

/** `namespace A.B { ... }` (nested namespaces too): `A.B`. */
export function namespacePath(n: Node): string | undefined {
  const parts: string[] = [];
  for (let p: Node | undefined = n; p; p = parentOf(p)) {
    if (p.type !== 'TSModuleDeclaration') continue;
    const id = qualified(p.id);
    if (!id) return undefined;
    parts.unshift(id);
  }
  return parts.length > 0 ? parts.join('.') : undefined;
}

function qualified(id: Node): string | undefined {
  if (id.type === 'Identifier') return id.name;
  if (id.type === 'TSQualifiedName') {
    const l = qualified(id.left);
    return l ? `${l}.${id.right.name}` : undefined;
  }
  return undefined;
}

/** The path a module function's result is stored at: `Ns.Form = (function () { ... })()`. */
function iifePath(r: Resolver, fn: Node, depth: number): string | undefined {
  const { parent } = valueParent(fn);
  if (parent?.type !== 'CallExpression' || unwrap(parent.callee) !== fn) return undefined;
  return valuePath(r, parent, depth + 1);
}

/** The global path a value is stored at. */
function valuePath(r: Resolver, n: Node, depth: number): string | undefined {
  if (depth > 6) return undefined;
  const { parent: p, child } = valueParent(n);
  if (!p) return undefined;
  switch (p.type) {
    case 'VariableDeclarator':
      return p.init === child && p.id.type === 'Identifier' ? declPath(r, p, p.id.name, depth) : undefined;
    case 'AssignmentExpression': {
      if (p.right !== child) return undefined;
      const d = dottedName(p.left);
      if (!d || d.includes('()') || d.includes('[]')) return undefined;
      if (d.startsWith('this.')) return undefined;
      // CommonJS: `module.exports = { hide }` publishes bare names (the base is empty).
      if (d === 'exports' || d === 'module.exports') return '';
      if (d.startsWith('exports.') || d.startsWith('module.exports.')) return d.replace(/^(module\.)?exports\./, '');
      if (!d.includes('.') && enclosingFunction(p)) return undefined; // a local reassignment
      return d;
    }
    case 'Property': {
      if (p.value !== child) return undefined;
      const k = keyName(p.key, p.computed);
      const obj = parentOf(p);
      const base = obj ? valuePath(r, obj, depth + 1) : undefined;
      if (!k || base === undefined) return undefined;
      return base === '' ? k : `${base}.${k}`;
    }
    case 'LogicalExpression':
      return valuePath(r, p, depth + 1);
    case 'ReturnStatement': {
      const fn = enclosingFunction(p);
      return fn ? iifePath(r, fn, depth + 1) : undefined;
    }
    case 'ArrowFunctionExpression': {
      // `Ns.Form = (() => ({ hide: ... }))()`
      return p.body === child ? iifePath(r, p, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The names a call in this file may be calling, most specific first: `Ns.Form.hide(...)`,
 * `hide(...)` inside `namespace A.B` (A.B.hide, A.hide, hide), `Lib.hide(...)` for
 * `import * as Lib`, `util.hide(...)` for `const util = new Util()`.
 */
export function callNames(r: Resolver, call: TSESTree.CallExpression): string[] {
  const callee = unwrap(call.callee);
  const out: string[] = [];
  if (callee.type === 'Identifier') {
    const imported = r.ix.imports.get(callee.name);
    const name = imported && imported !== '*' ? imported : callee.name;
    const ns = namespacePath(call);
    if (ns) {
      const parts = ns.split('.');
      for (let i = parts.length; i > 0; i--) out.push(`${parts.slice(0, i).join('.')}.${name}`);
    }
    out.push(name);
    return out;
  }
  if (callee.type !== 'MemberExpression') return out;
  const d = dottedName(callee);
  if (!d || d.includes('()') || d.includes('[]')) return out;
  const name = stripGlobal(d);
  const [head, ...rest] = name.split('.');
  if (head && rest.length > 0 && r.ix.imports.get(head) === '*') return [rest.join('.')];
  const obj = unwrap(callee.object);
  if (obj.type === 'Identifier' && rest.length === 1) {
    const inits = r.ix.decls.get(obj.name) ?? [];
    const init = inits.length === 1 ? unwrap(inits[0]!) : undefined;
    // `const helpers = require("./helpers")`: its members are the module's bare exports.
    if (init?.type === 'CallExpression' && unwrap(init.callee).type === 'Identifier' && (unwrap(init.callee) as TSESTree.Identifier).name === 'require') out.push(rest[0]!);
    if (init?.type === 'NewExpression') {
      const cls = dottedName(init.callee);
      if (cls) out.push(`${stripGlobal(cls)}.prototype.${rest[0]}`);
    }
    // `var common = Lib.Common;` and the module pattern `(function (ns, common) { ... })(App.Form, Lib.Common)`:
    // the alias stands for the namespace it is given.
    const alias = init?.type === 'MemberExpression' ? dottedName(init) : iifeArgument(obj);
    if (alias && !alias.includes('(') && !alias.includes('[')) out.push(`${stripGlobal(alias)}.${rest[0]}`);
  }
  const ns = namespacePath(call);
  if (ns) {
    const parts = ns.split('.');
    for (let i = parts.length; i > 0; i--) out.push(`${parts.slice(0, i).join('.')}.${name}`);
  }
  out.push(name);
  return out;
}

/** The dotted name passed for `id` when id is a parameter of an immediately invoked function. */
function iifeArgument(id: TSESTree.Identifier): string | undefined {
  for (let p = parentOf(id); p; p = parentOf(p)) {
    if (!isFunction(p)) continue;
    const index = p.params.findIndex((q) => q.type === 'Identifier' && q.name === id.name);
    if (index < 0) continue;
    const call = parentOf(p);
    if (call?.type !== 'CallExpression' || unwrap(call.callee) !== p) return undefined;
    const arg = call.arguments[index];
    return arg && arg.type !== 'SpreadElement' ? dottedName(arg) : undefined;
  }
  return undefined;
}
