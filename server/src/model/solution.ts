// The solution part of the project model. INTERFACES are shared with other rule groups (script,
// AL, C# rules read them). Each unpacked-solution file contributes plain data (structured-clonable:
// the CLI's workers send it between threads); mergeSolution joins the parts in path order.
import type { ParsedFile } from '../core/documents';
import type { Span } from '../core/types';
import { nodeAt, propNode, type JsonNode } from '../parsers/json';
import { attrValue, child, childText, children, descendants, localName, trimmedTextSpan, type XmlDocument, type XmlElement } from '../parsers/xml';

export interface ColumnInfo {
  /** Table logical name, lower case (`contact`, `cnt_policy`). */
  table: string;
  /** Column logical name, lower case (`cnt_nationalid`). */
  name: string;
  displayName?: string;
  description?: string;
  /** `<IsSecured>1</IsSecured>` in Entity.xml. */
  isSecured: boolean;
  /** Column-level `<IsAuditEnabled>`; undefined when absent. */
  isAuditEnabled?: boolean;
  /** Some field security profile lists this column. */
  inFieldSecurityProfile: boolean;
  path: string;
  /** The `<attribute ...>` element. */
  span: Span;
  /** `<Type>` (nvarchar, money, lookup...). */
  type?: string;
  /** `<IsCustomField>`; system columns (versionnumber, modifiedon) have 0. */
  isCustomField?: boolean;
  /** The column's `<IsAuditEnabled>` element. */
  auditSpan?: Span;
}

export interface TableInfo {
  name: string;
  displayName?: string;
  isAuditEnabled?: boolean;
  path: string;
  /** The table-level `<IsAuditEnabled>` element. */
  auditSpan?: Span;
}

export interface EnvVarInfo {
  schemaName: string;
  displayName?: string;
  description?: string;
  /** 100000000 String, 100000001 Number, 100000002 Boolean, 100000003 JSON, 100000004 Data source, 100000005 Secret. */
  type?: number;
  defaultValue?: string;
  /** Value from environmentvariablevalues.json, if exported. */
  currentValue?: string;
  path: string;
  /** The `<defaultvalue>` text in the definition file. */
  defaultValueSpan?: Span;
  /** environmentvariablevalues.json and the span of its `value` string. */
  currentValuePath?: string;
  currentValueSpan?: Span;
}

export interface PluginStepInfo {
  path: string;
  name?: string;
  /** Plug-in type (class) the step runs, when known (`Contoso.Plugins.ClaimPostApprove`). */
  pluginTypeName?: string;
  hasUnsecureConfiguration: boolean;
  /** Set when the step impersonates a fixed user. */
  impersonatingUser?: string;
  /** The unsecure configuration text (a secret rule reports on it in the step file). */
  configuration?: string;
  primaryEntity?: string;
}

/** A control bound to a column on a form, with what hides or locks it. */
export interface FormFieldInfo {
  path: string;
  /** Table of the form (from Entities/<table>/FormXml), lower case. */
  table?: string;
  column: string;
  hidden: boolean;
  disabled: boolean;
  span: Span;
  /** Names (lower case) of the tab and section holding the control; undefined in the header and footer. */
  tab?: string;
  section?: string;
}

export interface RoleInfo {
  name: string;
  path: string;
  privileges: { name: string; level: string }[];
}

export interface FlowParameterInfo {
  name: string;
  schemaName?: string;
  type?: string;
  defaultValue?: string;
  span?: Span;
}

export interface FlowInfo {
  path: string;
  parameters: FlowParameterInfo[];
  /** Environment variable schema names whose secret value an action retrieves. */
  secretReads: string[];
}

