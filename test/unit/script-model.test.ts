import { describe, expect, it } from 'vitest';
import { contributeScript, crossFileHides, formScriptHides, mergeScript, scriptContainerHides, tablesForScript, type ScriptContribution } from '../../server/src/model/script';
import { emptyModel } from '../../server/src/model/project';
import { parseScript } from '../../server/src/parsers/script';

const hides = (text: string) => formScriptHides(parseScript({ path: 'web/f.js', text }, 'webresource', 'js')).map((h) => `${h.column}:${h.action}${h.conditional ? '?' : ''}${h.roleCheck ? '@role' : ''}`);

describe('script model: hidden and locked columns', () => {
  it('resolves getControl on formContext and Xrm.Page, header copies, literal flags', () => {
    expect(hides('fc.getControl("a_x").setVisible(false);\nXrm.Page.getControl("header_a_y").setDisabled(true);\nparent.Xrm.Page.getControl("a_z").setVisible(!1);')).toEqual(['a_x:hide', 'a_y:disable', 'a_z:hide']);
  });

  it('setVisible(true) and setDisabled(false) are not hiding', () => {
    expect(hides('fc.getControl("a").setVisible(true);\nfc.getControl("b").setDisabled(false);')).toEqual([]);
  });

  it('a computed flag hides for some users; a role check is recognised', () => {
    expect(hides('var ok = userHasRole("Adjuster");\nfc.getControl("a").setVisible(ok);')).toEqual(['a:hide?@role']);
    expect(hides('if (!Xrm.Utility.getGlobalContext().userSettings.roles.get().some(isAdmin)) {\n  fc.getControl("a").setVisible(false);\n}')).toEqual(['a:hide@role']);
  });

  it('follows controls.forEach, controls.get, ui.controls.get and variables', () => {
    expect(hides('fc.getAttribute("a").controls.forEach(function (c) { c.setVisible(false); });')).toEqual(['a:hide']);
    expect(hides('fc.getAttribute("b").controls.get(0).setDisabled(true);')).toEqual(['b:disable']);
    expect(hides('fc.ui.controls.get("c").setVisible(false);')).toEqual(['c:hide']);
    expect(hides('var attr = fc.getAttribute("d");\nattr.controls.forEach((c) => c.setVisible(false));')).toEqual(['d:hide']);
    expect(hides('var ctl = fc.getControl("e");\nctl?.setVisible(false);')).toEqual(['e:hide']);
  });

  it('resolves simple wrappers at their call sites, rest parameters and arrays', () => {
    const text = 'function setVis(fc, visible, ...names) {\n  names.forEach(function (n) { fc.getControl(n).setVisible(visible); });\n}\nsetVis(fc, false, "a", "b");\nsetVis(fc, true, "c");';
    expect(hides(text)).toEqual(['a:hide', 'b:hide']);
    expect(hides('const NAMES = ["x", "y"];\nNAMES.forEach((n) => fc.getControl(n).setVisible(false));')).toEqual(['x:hide', 'y:hide']);
  });

  it('an exported helper with a flag parameter counts as conditional', () => {
    expect(hides('export function lock(fc, on) { fc.getControl("pfx_discount").setDisabled(on); }')).toEqual(['pfx_discount:disable?']);
  });

  it('tabs and sections have no column here', () => {
    expect(hides('fc.ui.tabs.get("t").sections.get("s").setVisible(false);')).toEqual([]);
  });

  it('controls of an attribute: function expressions, arrows, controls.get(0), controls.get().forEach, for-of', () => {
    expect(hides('fc.getAttribute("a").controls.forEach(function (ctl) {\n  ctl.setDisabled(true);\n});')).toEqual(['a:disable']);
    expect(hides('fc.getAttribute("b").controls.forEach((ctl) => { ctl.setVisible(false); });')).toEqual(['b:hide']);
    expect(hides('fc.getAttribute("c")?.controls.get(0)?.setVisible(false);')).toEqual(['c:hide']);
    expect(hides('fc.getAttribute("d").controls.get().forEach(c => c.setDisabled(true));')).toEqual(['d:disable']);
    expect(hides('for (const n of ["e", "f"]) fc.getControl(n).setVisible(false);')).toEqual(['e:hide', 'f:hide']);
    expect(hides('fc.getAttribute("g").controls.forEach((ctl) => ctl.setVisible(true));')).toEqual([]);
  });

  it('callbacks passed down to a helper of the file, and wrappers of wrappers', () => {
    const text = 'function each(fc, names, fn) { (names || []).forEach(function (n) { var c = fc.getControl(n); if (c) fn(c); }); }\n' +
      'function conceal(fc, names) { each(fc, names, function (c) { c.setVisible(false); }); }\n' +
      'function reveal(fc, names) { each(fc, names, function (c) { c.setVisible(true); }); }\n' +
      'conceal(fc, ["a", "b"]);\nreveal(fc, ["c"]);';
    expect(hides(text)).toEqual(['a:hide', 'b:hide']);
    const byName = 'function forNames(list, fn) { for (var i = 0; i < list.length; i++) fn(list[i]); }\nforNames(["h", "i"], function (n) { fc.getControl(n).setVisible(false); });';
    expect(hides(byName)).toEqual(['h:hide', 'i:hide']);
    const chained = 'function setState(fc, name, on) { fc.getControl(name).setDisabled(on); }\nfunction lockAll(fc, ...names) { names.forEach(function (n) { setState(fc, n, true); }); }\nlockAll(fc, "x", "y");';
    expect(hides(chained)).toEqual(['x:disable', 'y:disable']);
  });
});

