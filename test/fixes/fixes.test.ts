/**
 * Quick-fix builders over real example files: the fixed code must parse (C# with the
 * tree-sitter grammar the project uses, JS/TS with typescript-estree), hold no trace of the
 * secret, and name Key Vault in the title.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseTs } from '@typescript-eslint/typescript-estree';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser } from 'web-tree-sitter';
import { classify } from '../../server/src/core/classify';
import type { Finding } from '../../server/src/core/types';
import { allFixes, keyVaultFixes, type Fix, type ProjectFiles } from '../../server/src/fixes/index';

const EX = path.resolve('examples/contoso');
const read = (rel: string): string => readFileSync(path.join(EX, rel), 'utf8');

function project(extra: Record<string, string> = {}): ProjectFiles {
  const files = new Map<string, string>(Object.entries(extra));
  return { paths: () => [...files.keys()], read: (p) => files.get(p) };
}

function finding(text: string, secret: string, category: Finding['category'] = 'hardcoded-secret'): Finding {
  const i = text.indexOf(secret);
  if (i < 0) throw new Error('secret not in text');
  return {
    code: 'D365S001', rule: 'test', category, severity: 'error', path: 'x', span: { start: i, end: i + secret.length },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'm', fingerprint: 'f',
  };
}

/** Applies one fix's edits to its files; created files are returned too. */
function apply(fix: Fix, files: Record<string, string>): Record<string, string> {
  const out = { ...files };
  for (const c of fix.changes) {
    if ('create' in c) {
      expect(out[c.path]).toBeUndefined();
      out[c.path] = c.create;
      continue;
    }
    const text = out[c.path]!;
    const edits = [...c.edits].map((e, i) => ({ ...e, i })).sort((a, b) => b.span.start - a.span.start || b.i - a.i);
    let t = text;
    for (const e of edits) t = t.slice(0, e.span.start) + e.newText + t.slice(e.span.end);
    out[c.path] = t;
  }
  return out;
}

function fixFor(rel: string, secretLiteral: string, files: Record<string, string>): { fix: Fix; out: Record<string, string> } {
  const text = files[rel]!;
  const c = classify(rel, text.slice(0, 600))!;
  const fixes = keyVaultFixes({ path: rel, text, kind: c.kind, role: c.role, finding: finding(text, secretLiteral), files: project(files) });
  expect(fixes.length).toBeGreaterThan(0);
  const fix = fixes[0]!;
  expect(fix.title).toMatch(/Key Vault/);
  expect(fix.note).toMatch(/Rotate the old credential/);
  return { fix, out: apply(fix, files) };
}

