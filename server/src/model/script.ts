/**
 * The script part of the project model: form-script calls that hide or lock a column, resolved to
 * the column's logical name. Reaching a control (formats.md §14):
 *   formContext.getControl("x") / Xrm.Page.getControl("x") / parent.Xrm.Page.getControl("x")
 *   formContext.getAttribute("x").controls.forEach(c => ...) / .controls.get(0) / .controls.get().forEach
 *   formContext.ui.controls.get("x"), a variable holding any of these,
 *   ["a", "b"].forEach(n => ...), for-of and index loops over arrays of names,
 *   wrappers of the file hide(fc, "x") / hide(fc, ...names), wrappers of wrappers and callbacks passed
 *   down (each(fc, names, c => c.setVisible(false))) (script-resolver.ts, script-index.ts);
 *   wrappers published by other files (Ns.Form.hide, object-literal namespaces, classes, TS
 *   namespaces, ES exports), contributed as signatures and resolved against the merged model
 *   (script-wrappers.ts, crossFileHides);
 *   tabs and sections hidden (script-sections.ts; the rule takes their columns from the forms).
 * setVisible(false) hides, setDisabled(true) locks; setVisible(true) / setDisabled(false) do not. A
 * non-literal argument (`setVisible(isAdjuster)`) hides for some users: recorded as conditional.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParsedFile } from '../core/documents';
import type { Span } from '../core/types';
import type { ScriptDocument } from '../parsers/script';
import { spanOf } from '../parsers/script-ast';
import { NO_ENV, Resolver, scriptIndex, type Env } from './script-resolver';
import { applyContainerSignature, containerHides, type ContainerSignature, type ScriptContainerHide } from './script-sections';
import { applySignature, callNames, fileSignatures, forwarded, localSignatures, localTarget, type AppliedCall, type WrapperSignature } from './script-wrappers';
import type { SolutionModel } from './solution';

export { controlToColumn } from './script-resolver';
export type { ScriptContainerHide } from './script-sections';
export type { WrapperSignature } from './script-wrappers';

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

/** A wrapper published under a name, with the file that defines it. */
export interface PublishedWrapper extends WrapperSignature {
  path: string;
}

export interface ScriptModel {
  hides: ScriptHideInfo[];
  /** Published wrapper name (`Ns.Form.hide`, `hideFields`) -> signatures, with the defining file. */
  wrappers: Map<string, PublishedWrapper[]>;
  /** Published function name -> the files that define it (whether or not it hides anything). */
  definers: Map<string, string[]>;
  /** Published wrapper name -> signatures of wrappers hiding a tab or section their caller names. */
  containerWrappers: Map<string, (ContainerSignature & { path: string })[]>;
}

export interface ScriptContribution {
  path?: string;
  hides?: ScriptHideInfo[];
  /** Signatures of the file's published wrappers, by name. */
  wrappers?: (WrapperSignature & { name: string })[];
  /** Every published function name of the file. */
  defines?: string[];
  /** Published wrappers hiding a tab or section their caller names. */
  containers?: (ContainerSignature & { name: string })[];
}

export function contributeScript(doc: ParsedFile): ScriptContribution | undefined {
  if (doc.kind !== 'script' || doc.failed || !doc.ast) return undefined;
  const hides = formScriptHides(doc);
  const { defines, wrappers, containers } = fileSignatures(resolverFor(doc));
  if (hides.length === 0 && defines.length === 0) return undefined;
  const c: ScriptContribution = { path: doc.file.path };
  if (hides.length > 0) c.hides = hides;
  if (defines.length > 0) c.defines = defines;
  if (wrappers.length > 0) c.wrappers = wrappers;
  if (containers.length > 0) c.containers = containers;
  return c;
}

