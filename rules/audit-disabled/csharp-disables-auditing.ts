import { defineRule, type RuleContext } from '../../server/src/core/rule';
import { classifyColumn } from '../../server/src/core/sensitivity';
import { argumentsOf, calleeMethodCs, childByField, dottedCs, enclosingFunctionCs, indexerKey, isFalseLiteral, plainStringValue, simpleName, spanOfCs, unwrapCs, type CsNode } from '../../server/src/parsers/csharp-ast';
import type { CSharpDocument } from '../../server/src/parsers/csharp';
import { initializersOf } from '../../server/src/parsers/csharp-flow';

/** Organization columns that switch auditing (and user-access audit logging) on and off. */
const ORG_FLAGS = /^(isauditenabled|isuseraccessauditenabled)$/i;
/** Metadata properties (BooleanManagedProperty) of tables and columns. */
const META_FLAG = /^IsAuditEnabled$/;

const COLUMN_NAMES = /^(LogicalName|SchemaName|AttributeLogicalName|LogicalAttributeName|ColumnName)$/;
const TABLE_NAMES = /^(EntityLogicalName|EntityName|EntitySchemaName|TableName)$/;

/** `new BooleanManagedProperty(false)`. */
function managedOff(v: CsNode | undefined): boolean {
  const x = unwrapCs(v);
  if (x?.type !== 'object_creation_expression' || simpleName(childByField(x, 'type')) !== 'BooleanManagedProperty') return false;
  return isFalseLiteral(argumentsOf(x)[0]?.value);
}

/** `false`, or a local that only ever holds false (`var enable = false; org["isauditenabled"] = enable;`). */
function isOff(doc: CSharpDocument, v: CsNode | undefined): boolean {
  if (isFalseLiteral(v)) return true;
  const x = unwrapCs(v);
  if (x?.type !== 'identifier' || !x.text) return false;
  const inits = initializersOf(doc, x, x.text);
  return inits.length > 0 && inits.every((i) => isFalseLiteral(i));
}

function orgMessage(flag: string): string {
  return flag.toLowerCase() === 'isuseraccessauditenabled' ? 'User access audit logging is switched off for the organization' : 'Organization auditing is switched off';
}

/**
 * What a metadata change is about: the LogicalName / SchemaName of the column and the table that
 * the enclosing method (or object initializer) names, e.g. in its RetrieveAttributeRequest.
 */
function metadataTarget(doc: CSharpDocument, n: CsNode): { columns: string[]; tables: string[] } {
  const scope = enclosingFunctionCs(n) ?? n.parent ?? n;
  const columns: string[] = [];
  const tables: string[] = [];
  for (const f of doc.strings) {
    if (f.inComment || f.span.start < scope.start || f.span.end > scope.end || !f.name) continue;
    if (COLUMN_NAMES.test(f.name)) columns.push(f.value.toLowerCase());
    else if (TABLE_NAMES.test(f.name)) tables.push(f.value.toLowerCase());
  }
  return { columns, tables };
}

/** A metadata change is a finding for a sensitive column or table, or when the target cannot be told. */
function sensitiveTarget(ctx: RuleContext, doc: CSharpDocument, n: CsNode): { report: boolean; what: string } {
  const t = metadataTarget(doc, n);
  const names = t.columns.length > 0 ? t.columns : t.tables;
  if (names.length === 0) return { report: true, what: 'Auditing of a table or column is switched off through metadata' };
  const sensitiveColumn = (name: string, col?: { displayName?: string; description?: string }): boolean =>
    classifyColumn({ name, displayName: col?.displayName, description: col?.description }, ctx.settings).sensitive;
  for (const name of names) {
    const col = ctx.model.solution.columns.get(name)?.[0];
    if (sensitiveColumn(name, col)) return { report: true, what: `Auditing of sensitive ${t.columns.length > 0 ? 'column' : 'table'} ${name} is switched off` };
    // A table's LogicalName (RetrieveEntityRequest, EntityMetadata): the table is sensitive when the solution gives it sensitive columns.
    const held = [...ctx.model.solution.columns.values()].flat().filter((c) => c.table === name && sensitiveColumn(c.name, c));
    if (held.length > 0) return { report: true, what: `Auditing of table ${name}, which holds sensitive columns (${held.map((c) => c.name).slice(0, 3).join(', ')}), is switched off` };
  }
  return { report: false, what: '' };
}

