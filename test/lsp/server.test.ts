import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { builtinRules } from '../../rules/index';
import { COMMANDS } from '../../server/src/lsp/protocol';
import { TestClient, workspace } from './harness';
import { testSecretRule, trustedOnlyRule } from './fixture-rules';

const SECRET = 'Zq8RkV2pLmW4nXt7Yb3HcJ6dFs9Gu1Ae';
const PLUGIN = `using System;
using Microsoft.Xrm.Sdk;

namespace Contoso.Plugins
{
    public sealed class SyncPlugin : IPlugin
    {
        private const string ErpApiKey = "${SECRET}";

        public void Execute(IServiceProvider serviceProvider)
        {
            var key = ErpApiKey;
        }
    }
}
`;
// The protocol rule first: where a built-in secret rule reports the same literal, the engine keeps the first.
const rules = [testSecretRule, ...builtinRules];
let client: TestClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

async function started(files: Record<string, string>, opts: { trusted?: boolean; settings?: object } = {}): Promise<TestClient> {
  const c = new TestClient(workspace(files), { rules, trustedOnlyRules: [trustedOnlyRule] });
  if (opts.settings) c.settings = opts.settings;
  await c.start(opts.trusted ?? true);
  client = c;
  return c;
}

const has = (code: string) => (d: Diagnostic[]) => d.some((x) => x.code === code);
const none = (code: string) => (d: Diagnostic[]) => !d.some((x) => x.code === code);

