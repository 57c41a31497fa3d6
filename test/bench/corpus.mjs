// Builds the benchmark tree: examples/contoso copied N times under renamed folders, plus a generated
// corpus shaped like a real Dynamics repository (C# plug-ins, form scripts, a few megabyte-sized
// minified vendor bundles, AL objects, an unpacked solution, configuration). Deterministic: a seeded
// PRNG, so two runs scan the same bytes. Every "secret" here is random text made up on the spot.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function prng(seed) {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'policy claim broker payout commission vendor invoice contact account quote order premium renewal region agent ledger batch audit status approval document schedule tariff coverage'.split(' ');

export function buildTree(root, exampleDir, { copies = 60, seed = 42 } = {}) {
  const rnd = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const token = (n, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  const guid = () => `${token(8, '0123456789abcdef')}-${token(4, '0123456789abcdef')}-${token(4, '0123456789abcdef')}-${token(4, '0123456789abcdef')}-${token(12, '0123456789abcdef')}`;
  const write = (rel, text) => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  };
  const pem = () => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 12 }, () => token(64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')).join('\n')}\n-----END RSA PRIVATE KEY-----\n`;

  // 1. The example, replicated under renamed folders.
  for (let i = 0; i < copies; i++) cpSync(exampleDir, path.join(root, 'teams', `team-${String(i).padStart(2, '0')}`), { recursive: true });

  // 2. C# plug-ins.
  for (let i = 0; i < 700; i++) {
    const noun = cap(pick(WORDS)) + cap(pick(WORDS));
    const methods = int(4, 28);
    const body = [];
    for (let m = 0; m < methods; m++) {
      const w = cap(pick(WORDS));
      body.push(`        private void Apply${w}${m}(IOrganizationService service, ITracingService tracing, Entity target)
        {
            if (!target.Contains("fab_${w.toLowerCase()}${m}")) return;
            var value = target.GetAttributeValue<string>("fab_${w.toLowerCase()}${m}") ?? string.Empty;
            tracing.Trace("Apply${w}${m}: {0} characters", value.Length);
            var query = new QueryExpression("fab_${w.toLowerCase()}") { ColumnSet = new ColumnSet("fab_name", "fab_amount", "statuscode") };
            query.Criteria.AddCondition("fab_parentid", ConditionOperator.Equal, target.Id);
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                var amount = row.GetAttributeValue<Money>("fab_amount")?.Value ?? 0m;
                if (amount > ${int(100, 99999)}m) row["statuscode"] = new OptionSetValue(${int(1, 9)});
                service.Update(row);
            }
        }
`);
    }
    const secret = i % 25 === 0 ? `        private const string ClientSecret = "${token(8)}~${token(31)}";\n` : '';
    write(
      `src/Fabrikam.Plugins/${cap(pick(WORDS))}/${noun}Plugin${i}.cs`,
      `using System;
using System.Net.Http;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Fabrikam.Plugins.${noun}
{
    /// <summary>Keeps ${noun.toLowerCase()} rows consistent on update.</summary>
    public class ${noun}Plugin${i} : IPlugin
    {
        private const string ApiBase = "https://api.fabrikam-${pick(WORDS)}.com/v${int(1, 4)}";
${secret}        private readonly string _unsecureConfig;

        public ${noun}Plugin${i}(string unsecureConfig, string secureConfig)
        {
            _unsecureConfig = unsecureConfig;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService));
            var service = factory.CreateOrganizationService(context.UserId);
            if (!(context.InputParameters["Target"] is Entity target)) return;
${Array.from({ length: methods }, (_, m) => `            Apply${body[m].match(/Apply(\w+)\(/)[1]}(service, tracing, target);`).join('\n')}
        }

${body.join('\n')}    }
}
`,
    );
  }

  // 3. Form scripts (web resources).
  for (let i = 0; i < 700; i++) {
    const entity = pick(WORDS) + i;
    const handlers = int(4, 36);
    const fns = [];
    for (let h = 0; h < handlers; h++) {
      const field = `fab_${pick(WORDS)}${h}`;
      fns.push(`    function onChange${h}(executionContext) {
        var formContext = executionContext.getFormContext();
        var attr = formContext.getAttribute("${field}");
        if (!attr) return;
        var value = attr.getValue();
        formContext.getControl("${field}").setDisabled(value === null);
        if (value && value.length > ${int(3, 40)}) {
            formContext.ui.setFormNotification("${cap(pick(WORDS))} is too long", "WARNING", "${field}");
        } else {
            formContext.ui.clearFormNotification("${field}");
        }
        Xrm.WebApi.retrieveMultipleRecords("fab_${pick(WORDS)}", "?$select=fab_name&$top=${int(1, 50)}").then(function (result) {
            formContext.getAttribute("fab_count${h}").setValue(result.entities.length);
        });
    }
`);
    }
    const key = i % 40 === 0 ? `    var apiKey = "${token(32)}";\n` : '';
    write(
      `webresources/forms/fab_${entity}.form.js`,
      `var Fabrikam = Fabrikam || {};
Fabrikam.${cap(entity)} = (function () {
    "use strict";
${key}    function onLoad(executionContext) {
        var formContext = executionContext.getFormContext();
${Array.from({ length: handlers }, (_, h) => `        formContext.getAttribute("fab_${h}") && formContext.getAttribute("fab_${h}").addOnChange(onChange${h});`).join('\n')}
    }

${fns.join('\n')}
    return { onLoad: onLoad };
})();
`,
    );
  }

  // 4. Minified vendor bundles, one to three megabytes each, a few long lines.
  for (let b = 0; b < 5; b++) {
    const target = int(1, 3) * 1024 * 1024;
    let out = `/*! vendor-${b} v${int(1, 9)}.${int(0, 20)}.${int(0, 9)} | MIT */\n`;
    let line = '';
    let n = 0;
    while (out.length + line.length < target) {
      const v = () => pick('abcdefghijklmnopqrstuvwxyz'.split('')) + (rnd() < 0.3 ? pick('0123456789'.split('')) : '');
      line += `function ${v()}${n}(${v()},${v()}){var ${v()}=${v()}.${pick(WORDS)}||{};return ${v()}&&"${pick(WORDS)}"in ${v()}?${v()}["${pick(WORDS)}"](${int(0, 999)}):void 0}`;
      line += `var ${v()}${n}={${pick(WORDS)}:"${token(int(4, 24))}",${pick(WORDS)}:${int(0, 99999)},url:"https://cdn.example.com/${pick(WORDS)}/${n}.js"};`;
      n++;
      if (line.length > 200000) {
        out += line + '\n';
        line = '';
      }
    }
    write(`webresources/vendor/lib${b}.min.js`, out + line + '\n');
  }

  // 5. AL objects.
  for (let i = 0; i < 500; i++) {
    const name = `Fab ${cap(pick(WORDS))} ${i}`;
    const kind = i % 3;
    let text;
    if (kind === 0) {
      const fields = Array.from({ length: int(5, 40) }, (_, f) => `        field(${f + 1}; "${cap(pick(WORDS))} ${f}"; ${pick(['Code[20]', 'Text[100]', 'Decimal', 'Date', 'Boolean', 'Integer'])})\n        {\n            Caption = '${cap(pick(WORDS))} ${f}';\n            DataClassification = ${pick(['CustomerContent', 'SystemMetadata', 'EndUserIdentifiableInformation'])};\n        }`).join('\n');
      text = `table ${50000 + i} "${name}"\n{\n    Caption = '${name}';\n    DataClassification = CustomerContent;\n\n    fields\n    {\n${fields}\n    }\n\n    keys\n    {\n        key(PK; "${cap(WORDS[0])} 0") { Clustered = true; }\n    }\n}\n`;
    } else if (kind === 1) {
      const fields = Array.from({ length: int(5, 30) }, (_, f) => `                field("${cap(pick(WORDS))} ${f}"; Rec."${cap(pick(WORDS))} ${f}")\n                {\n                    ApplicationArea = All;\n                    ToolTip = 'Specifies the ${pick(WORDS)}.';\n                }`).join('\n');
      text = `page ${50000 + i} "${name} Card"\n{\n    PageType = Card;\n    SourceTable = "${name}";\n    UsageCategory = Administration;\n\n    layout\n    {\n        area(Content)\n        {\n            group(General)\n            {\n${fields}\n            }\n        }\n    }\n}\n`;
    } else {
      const procs = Array.from({ length: int(3, 20) }, (_, p) => `    procedure ${cap(pick(WORDS))}${p}(var ${cap(pick(WORDS))}: Record "${name}"): Boolean\n    var\n        Http: HttpClient;\n        Response: HttpResponseMessage;\n        Url: Text;\n    begin\n        Url := 'https://api.fabrikam.com/${pick(WORDS)}/${p}';\n        if not Http.Get(Url, Response) then\n            exit(false);\n        exit(Response.IsSuccessStatusCode());\n    end;\n`).join('\n');
      text = `codeunit ${50000 + i} "${name} Mgt."\n{\n${procs}}\n`;
    }
    write(`bc/src/${cap(pick(WORDS))}/${name.replace(/ /g, '')}.${['Table', 'Page', 'Codeunit'][kind]}.al`, text);
  }

  // 6. An unpacked solution: entities, forms and roles from the example's, renamed per entity.
  const sol = path.join(exampleDir, 'solution');
  const entityDirs = readdirSync(path.join(sol, 'Entities')).filter((e) => statSync(path.join(sol, 'Entities', e)).isDirectory());
  write('solutions/FabrikamCore/Other/Solution.xml', readFileSync(path.join(sol, 'Other/Solution.xml'), 'utf8').replace(/cnt_|Contoso/g, (m) => (m === 'cnt_' ? 'fab_' : 'Fabrikam')));
  write('solutions/FabrikamCore/Other/Customizations.xml', readFileSync(path.join(sol, 'Other/Customizations.xml'), 'utf8'));
  for (let i = 0; i < 200; i++) {
    const src = path.join(sol, 'Entities', pick(entityDirs));
    const prefix = `fab${i}_`;
    const rename = (t) => t.replace(/cnt_/g, prefix);
    const entityName = `${prefix}${cap(pick(WORDS))}`;
    write(`solutions/FabrikamCore/Entities/${entityName}/Entity.xml`, rename(readFileSync(path.join(src, 'Entity.xml'), 'utf8')));
    const forms = path.join(src, 'FormXml/main');
    try {
      for (const f of readdirSync(forms)) write(`solutions/FabrikamCore/Entities/${entityName}/FormXml/main/{${guid()}}.xml`, rename(readFileSync(path.join(forms, f), 'utf8')));
    } catch {
      // an entity without forms
    }
  }
  const roles = readdirSync(path.join(sol, 'Roles'));
  for (let i = 0; i < 60; i++) write(`solutions/FabrikamCore/Roles/Fabrikam Role ${i}.xml`, readFileSync(path.join(sol, 'Roles', pick(roles)), 'utf8').replace(/cnt_/g, 'fab_'));

  // 7. Configuration and pipelines (one in ten with a made-up credential; a few private keys).
  for (let i = 0; i < 300; i++) {
    const svc = `${cap(pick(WORDS))}Service${i}`;
    const pw = i % 10 === 0 || i % 10 === 4 ? token(20) : '';
    switch (i % 5) {
      case 0:
        write(`services/${svc}/App.config`, `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n    <add key="ServiceUrl" value="https://${pick(WORDS)}.fabrikam.com/api" />\n    <add key="BatchSize" value="${int(10, 500)}" />\n${pw ? `    <add key="ServicePassword" value="${pw}" />\n` : ''}  </appSettings>\n  <connectionStrings>\n    <add name="Dataverse" connectionString="AuthType=ClientSecret;Url=https://fabrikam.crm.dynamics.com;ClientId=${guid()};ClientSecret=@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/dv)" />\n  </connectionStrings>\n</configuration>\n`);
        break;
      case 1:
        write(`services/${svc}/appsettings.json`, JSON.stringify({ Logging: { LogLevel: { Default: 'Information' } }, Dataverse: { Url: 'https://fabrikam.crm.dynamics.com', ClientId: guid(), ...(pw ? { ClientSecret: pw } : {}) }, Features: Object.fromEntries(Array.from({ length: int(3, 30) }, (_, k) => [`${pick(WORDS)}${k}`, rnd() < 0.5])) }, null, 2) + '\n');
        break;
      case 2:
        write(`pipelines/${svc}.azure-pipelines.yml`, `trigger:\n  branches:\n    include: [main]\npool:\n  vmImage: windows-latest\nvariables:\n  solution: FabrikamCore\n  buildConfiguration: Release\nsteps:\n${Array.from({ length: int(3, 15) }, (_, k) => `  - task: PowerPlatformExportSolution@2\n    displayName: Export ${pick(WORDS)} ${k}\n    inputs:\n      authenticationType: PowerPlatformSPN\n      PowerPlatformSPN: fabrikam-spn\n      SolutionName: $(solution)\n`).join('')}`);
        break;
      case 3:
        write(`scripts/${svc}.ps1`, `param([string]$Environment = "dev")\n$ErrorActionPreference = "Stop"\n${Array.from({ length: int(5, 40) }, (_, k) => `Write-Host "Deploying ${pick(WORDS)} ${k} to $Environment"\nInvoke-RestMethod -Uri "https://${pick(WORDS)}.fabrikam.com/api/${k}" -Method Get | Out-Null\n`).join('')}`);
        break;
      default:
        // A GitHub token shape every secret scanner knows: the bench checks secretlint's rules ran.
        write(`services/${svc}/.env`, `SERVICE_URL=https://${pick(WORDS)}.fabrikam.com\nLOG_LEVEL=info\n${pw ? `API_TOKEN=${pw}\nGITHUB_TOKEN=ghp_${token(36)}\n` : ''}`);
    }
  }
  for (let i = 0; i < 4; i++) write(`certs/legacy-${i}.pem`, pem());
  write('.secretlintrc.json', JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2) + '\n');
}

/** The files a scanner sees: the same walk and skipped folders as the CLI. */
const SKIP_DIRS = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', 'dist', 'out', '.alpackages', '.snapshots', 'packages', 'TestResults']);
export function listTree(root) {
  const out = [];
  const visit = (abs) => {
    for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(abs, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) visit(p);
      } else if (e.isFile()) out.push(p);
    }
  };
  visit(root);
  return out;
}
