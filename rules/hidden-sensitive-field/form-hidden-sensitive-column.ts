import { defineRule } from '../../server/src/core/rule';
import { classifyColumn } from '../../server/src/core/sensitivity';
import { findColumn, hidingContainer, isColumnSecured } from '../../server/src/model/solution';
import { attr, attrValue, child, children, descendants, localName, type XmlElement } from '../../server/src/parsers/xml';

function nearest(el: XmlElement, name: string): XmlElement | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) if (localName(e.name).toLowerCase() === name) return e;
  return undefined;
}

/** The label the form shows for a cell (language 1033 first). */
function cellLabel(cell: XmlElement | undefined): string | undefined {
  const labels = children(child(cell, 'labels'), 'label');
  const l = labels.find((x) => attrValue(x, 'languagecode') === '1033') ?? labels[0];
  return attrValue(l, 'description') || undefined;
}

function tableOf(path: string): string | undefined {
  return /(?:^|\/)Entities\/([^/]+)\/FormXml\//i.exec(path)?.[1]?.toLowerCase();
}

export default defineRule({
  meta: {
    code: 'D365H001',
    name: 'form-hidden-sensitive-column',
    category: 'hidden-sensitive-field',
    severity: 'warning',
    kinds: ['xml'],
    exampleLanguage: 'xml',
    docs: {
      summary:
        'Finds sensitive columns hidden on a form (visible="false" on the cell, section or tab) or locked (disabled="true"), while the column is not protected by field-level security.',
      why:
        'Hiding or locking a field on a form is layout, not security: the column is still returned by the Web API, Advanced Find, exports and every other form or app, and anyone with write privilege on the table can change it. Only field-level security (IsSecured plus a field security profile) restricts who reads or writes a column.',
      bad: '<cell id="{…}" visible="false">\n  <control id="pfx_nationalid" datafieldname="pfx_nationalid" />\n</cell>   <!-- pfx_nationalid: IsSecured 0 -->',
      good: '<!-- Entity.xml: <IsSecured>1</IsSecured> for pfx_nationalid, granted by a field security profile -->',
      fix: 'Enable column security (IsSecured = 1) on the column and grant read / update through a field security profile to the teams that need it; then the form can show it to everyone and the platform enforces access.',
      traps:
        'Hidden non-sensitive columns (layout), hidden or locked columns that are secured (IsSecured 1 or listed in a field security profile), the managed twin of a form.',
      references: ['https://learn.microsoft.com/power-platform/admin/field-level-security'],
    },
  },
  create(ctx) {
    const sol = ctx.model.solution;
    return {
      xml(doc) {
        if (doc.role !== 'form') return;
        const path = doc.file.path;
        // pac writes a *_managed.xml twin beside each form: report the unmanaged one only.
        const twin = path.replace(/_managed(\.xml)$/i, '$1');
        if (twin !== path && sol.formFields.some((f) => f.path === twin)) return;
        const table = tableOf(path);
        const grouped = new Map<XmlElement, string[]>();
        for (const control of descendants(doc.root, 'control')) {
          const column = attrValue(control, 'datafieldname')?.toLowerCase();
          if (!column) continue;
          const hider = hidingContainer(control);
          const disabled = attrValue(control, 'disabled')?.toLowerCase() === 'true';
          if (!hider && !disabled) continue;
          const cell = nearest(control, 'cell');
          const info = findColumn(sol, column, table) ?? findColumn(sol, column);
          const s = classifyColumn({ name: column, displayName: info?.displayName ?? cellLabel(cell), description: info?.description }, ctx.settings);
          if (!s.sensitive) continue;
          // Read-only on the form only is obscurity too (labels.md): the Web API still writes the column.
          if (isColumnSecured(sol, column, info ? info.table : table) === true || (info && isColumnSecured(sol, column) === true && !table)) continue;
          // A lock is reported on the control that carries disabled="true"; a hide where visible="false" is.
          const anchorEl = !hider ? control : localName(hider.name).toLowerCase() !== 'control' ? hider : (cell ?? control);
          const how = hider
            ? `hidden (${localName(hider.name)} visible="false")`
            : 'read-only on this form (disabled="true")';
          const related = info ? [{ path: info.path, span: info.span, message: `${column} is defined here without field-level security (IsSecured 0)` }] : undefined;
          const n = localName(anchorEl.name).toLowerCase();
          if (n === 'section' || n === 'tab') {
            const list = grouped.get(anchorEl) ?? [];
            list.push(column);
            grouped.set(anchorEl, list);
            if (list.length > 1) continue;
          }
          const end = attr(control, 'disabled')?.span.end ?? attr(control, 'datafieldname')!.span.end;
          const lock = !hider ? attr(control, 'disabled')?.span : undefined;
          ctx.report({
            span: lock ?? { start: anchorEl.openSpan.start, end: n === 'cell' || n === 'control' ? end : anchorEl.openSpan.end },
            message: `Sensitive column ${column}${info?.displayName ? ` (${info.displayName})` : ''} is ${how} but not secured by field-level security: it is still readable${s.kind === 'pricing' || !hider ? ' and writable' : ''} through the Web API and any other form.`,
            key: `form:${column}:${how}`,
            ...(related ? { related } : {}),
            fixData: { kind: 'secure-column', column, table: info?.table ?? table },
          });
        }
      },
    };
  },
});
