/**
 * The AL part of the project model: tables and table extensions with their fields, pages and page
 * extensions with what they expose (API pages, hidden and read-only controls), permission sets,
 * and procedures that return or take secrets. Plain, structured-clonable data; names are kept as
 * written and compared lower-case.
 *
 * Business Central has no field-level security (formats.md §15.6): a field hidden on one page is
 * still readable through every other page, API page, query or report over its table. The model
 * lets the page rules say where else a field is reachable.
 */
import type { ParsedFile } from '../core/documents';
import { classifyColumn } from '../core/sensitivity';
import type { Span } from '../core/types';
import { allRoutines, hasAttribute, prop, unparen, walkElements, type AlElement, type AlExpr, type AlObject } from '../parsers/al-ast';
import { parsePermissionEntries } from '../parsers/al-permissions';
import { isSecretVariable } from '../parsers/al-secrets';
import type { AlPermissionEntry } from '../parsers/al-ast';

export interface AlFieldInfo {
  path: string;
  /** Table (or extended table) name. */
  table: string;
  name: string;
  id?: number;
  type: string;
  caption?: string;
  dataClassification?: string;
  extendedDatatype?: string;
  span: Span;
}

export interface AlTableInfo {
  path: string;
  name: string;
  /** Set for a tableextension: the table it extends. */
  extends?: string;
  dataClassification?: string;
  inherentPermissions?: string;
  span: Span;
}

export interface AlPageFieldInfo {
  /** Control name. */
  control: string;
  /** Source field name when bound to `Rec."Field"` (or a bare field name), lower-case compare. */
  field?: string;
  editable: boolean;
  visible: boolean;
}

export interface AlPageInfo {
  path: string;
  name: string;
  /** page, pageextension, query */
  objectType: string;
  pageType?: string;
  /** API page or API query: reachable over REST by anyone with the table's permissions. */
  api: boolean;
  sourceTable?: string;
  extends?: string;
  /** Page-level Editable / ModifyAllowed / InsertAllowed not switched off. */
  writable: boolean;
  fields: AlPageFieldInfo[];
  span: Span;
}

export interface AlPermissionSetInfo {
  path: string;
  name: string;
  objectType: 'permissionset' | 'permissionsetextension';
  extends?: string;
  assignable: boolean;
  access?: string;
  includes: string[];
  entries: AlPermissionEntry[];
  span: Span;
}

export interface AlProcedureInfo {
  path: string;
  /** Object type (lower case) and name. */
  objectType: string;
  object: string;
  name: string;
  params: { name: string; typeName: string }[];
  returnType?: string;
  nonDebuggable: boolean;
  /** Takes, keeps or returns a secret (SecretText, or a credential-named Text). */
  handlesSecret: boolean;
}

export interface AlModel {
  tables: AlTableInfo[];
  fields: AlFieldInfo[];
  pages: AlPageInfo[];
  permissionSets: AlPermissionSetInfo[];
  procedures: AlProcedureInfo[];
}

export type AlContribution = Partial<AlModel>;

const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/s, '$1');
const isFalse = (v: string | undefined): boolean => v !== undefined && /^false$/i.test(v.trim());

/** The field a page control shows: `Rec."Tax ID"`, `Rec.Name`, or a bare `"Tax ID"` (old syntax). */
export function controlSourceField(source: AlExpr | undefined, pageVariables: Set<string>): string | undefined {
  if (!source) return undefined;
  const e = unparen(source);
  if (e.type === 'member' && e.object.type === 'ident' && /^(rec|xrec)$/i.test(e.object.name)) return e.name;
  if (e.type === 'ident' && !pageVariables.has(e.name.toLowerCase())) return e.name;
  return undefined;
}

