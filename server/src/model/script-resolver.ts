/**
 * Resolution of form-script expressions to column names (script.ts), over the per-tree index of
 * script-index.ts.
 *
 * Parameters are bound per call site in an Env; a bound argument keeps the Env of its own call
 * site, so wrappers of wrappers and callbacks passed down (`each(fc, names, c => c.setVisible(false))`)
 * resolve, a few levels deep at most. A parameter bound to a MARKER stands for "whatever the
 * caller passes": that is how wrapper signatures are computed (script-wrappers.ts).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ScriptDocument } from '../parsers/script';
import { calleeMethod, enclosingFunction, isFalsy, isFunction, isTruthy, keyName, parentOf, staticString, unwrap, type Node } from '../parsers/script-ast';
import type { ScriptIndex } from './script-index';

export { scriptIndex, type ScriptIndex, type SetterCall } from './script-index';

export interface Bound {
  node: Node;
  env: Env;
}
/** Parameter bindings at a call site: parameter name -> arguments (several for `...rest`). */
export type Env = Map<string, Bound[]>;
export const NO_ENV: Env = new Map();

/** Prefix of the synthetic string a MARKER parameter resolves to: `\0param:<index>`. */
export const MARK = '\u0000param:';

export function marker(index: number): Bound {
  const node = { type: 'Literal', value: MARK + index, raw: '', range: [0, 0] } as unknown as Node;
  return { node, env: NO_ENV };
}

export function markerIndex(s: string): number | undefined {
  return s.startsWith(MARK) ? Number(s.slice(MARK.length)) : undefined;
}

export type Flag = 'set' | 'none' | 'conditional' | 'unknown' | { param: number };

const MAX_DEPTH = 10;

/** Control names of header and business-process-flow copies name the same column. */
export function controlToColumn(control: string): string {
  return control.replace(/^header_process_/i, '').replace(/^header_/i, '').toLowerCase();
}

/** Client-side role checks: userSettings.roles / securityRoles, getUserRoles(), helpers named after roles. */
export const ROLE_CHECK = /\b(userSettings\s*\.\s*(roles|securityRoles)|getUserRoles|securityRoles|\w*(has|is|in|check)\w*Roles?\w*|\w*Roles?(Check|Name|Id)s?)\b/i;

export class Resolver {
  constructor(readonly ix: ScriptIndex) {}

  get doc(): ScriptDocument {
    return this.ix.doc;
  }

  /** The nearest enclosing function with a name: a callback inside a wrapper (`names.forEach(n => ...)`) belongs to the wrapper. */
  namedEnclosing(n: Node): Node | undefined {
    let fn = enclosingFunction(n);
    for (let i = 0; fn && i < 4; i++) {
      if (this.ix.fnNames.has(fn)) return fn;
      fn = enclosingFunction(fn);
    }
    return undefined;
  }

  /** Calls of a named function in this file (`hide(...)`, `Contoso.Forms.hide(...)`), a few at most. */
  callSites(fn: Node): TSESTree.CallExpression[] {
    const name = this.ix.fnNames.get(fn);
    if (!name) return [];
    const out: TSESTree.CallExpression[] = [];
    for (const c of this.ix.callsByMethod.get(name) ?? []) {
      if (!isInside(c, fn)) out.push(c);
      if (out.length >= 50) break;
    }
    return out;
  }

  /**
   * Initializers of the variable `x` names. Helpers declare the same local in each function
   * (`var names = ...` in both hide and lock): when several exist, those of x's own function win.
   */
  declsInScope(x: TSESTree.Identifier): Node[] {
    const all = this.ix.decls.get(x.name) ?? [];
    if (all.length < 2) return all;
    const fn = enclosingFunction(x);
    const local = fn ? all.filter((i) => enclosingFunction(i) === fn) : [];
    return local.length > 0 ? local : all;
  }