describe('language server over LSP', () => {
  it('publishes a diagnostic with code, docs link, source, severity; hover explains; no secret leaves the server', async () => {
    const c = await started({ 'plugins/SyncPlugin.cs': PLUGIN });
    c.open('plugins/SyncPlugin.cs', PLUGIN, 'csharp');
    const diags = await c.diagnosticsOf('plugins/SyncPlugin.cs', has('D365S990'));
    const d = diags.find((x) => x.code === 'D365S990')!;
    expect(d.source).toBe('d365sec');
    expect(d.severity).toBe(1);
    expect(d.codeDescription?.href).toBe('https://github.com/d365sec/d365sec/blob/main/docs/rules/test-hardcoded-secret.md');
    expect(d.range.start.line).toBe(7);
    const hover = await c.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: c.uri('plugins/SyncPlugin.cs') }, position: { line: 7, character: 45 } });
    expect(hover.contents.value).toContain('Why it matters');
    expect(JSON.stringify([...c.diagnostics.values()]) + hover.contents.value).not.toContain(SECRET);
  });

  it('offers a Key Vault quick fix; applying it removes the secret and the finding', async () => {
    const c = await started({ 'plugins/SyncPlugin.cs': PLUGIN, 'solution/Other/Solution.xml': '<ImportExportXml><SolutionManifest><Publisher><CustomizationPrefix>cnt</CustomizationPrefix></Publisher></SolutionManifest></ImportExportXml>' });
    await c.scanned(2);
    c.open('plugins/SyncPlugin.cs', PLUGIN, 'csharp');
    const diags = await c.diagnosticsOf('plugins/SyncPlugin.cs', has('D365S990'));
    const actions: CodeAction[] = await c.codeActions('plugins/SyncPlugin.cs', diags.filter((x) => x.code === 'D365S990'));
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toMatch(/Key Vault/);
    expect(actions.some((a) => /^Suppress D365S990/.test(a.title))).toBe(true);
    expect(actions.some((a) => a.command?.command === COMMANDS.showRuleDocs)).toBe(true);
    const written = c.apply(fix.edit!);
    const text = written.get(c.uri('plugins/SyncPlugin.cs'))!;
    expect(text).not.toContain(SECRET);
    expect(text).toContain('EnvironmentSecrets.Get("cnt_ErpApiKey")');
    expect([...written.keys()].some((u) => u.endsWith('/plugins/EnvironmentSecrets.cs'))).toBe(true);
    await c.diagnosticsOf('plugins/SyncPlugin.cs', none('D365S990'), 'the finding to go');
    // The note (rotate the credential) comes back when the client runs the action's command.
    await c.conn.sendRequest('workspace/executeCommand', fix.command);
    await c.until(() => c.messages.some((m) => /Rotate the old credential/.test(m)), 'rotation reminder');
  });

  it('open, change, close: diagnostics follow the text and are cleared on close', async () => {
    const c = await started({});
    const clean = 'public class A { }\n';
    c.open('A.cs', clean, 'csharp');
    c.change('A.cs', `public class A { string ApiKey = "${SECRET}"; }\n`);
    await c.diagnosticsOf('A.cs', has('D365S990'));
    // A burst of edits: only the latest version counts.
    for (let i = 0; i < 5; i++) c.change('A.cs', `public class A { string ApiKey = "${SECRET}"; int x${i}; }\n`);
    c.change('A.cs', clean);
    await c.diagnosticsOf('A.cs', (d) => d.length === 0, 'diagnostics cleared by the edit');
    c.change('A.cs', `public class A { string ApiKey = "${SECRET}"; }\n`);
    await c.diagnosticsOf('A.cs', has('D365S990'));
    c.close('A.cs');
    await c.diagnosticsOf('A.cs', (d) => d.length === 0, 'diagnostics cleared on close');
  });

  it('cross-file: changing the environment variable definition updates the finding in its values file', async () => {
    const def = (type: string): string =>
      `<environmentvariabledefinition schemaname="cnt_PartnerApiKey">\n  <displayname default="Partner API key" />\n  <secretstore>0</secretstore>\n  <type>${type}</type>\n</environmentvariabledefinition>\n`;
    const values = '{"environmentvariablevalues":{"environmentvariablevalue":{"schemaname":"cnt_PartnerApiKey","value":"Vq4XcP9sLw2RmT7yB3nK8dHj5Ge6Fa1U"}}}\n';
    const dir = 'solution/environmentvariabledefinitions/cnt_PartnerApiKey';
    const c = await started({
      'solution/Other/Solution.xml': '<ImportExportXml><SolutionManifest /></ImportExportXml>',
      [`${dir}/environmentvariabledefinition.xml`]: def('100000000'),
      [`${dir}/environmentvariablevalues.json`]: values,
    });
    c.open(`${dir}/environmentvariablevalues.json`, values, 'json');
    await c.diagnosticsOf(`${dir}/environmentvariablevalues.json`, has('D365S050'), 'plaintext env var finding');
    c.open(`${dir}/environmentvariabledefinition.xml`, def('100000000'), 'xml');
    c.change(`${dir}/environmentvariabledefinition.xml`, def('100000001')); // Number: not a secret store
    await c.diagnosticsOf(`${dir}/environmentvariablevalues.json`, none('D365S050'), 'finding cleared by the other file');
  });

  it('settings: severity override, rule off, disable', async () => {
    const c = await started({}, { settings: { rules: { D365S990: 'info' } } });
    c.open('B.cs', `class B { string ApiKey = "${SECRET}"; }`, 'csharp');
    const d = await c.diagnosticsOf('B.cs', has('D365S990'));
    expect(d.find((x) => x.code === 'D365S990')!.severity).toBe(3);
    c.settings = { enable: false };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await c.diagnosticsOf('B.cs', (x) => x.length === 0, 'disabled');
  });

  it('untrusted workspace: trusted-only rules do not run until trust is granted', async () => {
    const text = `class C { string ApiKey = "${SECRET}"; // TRUSTED_ONLY\n}`;
    const c = await started({}, { trusted: false });
    c.open('C.cs', text, 'csharp');
    const d = await c.diagnosticsOf('C.cs', has('D365S990'));
    expect(d.some((x) => x.code === 'D365S991')).toBe(false);
    await c.conn.sendNotification('d365sec/trustChanged', { trusted: true });
    await c.diagnosticsOf('C.cs', has('D365S991'), 'trusted rule after trust');
  });

  it('keeps serving after bad input', async () => {
    const c = await started({});
    await expect(c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: 'untitled:x' }, range: null, context: null })).resolves.toBeDefined();
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope/none.cs' }, position: { line: 99, character: 0 } });
    c.open('bin.json', '\u0000\u0001{{{{', 'json');
    c.open('D.cs', `class D { string ApiKey = "${SECRET}"; }`, 'csharp');
    await c.diagnosticsOf('D.cs', has('D365S990'), 'still serving');
  });

  it('scan command publishes workspace findings that are not open', async () => {
    const c = await started({ 'tools/Config.cs': `class E { string ClientSecret = "${SECRET}"; }` });
    const n = await c.conn.sendRequest<number>('workspace/executeCommand', { command: COMMANDS.scanWorkspace, arguments: [] });
    expect(n).toBeGreaterThan(0);
    await c.diagnosticsOf('tools/Config.cs', has('D365S990'));
    expect(readFileSync(new URL(c.uri('tools/Config.cs')), 'utf8')).toContain(SECRET); // nothing written by a scan
  });
});