export interface SolutionModel {
  /** Lower-case logical column name -> every column of that name (one per table). */
  columns: Map<string, ColumnInfo[]>;
  tables: Map<string, TableInfo>;
  /** Lower-case column names listed by any field security profile. */
  securedByProfile: Set<string>;
  /** Lower-case `table.column` pairs listed by a field security profile. */
  securedByProfileQualified: Set<string>;
  /** Lower-case schema name -> environment variable. */
  envVars: Map<string, EnvVarInfo>;
  steps: PluginStepInfo[];
  formFields: FormFieldInfo[];
  roles: RoleInfo[];
  flows: FlowInfo[];
  /** Web resource names each form loads (`cnt_/forms/claim.form.js`) -> form paths. */
  formLibraries: Map<string, string[]>;
  /** True when the scan holds at least one unpacked solution. */
  present: boolean;
}

/** Is the column protected by field-level security (IsSecured, or listed in a profile)? */
export function isColumnSecured(model: SolutionModel, column: string, table?: string): boolean | undefined {
  const key = column.toLowerCase();
  const cols = model.columns.get(key)?.filter((c) => !table || c.table === table.toLowerCase());
  if (cols && cols.length > 0) return cols.some((c) => c.isSecured || c.inFieldSecurityProfile) || model.securedByProfile.has(key);
  if (model.securedByProfile.has(key)) return true;
  return undefined; // unknown: the column is not in the scanned solution
}

/** The column of a table, or the only column of that name when the table is unknown. */
export function findColumn(model: SolutionModel, column: string, table?: string): ColumnInfo | undefined {
  const cols = model.columns.get(column.toLowerCase());
  if (!cols || cols.length === 0) return undefined;
  if (table) return cols.find((c) => c.table === table.toLowerCase());
  return cols.length === 1 ? cols[0] : undefined;
}

/**
 * Controls of a tab (or of one of its sections) on the given forms; when those forms have none, on
 * any form of the tables, then on any form if the name belongs to one table's forms only. Section
 * names are unique within a form.
 */
export function formFieldsIn(model: SolutionModel, where: { tab?: string; section?: string }, forms: string[] = [], tables: string[] = []): FormFieldInfo[] {
  const tab = where.tab?.toLowerCase();
  const section = where.section?.toLowerCase();
  if (!tab && !section) return [];
  const matches = (f: FormFieldInfo, strictTab: boolean): boolean =>
    section ? f.section === section && (!strictTab || !tab || f.tab === tab) : f.tab === tab;
  const scopes: ((f: FormFieldInfo) => boolean)[] = [];
  if (forms.length > 0) scopes.push((f) => forms.includes(f.path));
  if (tables.length > 0) scopes.push((f) => !!f.table && tables.includes(f.table));
  const anyForm = (): boolean => true;
  scopes.push(anyForm);
  for (const inScope of scopes) {
    for (const strict of [true, false]) {
      const found = model.formFields.filter((f) => inScope(f) && matches(f, strict));
      // Any form: only when the name points at one table (a common name like "general" is no evidence).
      if (found.length > 0 && inScope === anyForm && new Set(found.map((f) => f.table)).size > 1) return [];
      if (found.length > 0) return found;
      if (!section) break;
    }
  }
  return [];
}

export interface SolutionContribution {
  present?: boolean;
  columns?: ColumnInfo[];
  tables?: TableInfo[];
  profileColumns?: { table?: string; column: string }[];
  envVars?: EnvVarInfo[];
  envValues?: { schemaName: string; value: string; path: string; span: Span }[];
  steps?: PluginStepInfo[];
  formFields?: FormFieldInfo[];
  formLibraries?: { library: string; path: string }[];
  roles?: RoleInfo[];
  flows?: FlowInfo[];
}

const SOLUTION_ROLES = new Set([
  'solution-manifest', 'customizations', 'field-security-profiles', 'entity', 'form', 'role', 'plugin-step', 'plugin-assembly',
  'envvar-definition', 'envvar-values', 'cloud-flow', 'webresource-record', 'workflow-record',
]);