export function mergeScript(parts: ScriptContribution[]): ScriptModel {
  const m: ScriptModel = { hides: [], wrappers: new Map(), definers: new Map(), containerWrappers: new Map() };
  for (const p of parts) {
    m.hides.push(...(p.hides ?? []));
    const path = p.path ?? '';
    for (const name of p.defines ?? []) {
      const list = m.definers.get(name) ?? [];
      if (!list.includes(path)) list.push(path);
      m.definers.set(name, list);
    }
    for (const { name, ...sig } of p.wrappers ?? []) {
      const list = m.wrappers.get(name) ?? [];
      list.push({ ...sig, path });
      m.wrappers.set(name, list);
    }
    for (const { name, ...sig } of p.containers ?? []) {
      const list = m.containerWrappers.get(name) ?? [];
      list.push({ ...sig, path });
      m.containerWrappers.set(name, list);
    }
  }
  return m;
}

const MAX_RESULTS = 200;

const resolvers = new WeakMap<object, Resolver>();

function resolverFor(doc: ScriptDocument): Resolver {
  const ix = scriptIndex(doc);
  let r = resolvers.get(ix);
  if (!r) {
    r = new Resolver(ix);
    resolvers.set(ix, r);
  }
  return r;
}

class HideList {
  readonly out: ScriptHideInfo[] = [];
  private seen = new Set<string>();
  constructor(private readonly path: string) {}
  push(span: Span, column: string, action: 'hide' | 'disable', conditional: boolean, roleCheck: boolean): void {
    const k = `${span.start}|${column}|${action}`;
    if (this.seen.has(k) || this.out.length >= MAX_RESULTS || column.startsWith('\u0000')) return;
    this.seen.add(k);
    this.out.push({ path: this.path, span, column, action, conditional, roleCheck });
  }
  applied(span: Span, a: AppliedCall): void {
    for (const column of a.columns) this.push(span, column, a.action, a.conditional, a.roleCheck);
  }
}

/** Columns this file hides or locks, resolved within the file (literal names, constants, its own wrappers). */
const localHides = new WeakMap<Resolver, ScriptHideInfo[]>();

export function formScriptHides(doc: ScriptDocument): ScriptHideInfo[] {
  if (!doc.ast) return [];
  const r = resolverFor(doc);
  const hit = localHides.get(r);
  if (hit) return hit;
  const out = computeLocalHides(r);
  localHides.set(r, out);
  return out;
}

function computeLocalHides(r: Resolver): ScriptHideInfo[] {
  const doc = r.doc;
  const list = new HideList(doc.file.path);
  for (const n of r.ix.setters) {
    const method = n.callee.property.type === 'Identifier' && !n.callee.computed ? n.callee.property.name : n.callee.property.type === 'Literal' ? String(n.callee.property.value) : '';
    const arg = n.arguments[0];
    if (!arg || arg.type === 'SpreadElement') continue;
    const fn = r.namedEnclosing(n);
    const attempt = (env: Env, span: Span, forceConditional = false): boolean => {
      let flag = r.flag(arg, method, env);
      if (flag === 'unknown' && forceConditional) flag = 'conditional';
      if (flag === 'none') return true; // shows or unlocks: decided, nothing to record
      if (flag === 'unknown' || typeof flag === 'object') return false;
      const columns = r.controlColumns(n.callee.object, env);
      if (columns.length === 0) return false;
      const roleCheck = r.roleDecided(n, arg, env);
      for (const column of columns) list.push(span, column, method === 'setVisible' ? 'hide' : 'disable', flag === 'conditional', roleCheck);
      return true;
    };
    if (attempt(NO_ENV, spanOf(n))) continue;
    // A wrapper: resolve its parameters at each call site in the file and report there.
    if (!fn) continue;
    let resolved = false;
    for (const site of r.callSites(fn)) resolved = attempt(r.bind(fn, site), spanOf(site)) || resolved;
    // Called from another file (an exported helper): the flag is a parameter, so it hides for some callers.
    if (!resolved) attempt(NO_ENV, spanOf(n), true);
  }
  // Wrappers of wrappers and callbacks passed down: the signatures of this file's functions at their call sites.
  const sigs = localSignatures(r);
  if (sigs.size > 0) {
    for (const call of r.ix.calls) {
      const target = localTarget(r, call);
      const own = target ? sigs.get(target) : undefined;
      if (!own || !target || (call.range[0] >= target.range[0] && call.range[1] <= target.range[1])) continue;
      for (const s of own) {
        const a = applySignature(r, call, s);
        if (a && a.flagParam === undefined) list.applied(spanOf(call), a);
      }
    }
  }
  return list.out;
}