  /** Binds a function's parameters to the arguments of a call evaluated in `outer`. */
  bind(fn: Node, site: TSESTree.CallExpression, outer: Env = NO_ENV): Env {
    const env: Env = new Map();
    if (!isFunction(fn)) return env;
    const args = site.arguments.filter((a) => a.type !== 'SpreadElement') as Node[];
    fn.params.forEach((p, i) => {
      const id = p.type === 'AssignmentPattern' ? p.left : p;
      if (id.type === 'Identifier') {
        const a = site.arguments[i];
        if (a && a.type !== 'SpreadElement') env.set(id.name, [{ node: a, env: outer }]);
        else if (p.type === 'AssignmentPattern') env.set(id.name, [{ node: p.right, env: NO_ENV }]);
      } else if (p.type === 'RestElement' && p.argument.type === 'Identifier') {
        env.set(p.argument.name, args.slice(i).map((node) => ({ node, env: outer })));
      }
    });
    if (fn.type !== 'ArrowFunctionExpression') env.set('arguments', args.map((node) => ({ node, env: outer })));
    return env;
  }

  /** Binds a function's parameters to markers (what any caller passes). */
  bindMarkers(fn: Node): Env {
    const env: Env = new Map();
    if (!isFunction(fn)) return env;
    fn.params.forEach((p, i) => {
      const id = p.type === 'AssignmentPattern' ? p.left : p.type === 'RestElement' ? p.argument : p;
      if (id.type === 'Identifier') env.set(id.name, [marker(i)]);
    });
    // `arguments`: the declared parameters, then one marker for everything after them
    // (`Array.prototype.slice.call(arguments, 1)` takes the names passed after the form context).
    if (fn.type !== 'ArrowFunctionExpression') env.set('arguments', fn.params.map((_, i) => marker(i)).concat([marker(fn.params.length)]));
    return env;
  }

  /** 'set' for setVisible(false) / setDisabled(true), 'none' for the opposite, 'conditional' when computed, {param} for a marker. */
  flag(arg: Node, method: string, env: Env, depth = 0): Flag {
    const x = unwrap(arg);
    if (x.type === 'Identifier' && env.has(x.name)) {
      const bound = env.get(x.name)![0];
      return bound && depth < MAX_DEPTH ? this.flag(bound.node, method, bound.env, depth + 1) : 'unknown';
    }
    const s = staticString(x);
    const m = s !== undefined ? markerIndex(s) : undefined;
    if (m !== undefined) return { param: m };
    const off = method === 'setVisible' ? isFalsy(x) : isTruthy(x);
    const on = method === 'setVisible' ? isTruthy(x) : isFalsy(x);
    if (off) return 'set';
    if (on) return 'none';
    if (x.type === 'Identifier' && this.isParamOfEnclosing(x)) return 'unknown';
    return 'conditional';
  }

  private isParamOfEnclosing(id: TSESTree.Identifier): boolean {
    const fn = enclosingFunction(id);
    return !!fn && isFunction(fn) && fn.params.some((p) => p.type === 'Identifier' && p.name === id.name) && this.ix.fnNames.has(fn);
  }

