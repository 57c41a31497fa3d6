import { defineRule } from '../../server/src/core/rule';
import { classifyColumn } from '../../server/src/core/sensitivity';
import type { StringFact } from '../../server/src/core/types';
import type { ScriptDocument } from '../../server/src/parsers/script';
import { isFalsy, keyName, memberName, parentOf, spanOf, staticString, unwrap, walk, type Node } from '../../server/src/parsers/script-ast';

/** Organization columns that switch auditing (and user-access audit logging) on and off. */
const ORG_FLAGS = /^(isauditenabled|isuseraccessauditenabled)$/;

/** A boolean switched off: `false`, `0`, `!1` (strings are not Web API booleans). */
function isOff(n: Node): boolean {
  return isFalsy(n) && staticString(n) === undefined;
}

/** `IsAuditEnabled: { Value: false }`: the metadata BooleanManagedProperty shape. */
function managedOff(v: Node): boolean {
  const o = unwrap(v);
  if (o.type !== 'ObjectExpression') return false;
  return o.properties.some((p) => p.type === 'Property' && keyName(p.key, p.computed) === 'Value' && isOff(p.value as Node));
}

/** The outermost node of the statement holding `n` (the call or assignment that sends the body). */
function statementOf(n: Node): Node {
  let s: Node = n;
  for (let p = parentOf(n); p; p = parentOf(p)) {
    s = p;
    if (p.type.endsWith('Statement') || p.type === 'VariableDeclaration') break;
  }
  return s;
}

/**
 * What a metadata update is about: the Attributes(LogicalName='x') / EntityDefinitions(LogicalName='t')
 * of its URL, or a LogicalName / SchemaName beside the flag.
 */
function metadataTarget(doc: ScriptDocument, flag: Node): { table?: string; column?: string } {
  const stmt = statementOf(flag);
  const out: { table?: string; column?: string } = {};
  const inStmt = (f: StringFact): boolean => f.span.start >= stmt.range[0] && f.span.end <= stmt.range[1];
  for (const f of doc.strings.filter(inStmt)) {
    const col = /Attributes\s*\(\s*LogicalName\s*=\s*'([^']+)'/i.exec(f.value)?.[1];
    const tab = /EntityDefinitions\s*\(\s*LogicalName\s*=\s*'([^']+)'/i.exec(f.value)?.[1];
    if (col) out.column = col.toLowerCase();
    if (tab) out.table = tab.toLowerCase();
  }
  const obj = parentOf(parentOf(flag) ?? flag);
  if (obj?.type === 'ObjectExpression' && !out.column) {
    for (const p of obj.properties) {
      if (p.type !== 'Property') continue;
      const k = keyName(p.key, p.computed);
      const v = staticString(p.value as Node);
      if (v && (k === 'LogicalName' || k === 'SchemaName')) out.column = v.toLowerCase();
    }
  }
  return out;
}

export default defineRule({
  meta: {
    code: 'D365A040',
    name: 'script-disables-auditing',
    category: 'audit-disabled',
    severity: 'warning',
    kinds: ['script'],
    exampleLanguage: 'js',
    docs: {
      summary: 'Finds scripts that switch auditing off: Xrm.WebApi.updateRecord("organization", id, { isauditenabled: false }), the same PATCH through fetch, and metadata updates that set IsAuditEnabled to false on a sensitive column.',
      why:
        'With auditing off nothing records who read, changed or deleted data, so fraud, data theft and mistakes cannot be traced. Turning it off "for a data load" from an admin page is a classic way for the audit trail to stay off, or to hide what happened while it was off.',
      bad: 'await Xrm.WebApi.updateRecord("organization", orgId, { isauditenabled: false });',
      good: '// Keep auditing on; exclude bulk-load columns from auditing instead, or load with a dedicated process that is itself audited.',
      fix: 'Do not switch organization auditing off from client code. If audit volume is a problem, disable auditing for the specific non-sensitive tables or columns in the solution, and manage audit log retention.',
      traps: 'Switching auditing on (isauditenabled: true), reading or displaying the flag ($select=isauditenabled, org.isauditenabled ? ...), metadata updates on non-sensitive columns.',
      references: ['https://learn.microsoft.com/power-platform/admin/manage-dataverse-auditing'],
    },
  },
  create(ctx) {
    return {
      script(doc) {
        if (!doc.ast) return;
        const report = (n: Node, what: string): void =>
          ctx.report({ span: spanOf(n), message: `${what}: changes to data are no longer recorded, so misuse cannot be traced. Keep auditing on.`, key: what });
        walk(doc.ast, (n) => {
          if (n.type === 'Property') {
            const k = keyName(n.key, n.computed);
            if (!k) return;
            if (ORG_FLAGS.test(k) && isOff(n.value as Node)) report(n, k.toLowerCase() === 'isauditenabled' ? 'Organization auditing is switched off' : 'User access audit logging is switched off');
            else if (k === 'IsAuditEnabled' && managedOff(n.value as Node)) {
              const t = metadataTarget(doc, n);
              const name = t.column ?? t.table;
              if (!name) return;
              const col = t.column ? ctx.model.solution.columns.get(t.column)?.[0] : undefined;
              const s = classifyColumn({ name, displayName: col?.displayName, description: col?.description }, ctx.settings);
              if (s.sensitive) report(n, `Auditing of sensitive ${t.column ? 'column' : 'table'} ${name} is switched off`);
            }
          } else if (n.type === 'AssignmentExpression' && n.operator === '=') {
            const left = unwrap(n.left);
            const k = left.type === 'MemberExpression' ? memberName(left) : undefined;
            if (k && ORG_FLAGS.test(k) && isOff(n.right)) report(n, k.toLowerCase() === 'isauditenabled' ? 'Organization auditing is switched off' : 'User access audit logging is switched off');
          }
        });
      },
    };
  },
});