/**
 * The definition a call of this file runs among the names other files publish: the first name of
 * callNames that another file defines, with its definers, narrowed to the libraries the script's
 * forms load. A name the file defines itself stays local (undefined).
 */
class PublishedLookup {
  private own: Set<string>;
  private loaded: Set<string> | undefined | null = null;
  constructor(private readonly r: Resolver, private readonly scripts: ScriptModel, private readonly solution: SolutionModel) {
    this.own = new Set(fileSignatures(r).defines);
  }

  resolve(call: TSESTree.CallExpression): { name: string; definers: string[] } | undefined {
    const path = this.r.doc.file.path;
    if (localTarget(this.r, call)) return undefined;
    for (const name of callNames(this.r, call)) {
      if (this.own.has(name)) return undefined;
      let definers = (this.scripts.definers.get(name) ?? []).filter((p) => p !== path);
      if (definers.length === 0) continue;
      if (this.loaded === null) this.loaded = loadedLibraries(path, this.solution);
      const libs = this.loaded;
      if (libs) {
        definers = definers.filter((p) => {
          const lib = libraryOf(p, this.solution);
          return lib === undefined || libs.has(lib);
        });
      }
      return definers.length > 0 ? { name, definers } : undefined;
    }
    return undefined;
  }
}

/**
 * Columns this file hides through wrappers published by other files (`Ns.Form.hide(fc, ["x"])`),
 * resolved against the merged model. A name the file defines itself stays local; a name defined by
 * several files resolves only when every definer the script's forms may load hides the columns.
 */
export function crossFileHides(doc: ScriptDocument, scripts: ScriptModel, solution: SolutionModel): ScriptHideInfo[] {
  if (!doc.ast || scripts.wrappers.size === 0) return [];
  const r = resolverFor(doc);
  const lookup = new PublishedLookup(r, scripts, solution);
  const list = new HideList(doc.file.path);
  for (const call of r.ix.calls) {
    const target = lookup.resolve(call);
    if (!target) continue;
    const wrappers = (scripts.wrappers.get(target.name) ?? []).filter((w) => target.definers.includes(w.path));
    if (!target.definers.every((p) => wrappers.some((w) => w.path === p))) continue;
    for (const w of wrappers) {
      const a = applySignature(r, call, w);
      if (a && a.flagParam === undefined) list.applied(spanOf(call), a);
      // This file's own helper forwards its parameters to the wrapper: report at the helper's call sites.
      const f = forwarded(r, call, w);
      for (const site of f ? r.callSites(f.fn) : []) {
        for (const s of f!.sigs) {
          const b = applySignature(r, site, s);
          if (b && b.flagParam === undefined) list.applied(spanOf(site), b);
        }
      }
    }
  }
  return list.out;
}

/** Tabs and sections this file hides through wrappers published by other files (`Ns.Form.hideSection(fc, "t", "s")`). */
export function crossFileContainerHides(doc: ScriptDocument, scripts: ScriptModel, solution: SolutionModel): ScriptContainerHide[] {
  if (!doc.ast || scripts.containerWrappers.size === 0) return [];
  const r = resolverFor(doc);
  const lookup = new PublishedLookup(r, scripts, solution);
  const out: ScriptContainerHide[] = [];
  for (const call of r.ix.calls) {
    if (out.length >= 100) break;
    const target = lookup.resolve(call);
    if (!target) continue;
    const sigs = (scripts.containerWrappers.get(target.name) ?? []).filter((w) => target.definers.includes(w.path));
    if (!target.definers.every((p) => sigs.some((w) => w.path === p))) continue;
    const seen = new Set<string>();
    for (const s of sigs) {
      for (const h of applyContainerSignature(r, call, s)) {
        const k = `${h.tab}|${h.section}`;
        if (!seen.has(k)) out.push(h);
        seen.add(k);
      }
    }
  }
  return out;
}