const parsed = (path: string, text: string) => parseScript({ path, text }, 'webresource', path.endsWith('.ts') ? 'ts' : 'js');
function scripts(files: Record<string, string>) {
  const docs = Object.entries(files).map(([p, t]) => parsed(p, t));
  const parts = docs.map((d) => contributeScript(d)).filter((c): c is ScriptContribution => !!c);
  return { docs, model: mergeScript(JSON.parse(JSON.stringify(parts))) };
}
const cross = (files: Record<string, string>, at: string) => {
  const { docs, model } = scripts(files);
  const doc = docs.find((d) => d.file.path === at)!;
  return crossFileHides(doc, model, emptyModel().solution).map((h) => `${h.column}:${h.action}${h.conditional ? '?' : ''}`);
};

describe('script model: wrappers published by other files', () => {
  const FORM = 'function onLoad(ctx) { var fc = ctx.getFormContext(); Acme.Ui.conceal(fc, ["q_a"]); Acme.Ui.conceal(fc, "q_b"); Acme.Ui.freeze(fc, ["q_c"]); Acme.Ui.reveal(fc, ["q_d"]); }';

  it('an IIFE module assigned to a namespace, with a callback passed down', () => {
    const lib = 'var Acme = window.Acme || {};\nAcme.Ui = (function () {\n  function apply(fc, names, fn) { [].concat(names).forEach(function (n) { var c = fc.getControl(n); if (c) fn(c); }); }\n' +
      '  function onEach(fc, names, fn) { (Array.isArray(names) ? names : [names]).forEach(function (n) { var c = fc.getControl(n); if (c) fn(c); }); }\n' +
      '  return {\n    conceal: function (fc, names) { onEach(fc, names, function (c) { c.setVisible(false); }); },\n    reveal: function (fc, names) { onEach(fc, names, function (c) { c.setVisible(true); }); },\n    freeze: function (fc, names) { onEach(fc, names, function (c) { c.setDisabled(true); }); }\n  };\n})();';
    const { model } = scripts({ 'lib/acme.js': lib });
    expect([...model.definers.keys()].sort()).toEqual(['Acme.Ui.conceal', 'Acme.Ui.freeze', 'Acme.Ui.reveal']);
    expect(model.wrappers.get('Acme.Ui.conceal')).toEqual([expect.objectContaining({ param: 1, rest: false, action: 'hide', path: 'lib/acme.js' })]);
    expect(cross({ 'lib/acme.js': lib, 'forms/f.js': FORM }, 'forms/f.js')).toEqual(['q_a:hide', 'q_b:hide', 'q_c:disable']);
  });

  it('member assignments, object-literal namespaces and the revealing pattern', () => {
    const assigned = 'var Acme = Acme || {}; Acme.Ui = Acme.Ui || {};\nAcme.Ui.conceal = function (fc, names) { names.forEach(function (n) { fc.getControl(n).setVisible(false); }); };';
    expect(cross({ 'lib/a.js': assigned, 'forms/f.js': FORM }, 'forms/f.js')).toEqual(['q_a:hide', 'q_b:hide']);
    const literal = 'var Acme = { Ui: { freeze: function (fc, names) { for (var i = 0; i < names.length; i++) fc.getControl(names[i]).setDisabled(true); } } };';
    expect(cross({ 'lib/b.js': literal, 'forms/f.js': FORM }, 'forms/f.js')).toEqual(['q_c:disable']);
    const reveal = 'var Acme = Acme || {};\nAcme.Ui = (function () {\n  function conceal(fc, names) { names.forEach(function (n) { fc.getControl(n).setVisible(false); }); }\n  return { conceal: conceal };\n})();';
    expect(cross({ 'lib/c.js': reveal, 'forms/f.js': FORM }, 'forms/f.js')).toEqual(['q_a:hide', 'q_b:hide']);
  });

  it('classes, TS namespaces, ES exports, rest parameters and flag parameters', () => {
    const cls = 'class FieldKit { static conceal(fc, ...names) { names.forEach((n) => fc.getControl(n).setVisible(false)); } }';
    expect(cross({ 'lib/kit.js': cls, 'forms/f.js': 'FieldKit.conceal(fc, "q_x", "q_y");' }, 'forms/f.js')).toEqual(['q_x:hide', 'q_y:hide']);
    const ns = 'namespace Acme.Forms {\n  export function setVis(fc: Xrm.FormContext, visible: boolean, ...names: string[]): void { for (const n of names) fc.getControl(n)?.setVisible(visible); }\n}';
    const caller = 'namespace Acme.Forms.Claim {\n  export function onLoad(fc: Xrm.FormContext): void { setVis(fc, false, "q_a"); setVis(fc, true, "q_b"); Acme.Forms.setVis(fc, isOk(), "q_c"); }\n}';
    expect(cross({ 'lib/forms.ts': ns, 'forms/claim.ts': caller }, 'forms/claim.ts')).toEqual(['q_a:hide', 'q_c:hide?']);
    const inst = 'class FieldKit { lock(fc, name) { fc.getControl(name).setDisabled(true); } }';
    expect(cross({ 'lib/kit.js': inst, 'forms/i.js': 'const kit = new FieldKit();\nkit.lock(fc, "q_i");' }, 'forms/i.js')).toEqual(['q_i:disable']);
    const single = 'var Acme = window.Acme || {};\nAcme.Form = Acme.Form || {};\nAcme.Form.hide = function (fc, name) { var c = fc.getControl(name); if (c) c.setVisible(false); };';
    expect(cross({ 'lib/s.js': single, 'forms/s.js': 'Acme.Form.hide(fc, "q_s");\nwindow.Acme.Form.hide(fc, "q_t");' }, 'forms/s.js')).toEqual(['q_s:hide', 'q_t:hide']);
    const cjs = 'module.exports = { conceal: function (fc, name) { fc.getControl(name).setVisible(false); } };';
    expect(cross({ 'lib/cjs.js': cjs, 'forms/c.js': 'const helpers = require("../lib/cjs");\nhelpers.conceal(fc, "q_c");' }, 'forms/c.js')).toEqual(['q_c:hide']);
    const mod = 'export function conceal(fc, name) { fc.getControl(name).setVisible(false); }';
    expect(cross({ 'lib/mod.ts': mod, 'forms/m.ts': 'import { conceal as c } from "../lib/mod";\nc(fc, "q_m");' }, 'forms/m.ts')).toEqual(['q_m:hide']);
    expect(cross({ 'lib/mod.ts': mod, 'forms/n.ts': 'import * as Lib from "../lib/mod";\nLib.conceal(fc, "q_n");' }, 'forms/n.ts')).toEqual(['q_n:hide']);
  });

  it('a helper of the calling file that forwards its parameters to a published wrapper', () => {
    const lib = 'var Acme = Acme || {};\nAcme.Ui = { conceal: function (fc, names) { names.forEach(function (n) { fc.getControl(n).setVisible(false); }); } };';
    const form = 'function hideOne(fc, name) { Acme.Ui.conceal(fc, [name]); }\nfunction onLoad(fc) { hideOne(fc, "q_f"); }';
    expect(cross({ 'lib/a.js': lib, 'forms/f.js': form }, 'forms/f.js')).toEqual(['q_f:hide']);
  });

  it('traps: a same-named wrapper that hides nothing, a local definition, private helpers, comments', () => {
    const hider = 'var Acme = Acme || {};\nAcme.Ui = { conceal: function (fc, names) { names.forEach(function (n) { fc.getControl(n).setVisible(false); }); } };';
    const other = 'var Acme = Acme || {};\nAcme.Ui = { conceal: function (fc, names) { console.log(names); } };';
    expect(cross({ 'lib/a.js': hider, 'lib/b.js': other, 'forms/f.js': FORM }, 'forms/f.js')).toEqual([]);
    const local = 'var Acme = { Ui: { conceal: function (fc, names) { return names; } } };\n' + FORM;
    expect(cross({ 'lib/a.js': hider, 'forms/f.js': local }, 'forms/f.js')).toEqual([]);
    const priv = '(function () { function conceal(fc, names) { names.forEach(function (n) { fc.getControl(n).setVisible(false); }); } })();';
    expect(scripts({ 'lib/p.js': priv }).model.definers.size).toBe(0);
    expect(cross({ 'lib/a.js': hider, 'forms/f.js': '// Acme.Ui.conceal(fc, ["q_a"]);\n/* Acme.Ui.conceal(fc, ["q_b"]); */' }, 'forms/f.js')).toEqual([]);
  });

  it('contributions stay plain data', () => {
    const c = contributeScript(parsed('lib/a.js', 'var Acme = { hideAll: function (fc, names) { names.forEach(function (n) { fc.getControl(n).setVisible(false); }); } };'));
    expect(c).toEqual({ path: 'lib/a.js', defines: ['Acme.hideAll'], wrappers: [{ name: 'Acme.hideAll', param: 1, rest: false, action: 'hide', conditional: false, roleCheck: false }] });
    expect(structuredClone(c)).toEqual(c);
  });
});

