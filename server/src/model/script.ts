/**
 * The script part of the project model: form-script calls that hide or lock a column, resolved to
 * the column's logical name. Reaching a control (formats.md §14):
 *   formContext.getControl("x") / Xrm.Page.getControl("x") / parent.Xrm.Page.getControl("x")
 *   formContext.getAttribute("x").controls.forEach(c => c.setVisible(false)) / .controls.get(0)
 *   formContext.ui.controls.get("x"), a variable holding any of these,
 *   ["a", "b"].forEach(n => fc.getControl(n)...), and simple wrappers hide(fc, "x") / hide(fc, ...names).
 * setVisible(false) hides, setDisabled(true) locks; setVisible(true) / setDisabled(false) do not. A
 * non-literal argument (`setVisible(isAdjuster)`) hides for some users: recorded as conditional.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParsedFile } from '../core/documents';
import type { Span } from '../core/types';
import type { ScriptDocument } from '../parsers/script';
import { calleeMethod, enclosingFunction, isFalsy, isFunction, isTruthy, keyName, parentOf, spanOf, staticString, unwrap, walk, type Node } from '../parsers/script-ast';
import type { SolutionModel } from './solution';

export interface ScriptHideInfo {
  path: string;
  /** The setVisible / setDisabled call, or the wrapper call that names the column. */
  span: Span;
  /** Column logical name, lower case. */
  column: string;
  action: 'hide' | 'disable';
  /** The flag is computed (hidden or locked for some users only). */
  conditional: boolean;
  /** The decision depends on a client-side security-role check. */
  roleCheck: boolean;
}

export interface ScriptModel {
  hides: ScriptHideInfo[];
}

export interface ScriptContribution {
  hides?: ScriptHideInfo[];
}

export function contributeScript(doc: ParsedFile): ScriptContribution | undefined {
  if (doc.kind !== 'script' || doc.failed || !doc.ast) return undefined;
  const hides = formScriptHides(doc);
  return hides.length > 0 ? { hides } : undefined;
}

export function mergeScript(parts: ScriptContribution[]): ScriptModel {
  const hides: ScriptHideInfo[] = [];
  for (const p of parts) hides.push(...(p.hides ?? []));
  return { hides };
}

/** Parameter bindings at a wrapper's call site: parameter name -> argument nodes (several for `...rest`). */
type Env = Map<string, Node[]>;

const MAX_RESULTS = 200;

export function formScriptHides(doc: ScriptDocument): ScriptHideInfo[] {
  const ast = doc.ast;
  if (!ast) return [];
  const r = new Resolver(doc);
  const out: ScriptHideInfo[] = [];
  const seen = new Set<string>();
  const push = (h: ScriptHideInfo): void => {
    const k = `${h.span.start}|${h.column}|${h.action}`;
    if (seen.has(k) || out.length >= MAX_RESULTS) return;
    seen.add(k);
    out.push(h);
  };
  walk(ast, (n) => {
    if (n.type !== 'CallExpression') return;
    const method = calleeMethod(n);
    if (method !== 'setVisible' && method !== 'setDisabled') return;
    const callee = unwrap(n.callee);
    const arg = n.arguments[0];
    if (callee.type !== 'MemberExpression' || !arg || arg.type === 'SpreadElement') return;
    const fn = r.namedEnclosing(n);
    const attempt = (env: Env, span: Span, forceConditional = false): boolean => {
      let flag = r.flag(arg, method, env);
      if (flag === 'unknown' && forceConditional) flag = 'conditional';
      if (flag === 'none') return true; // shows or unlocks: decided, nothing to record
      if (flag === 'unknown') return false;
      const columns = r.controlColumns(callee.object, env);
      if (columns.length === 0) return false;
      const roleCheck = r.roleDecided(n, arg, env);
      for (const column of columns) push({ path: doc.file.path, span, column, action: method === 'setVisible' ? 'hide' : 'disable', conditional: flag === 'conditional', roleCheck });
      return true;
    };
    if (attempt(new Map(), spanOf(n))) return;
    // A wrapper: resolve its parameters at each call site in the file and report there.
    if (!fn) return;
    let resolved = false;
    for (const site of r.callSites(fn)) resolved = attempt(r.bind(fn, site), spanOf(site)) || resolved;
    // Called from another file (an exported helper): the flag is a parameter, so it hides for some callers.
    if (!resolved) attempt(new Map(), spanOf(n), true);
  });
  return out;
}

class Resolver {
  private fnNames = new Map<Node, string>();
  private calls: TSESTree.CallExpression[] = [];
  private decls = new Map<string, Node[]>();

