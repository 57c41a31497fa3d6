/**
 * Tabs and sections hidden by a form script:
 *   formContext.ui.tabs.get("tab_x").sections.get("sec_y").setVisible(false)
 *   formContext.ui.tabs.get("tab_x").setVisible(false)
 * names possibly in constants, variables holding the tab or section, `tab.sections.forEach(s => ...)`
 * and simple wrappers of this file. Their columns come from the FormXml of the forms that load the
 * script (the rule resolves them through the solution model).
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Span } from '../core/types';
import { calleeMethod, isFunction, keyName, spanOf, unwrap, type Node } from '../parsers/script-ast';
import { callbackOf, markerIndex, NO_ENV, type Env, type Resolver } from './script-resolver';

export interface ScriptContainerHide {
  path: string;
  span: Span;
  /** Tab name (lower case); undefined when only the section name is known. */
  tab?: string;
  /** Section name (lower case); undefined when the whole tab is hidden. */
  section?: string;
  conditional: boolean;
  roleCheck: boolean;
}

interface Container {
  tabs: string[];
  /** Section names; undefined for the whole tab. */
  sections?: string[];
}

const MAX_DEPTH = 8;

export function containerHides(r: Resolver): ScriptContainerHide[] {
  const out: ScriptContainerHide[] = [];
  const seen = new Set<string>();
  for (const call of r.ix.setters) {
    if (calleeMethod(call) !== 'setVisible') continue;
    const arg = call.arguments[0];
    if (!arg || arg.type === 'SpreadElement') continue;
    const attempt = (env: Env, span: Span, force = false): boolean => {
      let flag = r.flag(arg, 'setVisible', env);
      if (flag === 'none') return true;
      if (flag === 'unknown' && !force) return false;
      if (flag === 'unknown' || typeof flag === 'object') flag = 'conditional';
      const c = containerOf(r, call.callee.object, env, 0);
      if (!c || c.tabs.length + (c.sections?.length ?? 0) === 0) return false;
      const roleCheck = r.roleDecided(call, arg, env);
      type Pair = [string | undefined, string | undefined];
      const pairs: Pair[] = c.sections
        ? c.sections.flatMap((s): Pair[] => (c.tabs.length > 0 ? c.tabs.map((t): Pair => [t, s]) : [[undefined, s]]))
        : c.tabs.map((t): Pair => [t, undefined]);
      for (const [tab, section] of pairs) {
        const k = `${span.start}|${tab}|${section}`;
        if (seen.has(k) || out.length >= 100) continue;
        seen.add(k);
        const h: ScriptContainerHide = { path: r.doc.file.path, span, conditional: flag === 'conditional', roleCheck };
        if (tab) h.tab = tab.toLowerCase();
        if (section) h.section = section.toLowerCase();
        out.push(h);
      }
      return true;
    };
    if (attempt(NO_ENV, spanOf(call))) continue;
    const fn = r.namedEnclosing(call);
    if (!fn) continue;
    let resolved = false;
    for (const site of r.callSites(fn)) resolved = attempt(r.bind(fn, site), spanOf(site)) || resolved;
    if (!resolved) attempt(NO_ENV, spanOf(call), true);
  }
  return out;
}

/** A wrapper that hides the tab or section its caller names: `hideSection(fc, tab, section)`. */
export interface ContainerSignature {
  /** Parameter carrying the tab name, else the tab it always hides. */
  tabParam?: number;
  tab?: string;
  /** Parameter carrying the section name, else the section it always hides (neither: the whole tab). */
  sectionParam?: number;
  section?: string;
  flagParam?: number;
  conditional: boolean;
  roleCheck: boolean;
}

const signatureCache = new WeakMap<Resolver, Map<Node, ContainerSignature[]>>();

/** Signatures of the file's named functions that hide a tab or section named by a parameter. */
export function containerSignatures(r: Resolver): Map<Node, ContainerSignature[]> {
  const hit = signatureCache.get(r);
  if (hit) return hit;
  const out = new Map<Node, ContainerSignature[]>();
  for (const call of r.ix.setters) {
    if (calleeMethod(call) !== 'setVisible') continue;
    const arg = call.arguments[0];
    const fn = r.namedEnclosing(call);
    if (!arg || arg.type === 'SpreadElement' || !fn || !isFunction(fn)) continue;
    const env = r.bindMarkers(fn);
    const flag = r.flag(arg, 'setVisible', env);
    if (flag === 'none') continue;
    const c = containerOf(r, call.callee.object, env, 0);
    if (!c || c.tabs.length > 1 || (c.sections && c.sections.length !== 1)) continue;
    const t = c.tabs[0];
    const sec = c.sections?.[0];
    const tm = t !== undefined ? markerIndex(t) : undefined;
    const sm = sec !== undefined ? markerIndex(sec) : undefined;
    if (tm === undefined && sm === undefined) continue; // literal names: reported where they are
    const sig: ContainerSignature = { conditional: flag === 'conditional' || flag === 'unknown', roleCheck: r.roleDecided(call, arg, env) };
    if (tm !== undefined) sig.tabParam = tm;
    else if (t) sig.tab = t.toLowerCase();
    if (sm !== undefined) sig.sectionParam = sm;
    else if (sec) sig.section = sec.toLowerCase();
    if (typeof flag === 'object') sig.flagParam = flag.param;
    const list = out.get(fn) ?? [];
    if (list.length < 4) list.push(sig);
    out.set(fn, list);
  }
  signatureCache.set(r, out);
  return out;
}