function fieldsOf(o: AlObject, path: string): AlFieldInfo[] {
  const out: AlFieldInfo[] = [];
  const table = o.type === 'tableextension' ? (o.extends ?? o.name) : o.name;
  walkElements(o.elements, (e, anc) => {
    if (e.keyword !== 'field' || !anc.some((a) => a.keyword === 'fields')) return;
    const [id, name, type] = e.args;
    if (!name) return;
    const f: AlFieldInfo = { path, table, name: unquote(name.text), type: type?.text ?? '', span: e.headSpan };
    const n = Number.parseInt(id?.text ?? '', 10);
    if (!Number.isNaN(n)) f.id = n;
    const cap = prop(e.properties, 'Caption')?.value;
    if (cap) f.caption = cap.replace(/^'(.*?)'.*$/s, '$1');
    const dc = prop(e.properties, 'DataClassification')?.value ?? prop(o.properties, 'DataClassification')?.value;
    if (dc) f.dataClassification = dc;
    const ext = prop(e.properties, 'ExtendedDatatype')?.value;
    if (ext) f.extendedDatatype = ext;
    out.push(f);
  });
  return out;
}

function pageOf(o: AlObject, path: string): AlPageInfo {
  const pageType = prop(o.properties, 'PageType')?.value ?? prop(o.properties, 'QueryType')?.value;
  const vars = new Set(o.variables.map((v) => v.name.toLowerCase()));
  const fields: AlPageFieldInfo[] = [];
  walkElements(o.elements, (e: AlElement, anc: AlElement[]) => {
    if (e.keyword !== 'field' && e.keyword !== 'column' && e.keyword !== 'modify') return;
    if (!anc.some((a) => a.keyword === 'layout' || a.keyword === 'elements' || a.keyword === 'dataitem')) return;
    const control = e.args[0]?.text ?? '';
    const chain = [...anc, e];
    const field = e.keyword === 'modify' ? undefined : e.keyword === 'column' ? unquote(e.args[1]?.text ?? '') : controlSourceField(e.args[1]?.expr, vars);
    fields.push({
      control,
      ...(field ? { field } : {}),
      editable: !chain.some((x) => isFalse(prop(x.properties, 'Editable')?.value) || isFalse(prop(x.properties, 'Enabled')?.value)),
      visible: !chain.some((x) => isFalse(prop(x.properties, 'Visible')?.value)),
    });
  });
  const api = /^api$/i.test(pageType ?? '') || prop(o.properties, 'APIPublisher') !== undefined;
  const writable = !(['Editable', 'ModifyAllowed'] as const).some((p) => isFalse(prop(o.properties, p)?.value));
  let source = prop(o.properties, 'SourceTable')?.value;
  if (!source && o.type === 'query') {
    walkElements(o.elements, (e) => {
      if (!source && e.keyword === 'dataitem') source = e.args[1]?.text;
    });
  }
  const p: AlPageInfo = { path, name: o.name, objectType: o.type, api, writable: writable && o.type !== 'query', fields, span: o.headSpan };
  if (pageType) p.pageType = pageType;
  if (source) p.sourceTable = unquote(source);
  if (o.extends) p.extends = o.extends;
  return p;
}

function permissionSetOf(o: AlObject, path: string): AlPermissionSetInfo {
  const assignable = prop(o.properties, 'Assignable')?.value;
  const inc = prop(o.properties, 'IncludedPermissionSets')?.value ?? '';
  const perms = prop(o.properties, 'Permissions');
  const ps: AlPermissionSetInfo = {
    path,
    name: o.name,
    objectType: o.type as AlPermissionSetInfo['objectType'],
    assignable: !isFalse(assignable),
    includes: inc.split(',').map(unquote).filter(Boolean),
    entries: perms ? parsePermissionEntries(perms) : [],
    span: o.headSpan,
  };
  const access = prop(o.properties, 'Access')?.value;
  if (access) ps.access = access;
  if (o.extends) ps.extends = o.extends;
  return ps;
}

