/**
 * The C# part of the project model: facts one C# file needs from the others.
 *
 * - Types and their base lists, so a plug-in that derives from a base class in another file is
 *   known to be a plug-in (IPlugin) and a custom workflow activity (CodeActivity) is told apart:
 *   `CreateOrganizationService(null)` means SYSTEM in the first and the workflow's user in the
 *   second (formats.md §13).
 * - String constants (`const string`, `static readonly string`, get-only properties) and Guid
 *   constants (`static readonly Guid X = new Guid("...")`) by `Class.Name`, so a use in another
 *   file (`Shared.IntegrationConstants.ErpApiKey`, `Ids.ArchiveUser`) resolves to its value and to
 *   where it is written.
 *
 * Contributions are plain arrays; the merged model uses Maps (both structured-clonable).
 */
import type { ParsedFile } from '../core/documents';
import type { Span } from '../core/types';
import { childByField, declName, declaratorValue, dottedCs, enclosingType, modifiersOf, simpleName, spanOfCs, TYPE_DECLARATIONS, type CsNode } from '../parsers/csharp-ast';
import { guidLiteralOf } from '../parsers/csharp-guid';

export interface CsTypeInfo {
  path: string;
  name: string;
  /** Simple names of the base class and interfaces (`PluginBase`, `IPlugin`, `CodeActivity`). */
  bases: string[];
  span: Span;
}

export interface CsConstantInfo {
  path: string;
  className: string;
  name: string;
  value: string;
  partial: boolean;
  /** The initializer: where a finding about the value is reported. */
  span: Span;
  kind: 'string' | 'guid';
}

export interface CSharpContribution {
  types?: CsTypeInfo[];
  constants?: CsConstantInfo[];
}

export interface CSharpModel {
  /** By simple type name (partial classes and same-named types in several namespaces give several). */
  types: Map<string, CsTypeInfo[]>;
  /** By `Class.Name`. */
  constants: Map<string, CsConstantInfo[]>;
}

export function contributeCSharp(doc: ParsedFile): CSharpContribution | undefined {
  if (doc.kind !== 'csharp' || !doc.nodes) return undefined;
  const types: CsTypeInfo[] = [];
  const constants: CsConstantInfo[] = [];
  for (const n of doc.nodes) {
    if (TYPE_DECLARATIONS.has(n.type)) {
      const name = declName(n);
      if (name) types.push({ path: doc.file.path, name, bases: baseNames(n), span: spanOfCs(n) });
    } else if (n.type === 'variable_declarator' && n.parent?.parent?.type === 'field_declaration') {
      const g = guidField(n);
      if (g) constants.push({ ...g, path: doc.file.path });
    }
  }
  for (const c of doc.constants?.values() ?? []) {
    if (!c.className || c.kind === 'local' || c.kind === 'readonly') continue;
    if (constants.some((k) => k.className === c.className && k.name === c.name)) continue;
    constants.push({ path: doc.file.path, className: c.className, name: c.name, value: c.value, partial: c.partial, span: c.span, kind: 'string' });
  }
  if (types.length === 0 && constants.length === 0) return undefined;
  return { types, constants };
}

export function mergeCSharp(parts: CSharpContribution[]): CSharpModel {
  const types = new Map<string, CsTypeInfo[]>();
  const constants = new Map<string, CsConstantInfo[]>();
  for (const p of parts) {
    for (const t of p.types ?? []) types.set(t.name, [...(types.get(t.name) ?? []), t]);
    for (const c of p.constants ?? []) {
      const k = `${c.className}.${c.name}`;
      constants.set(k, [...(constants.get(k) ?? []), c]);
    }
  }
  return { types, constants };
}

function baseNames(n: CsNode): string[] {
  const list = n.children.find((c) => c.type === 'base_list');
  if (!list) return [];
  return list.children
    .map((c) => (c.type === 'primary_constructor_base_type' ? (childByField(c, 'type') ?? c.children[0]) : c))
    .map((c) => simpleName(c?.type === 'qualified_name' ? childByField(c, 'name') : c))
    .filter((x): x is string => !!x);
}

/** `static readonly Guid X = new Guid("...")`, `const string X = "<guid>"` is kept as a string constant. */
function guidField(d: CsNode): Omit<CsConstantInfo, 'path'> | undefined {
  const decl = d.parent!;
  const mods = modifiersOf(decl.parent);
  if (!mods.includes('readonly') && !mods.includes('const')) return undefined;
  const type = dottedCs(childByField(decl, 'type'));
  if (type !== 'Guid' && type !== 'System.Guid' && type !== 'var') return undefined;
  const value = declaratorValue(d);
  const g = value ? guidLiteralOf(value) : undefined;
  const cls = declName(enclosingType(d));
  const name = childByField(d, 'name')?.text;
  if (!g || !cls || !name || !value) return undefined;
  return { className: cls, name, value: g, partial: false, span: spanOfCs(value), kind: 'guid' };
}

/** Plug-in and workflow base types that are not declared in the project (SDK types, common templates). */
const PLUGIN_BASES = /^(IPlugin|PluginBase|BasePlugin|PluginBase\w*|\w+PluginBase|Plugin)$/;
const WORKFLOW_BASES = /^(CodeActivity|AsyncCodeActivity|NativeActivity|Activity|WorkflowActivityBase|\w*CodeActivity\w*|\w*WorkflowActivity\w*)$/;

export type CsHostKind = 'plugin' | 'workflow' | 'other';

/** Is a type (by simple name) a plug-in, a custom workflow activity, or neither, following base classes across files? */
export function hostKindOfType(model: CSharpModel, name: string, depth = 0): CsHostKind {
  if (depth > 10) return 'other';
  const infos = model.types.get(name);
  if (!infos) {
    if (WORKFLOW_BASES.test(name)) return 'workflow';
    if (PLUGIN_BASES.test(name)) return 'plugin';
    return 'other';
  }
  let result: CsHostKind = 'other';
  for (const t of infos) {
    for (const b of t.bases) {
      if (b === name) continue;
      const k = b === 'IPlugin' ? 'plugin' : hostKindOfType(model, b, depth + 1);
      if (k === 'workflow') return 'workflow';
      if (k === 'plugin') result = 'plugin';
    }
  }
  return result;
}

/** A string or Guid constant of another class (`Consts.X`, `Shared.Consts.X`), resolved through the model. */
export function resolveCsConstant(model: CSharpModel, dotted: string): CsConstantInfo | undefined {
  const parts = dotted.split('.');
  if (parts.length < 2) return undefined;
  const list = model.constants.get(parts.slice(-2).join('.'));
  return list && list.length === 1 ? list[0] : undefined;
}
