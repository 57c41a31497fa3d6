import { defineRule } from '../../server/src/core/rule';
import { classifyColumn, type Sensitivity } from '../../server/src/core/sensitivity';
import { formsForScript, scriptContainerHides, scriptHides, tablesForScript } from '../../server/src/model/script';
import { findColumn, formFieldsIn, isColumnSecured, type ColumnInfo, type SolutionModel } from '../../server/src/model/solution';

/**
 * Locking (read-only) is security through obscurity for every sensitive column (labels.md): the
 * form says "do not change this", yet any user with write access changes it through the Web API.
 */
function lockMatters(s: Sensitivity): boolean {
  return s.sensitive;
}

/** The column's secured state: on the tables whose forms load the script, else anywhere. */
function secured(sol: SolutionModel, column: string, tables: string[]): boolean | undefined {
  if (tables.length > 0) {
    const states = tables.map((t) => isColumnSecured(sol, column, t));
    if (states.some((x) => x !== undefined)) return states.every((x) => x !== false);
  }
  return isColumnSecured(sol, column);
}

export default defineRule({
  meta: {
    code: 'D365H020',
    name: 'script-hides-sensitive-column',
    category: 'hidden-sensitive-field',
    severity: 'warning',
    kinds: ['script'],
    exampleLanguage: 'js',
    docs: {
      summary:
        'Finds form scripts that hide a sensitive column (setVisible(false), or setVisible(condition) after a client-side role check), hide a tab or section holding one, or lock one (setDisabled(true)), when field-level security does not protect it. Helpers published by shared libraries (Ns.Form.hide(formContext, ["x"])) are resolved across files.',
      why:
        'A form script runs in the browser of the user it is meant to restrict. The column is still returned by the Web API, Advanced Find, Excel export and every other form, and a user with write privilege can change a locked value through the API. Client-side role checks (userSettings.roles, getUserRoles) decide only what the form shows, never what the user can read or write.',
      bad: 'if (!userHasRole("Back Office")) {\n  formContext.getControl("pfx_iban").setVisible(false); // pfx_iban: IsSecured 0\n}',
      good: '// Entity.xml: pfx_iban has <IsSecured>1</IsSecured> and a field security profile grants the back office read.\nformContext.getControl("pfx_iban").setVisible(true);',
      fix: 'Secure the column (IsSecured = 1) and grant read / update through a field security profile to the teams that need it; keep the script only for layout. For pricing values, enforce the rule server-side (a plug-in or a business rule with scope Entity) as well as securing the column.',
      traps:
        'Hiding a non-sensitive column for layout, hiding a column that is secured (IsSecured 1 or in a field security profile), setVisible(true) and setDisabled(false), helpers that show columns, a same-named helper of another library that hides nothing, tabs and sections whose columns (from the form XML of the forms that load the script) are all non-sensitive or secured.',
      references: ['https://learn.microsoft.com/power-platform/admin/field-level-security', 'https://cwe.mitre.org/data/definitions/602.html'],
    },
  },
  create(ctx) {
    const sol = ctx.model.solution;
    return {
      script(doc) {
        if (doc.minified) return;
        const tables = tablesForScript(doc.file.path, sol);
        for (const h of scriptHides(doc, ctx.model.scripts, sol)) {
          const info = (tables.length === 1 ? findColumn(sol, h.column, tables[0]) : undefined) ?? findColumn(sol, h.column);
          const s = classifyColumn({ name: h.column, displayName: info?.displayName, description: info?.description }, ctx.settings);
          if (!s.sensitive) continue;
          if (h.action === 'disable' && !lockMatters(s)) continue;
          // undefined: the column is not in a scanned solution; the name decides.
          if (secured(sol, h.column, tables) === true) continue;
          const what = h.action === 'hide' ? (h.conditional ? 'hidden for some users' : 'hidden') : h.conditional ? 'made read-only for some users' : 'made read-only';
          const why = h.roleCheck ? ' after a client-side role check' : '';
          ctx.report({
            span: h.span,
            message: `Sensitive column ${h.column} (${s.reason}) is ${what}${why} in a form script, but field-level security does not protect it: the Web API still ${h.action === 'hide' ? 'returns' : 'lets users change'} it. Secure the column with a field security profile.`,
            key: `${h.column}|${h.action}`,
            related: info ? [{ path: info.path, span: info.span, message: `${h.column} is defined here without field-level security` }] : undefined,
            fixData: { column: h.column, action: h.action },
          });
        }
        // Tabs and sections: their columns come from the forms that load the script.
        const containers = scriptContainerHides(doc, ctx.model.scripts, sol);
        if (containers.length === 0) return;
        const forms = formsForScript(doc.file.path, sol);
        for (const c of containers) {
          const exposed = new Map<string, { reason: string; info?: ColumnInfo }>();
          for (const f of formFieldsIn(sol, c, forms, tables)) {
            if (exposed.has(f.column)) continue;
            const info = findColumn(sol, f.column, f.table) ?? findColumn(sol, f.column);
            const s = classifyColumn({ name: f.column, displayName: info?.displayName, description: info?.description }, ctx.settings);
            if (!s.sensitive || secured(sol, f.column, f.table ? [f.table] : tables) === true) continue;
            exposed.set(f.column, { reason: s.reason ?? 'sensitive', info });
            if (exposed.size >= 12) break;
          }
          if (exposed.size === 0) continue;
          const what = c.section ? `Section ${c.section}${c.tab ? ` of tab ${c.tab}` : ''}` : `Tab ${c.tab}`;
          const how = c.conditional ? 'hidden for some users' : 'hidden';
          const why = c.roleCheck ? ' after a client-side role check' : '';
          const list = [...exposed].map(([col, e]) => `${col} (${e.reason})`).join(', ');
          ctx.report({
            span: c.span,
            message: `${what} is ${how}${why} in a form script, but it holds sensitive columns that field-level security does not protect: ${list}. The Web API still returns them. Secure the columns with a field security profile.`,
            key: `${c.section ? 'section' : 'tab'}:${c.tab ?? ''}/${c.section ?? ''}|hide`,
            related: [...exposed]
              .filter(([, e]) => e.info)
              .map(([col, e]) => ({ path: e.info!.path, span: e.info!.span, message: `${col} is defined here without field-level security` })),
            fixData: { columns: [...exposed.keys()], action: 'hide', tab: c.tab, section: c.section },
          });
        }
      },
    };
  },
});