describe('script model: tabs and sections', () => {
  const containers = (text: string) => scriptContainerHides(parsed('web/f.js', text)).map((c) => `${c.tab ?? ''}/${c.section ?? ''}${c.conditional ? '?' : ''}${c.roleCheck ? '@role' : ''}`);
  it('finds tabs and sections by name, constants and variables', () => {
    expect(containers('fc.ui.tabs.get("t_a").sections.get("s_a").setVisible(false);\nfc.ui.tabs.get("t_b").setVisible(false);')).toEqual(['t_a/s_a', 't_b/']);
    expect(containers('const T = "t_c", S = "s_c";\nvar tab = fc.ui.tabs.get(T);\nvar sec = tab.sections.get(S);\nif (!userHasRole("x")) sec.setVisible(false);')).toEqual(['t_c/s_c@role']);
    expect(containers('fc.ui.tabs.get("t_d").sections.forEach(function (s) { s.setVisible(false); });')).toEqual(['t_d/']);
    expect(containers('function hideSection(fc, t, s) { fc.ui.tabs.get(t).sections.get(s).setVisible(false); }\nhideSection(fc, "t_e", "s_e");')).toEqual(['t_e/s_e']);
    expect(containers('fc.ui.tabs.get("t_f").setVisible(true);\nfc.ui.tabs.get("t_g").sections.get("s_g").setVisible(isAdmin);')).toEqual(['t_g/s_g?']);
  });
});

