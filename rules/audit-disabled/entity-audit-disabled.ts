import { defineRule } from '../../server/src/core/rule';
import { classifyColumn } from '../../server/src/core/sensitivity';
import type { ColumnInfo } from '../../server/src/model/solution';

/** Platform columns that a solution cannot meaningfully audit (row version, timestamps, owners). */
const SYSTEM_COLUMNS = new Set([
  'versionnumber', 'modifiedon', 'createdon', 'modifiedby', 'createdby', 'modifiedonbehalfby', 'createdonbehalfby', 'overriddencreatedon',
  'importsequencenumber', 'timezoneruleversionnumber', 'utcconversiontimezonecode', 'owninguser', 'owningteam', 'owningbusinessunit',
  'ownerid', 'statecode', 'statuscode', 'exchangerate', 'transactioncurrencyid',
]);

export default defineRule({
  meta: {
    code: 'D365A001',
    name: 'entity-audit-disabled',
    category: 'audit-disabled',
    severity: 'warning',
    kinds: ['xml'],
    exampleLanguage: 'xml',
    docs: {
      summary: 'Finds auditing switched off (IsAuditEnabled 0) on sensitive or secured columns, and on tables that hold such columns.',
      why:
        'Without change auditing nobody can tell who changed a bank account, a national id or a discount, or when: fraud and data-protection incidents cannot be investigated. Column auditing only works when the table is audited too, so a table with auditing off leaves all its sensitive columns unaudited.',
      bad: '<attribute PhysicalName="pfx_BankAccount">\n  <LogicalName>pfx_bankaccount</LogicalName>\n  <IsAuditEnabled>0</IsAuditEnabled>\n</attribute>',
      good: '<attribute PhysicalName="pfx_BankAccount">\n  <LogicalName>pfx_bankaccount</LogicalName>\n  <IsAuditEnabled>1</IsAuditEnabled>\n</attribute>',
      fix: 'Set IsAuditEnabled to 1 on the column and on its table (and keep auditing on for the environment).',
      traps: 'Read auditing off (IsRetrieveAuditEnabled / IsRetrieveMultipleAuditEnabled 0, the platform default), auditing off on reference tables and ordinary columns, system columns (versionnumber, modifiedon).',
      references: ['https://learn.microsoft.com/power-platform/admin/manage-dataverse-auditing'],
    },
  },
  create(ctx) {
    const sol = ctx.model.solution;
    const sensitive = (c: ColumnInfo): string | undefined => {
      if (c.isCustomField === false && SYSTEM_COLUMNS.has(c.name)) return undefined;
      const s = classifyColumn({ name: c.name, displayName: c.displayName, description: c.description }, ctx.settings);
      if (s.sensitive) return s.kind === 'pricing' ? 'a pricing control' : s.kind === 'secret' ? 'a credential' : 'sensitive data';
      if (c.isSecured || c.inFieldSecurityProfile) return 'a secured column';
      return undefined;
    };
    return {
      xml(doc) {
        if (doc.role !== 'entity' && doc.role !== 'customizations') return;
        const path = doc.file.path;
        const byTable = new Map<string, ColumnInfo[]>();
        for (const list of sol.columns.values())
          for (const c of list) if (c.path === path) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
        for (const cols of byTable.values()) {
          for (const c of cols) {
            if (c.isAuditEnabled !== false || !c.auditSpan) continue;
            const why = sensitive(c);
            if (!why) continue;
            ctx.report({
              span: c.auditSpan,
              message: `Auditing is off for column ${c.name}${c.displayName ? ` (${c.displayName})` : ''}, ${why}: changes to it leave no audit trail.`,
              key: `audit:${c.table}.${c.name}`,
            });
          }
        }
        for (const t of sol.tables.values()) {
          if (t.path !== path || t.isAuditEnabled !== false || !t.auditSpan) continue;
          const hits = (sol.columns.size ? [...sol.columns.values()].flat() : []).filter((c) => c.table === t.name && sensitive(c));
          if (hits.length === 0) continue; // reference or ordinary table: auditing off is a choice
          const names = hits.slice(0, 4).map((c) => c.name).join(', ') + (hits.length > 4 ? ', …' : '');
          ctx.report({
            span: t.auditSpan,
            message: `Auditing is off for table ${t.name}, which holds sensitive columns (${names}): no change to any of its records is audited, whatever the column settings say.`,
            key: `audit:${t.name}`,
          });
        }
      },
    };
  },
});