/** The tabs and sections a call of a container wrapper hides. */
export function applyContainerSignature(r: Resolver, call: TSESTree.CallExpression, s: ContainerSignature): ScriptContainerHide[] {
  const args = call.arguments;
  const at = (i: number): Node | undefined => {
    const a = args[i];
    return a && a.type !== 'SpreadElement' ? a : undefined;
  };
  let conditional = s.conditional;
  let flagArg: Node | undefined;
  if (s.flagParam !== undefined) {
    flagArg = at(s.flagParam);
    if (!flagArg) return [];
    const f = r.flag(flagArg, 'setVisible', NO_ENV);
    if (f === 'none') return [];
    if (f !== 'set') conditional = true;
  }
  const tabArg = s.tabParam !== undefined ? at(s.tabParam) : undefined;
  const secArg = s.sectionParam !== undefined ? at(s.sectionParam) : undefined;
  const tabs = tabArg ? r.strings(tabArg, NO_ENV) : s.tab ? [s.tab] : [];
  const sections = secArg ? r.strings(secArg, NO_ENV) : s.section ? [s.section] : undefined;
  if ((s.tabParam !== undefined && tabs.length === 0) || (s.sectionParam !== undefined && (!sections || sections.length === 0))) return [];
  const roleCheck = s.roleCheck || r.roleDecided(call, flagArg, NO_ENV);
  const out: ScriptContainerHide[] = [];
  const span = spanOf(call);
  for (const section of sections ?? [undefined]) {
    for (const tab of tabs.length > 0 ? tabs : [undefined]) {
      if (!tab && !section) continue;
      const h: ScriptContainerHide = { path: r.doc.file.path, span, conditional, roleCheck };
      if (tab) h.tab = tab.toLowerCase();
      if (section) h.section = section.toLowerCase();
      out.push(h);
    }
  }
  return out.slice(0, 10);
}

function isMember(n: Node, name: string): boolean {
  return n.type === 'MemberExpression' && keyName(n.property, n.computed) === name;
}

function objectOf(n: Node): Node {
  return (n as TSESTree.MemberExpression).object;
}

/** The tab or section an expression refers to. */
function containerOf(r: Resolver, node: Node, env: Env, depth: number): Container | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const x = unwrap(node);
  if (x.type === 'CallExpression' && calleeMethod(x) === 'get') {
    const callee = unwrap(x.callee);
    const arg = x.arguments[0];
    if (callee.type !== 'MemberExpression' || !arg || arg.type === 'SpreadElement') return undefined;
    const holder = unwrap(callee.object);
    if (isMember(holder, 'sections')) {
      const sections = r.strings(arg, env, depth + 1);
      if (sections.length === 0) return undefined;
      return { tabs: tabsOf(r, objectOf(holder), env, depth + 1), sections };
    }
    if (isMember(holder, 'tabs') && isMember(unwrap(objectOf(holder)), 'ui')) {
      const tabs = r.strings(arg, env, depth + 1);
      return tabs.length > 0 ? { tabs } : undefined;
    }
    return undefined;
  }
  if (x.type === 'Identifier') {
    if (env.has(x.name)) {
      const parts = env.get(x.name)!.map((b) => containerOf(r, b.node, b.env, depth + 1)).filter((c): c is Container => !!c);
      return parts[0];
    }
    // tab.sections.forEach(function (s) { s.setVisible(false); }): every section of the tab, so the tab.
    const cb = callbackOf(x);
    if (cb) {
      const holder = unwrap(cb.receiver);
      if (cb.method === 'forEach' && isMember(holder, 'sections')) {
        const tabs = tabsOf(r, objectOf(holder), env, depth + 1);
        return tabs.length > 0 ? { tabs } : undefined;
      }
      return undefined;
    }
    const inits = r.ix.decls.get(x.name) ?? [];
    return inits.length === 1 ? containerOf(r, inits[0]!, env, depth + 1) : undefined;
  }
  return undefined;
}

function tabsOf(r: Resolver, node: Node, env: Env, depth: number): string[] {
  const c = containerOf(r, node, env, depth + 1);
  return c && !c.sections ? c.tabs : [];
}
