import { describe, expect, it } from 'vitest';
import { contributeScript, formScriptHides, tablesForScript } from '../../server/src/model/script';
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
