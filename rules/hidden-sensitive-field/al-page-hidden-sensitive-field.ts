import { defineRule } from '../../server/src/core/rule';
import { classifyColumn } from '../../server/src/core/sensitivity';
import { apiExposures, controlSourceField, findAlField, pageSourceTable } from '../../server/src/model/al';
import { prop, walkElements, type AlElement, type AlObject } from '../../server/src/parsers/al';
import { isCredentialValueName } from '../../server/src/parsers/al-secrets';

const isFalse = (v: string | undefined): boolean => v !== undefined && /^false$/i.test(v.trim());
const CONTROLS = new Set(['field', 'modify']);
const caption = (e: AlElement): string | undefined => prop(e.properties, 'Caption')?.value.replace(/^'(.*?)'.*$/s, '$1');

export default defineRule({
  meta: {
    code: 'D365H030',
    name: 'al-page-hidden-sensitive-field',
    category: 'hidden-sensitive-field',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds sensitive table fields (national and tax IDs, bank accounts, salaries, health data, credentials, and pricing controls such as commission or discount) that an AL page or page extension hides with `Visible = false` (on the field or its group) or locks with `Editable = false` / `Enabled = false`, while no permission guards them.',
      why:
        'Business Central has no field-level security. A hidden field is still in the record: users can show it again with Personalize, read it with page inspection, Edit in Excel, any other page, report or query over the table, and API pages return it. A read-only control does not stop writes through an API page, a configuration package or another page. Only permissions protect data.',
      bad: 'group(Compliance)\n{\n    Visible = false;\n    field("Tax ID"; Rec."Tax ID") { }\n}',
      good: 'group(Compliance)\n{\n    // shown only to users holding the compliance permission set\n    AccessByPermission = tabledata "PFX Broker Tax" = R;\n    field("Tax ID"; Rec."Tax ID") { }\n}',
      fix: 'Move the sensitive data to its own table guarded by a permission set (and AccessByPermission on the controls that show it), or bind Visible/Editable to a permission check; remove it from API pages that callers without that permission can reach.',
      traps:
        'Hidden or read-only non-sensitive fields (search names, system ids, isolated-storage key ids), visibility bound to an expression (`Visible = ShowTaxId`, set from a permission check) when no API page returns the field, controls guarded by AccessByPermission, page variables that are not table fields, and API pages (no UI).',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/properties/devenv-accessbypermission-property'],
    },
  },
  create(ctx) {
    const m = ctx.model.al;
    return {
      al(doc) {
        for (const o of doc.objects) {
          if (o.type !== 'page' && o.type !== 'pageextension') continue;
          const info = m.pages.find((p) => p.path === doc.file.path && p.name === o.name);
          if (info?.api || /^api$/i.test(prop(o.properties, 'PageType')?.value ?? '')) continue;
          // A page over a temporary buffer shows no stored data.
          if (/^true$/i.test(prop(o.properties, 'SourceTableTemporary')?.value ?? '')) continue;
          check(o);
        }
        function check(o: AlObject): void {
          const info = m.pages.find((p) => p.path === doc.file.path && p.name === o.name);
          const table = info ? pageSourceTable(m, info) : prop(o.properties, 'SourceTable')?.value.replace(/"/g, '');
          const vars = new Set(o.variables.map((v) => v.name.toLowerCase()));
          const reportedGroups = new Set<AlElement>();
          walkElements(o.elements, (e, anc) => {
            if (!CONTROLS.has(e.keyword) || !anc.some((a) => a.keyword === 'layout')) return;
            const chain = [...anc, e];
            if (chain.some((x) => prop(x.properties, 'AccessByPermission'))) return;
            const hider = chain.find((x) => isFalse(prop(x.properties, 'Visible')?.value));
            const locker = chain.find((x) => isFalse(prop(x.properties, 'Editable')?.value) || isFalse(prop(x.properties, 'Enabled')?.value));
            // Visible bound to an expression (`Visible = ShowBankDetails`) is a real guard only where
            // no API page hands the same field out: it is judged once the exposures are known.
            const shower = !hider && !locker ? chain.find((x) => isExpression(prop(x.properties, 'Visible')?.value)) : undefined;
            if (!hider && !locker && !shower) return;
            const fieldName = e.keyword === 'modify' ? e.args[0]?.text : controlSourceField(e.args[1]?.expr, vars);
            if (!fieldName) return; // a page variable, not stored data
            const field = findAlField(m, table, fieldName) ?? (table ? undefined : findAlField(m, undefined, fieldName));
            if (field && /^guid\b/i.test(field.type)) return; // a key id (isolated storage), not the value
            const s = classifyColumn({ name: fieldName, displayName: field?.caption ?? caption(e), ...(field?.dataClassification ? { dataClassification: field.dataClassification } : {}) }, ctx.settings);
            if (!s.sensitive) return;
            // A credential is text: a date, flag or number about it (`Token Expires At`) is not one.
            if (s.kind === 'secret' && field && !/^(text|code|blob|bigtext)\b/i.test(field.type)) return;
            if (s.kind === 'secret' && !isCredentialValueName(fieldName)) return;
            const exposures = apiExposures(m, field?.table ?? table, fieldName);
            if (shower && exposures.length === 0) return;
            // Read-only on a page is obscurity too (labels.md): with no permission guarding the field,
            // an API page, a configuration package, Edit in Excel or another page still writes it.
            const group = hider ?? shower;
            if (group && group !== e) {
              if (reportedGroups.has(group)) return;
              reportedGroups.add(group);
            }
            const how = hider
              ? hider === e
                ? 'hidden (Visible = false)'
                : `hidden with its ${hider.keyword} ${hider.args[0]?.text ?? ''} (Visible = false)`
              : shower
                ? `shown only when ${prop(shower.properties, 'Visible')!.value.trim()} holds`
                : `read-only (${isFalse(prop(locker!.properties, 'Editable')?.value) ? 'Editable' : 'Enabled'} = false)`;
            const api = exposures[0];
            const where = api
              ? ` API page "${api.page.name}" ${hider || shower ? 'returns' : 'lets callers change'} it.`
              : ' Business Central has no field-level security: users can personalize it back, inspect the page or read it through any other page, report or export.';
            ctx.report({
              span: e.headSpan,
              message: `Sensitive field "${fieldName}" is ${how} on ${o.type} "${o.name}" but no permission guards it.${where} Protect it with permissions (AccessByPermission, a separate table) instead.`,
              key: `${o.name}|${fieldName}|${hider || shower ? 'hidden' : 'readonly'}`,
              ...(api ? { related: [{ path: api.page.path, span: api.page.span, message: `API page ${api.page.name} exposes ${fieldName}` }] } : {}),
            });
          });
        }
      },
    };
  },
});

/** A Visible value that is neither literal: a variable or a call computed at run time. */
function isExpression(v: string | undefined): boolean {
  return v !== undefined && v.trim() !== '' && !/^(true|false)$/i.test(v.trim());
}