describe('script model: tab and section wrappers of other files', () => {
  const crossContainers = (files: Record<string, string>, at: string) => {
    const { docs, model } = scripts(files);
    const doc = docs.find((d) => d.file.path === at)!;
    return scriptContainerHides(doc, model, emptyModel().solution).map((c) => `${c.tab ?? ''}/${c.section ?? ''}${c.conditional ? '?' : ''}${c.roleCheck ? '@role' : ''}`);
  };
  const lib = 'var Acme = Acme || {};\nAcme.Layout = {\n  hideSection: function (fc, tab, section) { fc.ui.tabs.get(tab).sections.get(section).setVisible(false); },\n  showSection: function (fc, tab, section) { fc.ui.tabs.get(tab).sections.get(section).setVisible(true); },\n  toggleTab: function (fc, tab, on) { fc.ui.tabs.get(tab).setVisible(on); }\n};';
  it('resolves published section and tab wrappers, with flags', () => {
    const form = 'Acme.Layout.hideSection(fc, "t_a", "s_a");\nAcme.Layout.showSection(fc, "t_b", "s_b");\nAcme.Layout.toggleTab(fc, "t_c", false);\nAcme.Layout.toggleTab(fc, "t_d", true);\nif (!hasRole("x")) Acme.Layout.toggleTab(fc, "t_e", canSee);';
    expect(crossContainers({ 'lib/layout.js': lib, 'forms/f.js': form }, 'forms/f.js')).toEqual(['t_a/s_a', 't_c/', 't_e/?@role']);
    const { model } = scripts({ 'lib/layout.js': lib });
    expect(model.containerWrappers.get('Acme.Layout.hideSection')).toEqual([expect.objectContaining({ tabParam: 1, sectionParam: 2, path: 'lib/layout.js' })]);
  });
  it('trap: a same-named wrapper that hides nothing', () => {
    const stub = 'var Acme = Acme || {};\nAcme.Layout = { hideSection: function (fc, tab, section) { return [tab, section]; } };';
    expect(crossContainers({ 'lib/layout.js': lib, 'lib/stub.js': stub, 'forms/f.js': 'Acme.Layout.hideSection(fc, "t_a", "s_a");' }, 'forms/f.js')).toEqual([]);
  });
});

describe('script model: contributions and forms', () => {

  it('contributes plain data, none for failed or minified files', () => {
    const ok = parseScript({ path: 'web/f.js', text: 'fc.getControl("a").setVisible(false);' }, 'webresource', 'js');
    const c = contributeScript(ok);
    expect(c?.hides?.[0]).toMatchObject({ path: 'web/f.js', column: 'a', action: 'hide', span: { start: 0, end: 36 } });
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    expect(contributeScript(parseScript({ path: 'web/g.js', text: 'fc.getControl(' }, 'webresource', 'js'))).toBeUndefined();
  });

  it('finds the tables whose forms load a script', () => {
    const m = emptyModel();
    m.solution.formLibraries.set('pfx_/scripts/contact.js', ['sol/Entities/Contact/FormXml/main/{1}.xml']);
    expect(tablesForScript('sol/WebResources/pfx_/scripts/contact.js', m.solution)).toEqual(['contact']);
    expect(tablesForScript('src/scripts/contact.js', m.solution)).toEqual(['contact']);
    expect(tablesForScript('src/other.js', m.solution)).toEqual([]);
  });
});
