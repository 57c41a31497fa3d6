import { defineRule, type RuleContext } from '../../server/src/core/rule';
import type { StringFact } from '../../server/src/core/types';

/** Splits `k=v;k=v` (keys case-insensitive, spaces in keys allowed) into a lower-case map without spaces. */
export function connectionPairs(value: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase().replace(/\s+/g, '');
    if (!/^[a-z][a-z0-9_.-]*$/.test(key)) continue;
    pairs.set(key, part.slice(eq + 1).trim());
  }
  return pairs;
}

/** Auth types of the Dataverse XRM tooling that sign in with a user name and password (formats.md §13). */
const PASSWORD_AUTH_TYPES = new Set(['office365', 'ad', 'ifd']);

export default defineRule({
  meta: {
    code: 'D365L100',
    name: 'password-connection-string',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['csharp', 'script', 'al', 'xml', 'json', 'text'],
    exampleLanguage: 'xml',
    docs: {
      summary:
        'Finds Dataverse connection strings that sign in with a user name and password: AuthType=Office365, AD or IFD, or OAuth with a Password.',
      why:
        'Office365 uses WS-Trust and OAuth with a password is the resource-owner password flow: neither can satisfy multi-factor authentication or Conditional Access, so a leaked service-account password is enough to sign in from anywhere. Microsoft has deprecated Office365 authentication for Dataverse.',
      bad: '<add name="Crm" connectionString="AuthType=Office365;Url=https://contoso.crm.dynamics.com;Username=svc@contoso.com;Password=…" />',
      good: '<add name="Crm" connectionString="AuthType=ClientSecret;Url=https://contoso.crm.dynamics.com;ClientId=…;ClientSecret=@Microsoft.KeyVault(SecretUri=…)" />',
      fix:
        'Register an application user and use AuthType=ClientSecret or AuthType=Certificate (or a managed identity); keep the secret in Key Vault. For interactive tools use AuthType=OAuth without a password, which signs in through the browser with MFA.',
      traps:
        'AuthType=ClientSecret and Certificate (application identities), interactive OAuth without a password (LoginPrompt=Auto), documentation that describes the retired form, and commented-out strings.',
      references: ['https://learn.microsoft.com/power-apps/developer/data-platform/xrm-tooling/use-connection-strings-xrm-tooling-connect'],
    },
  },
  create(ctx) {
    return {
      strings(facts, doc) {
        if (doc.role === 'docs') return;
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment') continue;
          if (f.origin === 'constant') continue; // a use of a constant: reported once, where it is written
          const v = f.value;
          if (v.length > 8000 || !/auth(entication)?\s*type\s*=/i.test(v)) continue;
          const pairs = connectionPairs(v);
          const auth = (pairs.get('authtype') ?? pairs.get('authenticationtype') ?? '').toLowerCase();
          const hasPassword = pairs.has('password');
          const hasUser = ['username', 'userid'].some((k) => pairs.has(k));
          let why: string | undefined;
          if (PASSWORD_AUTH_TYPES.has(auth) && (hasPassword || hasUser || auth === 'office365')) {
            why = auth === 'office365' ? 'AuthType=Office365 (WS-Trust, deprecated)' : `AuthType=${auth.toUpperCase()} with a user name and password`;
          } else if (auth === 'oauth' && hasPassword) {
            why = 'AuthType=OAuth with a Password (resource-owner password flow)';
          }
          if (!why) continue;
          ctx.report({
            span: f.span,
            message: `Dataverse connection string uses ${why}${f.name ? ` in ${f.name}` : ''}: MFA and Conditional Access cannot protect it. Use ClientSecret or Certificate authentication with the secret in Key Vault.`,
            key: `${f.name ?? ''}|${auth}`,
          });
        }
        if (doc.kind === 'text') sectionProfiles(facts, ctx.report);
      },
    };
  },
});

/**
 * The same connection spelled as the keys of one ini section (`[crm]` `AuthType=IFD`
 * `Username=...` `Password=...`), as export tools and schedulers keep their profiles.
 */
function sectionProfiles(facts: readonly StringFact[], report: RuleContext['report']): void {
  const sections = new Map<string, Map<string, StringFact>>();
  for (const f of facts) {
    if (f.origin !== 'text' || !f.name || !f.path) continue;
    const section = f.path.slice(0, Math.max(0, f.path.length - f.name.length - 1));
    let keys = sections.get(section);
    if (!keys) sections.set(section, (keys = new Map()));
    keys.set(f.name.toLowerCase().replace(/\s+/g, ''), f);
  }
  for (const [section, keys] of sections) {
    const authFact = keys.get('authtype') ?? keys.get('authenticationtype');
    const auth = authFact?.value.trim().toLowerCase() ?? '';
    if (!authFact || !PASSWORD_AUTH_TYPES.has(auth)) continue;
    const password = keys.get('password');
    if (!password && auth !== 'office365') continue;
    report({
      span: authFact.span,
      message: `Connection profile${section ? ` [${section}]` : ''} signs in to Dataverse with AuthType=${auth === 'office365' ? 'Office365 (WS-Trust, deprecated)' : `${auth.toUpperCase()} and a password`}: MFA and Conditional Access cannot protect it. Use ClientSecret or Certificate authentication with the secret in Key Vault.`,
      key: `section|${section}|${auth}`,
    });
  }
}