let csharp: Parser;
beforeAll(async () => {
  await Parser.init();
  csharp = new Parser();
  csharp.setLanguage(await Language.load(require.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm')));
});

function expectCSharpParses(text: string): void {
  const tree = csharp.parse(text)!;
  const errors: string[] = [];
  const walk = (n: import('web-tree-sitter').Node): void => {
    if (n.type === 'ERROR' || n.isMissing) errors.push(`${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.text.slice(0, 60)}`);
    for (const ch of n.children) if (ch) walk(ch);
  };
  walk(tree.rootNode);
  expect(errors).toEqual([]);
}

describe('C# fixes', () => {
  it('plug-in constant -> Secret environment variable through RetrieveEnvironmentVariableSecretValue', () => {
    const rel = 'plugins/Contoso.Plugins/Shared/IntegrationConstants.cs';
    const secret = 'UljbBvKdv9nPXABPJ97paMzfzlCwikUzCZcm8p7g';
    const files = {
      [rel]: read(rel),
      'plugins/Contoso.Plugins/Contoso.Plugins.csproj': read('plugins/Contoso.Plugins/Contoso.Plugins.csproj'),
      'solution/Other/Solution.xml': read('solution/Other/Solution.xml'),
      'solution/environmentvariabledefinitions/cnt_ErpBaseUrl/environmentvariabledefinition.xml': '<x/>',
    };
    const { fix, out } = fixFor(rel, `"${secret}"`, files);
    expect(out[rel]).not.toContain(secret);
    expect(out[rel]).toContain('internal static string ErpApiKey => EnvironmentSecrets.Get("cnt_ErpApiKey");');
    expectCSharpParses(out[rel]!);
    const helper = out['plugins/Contoso.Plugins/Shared/EnvironmentSecrets.cs']!;
    expect(helper).toContain('RetrieveEnvironmentVariableSecretValue');
    expect(helper).toContain('namespace Contoso.Plugins.Shared');
    expectCSharpParses(helper);
    const def = out['solution/environmentvariabledefinitions/cnt_ErpApiKey/environmentvariabledefinition.xml'];
    expect(def).toContain('<type>100000005</type>');
    expect(fix.isPreferred).toBe(true);
  });

  it('plug-in method with a service in scope passes the service', () => {
    const secret = 'p9Wq2Lr7Tn4Kx8Vb3Mz6Hc1Jd5Fg0Sa';
    const text = `using System;
using Microsoft.Xrm.Sdk;

namespace P
{
    public class A : IPlugin
    {
        public void Execute(IServiceProvider sp)
        {
            var factory = (IOrganizationServiceFactory)sp.GetService(typeof(IOrganizationServiceFactory));
            IOrganizationService svc = factory.CreateOrganizationService(null);
            const string apiKey = "${secret}";
            Call(apiKey);
        }

        private static void Call(string k) { }
    }
}
`;
    const { out } = fixFor('A.cs', `"${secret}"`, { 'A.cs': text });
    expect(out['A.cs']).toContain('string apiKey = EnvironmentSecrets.Get(svc, "new_ApiKey");');
    expectCSharpParses(out['A.cs']!);
  });

  it('console tool -> SecretClient + DefaultAzureCredential, usings and PackageReferences', () => {
    const secret = 'Hk3~Qw9xZp2Lm8Vn4Bt7Rc1Yd6Fs0Ga5Ju';
    const text = `using System.Threading.Tasks;
using Microsoft.PowerPlatform.Dataverse.Client;

namespace Tools
{
    internal static class Program
    {
        private const string ClientSecret = "${secret}";

        private static async Task Main(string[] args)
        {
            var conn = "AuthType=ClientSecret;ClientId=x;ClientSecret=" + "${secret}";
            await Task.CompletedTask;
        }
    }
}
`;
    const csproj = '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n</Project>\n';
    const files = { 'tools/Program.cs': text, 'tools/Tools.csproj': csproj, 'tools/appsettings.json': '{"Vault":"https://kv-contoso-tools.vault.azure.net/"}' };
    const { out } = fixFor('tools/Program.cs', `"${secret}";\n\n        private`.slice(0, secret.length + 2), files);
    const t = out['tools/Program.cs']!;
    expect(t).toContain('private static readonly string ClientSecret = new SecretClient(new Uri("https://kv-contoso-tools.vault.azure.net/"), new DefaultAzureCredential()).GetSecret("client-secret").Value.Value;');
    for (const u of ['using System;', 'using Azure.Identity;', 'using Azure.Security.KeyVault.Secrets;']) expect(t).toContain(u);
    expectCSharpParses(t);
    expect(out['tools/Tools.csproj']).toContain('<PackageReference Include="Azure.Security.KeyVault.Secrets"');
    expect(out['tools/Tools.csproj']).toContain('<PackageReference Include="Azure.Identity"');
  });
});

describe('JS/TS fixes', () => {
  it('IIFE-level variable in a web resource starts empty and is filled from the server', () => {
    const rel = 'webresources/src/shared/erpApi.js';
    const secret = '3UU1jGA%?FbVXV_p';
    const { out } = fixFor(rel, `"${secret}"`, { [rel]: read(rel) });
    const t = out[rel]!;
    expect(t).not.toContain(secret);
    expect(t).toContain('d365secRetrieveSecret("new_RatingPassword").then(function (value) { RATING_PASSWORD = value; });');
    expect(t).toContain('RetrieveEnvironmentVariableSecretValue');
    expect(() => parseTs(t)).not.toThrow();
  });

  it('literal inside a function: the function becomes async and awaits the retrieval (TS)', () => {
    const secret = 'sk_live_9Fq2Wm7Lp3Xz8Rt4Vb6Nc1Hd';
    const text = `export class Api {\n  send(body: string): Promise<Response> {\n    return fetch("https://x.example/api", { headers: { "x-api-key": "${secret}" }, body });\n  }\n}\n`;
    const { out } = fixFor('src/api.ts', `"${secret}"`, { 'src/api.ts': text });
    const t = out['src/api.ts']!;
    expect(t).toContain('async send(body: string)');
    expect(t).toContain('"x-api-key": (await d365secRetrieveSecret("new_XApiKey"))');
    expect(() => parseTs(t)).not.toThrow();
    expect(t).not.toContain(secret);
  });
});

describe('AL, app settings, solution fixes', () => {
  it('AL locked label -> IsolatedStorage from App Key Vault as SecretText, [NonDebuggable]', () => {
    const rel = 'bc-extension/src/Payout/PayoutAuth.Codeunit.al';
    const secret = 'pgw_FtyxrygT0nLqPFLUUbMzn0k3eswX6ZBPKkiu';
    const { out } = fixFor(rel, `'${secret}'`, { [rel]: read(rel) });
    const t = out[rel]!;
    expect(t).not.toContain(secret);
    expect(t).not.toMatch(/SandboxApiKeyTok/);
    expect(t).toContain("Headers.Add('x-api-key', GetSandboxApiKey());");
    expect(t).toContain('local procedure GetSandboxApiKey() Value: SecretText');
    expect(t).toContain('"App Key Vault Secret Provider"');
    expect(t.trimEnd().endsWith('}')).toBe(true);
  });

  it('appsettings value -> @Microsoft.KeyVault reference', () => {
    const secret = 'Qm8Xt3Lp9Wz2Rv7Nb4Hc6Jd1Fs5Ga0Ke';
    const text = `{\n  "Erp": {\n    "ApiKey": "${secret}"\n  }\n}\n`;
    const { out } = fixFor('app/appsettings.json', `"${secret}"`, { 'app/appsettings.json': text });
    expect(out['app/appsettings.json']).toContain('"ApiKey": "@Microsoft.KeyVault(SecretUri=https://YOUR-KEY-VAULT.vault.azure.net/secrets/api-key/)"');
    expect(() => JSON.parse(out['app/appsettings.json']!)).not.toThrow();
  });

  it('String environment variable -> Secret with a Key Vault reference, values file too', () => {
    const dir = 'solution/environmentvariabledefinitions/cnt_SmsGatewayToken';
    const files = { [`${dir}/environmentvariabledefinition.xml`]: read(`${dir}/environmentvariabledefinition.xml`), [`${dir}/environmentvariablevalues.json`]: read(`${dir}/environmentvariablevalues.json`), 'solution/Other/Solution.xml': '<x/>' };
    const values = files[`${dir}/environmentvariablevalues.json`]!;
    const secret = /"value"\s*:\s*"([^"]+)"/.exec(values)![1]!;
    const rel = `${dir}/environmentvariablevalues.json`;
    const c = { kind: 'json' as const, role: 'envvar-values' as const };
    const fixes = keyVaultFixes({ path: rel, text: values, ...c, finding: finding(values, secret), files: project(files) });
    const out = apply(fixes[0]!, files);
    expect(out[rel]).not.toContain(secret);
    expect(out[`${dir}/environmentvariabledefinition.xml`]).toContain('<type>100000005</type>');
    expect(out[rel]).toContain('/providers/Microsoft.KeyVault/vaults/YOUR-KEY-VAULT/secrets/sms-gateway-token');
  });

  it('suppress with justification uses the file comment syntax', () => {
    const cs = 'class A {\n    string ApiKey = "abcdefabcdefabcdef";\n}\n';
    const f = allFixes({ path: 'A.cs', text: cs, kind: 'csharp', role: 'other', finding: finding(cs, '"abcdefabcdefabcdef"'), files: project({ 'A.cs': cs }) });
    const s = f.find((x) => /^Suppress/.test(x.title))!;
    expect(apply(s, { 'A.cs': cs })['A.cs']).toContain('    // d365sec-disable-next-line D365S001 -- JUSTIFY');
    const xml = '<a>\n  <b>secret</b>\n</a>\n';
    const s2 = allFixes({ path: 'a.xml', text: xml, kind: 'xml', role: 'other', finding: finding(xml, 'secret'), files: project() }).find((x) => /^Suppress/.test(x.title))!;
    const fixed = apply(s2, { 'a.xml': xml })['a.xml']!;
    expect(fixed).toContain('  <!-- d365sec-disable-next-line D365S001: JUSTIFY');
    expect(fixed.slice(4)).not.toMatch(/<!--[^>]*--[^>]/);
  });
});