  /** Column names a control expression refers to. */
  controlColumns(node: Node, env: Env, depth = 0): string[] {
    if (depth > MAX_DEPTH) return [];
    const x = unwrap(node);
    if (x.type === 'CallExpression') {
      const m = calleeMethod(x);
      const callee = unwrap(x.callee);
      const arg = x.arguments[0];
      if (m === 'getControl' && arg && arg.type !== 'SpreadElement') return this.strings(arg, env, depth + 1).map(controlToColumn);
      // attr.controls.get(i) / ui.controls.get("name")
      if (m === 'get' && callee.type === 'MemberExpression') {
        const holder = unwrap(callee.object);
        if (holder.type === 'MemberExpression' && keyName(holder.property, holder.computed) === 'controls') {
          const owner = unwrap(holder.object);
          if (owner.type === 'MemberExpression' && keyName(owner.property, owner.computed) === 'ui') {
            return arg && arg.type !== 'SpreadElement' ? this.strings(arg, env, depth + 1).map(controlToColumn) : [];
          }
          return this.attributeColumns(owner, env, depth + 1);
        }
      }
      return [];
    }
    if (x.type === 'Identifier') {
      if (env.has(x.name)) return env.get(x.name)!.flatMap((b) => this.controlColumns(b.node, b.env, depth + 1));
      // The parameter of attr.controls.forEach(c => ...) / attr.controls.get().forEach(...).
      const cb = callbackOf(x);
      if (cb && cb.method === 'forEach') {
        let holder = unwrap(cb.receiver);
        if (holder.type === 'CallExpression' && calleeMethod(holder) === 'get' && holder.arguments.length === 0 && unwrap(holder.callee).type === 'MemberExpression') holder = unwrap((unwrap(holder.callee) as TSESTree.MemberExpression).object);
        if (holder.type === 'MemberExpression' && keyName(holder.property, holder.computed) === 'controls') return this.attributeColumns(holder.object, env, depth + 1);
        return [];
      }
      // The parameter of a callback passed down to a helper: each(fc, names, function (c) { c.setVisible(false); }).
      const passed = this.passedCallbackArgs(x, env, depth);
      if (passed) return passed.flatMap((b) => this.controlColumns(b.node, b.env, depth + 1));
      const inits = this.declsInScope(x);
      if (inits.length === 0 || inits.length > 3) return [];
      return inits.flatMap((i) => this.controlColumns(i, env, depth + 1));
    }
    if (x.type === 'LogicalExpression') return this.controlColumns(x.left, env, depth + 1);
    return [];
  }

  /**
   * `id` is parameter i of a function F passed as argument k of `helper(..., F)`, and `helper` is a
   * function of this file: the arguments its body passes to its k-th parameter (`fn(control)`), with
   * the helper's parameters bound at this call.
   */
  private passedCallbackArgs(id: TSESTree.Identifier, env: Env, depth: number): Bound[] | undefined {
    if (depth > MAX_DEPTH - 2) return undefined;
    for (let p = parentOf(id); p; p = parentOf(p)) {
      if (!isFunction(p)) continue;
      const index = p.params.findIndex((q) => q.type === 'Identifier' && q.name === id.name);
      if (index < 0) continue;
      const call = parentOf(p);
      if (call?.type !== 'CallExpression') return undefined;
      const k = call.arguments.indexOf(p as TSESTree.CallExpressionArgument);
      const name = calleeMethod(call);
      const helpers = name ? (this.ix.fnByName.get(name) ?? []) : [];
      if (k < 0 || helpers.length !== 1) return undefined;
      const helper = helpers[0]!;
      if (!isFunction(helper) || isInside(call, helper)) return undefined;
      const param = helper.params[k];
      if (param?.type !== 'Identifier') return undefined;
      const henv = this.bind(helper, call, env);
      const out: Bound[] = [];
      for (const c of this.ix.callsByName.get(param.name) ?? []) {
        if (!isInside(c, helper)) continue;
        const a = c.arguments[index];
        if (a && a.type !== 'SpreadElement') out.push({ node: a, env: henv });
      }
      // The helper hands the callback to an array method: `attribute.controls.forEach(action)` calls
      // it with each element, which stands for `attribute.controls.get(i)`.
      if (index === 0) {
        for (const c of [...ELEMENT_METHODS].flatMap((m) => this.ix.callsByMethod.get(m) ?? [])) {
          const recv = unwrap(c.callee);
          if (recv.type !== 'MemberExpression' || !isInside(c, helper)) continue;
          const a = c.arguments[0];
          if (a?.type !== 'Identifier' || a.name !== param.name) continue;
          out.push({ node: elementOf(recv.object), env: henv });
        }
      }
      return out;
    }
    return undefined;
  }