export function contributeSolution(doc: ParsedFile): SolutionContribution | undefined {
  if (!SOLUTION_ROLES.has(doc.role)) return undefined;
  const c: SolutionContribution = { present: true };
  if (doc.failed) return c;
  if (doc.kind === 'xml' && doc.root) contributeXml(doc, doc.root, c);
  else if (doc.kind === 'json' && doc.root) {
    if (doc.role === 'envvar-values') contributeEnvValues(doc.file.path, doc.root, c);
    else if (doc.role === 'cloud-flow') c.flows = [flowInfo(doc.file.path, doc.root)];
  }
  return c;
}

function contributeXml(doc: XmlDocument, root: XmlElement, c: SolutionContribution): void {
  const path = doc.file.path;
  const rootName = localName(root.name).toLowerCase();
  // Customizations.xml of an un-unpacked solution holds the same elements inline.
  const entities = rootName === 'entity' ? [root] : descendants(root, 'Entity').filter((e) => child(e, 'EntityInfo'));
  for (const e of entities) entityInfo(doc, e, c);
  const profiles = rootName === 'fieldsecurityprofiles' || rootName === 'importexportxml' ? descendants(root, 'FieldPermission') : [];
  for (const fp of profiles) {
    const column = childText(fp, 'AttributeName');
    if (column) (c.profileColumns ??= []).push({ table: childText(fp, 'EntityName')?.toLowerCase(), column: column.toLowerCase() });
  }
  if (doc.role === 'form' || rootName === 'forms' || rootName === 'systemform') formInfo(doc, root, c);
  const roles = rootName === 'role' ? [root] : rootName === 'importexportxml' ? descendants(child(root, 'Roles'), 'Role') : [];
  for (const r of roles) {
    const privileges = descendants(r, 'RolePrivilege').map((p) => ({ name: attrValue(p, 'name') ?? '', level: attrValue(p, 'level') ?? '' }));
    (c.roles ??= []).push({ name: attrValue(r, 'name') ?? '', path, privileges });
  }
  const steps = rootName === 'sdkmessageprocessingstep' ? [root] : rootName === 'importexportxml' ? descendants(child(root, 'SdkMessageProcessingSteps'), 'SdkMessageProcessingStep') : [];
  for (const s of steps) (c.steps ??= []).push(stepInfo(path, s));
  const vars = rootName === 'environmentvariabledefinition' ? [root] : rootName === 'importexportxml' ? descendants(root, 'environmentvariabledefinition') : [];
  for (const v of vars) (c.envVars ??= []).push(envVarInfo(doc, v));
}

function flag(el: XmlElement | undefined, name: string): boolean | undefined {
  const t = childText(el, name);
  if (t === undefined || t === '') return undefined;
  return t === '1' || t.toLowerCase() === 'true';
}

/** The label for language 1033 if present, else the first one. */
function label(list: XmlElement | undefined, itemName: string): string | undefined {
  const items = children(list, itemName);
  const pick = items.find((i) => attrValue(i, 'languagecode') === '1033') ?? items[0];
  const d = attrValue(pick, 'description');
  return d === '' ? undefined : d;
}

function entityInfo(doc: XmlDocument, entityEl: XmlElement, c: SolutionContribution): void {
  const info = child(entityEl, 'EntityInfo');
  const ent = child(info, 'entity');
  const table = (attrValue(ent, 'Name') ?? childText(entityEl, 'Name') ?? '').toLowerCase();
  if (!ent || !table) return;
  const path = doc.file.path;
  const tAudit = child(ent, 'IsAuditEnabled');
  const t: TableInfo = { name: table, path, isAuditEnabled: flag(ent, 'IsAuditEnabled') };
  const dn = label(child(ent, 'LocalizedNames'), 'LocalizedName');
  if (dn) t.displayName = dn;
  if (tAudit) t.auditSpan = tAudit.span;
  (c.tables ??= []).push(t);
  for (const a of children(child(ent, 'attributes'), 'attribute')) {
    const name = (childText(a, 'LogicalName') || childText(a, 'Name') || attrValue(a, 'PhysicalName') || '').toLowerCase();
    if (!name) continue;
    const audit = child(a, 'IsAuditEnabled');
    const col: ColumnInfo = {
      table,
      name,
      isSecured: flag(a, 'IsSecured') === true,
      isAuditEnabled: flag(a, 'IsAuditEnabled'),
      inFieldSecurityProfile: false,
      path,
      span: a.openSpan,
    };
    const display = label(child(a, 'displaynames'), 'displayname');
    if (display) col.displayName = display;
    const desc = label(child(a, 'Descriptions'), 'Description');
    if (desc) col.description = desc;
    const type = childText(a, 'Type');
    if (type) col.type = type;
    const custom = flag(a, 'IsCustomField');
    if (custom !== undefined) col.isCustomField = custom;
    if (audit) col.auditSpan = audit.span;
    (c.columns ??= []).push(col);
  }
}

