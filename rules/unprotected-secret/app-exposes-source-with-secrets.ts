import { defineRule } from '../../server/src/core/rule';
import { propNode, type JsonNode } from '../../server/src/parsers/json';
import { folderOf, secretsOfApp } from '../../server/src/model/alapp';

const isTrue = (n: JsonNode | undefined): boolean => n?.value === true || (n?.type === 'string' && String(n.value).toLowerCase() === 'true');

export default defineRule({
  meta: {
    code: 'D365U060',
    name: 'app-exposes-source-with-secrets',
    category: 'unprotected-secret',
    severity: 'error',
    kinds: ['json'],
    exampleLanguage: 'json',
    docs: {
      summary:
        'Finds Business Central app.json manifests whose resourceExposurePolicy lets others download the source or get it inside the symbol file (allowDownloadingSource, includeSourceInSymbolFile, or the older showMyCode) while the app\'s own AL source holds a hard-coded secret.',
      why:
        'With allowDownloadingSource or includeSourceInSymbolFile, anyone who can install the app or reference it as a dependency (partners, other extensions\' developers, every tenant it is published to) gets the AL source, and with it every password, API key or token written into a Label or a Text constant. The secret is no longer confined to your repository: it ships with every copy of the .app file.',
      bad: '"resourceExposurePolicy": { "allowDebugging": false, "allowDownloadingSource": true, "includeSourceInSymbolFile": true }   // and src/Api.Codeunit.al: ApiKeyTok: Label \'k3y…\', Locked = true;',
      good: '"resourceExposurePolicy": { "allowDebugging": false, "allowDownloadingSource": false, "includeSourceInSymbolFile": false }   // and the key kept in IsolatedStorage / App Key Vault',
      fix:
        'Remove the secret from the AL source first (rotate it; read it at run time from IsolatedStorage, the App Key Vault or a setup table behind SecretText), then set allowDownloadingSource and includeSourceInSymbolFile to false unless you really mean to publish the source.',
      traps:
        'allowDebugging alone: what the debugger reveals is reported at the AL procedure that handles a secret without [NonDebuggable] or SecretText, not in app.json. Source exposure in an app whose AL holds no literal secret (publishing source is a choice, not a leak). Policies with every flag false or absent (the default).',
      references: [
        'https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/devenv-security-settings-and-ip-protection',
        'https://cwe.mitre.org/data/definitions/540.html',
      ],
    },
  },
  create(ctx) {
    return {
      json(doc) {
        if (doc.role !== 'al-app-manifest' || !doc.root) return;
        const policy = propNode(doc.root, 'resourceExposurePolicy', true);
        const flags = ['allowDownloadingSource', 'includeSourceInSymbolFile']
          .map((k) => ({ k, n: propNode(policy, k, true) }))
          .filter((x) => isTrue(x.n));
        const legacy = propNode(doc.root, 'showMyCode', true);
        if (!policy && isTrue(legacy)) flags.push({ k: 'showMyCode', n: legacy });
        if (flags.length === 0) return;
        const model = ctx.model.alApp;
        if (!model) return;
        const secrets = secretsOfApp(model, folderOf(doc.file.path));
        if (secrets.length === 0) return;
        const first = flags[0]!.n!;
        const names = secrets.map((s) => s.name).filter((x): x is string => !!x);
        ctx.report({
          span: { start: first.offset, end: first.offset + first.length },
          message: `${flags.map((f) => f.k).join(' and ')} publish${flags.length === 1 ? 'es' : ''} the app's AL source, which holds ${secrets.length} hard-coded secret${secrets.length === 1 ? '' : 's'}${names.length ? ` (${names.slice(0, 3).join(', ')})` : ''}: everyone who gets the app gets ${secrets.length === 1 ? 'it' : 'them'}. Move the secrets out of the source and turn source exposure off.`,
          key: flags.map((f) => f.k).join('|'),
          related: secrets.slice(0, 5).map((s) => ({ path: s.path, span: s.span, message: `hard-coded secret${s.name ? ` in ${s.name}` : ''}` })),
        });
      },
    };
  },
});