  /** Columns of `getAttribute("x")` (or a variable holding it). */
  private attributeColumns(node: Node, env: Env, depth: number): string[] {
    if (depth > MAX_DEPTH) return [];
    const x = unwrap(node);
    if (x.type === 'CallExpression' && calleeMethod(x) === 'getAttribute') {
      const arg = x.arguments[0];
      return arg && arg.type !== 'SpreadElement' ? this.strings(arg, env, depth + 1).map((s) => s.toLowerCase()) : [];
    }
    if (x.type === 'Identifier') {
      if (env.has(x.name)) return env.get(x.name)!.flatMap((b) => this.attributeColumns(b.node, b.env, depth + 1));
      const inits = this.declsInScope(x);
      if (inits.length === 1) return this.attributeColumns(inits[0]!, env, depth + 1);
    }
    return [];
  }

  /** The strings an expression can be: a literal, a constant, a bound parameter, an element of a looped array. */
  strings(node: Node, env: Env, depth = 0): string[] {
    if (depth > MAX_DEPTH) return [];
    const s = staticString(node);
    if (s !== undefined) return [s];
    const x = unwrap(node);
    if (x.type === 'MemberExpression' && x.computed && staticString(x.property) === undefined) return this.arrayStrings(x.object, env, depth + 1); // names[i]
    if (x.type !== 'Identifier') return [];
    if (env.has(x.name)) return env.get(x.name)!.flatMap((b) => this.strings(b.node, b.env, depth + 1));
    const c = this.doc.constants?.get(x.name);
    if (c && !c.partial) return [c.value];
    const cb = callbackOf(x);
    if (cb && (cb.method === 'forEach' || cb.method === 'map') && cb.index === 0) return this.arrayStrings(cb.receiver, env, depth + 1);
    const loop = this.ix.forOf.get(x.name);
    if (loop && loop.length === 1) return this.arrayStrings(loop[0]!, env, depth + 1);
    // The parameter of a callback passed to a helper of this file: forNames(names, function (n) { ... }).
    const passed = this.passedCallbackArgs(x, env, depth);
    if (passed) return passed.flatMap((b) => this.strings(b.node, b.env, depth + 1));
    return [];
  }

  /** The strings an array-valued expression holds (a single string stands for itself). */
  arrayStrings(node: Node, env: Env, depth: number): string[] {
    if (depth > MAX_DEPTH) return [];
    const x = unwrap(node);
    if (x.type === 'ArrayExpression') return x.elements.flatMap((e) => (e && e.type !== 'SpreadElement' ? this.strings(e, env, depth + 1) : []));
    if (x.type === 'LogicalExpression') return this.arrayStrings(x.left, env, depth + 1);
    if (x.type === 'ConditionalExpression') return [...this.arrayStrings(x.consequent, env, depth + 1), ...this.arrayStrings(x.alternate, env, depth + 1)];
    const from = x.type === 'CallExpression' ? argumentsSliceStart(x) : undefined;
    if (from !== undefined) return (env.get('arguments') ?? []).slice(from).flatMap((b) => this.strings(b.node, b.env, depth + 1));
    if (x.type === 'Identifier') {
      if (env.has(x.name)) return env.get(x.name)!.flatMap((b) => this.arrayStrings(b.node, b.env, depth + 1));
      const inits = this.declsInScope(x);
      if (inits.length === 1) return this.arrayStrings(inits[0]!, env, depth + 1);
      if (inits.length > 1) return [];
    }
    return this.strings(x, env, depth + 1);
  }