export function contributeAl(doc: ParsedFile): AlContribution | undefined {
  if (doc.kind !== 'al') return undefined;
  const path = doc.file.path;
  const c: AlModel = { tables: [], fields: [], pages: [], permissionSets: [], procedures: [] };
  for (const o of doc.objects) {
    if (o.type === 'table' || o.type === 'tableextension') {
      const t: AlTableInfo = { path, name: o.name, span: o.headSpan };
      if (o.extends) t.extends = o.extends;
      const dc = prop(o.properties, 'DataClassification')?.value;
      if (dc) t.dataClassification = dc;
      const ip = prop(o.properties, 'InherentPermissions')?.value;
      if (ip) t.inherentPermissions = ip;
      c.tables.push(t);
      c.fields.push(...fieldsOf(o, path));
    } else if (o.type === 'page' || o.type === 'pageextension' || o.type === 'query') {
      c.pages.push(pageOf(o, path));
    } else if (o.type === 'permissionset' || o.type === 'permissionsetextension') {
      c.permissionSets.push(permissionSetOf(o, path));
    }
    for (const r of allRoutines(o)) {
      if (r.kind !== 'procedure') continue;
      const info: AlProcedureInfo = {
        path,
        objectType: o.type,
        object: o.type === 'tableextension' || o.type === 'pageextension' ? (o.extends ?? o.name) : o.name,
        name: r.name,
        params: r.params.map((p) => ({ name: p.name, typeName: p.typeName })),
        nonDebuggable: hasAttribute(r, 'NonDebuggable'),
        handlesSecret: r.returnTypeName === 'secrettext' || [...r.params, ...r.locals].some(isSecretVariable),
      };
      if (r.returnTypeName) info.returnType = r.returnTypeName;
      c.procedures.push(info);
    }
  }
  return c;
}

export function mergeAl(parts: AlContribution[]): AlModel {
  const m: AlModel = { tables: [], fields: [], pages: [], permissionSets: [], procedures: [] };
  for (const p of parts) {
    m.tables.push(...(p.tables ?? []));
    m.fields.push(...(p.fields ?? []));
    m.pages.push(...(p.pages ?? []));
    m.permissionSets.push(...(p.permissionSets ?? []));
    m.procedures.push(...(p.procedures ?? []));
  }
  return m;
}

const eq = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** A field of a table (or of any extension of it); without a table, any field of that name. */
export function findAlField(m: AlModel, table: string | undefined, field: string): AlFieldInfo | undefined {
  const byName = m.fields.filter((f) => eq(f.name, field));
  return table ? byName.find((f) => eq(f.table, table)) : byName[0];
}

/** The source table of a page, following a page extension to its base page when that is in the project. */
export function pageSourceTable(m: AlModel, page: AlPageInfo): string | undefined {
  if (page.sourceTable) return page.sourceTable;
  if (page.extends) return m.pages.find((p) => p.objectType === 'page' && eq(p.name, page.extends))?.sourceTable;
  return undefined;
}

/** API pages and queries that expose a table's field, with whether they let callers write it. */
export function apiExposures(m: AlModel, table: string | undefined, field: string): { page: AlPageInfo; writable: boolean }[] {
  const out: { page: AlPageInfo; writable: boolean }[] = [];
  if (!table) return out;
  for (const p of m.pages) {
    if (!p.api || !eq(pageSourceTable(m, p), table)) continue;
    const f = p.fields.find((x) => eq(x.field, field));
    if (f) out.push({ page: p, writable: p.writable && f.editable });
  }
  return out;
}

/** Base-application tables that hold personal or payment data. */
const SENSITIVE_BASE_TABLES = /^(customer|vendor|employee|contact|customer bank account|vendor bank account|employee bank account|bank account|user setup|payment method|credit card|salesperson\/purchaser|resource)$/i;

/**
 * Does an AL table hold sensitive data: a field (or caption) of this project that classifies as
 * sensitive, or a base-application table of personal or payment data. Undefined when the table is
 * neither in the project nor a known base table.
 */
export function tableIsSensitive(m: AlModel, table: string): boolean | undefined {
  const name = table.toLowerCase();
  const fields = m.fields.filter((f) => f.table.toLowerCase() === name);
  if (fields.some((f) => classifyColumn({ name: f.name, ...(f.caption ? { displayName: f.caption } : {}) }).sensitive)) return true;
  if (SENSITIVE_BASE_TABLES.test(table)) return true;
  return fields.length > 0 || m.tables.some((t) => t.name.toLowerCase() === name) ? false : undefined;
}