/** Forms live at Entities/<table>/FormXml/<type>/{id}.xml. */
function tableFromFormPath(path: string): string | undefined {
  return /(?:^|\/)Entities\/([^/]+)\/FormXml\//i.exec(path)?.[1]?.toLowerCase();
}

function formInfo(doc: XmlDocument, root: XmlElement, c: SolutionContribution): void {
  const path = doc.file.path;
  const table = tableFromFormPath(path);
  for (const control of descendants(root, 'control')) {
    const column = attrValue(control, 'datafieldname');
    if (!column) continue;
    const hider = hidingContainer(control);
    const f: FormFieldInfo = {
      path,
      column: column.toLowerCase(),
      hidden: hider !== undefined,
      disabled: attrValue(control, 'disabled')?.toLowerCase() === 'true',
      span: control.openSpan,
    };
    if (table) f.table = table;
    for (let e: XmlElement | undefined = control.parent; e; e = e.parent) {
      const n = localName(e.name).toLowerCase();
      const name = n === 'section' || n === 'tab' ? attrValue(e, 'name')?.toLowerCase() : undefined;
      if (n === 'section' && name && !f.section) f.section = name;
      if (n === 'tab' && name) {
        f.tab = name;
        break;
      }
      if (n === 'form' || n === 'systemform') break;
    }
    (c.formFields ??= []).push(f);
  }
  for (const lib of descendants(root, 'Library')) {
    const name = attrValue(lib, 'name');
    if (name) (c.formLibraries ??= []).push({ library: name.toLowerCase(), path });
  }
}

/**
 * The nearest element that hides a control: the control itself, its cell, section or tab with
 * visible="false". A hidden tab or section hides everything inside it.
 */
export function hidingContainer(control: XmlElement): XmlElement | undefined {
  for (let e: XmlElement | undefined = control; e; e = e.parent) {
    const n = localName(e.name).toLowerCase();
    if ((n === 'control' || n === 'cell' || n === 'section' || n === 'tab') && attrValue(e, 'visible')?.toLowerCase() === 'false') return e;
    if (n === 'form' || n === 'systemform') break;
  }
  return undefined;
}

function stepInfo(path: string, s: XmlElement): PluginStepInfo {
  const configuration = childText(s, 'Configuration');
  const impersonating = childText(s, 'ImpersonatingUserIdName') || childText(s, 'ImpersonatingUserId');
  const typeName = childText(s, 'PluginTypeName');
  const info: PluginStepInfo = { path, hasUnsecureConfiguration: !!configuration };
  const name = attrValue(s, 'Name');
  if (name) info.name = name;
  if (typeName) info.pluginTypeName = typeName.split(',')[0]!.trim();
  if (configuration) info.configuration = configuration;
  if (impersonating) info.impersonatingUser = impersonating;
  const pe = childText(s, 'PrimaryEntity');
  if (pe) info.primaryEntity = pe.toLowerCase();
  return info;
}