  constructor(private readonly doc: ScriptDocument) {
    walk(doc.ast!, (n) => {
      if (n.type === 'CallExpression') this.calls.push(n);
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
        const list = this.decls.get(n.id.name) ?? [];
        list.push(n.init);
        this.decls.set(n.id.name, list);
      }
      if (n.type === 'FunctionDeclaration' && n.id) this.fnNames.set(n, n.id.name);
      if ((n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression')) {
        const p = parentOf(n);
        if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') this.fnNames.set(n, p.id.name);
        else if ((p?.type === 'Property' || p?.type === 'MethodDefinition' || p?.type === 'PropertyDefinition') && p.value === n) {
          const k = keyName(p.key, p.computed);
          if (k) this.fnNames.set(n, k);
        } else if (p?.type === 'AssignmentExpression' && p.right === n) {
          const t = unwrap(p.left);
          const k = t.type === 'Identifier' ? t.name : t.type === 'MemberExpression' ? keyName(t.property, t.computed) : undefined;
          if (k) this.fnNames.set(n, k);
        }
      }
    });
  }

  /** The nearest enclosing function with a name: a callback inside a wrapper (`names.forEach(n => ...)`) belongs to the wrapper. */
  namedEnclosing(n: Node): Node | undefined {
    let fn = enclosingFunction(n);
    for (let i = 0; fn && i < 4; i++) {
      if (this.fnNames.has(fn)) return fn;
      fn = enclosingFunction(fn);
    }
    return undefined;
  }

  /** Calls of a named function in this file (`hide(...)`, `Contoso.Forms.hide(...)`), a few at most. */
  callSites(fn: Node): TSESTree.CallExpression[] {
    const name = this.fnNames.get(fn);
    if (!name) return [];
    return this.calls.filter((c) => calleeMethod(c) === name && !isInside(c, fn)).slice(0, 50);
  }

  bind(fn: Node, site: TSESTree.CallExpression): Env {
    const env: Env = new Map();
    if (!isFunction(fn)) return env;
    fn.params.forEach((p, i) => {
      if (p.type === 'Identifier') {
        const a = site.arguments[i];
        if (a && a.type !== 'SpreadElement') env.set(p.name, [a]);
      } else if (p.type === 'RestElement' && p.argument.type === 'Identifier') {
        env.set(p.argument.name, site.arguments.slice(i).filter((a) => a.type !== 'SpreadElement') as Node[]);
      }
    });
    return env;
  }

  /** 'hide' for setVisible(false) / setDisabled(true), 'none' for the opposite, 'conditional' when computed. */
  flag(arg: Node, method: string, env: Env): 'set' | 'none' | 'conditional' | 'unknown' {
    const x = unwrap(arg);
    if (x.type === 'Identifier' && env.has(x.name)) {
      const bound = env.get(x.name)![0];
      return bound ? this.flag(bound, method, new Map()) : 'unknown';
    }
    const off = method === 'setVisible' ? isFalsy(x) : isTruthy(x);
    const on = method === 'setVisible' ? isTruthy(x) : isFalsy(x);
    if (off) return 'set';
    if (on) return 'none';
    if (x.type === 'Identifier' && this.isParamOfEnclosing(x)) return 'unknown';
    return 'conditional';
  }

  private isParamOfEnclosing(id: TSESTree.Identifier): boolean {
    const fn = enclosingFunction(id);
    return !!fn && isFunction(fn) && fn.params.some((p) => p.type === 'Identifier' && p.name === id.name) && this.fnNames.has(fn);
  }

  /** Column names a control expression refers to. */
  controlColumns(node: Node, env: Env, depth = 0): string[] {
    if (depth > 6) return [];
    const x = unwrap(node);
    if (x.type === 'CallExpression') {
      const m = calleeMethod(x);
      const callee = unwrap(x.callee);
      const arg = x.arguments[0];
      if (m === 'getControl' && arg && arg.type !== 'SpreadElement') return this.strings(arg, env, depth).map(controlToColumn);
      // attr.controls.get(i) / ui.controls.get("name")
      if (m === 'get' && callee.type === 'MemberExpression') {
        const holder = unwrap(callee.object);
        if (holder.type === 'MemberExpression' && keyName(holder.property, holder.computed) === 'controls') {
          const owner = unwrap(holder.object);
          if (owner.type === 'MemberExpression' && keyName(owner.property, owner.computed) === 'ui') {
            return arg && arg.type !== 'SpreadElement' ? this.strings(arg, env, depth).map(controlToColumn) : [];
          }
          return this.attributeColumns(owner, env, depth);
        }
      }
      return [];
    }
    if (x.type === 'Identifier') {
      if (env.has(x.name)) return env.get(x.name)!.flatMap((a) => this.controlColumns(a, new Map(), depth + 1));
      // The parameter of attr.controls.forEach(c => ...).
      const cb = callbackOf(x);
      if (cb && cb.method === 'forEach') {
        const holder = unwrap(cb.receiver);
        if (holder.type === 'MemberExpression' && keyName(holder.property, holder.computed) === 'controls') return this.attributeColumns(holder.object, env, depth);
        return [];
      }
      const inits = this.decls.get(x.name) ?? [];
      if (inits.length === 0 || inits.length > 3) return [];
      return inits.flatMap((i) => this.controlColumns(i, env, depth + 1));
    }
    return [];
  }

