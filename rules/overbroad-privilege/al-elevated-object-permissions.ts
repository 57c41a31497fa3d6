import { defineRule } from '../../server/src/core/rule';
import { parsePermissionEntries, prop, type AlPermissionEntry } from '../../server/src/parsers/al';

/**
 * Posted and ledger tables: the books. Business Central only ever appends to them through posting
 * codeunits; modifying or deleting an entry breaks the audit trail and the balances built on it.
 */
export const LEDGER_TABLE =
  /(ledger entry|ledg\. entry|ledg entry|^g\/l |^gl entry|value entry|vat entry|g\/l register|item register|^posted |^pstd\.? |sales invoice (header|line)|sales cr\.\s?memo|sales shipment (header|line)|purch\. inv\.|purch\. cr\. memo|purch\. rcpt\.|return receipt|return shipment|issued (reminder|fin\. charge)|change log entry|detailed .*ledg)/i;

/** Why an object-level grant is risky, or undefined. Case is ignored (formats.md §17.2). */
function risk(e: AlPermissionEntry): string | undefined {
  if (e.objectType !== 'tabledata' && e.objectType !== 'table') return undefined;
  const r = e.rights.toUpperCase();
  if (e.objectName === '*') return /[IMD]/.test(r) ? 'write access to every table' : undefined;
  if (!LEDGER_TABLE.test(e.objectName)) return undefined;
  if (/[MD]/.test(r)) return `${r.includes('M') && r.includes('D') ? 'modify and delete' : r.includes('M') ? 'modify' : 'delete'} on the posted / ledger table "${e.objectName}"`;
  return undefined;
}

const OBJECTS = new Set(['codeunit', 'page', 'report', 'query', 'xmlport', 'table', 'pageextension', 'reportextension', 'tableextension']);

export default defineRule({
  meta: {
    code: 'D365P021',
    name: 'al-elevated-object-permissions',
    category: 'overbroad-privilege',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds AL objects whose `Permissions` property lets them modify or delete posted and ledger entries (G/L Entry, Cust./Vendor Ledger Entry, Value Entry, posted documents) or write every table (`tabledata * = ...`).',
      why:
        'Object `Permissions` elevate: whoever can run the codeunit or page gets those rights while it runs, whatever their own permission sets say. Modify or delete on ledger entries lets any caller rewrite the books outside posting, with no reversal entry and no trace in the G/L register.',
      bad: 'codeunit 50130 "PFX Correction"\n{\n    Permissions = tabledata "G/L Entry" = RIMD;\n}',
      good: 'codeunit 50130 "PFX Correction"\n{\n    // corrections are posted as reversing journal lines through Gen. Jnl.-Post Line\n    Permissions = tabledata "G/L Entry" = r;\n}',
      fix: 'Post corrections as new journal lines (reversal) instead of editing entries; grant only the read (and, where the platform requires it, insert) rights the posting routine needs, and keep M/D on ledgers out of object permissions.',
      traps:
        'Read or insert on ledger tables (posting inserts entries), RIMD on the extension\'s own setup or document tables, execute rights, and permission set objects (another rule).',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/properties/devenv-permissions-property'],
    },
  },
  create(ctx) {
    return {
      al(doc) {
        for (const o of doc.objects) {
          if (!OBJECTS.has(o.type)) continue;
          const perms = prop(o.properties, 'Permissions');
          if (!perms) continue;
          const risky = parsePermissionEntries(perms)
            .map((e) => ({ e, why: risk(e) }))
            .filter((x): x is { e: AlPermissionEntry; why: string } => !!x.why);
          if (risky.length === 0) continue;
          // One finding per property: the grants are one decision, reported where the first risky one is.
          const more = risky.length > 1 ? ` (and ${risky.length - 1} more ledger grant${risky.length > 2 ? 's' : ''})` : '';
          ctx.report({
            span: risky[0]!.e.span,
            message: `${o.type} "${o.name}" elevates every caller to ${risky[0]!.why}${more}. Correct ledgers by posting reversals; do not grant modify or delete on them.`,
            key: `${o.name}|${risky.map((x) => x.e.objectName).join(',')}`,
          });
        }
      },
    };
  },
});