  /** Does a client-side role check decide this call (its argument, or an enclosing condition)? */
  roleDecided(call: Node, arg: Node | undefined, env: Env): boolean {
    const texts: string[] = [];
    if (arg) {
      texts.push(this.textOf(arg));
      const x = unwrap(arg);
      if (x.type === 'Identifier') {
        for (const i of this.ix.decls.get(x.name) ?? []) texts.push(this.textOf(i));
        for (const b of env.get(x.name) ?? []) texts.push(this.textOf(b.node));
      }
    }
    for (let p = parentOf(call); p && !isFunction(p); p = parentOf(p)) {
      if (p.type === 'IfStatement' || p.type === 'ConditionalExpression') texts.push(this.textOf(p.test));
      if (p.type === 'LogicalExpression') texts.push(this.textOf(p.left));
    }
    if (texts.some((t) => ROLE_CHECK.test(t))) return true;
    // `if (!isManager)` with `const isManager = roles.get().some(...)`, `const roles = ...userSettings.roles`: two levels of variables.
    let frontier = texts;
    const seen = new Set<string>();
    for (let level = 0; level < 2 && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const t of frontier) {
        for (const [name] of t.matchAll(/[A-Za-z_$][\w$]*/g)) {
          if (seen.has(name) || seen.size > 24) continue;
          seen.add(name);
          const inits = this.ix.decls.get(name);
          if (inits && inits.length === 1) next.push(this.textOf(inits[0]!));
        }
      }
      if (next.some((t) => ROLE_CHECK.test(t))) return true;
      frontier = next;
    }
    return false;
  }

  textOf(n: Node): string {
    return this.doc.file.text.slice(n.range[0], Math.min(n.range[1], n.range[0] + 400));
  }
}

export function isInside(n: Node, outer: Node): boolean {
  return n.range[0] >= outer.range[0] && n.range[1] <= outer.range[1];
}

/** If `id` is (a use of) a parameter of a callback passed to `receiver.method(cb)`, that call. */
export function callbackOf(id: TSESTree.Identifier): { receiver: Node; method: string; index: number } | undefined {
  for (let p = parentOf(id); p; p = parentOf(p)) {
    if (!isFunction(p)) continue;
    const index = p.params.findIndex((q) => q.type === 'Identifier' && q.name === id.name);
    if (index < 0) continue;
    const call = parentOf(p);
    if (call?.type !== 'CallExpression' || call.arguments[0] !== p) return undefined;
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression') return undefined;
    const method = keyName(callee.property, callee.computed);
    return method ? { receiver: callee.object, method, index } : undefined;
  }
  return undefined;
}

/**
 * Where a copy of `arguments` starts, for the ways pre-ES2015 helpers take their variadic names:
 * `Array.prototype.slice.call(arguments, n)`, `[].slice.call(arguments, n)`,
 * `Array.prototype.slice.apply(arguments, [n])`, `Array.from(arguments)` and `Array.from(arguments).slice(n)`.
 */
function argumentsSliceStart(call: TSESTree.CallExpression): number | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = keyName(callee.property, callee.computed);
  const isArguments = (n: Node | undefined): boolean => !!n && n.type === 'Identifier' && n.name === 'arguments';
  const index = (n: Node | undefined): number | undefined => (n === undefined ? 0 : n.type === 'Literal' && typeof n.value === 'number' && n.value >= 0 ? n.value : undefined);
  const target = unwrap(callee.object);
  if ((method === 'call' || method === 'apply') && target.type === 'MemberExpression' && keyName(target.property, target.computed) === 'slice' && isArguments(call.arguments[0] as Node)) {
    const second = call.arguments[1] as Node | undefined;
    return method === 'apply' ? (second?.type === 'ArrayExpression' ? index((second.elements[0] ?? undefined) as Node | undefined) : second ? undefined : 0) : index(second);
  }
  if (method === 'from' && target.type === 'Identifier' && target.name === 'Array' && isArguments(call.arguments[0] as Node)) return 0;
  if (method === 'slice' && target.type === 'CallExpression' && argumentsSliceStart(target) === 0) return index(call.arguments[0] as Node | undefined);
  return undefined;
}

/** Array methods that call their callback with each element first. */
const ELEMENT_METHODS = new Set(['forEach', 'map', 'some', 'every', 'filter', 'find']);

/** A stand-in for "an element of `list`": `list.get(i)`, which is how controls and attributes are read one by one. */
function elementOf(list: Node): Node {
  return { type: 'CallExpression', callee: { type: 'MemberExpression', object: list, property: { type: 'Identifier', name: 'get' }, computed: false, optional: false }, arguments: [], optional: false } as unknown as Node;
}
