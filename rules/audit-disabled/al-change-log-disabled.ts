import { defineRule } from '../../server/src/core/rule';
import { allRoutines, lastName, scopeOf, unparen, walkExprs, walkStmts, type AlExpr, type AlProcedure } from '../../server/src/parsers/al';
import { tableIsSensitive } from '../../server/src/model/al';

const LOG_FLAGS = /^log (insertion|modification|deletion)$/i;

const isFalse = (e: AlExpr): boolean => {
  const x = unparen(e);
  return (x.type === 'ident' && x.name.toLowerCase() === 'false') || (x.type === 'number' && x.text === '0');
};
/** `X."Log Modification"::" "` or `::None`: the option that logs nothing. */
const isNoLogging = (e: AlExpr): boolean => {
  const x = unparen(e);
  if (x.type === 'scope') return /^(\s*|none|no)$/i.test(x.name);
  return isFalse(x);
};
const recordOf = (e: AlExpr): string | undefined => {
  const x = unparen(e);
  return x.type === 'member' ? (lastName(x.object) ?? '').toLowerCase() : undefined;
};
const databaseTable = (e: AlExpr | undefined): string | undefined => {
  const x = e ? unparen(e) : undefined;
  return x?.type === 'scope' && x.left.type === 'ident' && x.left.name.toLowerCase() === 'database' ? x.name : undefined;
};

/**
 * The table a `Change Log Setup (Table)` record variable is set to in the routine, if it can be
 * seen: the last `"Table No." :=` before `at` (one routine often sets up several tables in turn).
 */
function tableOfSetup(r: AlProcedure, recVar: string, at?: number): string | undefined {
  let table: string | undefined;
  let first: string | undefined;
  walkStmts(r.body, (s) => {
    if (s.type === 'assign' && recordOf(s.target) === recVar && /^table no\.?$/i.test(lastName(unparen(s.target)) ?? '')) {
      const t = databaseTable(s.value);
      first ??= t;
      if (at === undefined || s.span.start < at) table = t ?? table;
    }
  });
  table ??= first;
  walkExprs(r, (e) => {
    if (e.type !== 'call' || table) return;
    const m = (lastName(e.callee) ?? '').toLowerCase();
    const recv = e.callee.type === 'member' ? (lastName(e.callee.object) ?? '').toLowerCase() : undefined;
    if (recv !== recVar) return;
    if (m === 'get') table = databaseTable(e.args[0]);
    else if (m === 'setrange' || m === 'validate') table = databaseTable(e.args[1]);
  });
  return table;
}

export default defineRule({
  meta: {
    code: 'D365A020',
    name: 'al-change-log-disabled',
    category: 'audit-disabled',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds AL code that switches the Business Central change log off: `"Change Log Activated" := false` on Change Log Setup, `"Log Insertion"`, `"Log Modification"` or `"Log Deletion"` set to `" "` (none) / false for a table or field that holds sensitive data, deleting that setup, or deleting Change Log Entry records.',
      why:
        'The change log is the only record of who changed bank accounts, tax ids or prices and when. Code that turns it off (often in an install or upgrade codeunit, to save space) silently removes the trail for every company it runs in; payment-diversion fraud and privacy requests can then no longer be investigated.',
      bad: 'ChangeLogSetup."Change Log Activated" := false;\nChangeLogSetup.Modify();',
      good: 'ChangeLogSetup."Change Log Activated" := true;\nChangeLogSetupTable."Log Modification" := ChangeLogSetupTable."Log Modification"::"All Fields";',
      fix: 'Leave the change log to the administrator: do not change it from code, or only switch logging on. If volume is the problem, log only the sensitive fields ("Some Fields") and set a retention policy for Change Log Entry.',
      traps: 'Switching the log on (`:= true`, `::"All Fields"`, `::"Some Fields"`), and turning logging off for tables without sensitive data (buffers, setup counters).',
      references: ['https://learn.microsoft.com/dynamics365/business-central/across-log-changes'],
    },
  },
  create(ctx) {
    const m = ctx.model.al;
    return {
      al(doc) {
        for (const o of doc.objects) {
          for (const r of allRoutines(o)) {
            const check = (target: string, value: AlExpr, recVar: string | undefined, span: { start: number; end: number }): void => {
              if (/^change log activated$/i.test(target)) {
                if (!isFalse(value)) return;
                ctx.report({ span, message: `${r.name} switches the change log off for the company: changes to sensitive data are no longer recorded. Leave the change log on.`, key: `${o.name}|${r.name}|activated` });
                return;
              }
              if (!LOG_FLAGS.test(target) || !isNoLogging(value)) return;
              const table = recVar ? tableOfSetup(r, recVar, span.start) : undefined;
              const sensitive = table ? tableIsSensitive(m, table) : undefined;
              if (sensitive === false) return;
              ctx.report({
                span,
                message: `${r.name} turns "${target}" logging off${table ? ` for table "${table}", which holds sensitive data` : ''}: changes are no longer recorded. Log at least the sensitive fields.`,
                key: `${o.name}|${r.name}|${target}|${table ?? ''}`,
              });
            };
            walkStmts(r.body, (s) => {
              if (s.type !== 'assign') return;
              const t = unparen(s.target);
              const name = lastName(t);
              if (name) check(name, s.value, recordOf(t), s.span);
            });
            // Deleting the log setup of a table, or the log entries themselves, erases the trail.
            const scope = scopeOf(o, r);
            walkExprs(r, (e) => {
              if (e.type !== 'call' || e.callee.type !== 'member' || e.callee.object.type !== 'ident' || !/^(delete|deleteall)$/i.test(e.callee.name)) return;
              const v = scope.get(e.callee.object.name.toLowerCase());
              if (v?.typeName !== 'record' || !v.typeArg) return;
              if (/^change log entry$/i.test(v.typeArg)) {
                ctx.report({ span: e.span, message: `${r.name} deletes change log entries: the record of who changed what is erased. Leave clean-up to a retention policy.`, key: `${o.name}|${r.name}|entries` });
              } else if (/^change log setup \((table|field)\)$/i.test(v.typeArg)) {
                const table = tableOfSetup(r, e.callee.object.name.toLowerCase(), e.span.start);
                if ((table ? tableIsSensitive(m, table) : undefined) === false) return;
                ctx.report({ span: e.span, message: `${r.name} deletes the change log setup${table ? ` of table "${table}"` : ''}: its changes are no longer recorded.`, key: `${o.name}|${r.name}|setup-delete|${table ?? ''}` });
              }
            });
            walkExprs(r, (e) => {
              if (e.type !== 'call' || !/^(validate|modifyall)$/i.test(lastName(e.callee) ?? '') || e.args.length < 2) return;
              const f = lastName(unparen(e.args[0]!));
              const recv = e.callee.type === 'member' ? (lastName(e.callee.object) ?? '').toLowerCase() : undefined;
              if (f) check(f, e.args[1]!, recv, e.span);
            });
          }
        }
      },
    };
  },
});