function envVarInfo(doc: XmlDocument, v: XmlElement): EnvVarInfo {
  const schemaName = attrValue(v, 'schemaname') ?? childText(v, 'schemaname') ?? '';
  const info: EnvVarInfo = { schemaName, path: doc.file.path };
  const dnEl = child(v, 'displayname');
  const dn = attrValue(dnEl, 'default') || label(dnEl, 'label');
  if (dn) info.displayName = dn;
  const descEl = child(v, 'description');
  const desc = attrValue(descEl, 'default') || label(descEl, 'label');
  if (desc) info.description = desc;
  const type = Number(childText(v, 'type'));
  if (Number.isFinite(type) && type > 0) info.type = type;
  const dv = child(v, 'defaultvalue');
  if (dv && dv.text.trim() !== '') {
    info.defaultValue = dv.text.trim();
    info.defaultValueSpan = trimmedTextSpan(doc, dv);
  }
  return info;
}

function contributeEnvValues(path: string, root: JsonNode, c: SolutionContribution): void {
  const holder = nodeAt(root, ['environmentvariablevalues', 'environmentvariablevalue']);
  const items = holder?.type === 'array' ? (holder.children ?? []) : holder ? [holder] : [];
  for (const item of items) {
    const schema = propNode(item, 'schemaname', true);
    const value = propNode(item, 'value', true);
    if (schema?.type !== 'string' || value?.type !== 'string') continue;
    (c.envValues ??= []).push({ schemaName: String(schema.value), value: String(value.value), path, span: { start: value.offset, end: value.offset + value.length } });
  }
}

/** Flow parameters (with their exported defaultValue) and the Secret variables its actions read. */
export function flowInfo(path: string, root: JsonNode): FlowInfo {
  const definition = nodeAt(root, ['properties', 'definition']) ?? nodeAt(root, ['definition']);
  const parameters: FlowParameterInfo[] = [];
  const params = propNode(definition, 'parameters');
  for (const prop of params?.type === 'object' ? (params.children ?? []) : []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v || v.type !== 'object') continue;
    const name = String(k.value);
    if (name.startsWith('$')) continue; // $connections, $authentication: platform boilerplate
    const p: FlowParameterInfo = { name };
    const schema = nodeAt(v, ['metadata', 'schemaName']);
    if (schema?.type === 'string') p.schemaName = String(schema.value);
    const type = propNode(v, 'type');
    if (type?.type === 'string') p.type = String(type.value);
    const dv = propNode(v, 'defaultValue');
    if (dv?.type === 'string') {
      p.defaultValue = String(dv.value);
      p.span = { start: dv.offset, end: dv.offset + dv.length };
    }
    parameters.push(p);
  }
  const secretReads = flowActions(definition)
    .map((a) => secretReadOf(a.node))
    .filter((x): x is string => !!x);
  return { path, parameters, secretReads };
}

export interface FlowAction {
  name: string;
  /** The property key node (the action's name in the JSON). */
  keyNode: JsonNode;
  node: JsonNode;
}

/** Every action of a flow definition, including those nested in scopes, conditions, loops and switch cases. */
export function flowActions(definition: JsonNode | undefined): FlowAction[] {
  const out: FlowAction[] = [];
  const stack: JsonNode[] = [];
  const pushActions = (holder: JsonNode | undefined): void => {
    if (holder?.type !== 'object') return;
    for (const prop of holder.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (k && v?.type === 'object') {
        out.push({ name: String(k.value), keyNode: k, node: v });
        stack.push(v);
      }
    }
  };
  pushActions(propNode(definition, 'actions'));
  let guard = 0;
  while (stack.length > 0 && guard++ < 100000) {
    const a = stack.pop()!;
    pushActions(propNode(a, 'actions'));
    pushActions(nodeAt(a, ['else', 'actions']));
    const cases = propNode(a, 'cases');
    for (const cs of cases?.type === 'object' ? (cases.children ?? []) : []) pushActions(propNode(cs.children?.[1], 'actions'));
    pushActions(nodeAt(a, ['default', 'actions']));
  }
  return out;
}

/**
 * The secret an action reads at run time: the Dataverse unbound action
 * RetrieveEnvironmentVariableSecretValue (returns the variable's schema name), or a Key Vault
 * connector GetSecret call (returns `keyvault:<secret name>`).
 */