/** Everything this file hides or locks: in-file resolution, then wrappers of other files. */
export function scriptHides(doc: ScriptDocument, scripts: ScriptModel, solution: SolutionModel): ScriptHideInfo[] {
  const local = formScriptHides(doc);
  const seen = new Set(local.map((h) => `${h.span.start}|${h.column}|${h.action}`));
  return [...local, ...crossFileHides(doc, scripts, solution).filter((h) => !seen.has(`${h.span.start}|${h.column}|${h.action}`))];
}

/** Tabs and sections this file hides, in the file and through wrappers of other files (the rule takes their columns from the forms). */
export function scriptContainerHides(doc: ScriptDocument, scripts?: ScriptModel, solution?: SolutionModel): ScriptContainerHide[] {
  if (!doc.ast) return [];
  const local = containerHides(resolverFor(doc));
  if (!scripts || !solution) return local;
  const seen = new Set(local.map((h) => `${h.span.start}|${h.tab}|${h.section}`));
  return [...local, ...crossFileContainerHides(doc, scripts, solution).filter((h) => !seen.has(`${h.span.start}|${h.tab}|${h.section}`))];
}

/** Does a script path stand for this web resource name (`pfx_/scripts/contact.js`)? */
function matchesLibrary(lowerPath: string, lib: string): boolean {
  return lowerPath.endsWith('/' + lib.replace(/^\//, '')) || lowerPath === lib;
}

/** The web resource name a script path stands for: by path suffix, else by a unique file name. */
export function libraryOf(path: string, solution: SolutionModel): string | undefined {
  const lower = path.toLowerCase();
  const libs = [...solution.formLibraries.keys()];
  const exact = libs.find((lib) => matchesLibrary(lower, lib));
  if (exact) return exact;
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  const same = libs.filter((lib) => lib.slice(lib.lastIndexOf('/') + 1) === base);
  return same.length === 1 ? same[0] : undefined;
}

/**
 * Forms that load this script, from the form libraries of the scanned solution: by web resource
 * name when the script sits in a solution's WebResources folder, else by unique file name.
 */
export function formsForScript(path: string, solution: SolutionModel): string[] {
  const lower = path.toLowerCase();
  const libs = [...solution.formLibraries.entries()];
  let forms = libs.filter(([lib]) => matchesLibrary(lower, lib)).flatMap(([, f]) => f);
  if (forms.length === 0) {
    const base = lower.slice(lower.lastIndexOf('/') + 1);
    const same = libs.filter(([lib]) => lib.slice(lib.lastIndexOf('/') + 1) === base);
    if (same.length === 1) forms = same[0]![1];
  }
  return [...new Set(forms)];
}

/** Web resource names loaded by the forms that load this script; undefined when those forms are unknown. */
function loadedLibraries(path: string, solution: SolutionModel): Set<string> | undefined {
  const forms = new Set(formsForScript(path, solution));
  if (forms.size === 0) return undefined;
  const out = new Set<string>();
  for (const [lib, fs] of solution.formLibraries) if (fs.some((f) => forms.has(f))) out.add(lib);
  return out;
}

/** Tables whose forms load this script. */
export function tablesForScript(path: string, solution: SolutionModel): string[] {
  const tables = new Set<string>();
  for (const f of formsForScript(path, solution)) {
    const t = /(?:^|\/)Entities\/([^/]+)\/FormXml\//i.exec(f)?.[1];
    if (t) tables.add(t.toLowerCase());
  }
  return [...tables];
}