export default defineRule({
  meta: {
    code: 'D365A010',
    name: 'csharp-disables-auditing',
    category: 'audit-disabled',
    severity: 'warning',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary:
        'Finds C# that switches auditing off: an organization update with isauditenabled (or isuseraccessauditenabled) = false, Organization.IsAuditEnabled = false, and metadata updates that set IsAuditEnabled = new BooleanManagedProperty(false) on a sensitive column or table.',
      why:
        'With auditing off nothing records who read, changed or deleted data, so fraud, data theft and mistakes cannot be traced. Switching it off from a migration tool or plug-in "for the load" is a classic way for the audit trail to stay off, or to hide what happened while it was off.',
      bad: 'var org = new Entity("organization", orgId) { ["isauditenabled"] = false };\nservice.Update(org);',
      good: '// Keep auditing on. For bulk loads, exclude non-sensitive columns from auditing in the solution and manage audit retention.',
      fix: 'Do not switch organization auditing off from code. If audit volume is a problem, turn auditing off only for specific non-sensitive columns in the solution, and manage audit log retention and capacity instead.',
      traps: 'Switching auditing on (true, BooleanManagedProperty(true)), reading the flag (IsAuditEnabled?.Value == false, ColumnSet("isauditenabled")), metadata changes on non-sensitive columns, commented-out code.',
      references: ['https://learn.microsoft.com/power-platform/admin/manage-dataverse-auditing', 'https://learn.microsoft.com/power-apps/developer/data-platform/auditing/configure'],
    },
  },
  create(ctx) {
    const report = (n: CsNode, what: string, key: string): void =>
      ctx.report({ span: spanOfCs(n), message: `${what}: changes to data are no longer recorded, so misuse cannot be traced. Keep auditing on.`, key });
    return {
      csharp(doc) {
        for (const n of doc.nodes ?? []) {
          if (n.type === 'assignment_expression' && n.op === '=') {
            const left = childByField(n, 'left');
            const right = childByField(n, 'right');
            const key = indexerKey(left);
            if (key !== undefined) {
              if (ORG_FLAGS.test(key) && isOff(doc, right)) report(n, orgMessage(key), `org|${key.toLowerCase()}`);
              continue;
            }
            const d = dottedCs(left) ?? '';
            const name = simpleName(left);
            if (name && ORG_FLAGS.test(name) && isOff(doc, right)) {
              report(n, orgMessage(name), `org|${name.toLowerCase()}`);
            } else if ((name && META_FLAG.test(name) && managedOff(right)) || (/(^|\.)IsAuditEnabled\.Value$/.test(d) && isFalseLiteral(right))) {
              const s = sensitiveTarget(ctx, doc, n);
              if (s.report) report(n, s.what, `meta|${s.what}`);
            }
          } else if (n.type === 'initializer_expression' && n.children.length === 2 && n.parent?.type === 'initializer_expression') {
            // Attributes = { { "isauditenabled", false } }
            const key = plainStringValue(n.children[0]);
            if (key && ORG_FLAGS.test(key) && isOff(doc, n.children[1])) report(n, orgMessage(key), `org|${key.toLowerCase()}`);
          } else if (n.type === 'invocation_expression' && /^(Add|AddOrUpdate|Set|SetAttributeValue)$/.test(calleeMethodCs(n) ?? '')) {
            // entity.Attributes.Add("isauditenabled", false)
            const args = argumentsOf(n);
            const key = plainStringValue(args[0]?.value);
            if (key && ORG_FLAGS.test(key) && isOff(doc, args[1]?.value)) report(n, orgMessage(key), `org|${key.toLowerCase()}`);
          }
        }
      },
    };
  },
});
