import rule from '../../rules/hidden-sensitive-field/script-hides-sensitive-column';
import { testRule } from '../rule-tester';

/** A minimal unpacked solution: the manifest makes the layout see a solution, Entity.xml defines the column. */
function entity(table: string, column: string, secured: 0 | 1, display = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Entity>
  <Name LocalizedName="${table}">${table}</Name>
  <EntityInfo>
    <entity Name="${table}">
      <attributes>
        <attribute PhysicalName="${column}">
          <Type>nvarchar</Type>
          <Name>${column}</Name>
          <LogicalName>${column}</LogicalName>
          <IsSecured>${secured}</IsSecured>
          <displaynames><displayname description="${display}" languagecode="1033" /></displaynames>
        </attribute>
      </attributes>
    </entity>
  </EntityInfo>
</Entity>`;
}
/** Entity.xml with several columns: [name, IsSecured]. */
function entityCols(table: string, cols: [string, 0 | 1][]): string {
  const attrs = cols
    .map(([c, sec]) => `        <attribute PhysicalName="${c}"><Type>nvarchar</Type><Name>${c}</Name><LogicalName>${c}</LogicalName><IsSecured>${sec}</IsSecured></attribute>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<Entity>
  <Name LocalizedName="${table}">${table}</Name>
  <EntityInfo>
    <entity Name="${table}">
      <attributes>
${attrs}
      </attributes>
    </entity>
  </EntityInfo>
</Entity>`;
}

/** A main form: tabs -> sections -> columns, and the web resources it loads. */
function form(tabs: Record<string, Record<string, string[]>>, libraries: string[]): string {
  const tabXml = Object.entries(tabs)
    .map(
      ([tab, sections]) => `      <tab name="${tab}" id="{${tab}}"><columns><column width="100%"><sections>
${Object.entries(sections)
  .map(([sec, cols]) => `        <section name="${sec}" id="{${sec}}"><rows>
${cols.map((c) => `          <row><cell id="{c_${c}}"><control id="${c}" classid="{4273EDBD-AC1D-40d3-9FB2-095C621B552D}" datafieldname="${c}" /></cell></row>`).join('\n')}
        </rows></section>`)
  .join('\n')}
      </sections></column></columns></tab>`,
    )
    .join('\n');
  return `<forms><systemform><form>
    <tabs>
${tabXml}
    </tabs>
    <formLibraries>${libraries.map((l) => `<Library name="${l}" libraryUniqueId="{${l}}" />`).join('')}</formLibraries>
  </form></systemform></forms>`;
}

/** A shared library publishing Nw.Fields.conceal / freeze / reveal through an IIFE and a callback passed down. */
const NW_FIELDS = `var Nw = window.Nw || {};
Nw.Fields = (function () {
  function forEachControl(fc, list, cb) {
    for (var i = 0; i < list.length; i++) {
      var ctl = fc.getControl(list[i]);
      if (ctl) cb(ctl);
    }
  }
  return {
    conceal: function (fc, list) { forEachControl(fc, list, function (x) { x.setVisible(false); }); },
    reveal: function (fc, list) { forEachControl(fc, list, function (x) { x.setVisible(true); }); },
    freeze: function (fc, list) { forEachControl(fc, list, function (x) { x.setDisabled(true); }); }
  };
})();`;

const MANIFEST = '<ImportExportXml><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';

testRule(rule, {
  valid: [
    {
      name: 'shows the column',
      path: 'web/contact.js',
      code: 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  fc.getControl("pfx_iban").setVisible(true);\n}',
    },
    {
      name: 'unlocks a pricing column',
      path: 'web/policy.js',
      code: 'function onLoad(ctx) {\n  ctx.getFormContext().getControl("pfx_discount").setDisabled(false);\n}',
    },
  ],
  traps: [
    {
      name: 'trap: the same forEach helper on columns that are not sensitive',
      files: {
        'web/lib/form.js': 'var Lib = window.Lib || {};\nLib.Form = (function () {\n  function forEachControl(formContext, names, action) {\n    names.forEach(function (name) {\n      var attribute = formContext.getAttribute(name);\n      if (attribute) { attribute.controls.forEach(action); }\n    });\n  }\n  function hide(formContext) {\n    var names = Array.prototype.slice.call(arguments, 1);\n    forEachControl(formContext, names, function (control) { control.setVisible(false); });\n  }\n  return { hide: hide };\n})();',
        'web/forms/patient.js': 'function onLoad(ctx) {\n  Lib.Form.hide(ctx.getFormContext(), "pfx_preferredpharmacy", "pfx_legacykey");\n}',
      },
    },
    {
      name: 'trap: the same variadic helper hiding columns that are not sensitive',
      files: {
        'web/lib/common.js': 'var Lib = window.Lib || {};\nLib.Common = (function () {\n  function hideControls(formContext) {\n    var names = Array.prototype.slice.call(arguments, 1);\n    names.forEach(function (name) { formContext.getControl(name).setVisible(false); });\n  }\n  return { hideControls: hideControls };\n})();',
        'web/forms/loan.js': '(function (common) {\n  function onLoad(ctx) { common.hideControls(ctx.getFormContext(), "pfx_migrationbatch", "pfx_internalreference"); }\n})(Lib.Common);',
      },
    },
    { name: 'trap: hides a non-sensitive column for layout', path: 'web/contact.js', code: 'function onLoad(ctx) {\n  ctx.getFormContext().getControl("address1_line3").setVisible(false);\n}' },
    { name: 'trap: locks an autonumber column', path: 'web/policy.js', code: 'function onLoad(ctx) {\n  ctx.getFormContext().getControl("pfx_policynumber").setDisabled(true);\n}' },
    { name: 'trap: hides an isolated key id, not the key', path: 'web/setup.js', code: 'function onLoad(ctx) {\n  ctx.getFormContext().getControl("pfx_apikeyid").setVisible(false);\n}' },
    {
      name: 'trap: hides a column the solution secures',
      files: {
        'web/setting.ts': 'export function onLoad(ctx: Xrm.Events.EventContext): void {\n  ctx.getFormContext().getControl<Xrm.Controls.StringControl>("pfx_apikey")?.setVisible(false);\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Setting/Entity.xml': entity('pfx_setting', 'pfx_apikey', 1),
      },
    },
    { name: 'trap: hides a tab (its columns come from the form XML)', path: 'web/contact.js', code: 'function onLoad(ctx) {\n  ctx.getFormContext().ui.tabs.get("finance").setVisible(false);\n}' },
    { name: 'trap: commented-out hide', path: 'web/contact.js', code: 'function onLoad(ctx) {\n  // ctx.getFormContext().getControl("pfx_iban").setVisible(false);\n}' },
    {
      name: 'trap: a shared helper that shows the column',
      files: { 'web/forms/vendor.js': 'function onLoad(ctx) {\n  Nw.Fields.reveal(ctx.getFormContext(), ["pfx_passportnumber"]);\n}', 'web/lib/nw_fields.js': NW_FIELDS },
    },
    {
      name: 'trap: a shared helper called with non-sensitive columns',
      files: { 'web/forms/vendor.js': 'function onLoad(ctx) {\n  Nw.Fields.conceal(ctx.getFormContext(), ["address1_line3", "pfx_shippingnotes"]);\n}', 'web/lib/nw_fields.js': NW_FIELDS },
    },
    {
      name: 'trap: a same-named wrapper from a file that hides nothing',
      files: {
        'web/forms/vendor.js': 'function onLoad(ctx) {\n  Nw.Fields.conceal(ctx.getFormContext(), ["pfx_passportnumber"]);\n}',
        'web/lib/nw_fields_stub.js': 'var Nw = window.Nw || {};\nNw.Fields = { conceal: function (fc, list) { console.log("conceal", list); } };',
      },
    },
    {
      name: 'trap: a wrapper the form script defines itself, which hides nothing',
      files: {
        'web/forms/vendor.js': 'var Nw = { Fields: { conceal: function (fc, list) { return list.length; } } };\nfunction onLoad(ctx) {\n  Nw.Fields.conceal(ctx.getFormContext(), ["pfx_passportnumber"]);\n}',
        'web/lib/nw_fields.js': NW_FIELDS,
      },
    },
    {
      name: 'trap: commented-out wrapper calls',
      files: { 'web/forms/vendor.js': 'function onLoad(ctx) {\n  // Nw.Fields.conceal(ctx.getFormContext(), ["pfx_passportnumber"]);\n  /* Nw.Fields.freeze(ctx.getFormContext(), ["pfx_salary"]); */\n}', 'web/lib/nw_fields.js': NW_FIELDS },
    },
    {
      name: 'trap: a section holding only non-sensitive columns',
      files: {
        'solution/WebResources/pfx_/scripts/vendor.js': 'function onLoad(ctx) {\n  ctx.getFormContext().ui.tabs.get("tab_logistics").sections.get("sec_shipping").setVisible(false);\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Vendor/Entity.xml': entityCols('pfx_vendor', [['pfx_shippingnotes', 0], ['address1_line3', 0], ['pfx_iban', 0]]),
        'solution/Entities/pfx_Vendor/FormXml/main/{a1}.xml': form({ tab_logistics: { sec_shipping: ['pfx_shippingnotes', 'address1_line3'] }, tab_money: { sec_bank: ['pfx_iban'] } }, ['pfx_/scripts/vendor.js']),
      },
    },
    {
      name: 'trap: a section whose sensitive columns are all secured',
      files: {
        'solution/WebResources/pfx_/scripts/vendor.js': 'function onLoad(ctx) {\n  if (!userHasRole("Treasury")) ctx.getFormContext().ui.tabs.get("tab_money").sections.get("sec_bank").setVisible(false);\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Vendor/Entity.xml': entityCols('pfx_vendor', [['pfx_iban', 1], ['pfx_routingnumber', 1], ['pfx_bankname', 0]]),
        'solution/Entities/pfx_Vendor/FormXml/main/{a1}.xml': form({ tab_money: { sec_bank: ['pfx_iban', 'pfx_routingnumber', 'pfx_bankname'] } }, ['pfx_/scripts/vendor.js']),
      },
    },
    {
      name: 'trap: a tab name on forms of several tables, script loaded by no form',
      files: {
        'web/misc.js': 'function onLoad(ctx) {\n  ctx.getFormContext().ui.tabs.get("general").setVisible(false);\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Vendor/Entity.xml': entityCols('pfx_vendor', [['pfx_iban', 0]]),
        'solution/Entities/pfx_Vendor/FormXml/main/{a1}.xml': form({ general: { sec_a: ['pfx_iban'] } }, []),
        'solution/Entities/pfx_Worker/Entity.xml': entityCols('pfx_worker', [['pfx_salary', 0]]),
        'solution/Entities/pfx_Worker/FormXml/main/{b2}.xml': form({ general: { sec_b: ['pfx_salary'] } }, []),
      },
    },
    {
      name: 'trap: a section shown again',
      files: {
        'solution/WebResources/pfx_/scripts/vendor.js': 'function onLoad(ctx) {\n  ctx.getFormContext().ui.tabs.get("tab_money").sections.get("sec_bank").setVisible(true);\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Vendor/Entity.xml': entityCols('pfx_vendor', [['pfx_iban', 0]]),
        'solution/Entities/pfx_Vendor/FormXml/main/{a1}.xml': form({ tab_money: { sec_bank: ['pfx_iban'] } }, ['pfx_/scripts/vendor.js']),
      },
    },
  ],
  invalid: [
    {
      name: 'a helper that hands its callback to attribute.controls.forEach',
      files: {
        'web/lib/form.js': 'var Lib = window.Lib || {};\nLib.Form = (function () {\n  function forEachControl(formContext, names, action) {\n    names.forEach(function (name) {\n      var attribute = formContext.getAttribute(name);\n      if (attribute) { attribute.controls.forEach(action); }\n    });\n  }\n  function hide(formContext) {\n    var names = Array.prototype.slice.call(arguments, 1);\n    forEachControl(formContext, names, function (control) { control.setVisible(false); });\n  }\n  return { hide: hide };\n})();',
        'web/forms/patient.js': 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  Lib.Form.hide(fc, "pfx_hivstatus");\n}',
      },
      errors: [{ path: 'web/forms/patient.js', line: 3, message: 'pfx_hivstatus' }],
    },
    {
      name: 'a pre-ES2015 variadic helper (Array.prototype.slice.call(arguments, 1)) reached through a module-pattern alias',
      files: {
        'web/lib/common.js': 'var Lib = window.Lib || {};\nLib.Common = (function () {\n  function hideControls(formContext) {\n    var names = Array.prototype.slice.call(arguments, 1);\n    names.forEach(function (name) {\n      var c = formContext.getControl(name);\n      if (c) { c.setVisible(false); }\n    });\n  }\n  function lockControls(formContext) {\n    var names = [].slice.call(arguments, 1);\n    names.forEach(function (name) { formContext.getControl(name).setDisabled(true); });\n  }\n  return { hideControls: hideControls, lockControls: lockControls };\n})();',
        'web/forms/loan.js': 'var App = window.App || {};\n(function (ns, common) {\n  ns.onLoad = function (ctx) {\n    var fc = ctx.getFormContext();\n    common.hideControls(fc, "pfx_annualincome");\n  };\n})(App.Loan = App.Loan || {}, Lib.Common);',
      },
      errors: [{ path: 'web/forms/loan.js', line: 5, message: 'pfx_annualincome' }],
    },
    {
      name: 'hides an IBAN after a role check',
      path: 'web/contact.js',
      code: 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  if (!Shared.userHasRole("Back Office")) {\n    fc.getControl("pfx_iban").setVisible(false);\n  }\n}',
      errors: [{ line: 4, message: 'role check' }],
    },
    {
      name: 'role-dependent visibility in TypeScript',
      path: 'web/claim.ts',
      code: 'export function onLoad(ctx: Xrm.Events.EventContext): void {\n  const fc = ctx.getFormContext();\n  const isAdjuster = userHasRole("Claims Adjuster");\n  fc.getControl<Xrm.Controls.StringControl>("pfx_medicalnotes")?.setVisible(isAdjuster);\n}\nfunction userHasRole(n: string): boolean {\n  return Xrm.Utility.getGlobalContext().userSettings.roles.get().some((r) => r.name === n);\n}',
      errors: [{ line: 4, message: 'for some users' }],
    },
    {
      name: 'legacy Xrm.Page with a column the solution leaves unsecured',
      files: {
        'solution/WebResources/pfx_/scripts/contact.js': 'function Contact_OnLoad() {\n  if (!Contact_HasRole("c05d8a74-e361-f011-8544-000d3a2b7c91")) {\n    Xrm.Page.getControl("pfx_taxref").setVisible(false);\n  }\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/Contact/Entity.xml': entity('contact', 'pfx_taxref', 0, 'Tax ID'),
      },
      errors: [{ line: 3 }],
    },
    {
      name: 'every control of the attribute, through forEach',
      path: 'web/contact.js',
      code: 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  fc.getAttribute("pfx_bankaccountnumber").controls.forEach(function (c) {\n    c.setVisible(false);\n  });\n}',
      errors: [{ line: 4 }],
    },
    {
      name: 'control kept in a variable, header copy',
      path: 'web/contact.js',
      code: 'function onLoad(ctx) {\n  var ctl = ctx.getFormContext().getControl("header_pfx_salary");\n  ctl.setVisible(false);\n}',
      errors: [{ line: 3 }],
    },
    {
      name: 'locks a premium in the form only',
      path: 'web/policy.js',
      code: 'function onLoad(ctx) {\n  if (!Shared.userHasRole("Underwriting Manager")) {\n    ctx.getFormContext().getControl("pfx_premium").setDisabled(true);\n  }\n}',
      errors: [{ line: 3, message: 'read-only' }],
    },
    {
      name: 'locks personal data in the form only (optional call, TS generics)',
      path: 'web/claim.ts',
      code: 'export function onLoad(ctx: Xrm.Events.EventContext): void {\n  const fc = ctx.getFormContext();\n  fc.getControl<Xrm.Controls.StandardControl>("pfx_nationalid")?.setDisabled(true);\n}',
      errors: [{ line: 3, message: 'read-only' }],
    },
    {
      name: 'a wrapper reported where it names the column',
      path: 'web/helpers.js',
      code: 'function hide(fc, name) {\n  fc.getControl(name).setVisible(false);\n}\nfunction onLoad(ctx) {\n  hide(ctx.getFormContext(), "pfx_passportnumber");\n}',
      errors: [{ line: 5 }],
    },
    {
      name: 'an array of columns',
      path: 'web/contact.js',
      code: 'var FINANCE = ["pfx_iban", "pfx_city"];\nfunction onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  FINANCE.forEach(function (n) { fc.getControl(n).setVisible(false); });\n}',
      errors: [{ line: 4 }],
    },
    {
      name: 'a shared library helper (IIFE namespace, callback passed down)',
      files: {
        'web/forms/vendor.js': 'function Vendor_OnLoad(ctx) {\n  var fc = ctx.getFormContext();\n  Nw.Fields.conceal(fc, ["pfx_passportnumber", "pfx_shippingnotes"]);\n  Nw.Fields.freeze(fc, ["pfx_salary"]);\n  Nw.Fields.reveal(fc, ["pfx_iban"]);\n}',
        'web/lib/nw_fields.js': NW_FIELDS,
      },
      errors: [{ line: 3, message: 'pfx_passportnumber' }, { line: 4, message: 'read-only' }],
    },
    {
      name: 'an object-literal namespace with rest parameters, through parent.',
      files: {
        'web/html/panel.js': 'function apply() {\n  parent.Nw.Util.hideFields(parent.Xrm.Page, "pfx_iban", "address1_city");\n}',
        'web/lib/nw_util.js': 'var Nw = Nw || {};\nNw.Util = {\n  hideFields: function (fc, ...names) { names.forEach((n) => fc.getControl(n)?.setVisible(false)); }\n};',
      },
      errors: [{ line: 2, message: 'pfx_iban' }],
    },
    {
      name: 'a TS namespace helper with a flag decided by a role check',
      files: {
        'web/forms/employee.ts': 'namespace Nw.Employee {\n  export function onLoad(ctx: Xrm.Events.EventContext): void {\n    const fc = ctx.getFormContext();\n    Nw.Ui.setVisibility(fc, userHasRole("Payroll"), ["pfx_salary"]);\n    Nw.Ui.setVisibility(fc, true, ["pfx_nationalid"]);\n  }\n}',
        'web/lib/nw_ui.ts': 'namespace Nw.Ui {\n  export function setVisibility(fc: Xrm.FormContext, visible: boolean, names: string[]): void {\n    for (const n of names) fc.getControl(n)?.setVisible(visible);\n  }\n}',
      },
      errors: [{ line: 4, message: /for some users after a client-side role check/ }],
    },
    {
      name: 'a static method of an ES class helper',
      files: {
        'web/forms/claim.js': 'function onLoad(ctx) {\n  FieldGuard.lock(ctx.getFormContext(), "pfx_medicalnotes");\n}',
        'web/lib/guard.js': 'class FieldGuard {\n  static lock(fc, name) { fc.getAttribute(name).controls.forEach((c) => c.setDisabled(true)); }\n}',
      },
      errors: [{ line: 2, message: 'read-only' }],
    },
    {
      name: 'a section hidden after a role check, columns from the form that loads the script',
      files: {
        'solution/WebResources/pfx_/scripts/vendor.js': 'var MONEY_TAB = "tab_money";\nvar BANK_SECTION = "sec_bank";\nfunction onLoad(ctx) {\n  var isTreasury = Xrm.Utility.getGlobalContext().userSettings.roles.get().some(function (r) { return r.name === "Treasury"; });\n  if (!isTreasury) {\n    ctx.getFormContext().ui.tabs.get(MONEY_TAB).sections.get(BANK_SECTION).setVisible(false);\n  }\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Vendor/Entity.xml': entityCols('pfx_vendor', [['pfx_iban', 0], ['pfx_routingnumber', 0], ['pfx_bankname', 0], ['pfx_passportnumber', 1]]),
        'solution/Entities/pfx_Vendor/FormXml/main/{a1}.xml': form({ tab_money: { sec_bank: ['pfx_iban', 'pfx_routingnumber', 'pfx_bankname', 'pfx_passportnumber'] } }, ['pfx_/scripts/vendor.js']),
      },
      errors: [{ line: 6, message: /Section sec_bank of tab tab_money is hidden after a client-side role check.*pfx_iban.*pfx_routingnumber/ }],
    },
    {
      name: 'a tab hidden by a script no form lists (any form with that tab)',
      files: {
        'web/vendor_extra.js': 'function onLoad(ctx) {\n  var tab = ctx.getFormContext().ui.tabs.get("tab_money");\n  tab.setVisible(false);\n}',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Vendor/Entity.xml': entityCols('pfx_vendor', [['pfx_iban', 0]]),
        'solution/Entities/pfx_Vendor/FormXml/main/{a1}.xml': form({ tab_money: { sec_bank: ['pfx_iban'] } }, []),
      },
      errors: [{ line: 3, message: /Tab tab_money .*pfx_iban/ }],
    },
    {
      name: 'a bare global helper from another file, single column parameter',
      files: {
        'web/forms/payroll.js': 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  if (!isInRole("Payroll Admin")) {\n    maskField(fc, "pfx_salary");\n  }\n}',
        'web/lib/masking.js': 'function maskField(fc, column) {\n  var c = fc.getControl(column);\n  if (c) { c.setVisible(false); }\n}',
      },
      errors: [{ line: 4, message: 'role check' }],
    },
    {
      name: 'the hiding definition the form loads wins over a same-named one it does not load',
      files: {
        'solution/WebResources/pfx_/scripts/vendor.js': 'function onLoad(ctx) {\n  Nw.Fields.conceal(ctx.getFormContext(), ["pfx_passportnumber"]);\n}',
        'solution/WebResources/pfx_/scripts/fields.js': NW_FIELDS,
        'solution/WebResources/pfx_/scripts/legacy_fields.js': 'var Nw = window.Nw || {};\nNw.Fields = { conceal: function (fc, list) { console.log(list); } };',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Vendor/Entity.xml': entityCols('pfx_vendor', [['pfx_passportnumber', 0]]),
        'solution/Entities/pfx_Vendor/FormXml/main/{a1}.xml': form({ tab_general: { sec_id: ['pfx_passportnumber'] } }, ['pfx_/scripts/fields.js', 'pfx_/scripts/vendor.js']),
        'solution/Entities/pfx_Other/FormXml/main/{b2}.xml': form({ tab_general: { sec_misc: ['pfx_name'] } }, ['pfx_/scripts/legacy_fields.js']),
      },
      errors: [{ line: 2, message: 'pfx_passportnumber' }],
    },
    {
      name: 'a section hidden through a shared library helper',
      files: {
        'solution/WebResources/pfx_/scripts/vendor.js': 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  Nw.Layout.collapse(fc, "tab_money", "sec_bank");\n  Nw.Layout.collapse(fc, "tab_logistics", "sec_shipping");\n}',
        'solution/WebResources/pfx_/scripts/layout.js': 'var Nw = window.Nw || {};\nNw.Layout = (function () {\n  function section(fc, t, s) { return fc.ui.tabs.get(t).sections.get(s); }\n  return { collapse: function (fc, t, s) { var sec = fc.ui.tabs.get(t).sections.get(s); if (sec) sec.setVisible(false); } };\n})();',
        'solution/Other/Solution.xml': MANIFEST,
        'solution/Entities/pfx_Vendor/Entity.xml': entityCols('pfx_vendor', [['pfx_iban', 0], ['pfx_shippingnotes', 0]]),
        'solution/Entities/pfx_Vendor/FormXml/main/{a1}.xml': form({ tab_money: { sec_bank: ['pfx_iban'] }, tab_logistics: { sec_shipping: ['pfx_shippingnotes'] } }, ['pfx_/scripts/layout.js', 'pfx_/scripts/vendor.js']),
      },
      errors: [{ line: 3, message: /Section sec_bank of tab tab_money .*pfx_iban/ }],
    },
    {
      name: 'controls of an attribute locked with an arrow function and controls.get(0)',
      path: 'web/employee.js',
      code: 'function onLoad(ctx) {\n  var fc = ctx.getFormContext();\n  fc.getAttribute("pfx_nationalid").controls.forEach((ctl) => ctl.setDisabled(true));\n  fc.getAttribute("pfx_salary").controls.get(0).setVisible(false);\n}',
      errors: [{ line: 3, message: 'read-only' }, { line: 4, message: 'hidden' }],
    },
  ],
});
