import { describe, expect, it } from 'vitest';
import { buildLayout, classify } from '../../server/src/core/classify';

describe('classify', () => {
  const paths = [
    'crm/solution/Other/Solution.xml',
    'crm/solution/Entities/Contact/Entity.xml',
    'crm/solution/Entities/Contact/FormXml/main/{98303135-26ac-f011-8544-000d3a2b7c91}.xml',
    'crm/solution/Roles/Sales Rep.xml',
    'crm/solution/WebResources/new_/scripts/form_helper',
    'crm/solution/WebResources/new_/scripts/form_helper.data.xml',
  ];
  const layout = buildLayout(paths, (p) => (p.endsWith('.data.xml') ? '<WebResource><WebResourceType>3</WebResourceType></WebResource>' : undefined));

  it('recognises an unpacked solution by Other/Solution.xml, wherever it sits', () => {
    expect(layout.solutionRoots).toEqual(['crm/solution']);
    expect(classify('crm/solution/Entities/Contact/Entity.xml', '', layout)?.role).toBe('entity');
    expect(classify(paths[2]!, '', layout)?.role).toBe('form');
    expect(classify('crm/solution/Roles/Sales Rep.xml', '', layout)?.role).toBe('role');
  });
  it('does not treat Entity.xml outside a solution as a solution component', () => {
    expect(classify('other/Entities/Contact/Entity.xml', '', layout)?.role).toBe('other');
  });
  it("takes a web resource's language from its .data.xml type, not its extension", () => {
    expect(classify('crm/solution/WebResources/new_/scripts/form_helper', '', layout)).toMatchObject({ kind: 'script', role: 'webresource' });
  });
  it('tells AL launch.json and app.json from other JSON by content', () => {
    expect(classify('bc/.vscode/launch.json', '{ "configurations": [{ "type": "al" }] }')?.role).toBe('al-launch');
    expect(classify('web/.vscode/launch.json', '{ "configurations": [{ "type": "node" }] }')?.role).toBe('other');
    expect(classify('bc/app.json', '{ "id": "x", "idRanges": [] }')?.role).toBe('al-app-manifest');
  });
  it('knows .NET and hosting configuration', () => {
    expect(classify('tools/App.config', '')).toEqual({ kind: 'xml', role: 'dotnet-config' });
    expect(classify('tools/appsettings.Development.json', '')?.role).toBe('app-settings');
    expect(classify('fn/local.settings.json', '')?.role).toBe('app-settings');
    expect(classify('x/.env.local', '')?.role).toBe('dotenv');
    expect(classify('p/Strings.resx', '')?.role).toBe('resx');
  });
  it('skips files that hold no values', () => {
    expect(classify('web/types/xrm.d.ts', '')).toBeUndefined();
    expect(classify('web/package-lock.json', '')).toBeUndefined();
    expect(classify('img/logo.png', '')).toBeUndefined();
  });
});