  /** Columns of `getAttribute("x")` (or a variable holding it). */
  private attributeColumns(node: Node, env: Env, depth: number): string[] {
    const x = unwrap(node);
    if (x.type === 'CallExpression' && calleeMethod(x) === 'getAttribute') {
      const arg = x.arguments[0];
      return arg && arg.type !== 'SpreadElement' ? this.strings(arg, env, depth).map((s) => s.toLowerCase()) : [];
    }
    if (x.type === 'Identifier') {
      const inits = this.decls.get(x.name) ?? [];
      if (inits.length === 1) return this.attributeColumns(inits[0]!, env, depth + 1);
    }
    return [];
  }

  /** The strings an expression can be: a literal, a constant, a bound parameter, an element of a looped array. */
  strings(node: Node, env: Env, depth = 0): string[] {
    if (depth > 8) return [];
    const s = staticString(node);
    if (s !== undefined) return [s];
    const x = unwrap(node);
    if (x.type !== 'Identifier') return [];
    if (env.has(x.name)) return env.get(x.name)!.flatMap((a) => this.strings(a, new Map(), depth + 1));
    const c = this.doc.constants?.get(x.name);
    if (c && !c.partial) return [c.value];
    const cb = callbackOf(x);
    if (cb && (cb.method === 'forEach' || cb.method === 'map') && cb.index === 0) return this.arrayStrings(cb.receiver, env, depth + 1);
    return [];
  }

  private arrayStrings(node: Node, env: Env, depth: number): string[] {
    const x = unwrap(node);
    if (x.type === 'ArrayExpression') return x.elements.flatMap((e) => (e && e.type !== 'SpreadElement' ? this.strings(e, env, depth + 1) : []));
    if (x.type === 'Identifier') {
      if (env.has(x.name)) return env.get(x.name)!.flatMap((a) => this.strings(a, new Map(), depth + 1));
      const inits = this.decls.get(x.name) ?? [];
      if (inits.length === 1) return this.arrayStrings(inits[0]!, env, depth + 1);
    }
    return [];
  }

  /** Does a client-side role check decide this call (its argument, or an enclosing condition)? */
  roleDecided(call: Node, arg: Node, env: Env): boolean {
    const texts: string[] = [this.textOf(arg)];
    const x = unwrap(arg);
    if (x.type === 'Identifier') {
      for (const i of this.decls.get(x.name) ?? []) texts.push(this.textOf(i));
      for (const b of env.get(x.name) ?? []) texts.push(this.textOf(b));
    }
    for (let p = parentOf(call); p && !isFunction(p); p = parentOf(p)) {
      if (p.type === 'IfStatement' || p.type === 'ConditionalExpression') texts.push(this.textOf(p.test));
      if (p.type === 'LogicalExpression') texts.push(this.textOf(p.left));
    }
    return texts.some((t) => ROLE_CHECK.test(t));
  }

  private textOf(n: Node): string {
    return this.doc.file.text.slice(n.range[0], Math.min(n.range[1], n.range[0] + 400));
  }
}

/** Client-side role checks: userSettings.roles / securityRoles, getUserRoles(), helpers named after roles. */
const ROLE_CHECK = /\b(userSettings\s*\.\s*(roles|securityRoles)|getUserRoles|securityRoles|\w*(has|is|in|check)\w*Roles?\w*|\w*Roles?(Check|Name|Id)s?)\b/i;

function isInside(n: Node, outer: Node): boolean {
  return n.range[0] >= outer.range[0] && n.range[1] <= outer.range[1];
}

/** If `id` is (a use of) a parameter of a callback passed to `receiver.method(cb)`, that call. */
function callbackOf(id: TSESTree.Identifier): { receiver: Node; method: string; index: number } | undefined {
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

/** Control names of header and business-process-flow copies name the same column. */
export function controlToColumn(control: string): string {
  return control.replace(/^header_process_/i, '').replace(/^header_/i, '').toLowerCase();
}

/**
 * Tables whose forms load this script, from the form libraries of the scanned solution: by web
 * resource name when the script sits in a solution's WebResources folder, else by unique file name.
 */
export function tablesForScript(path: string, solution: SolutionModel): string[] {
  const lower = path.toLowerCase();
  const libs = [...solution.formLibraries.entries()];
  let forms = libs.filter(([lib]) => lower.endsWith('/' + lib.replace(/^\//, '')) || lower === lib).flatMap(([, f]) => f);
  if (forms.length === 0) {
    const base = lower.slice(lower.lastIndexOf('/') + 1);
    const same = libs.filter(([lib]) => lib.slice(lib.lastIndexOf('/') + 1) === base);
    if (same.length === 1) forms = same[0]![1];
  }
  const tables = new Set<string>();
  for (const f of forms) {
    const t = /(?:^|\/)Entities\/([^/]+)\/FormXml\//i.exec(f)?.[1];
    if (t) tables.add(t.toLowerCase());
  }
  return [...tables];
}