export function secretReadOf(action: JsonNode): string | undefined {
  const inputs = propNode(action, 'inputs');
  const params = propNode(inputs, 'parameters');
  const actionName = propNode(params, 'actionName');
  if (actionName?.type === 'string' && /^RetrieveEnvironmentVariableSecretValue$/i.test(String(actionName.value))) {
    const v = propNode(params, 'item/EnvironmentVariableName', true) ?? propNode(params, 'EnvironmentVariableName', true);
    return v?.type === 'string' ? String(v.value) : '(unknown)';
  }
  const opId = nodeAt(inputs, ['host', 'operationId']);
  const apiId = nodeAt(inputs, ['host', 'apiId']) ?? nodeAt(inputs, ['host', 'connectionName']);
  if (opId?.type === 'string' && /^GetSecret(Version)?$/i.test(String(opId.value)) && apiId?.type === 'string' && /keyvault/i.test(String(apiId.value))) {
    const n = propNode(params, 'secretName', true);
    return `keyvault:${n?.type === 'string' ? String(n.value) : '(unknown)'}`;
  }
  return undefined;
}

export function mergeSolution(parts: SolutionContribution[]): SolutionModel {
  const m: SolutionModel = {
    columns: new Map(),
    tables: new Map(),
    securedByProfile: new Set(),
    securedByProfileQualified: new Set(),
    envVars: new Map(),
    steps: [],
    formFields: [],
    roles: [],
    flows: [],
    formLibraries: new Map(),
    present: false,
  };
  for (const p of parts) {
    if (p.present) m.present = true;
    for (const t of p.tables ?? []) if (!m.tables.has(t.name)) m.tables.set(t.name, { ...t });
    for (const col of p.columns ?? []) {
      const list = m.columns.get(col.name) ?? [];
      if (!list.some((x) => x.table === col.table)) list.push({ ...col });
      m.columns.set(col.name, list);
    }
    for (const pc of p.profileColumns ?? []) {
      m.securedByProfile.add(pc.column);
      if (pc.table) m.securedByProfileQualified.add(`${pc.table}.${pc.column}`);
    }
    for (const v of p.envVars ?? []) {
      const key = v.schemaName.toLowerCase();
      const prev = m.envVars.get(key);
      m.envVars.set(key, { ...v, ...(prev?.currentValue !== undefined ? { currentValue: prev.currentValue, currentValuePath: prev.currentValuePath, currentValueSpan: prev.currentValueSpan } : {}) });
    }
    for (const ev of p.envValues ?? []) {
      const key = ev.schemaName.toLowerCase();
      const prev = m.envVars.get(key) ?? { schemaName: ev.schemaName, path: ev.path };
      m.envVars.set(key, { ...prev, currentValue: ev.value, currentValuePath: ev.path, currentValueSpan: ev.span });
    }
    m.steps.push(...(p.steps ?? []));
    m.formFields.push(...(p.formFields ?? []));
    m.roles.push(...(p.roles ?? []));
    m.flows.push(...(p.flows ?? []));
    for (const fl of p.formLibraries ?? []) {
      const list = m.formLibraries.get(fl.library) ?? [];
      if (!list.includes(fl.path)) list.push(fl.path);
      m.formLibraries.set(fl.library, list);
    }
  }
  for (const list of m.columns.values()) {
    for (const col of list) {
      col.inFieldSecurityProfile = m.securedByProfileQualified.has(`${col.table}.${col.name}`) || (m.securedByProfile.has(col.name) && !hasQualifiedProfileFor(m, col.name));
    }
  }
  return m;
}

/** True when the profiles name this column only with tables (so an unqualified match is not enough). */
function hasQualifiedProfileFor(m: SolutionModel, column: string): boolean {
  for (const q of m.securedByProfileQualified) if (q.endsWith(`.${column}`)) return true;
  return false;
}
