import { defineRule } from '../../server/src/core/rule';
import type { TextCommand } from '../../server/src/parsers/text';

/** Commands that accept a user credential and the switches that make them sign in as an application instead. */
const CONNECT = /(?:^|[\s;&|{(=])(Connect-CrmOnline|Get-CrmConnection|Connect-CrmOnPremDiscovery|Add-PowerAppsAccount|Connect-AzAccount|Login-AzAccount|Add-AzAccount|Connect-AzureAD|Connect-MsolService|Connect-PnPOnline|Connect-MgGraph|Connect-ExchangeOnline|Connect-DataverseEnvironment|New-CrmServiceClient|New-BcAuthContext)\b/i;
const APP_SWITCH = /\s-(ServicePrincipal|ClientSecret|CertificateThumbprint|Thumbprint|ApplicationId|AppId|OAuthClientId|ClientId|Identity|ManagedIdentity|ConnectionString|AccessToken|Interactive|DeviceCode|UseDeviceAuthentication)\b/i;

/** Does the script build a PSCredential from a password it holds (rather than prompting)? */
function buildsPasswordCredential(commands: TextCommand[]): boolean {
  return commands.some((c) => /ConvertTo-SecureString\b.*-AsPlainText|PSCredential\s*\(|PSCredential\s+-ArgumentList|::new\(\s*[^,()]+,\s*\$?\w*pass/i.test(c.text));
}

/** Why a command signs in with a user name and password, or undefined. */
export function passwordSignIn(c: TextCommand, passwordCredential: boolean): string | undefined {
  // The statement that runs the command: after `$conn = `, `if (...) {`, `&&`, `;`.
  const t = c.text;
  if (/^(echo|Write-\w+|printf)\b/i.test(t)) return undefined; // a message that mentions the command
  if (/auth\w*type\s*=/i.test(t)) return undefined; // a Dataverse connection string: password-connection-string reports it
  const pac = /(?:^|[\s;&|{(])pac(?:\.exe)?\s+auth\s+(?:create|select)\b([^;|&]*)/i.exec(t);
  if (pac && /\s(--password|-p)(\s|=|$)/i.test(pac[1]!)) return 'pac auth create with --password';
  const az = /(?:^|[\s;&|{(])az(?:\.cmd)?\s+login\b([^;|&]*)/i.exec(t);
  if (az && /\s(--password|-p)(\s|=)/i.test(az[1]!) && !/--service-principal|--identity|--federated-token/i.test(az[1]!)) return 'az login with a user name and password';
  // curl -u user:password / --user: HTTP Basic authentication with a user's secret (a BC web service
  // key, an API password). `-u user:` with no secret after the colon, or --oauth2-bearer, is not.
  const curl = /(?:^|[\s;&|{(])curl(?:\.exe)?\s([^;|&]*)/i.exec(t);
  if (curl && /\s(-u|--user)[\s=]+["']?[^\s"':]+:[^\s"']+/i.test(' ' + curl[1]!) && !/--oauth2-bearer|--negotiate|--ntlm/i.test(curl[1]!)) return 'curl with Basic authentication (-u user:password)';
  // wget --user=svc --password=... (or --http-user / --http-password): the same Basic credentials.
  const wget = /(?:^|[\s;&|{(])wget(?:\.exe)?\s([^;|&]*)/i.exec(t);
  if (wget && /\s--(http-)?password[\s=]+\S/i.test(' ' + wget[1]!) && /\s--(http-)?user[\s=]+\S/i.test(' ' + wget[1]!)) return 'wget with Basic authentication (--user / --password)';
  const m = CONNECT.exec(t);
  if (m) {
    const rest = t.slice(m.index + m[0].length).split(/[;}|]/)[0]!;
    if (APP_SWITCH.test(rest)) return undefined;
    if (/\s-Password\b/i.test(rest)) return `${m[1]} with -Password`;
    if (/\s-Credentials?\b/i.test(rest) && passwordCredential) return `${m[1]} with a user credential built from a password`;
  }
  return undefined;
}

export default defineRule({
  meta: {
    code: 'D365L062',
    name: 'pipeline-service-account-password',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['text'],
    exampleLanguage: 'yaml',
    docs: {
      summary:
        'Finds pipelines and PowerShell scripts that sign in to Dataverse, Power Platform, Business Central or Azure as a user with a password: pac auth create --password, curl -u user:password and wget --user/--password (Basic), az login -p, Add-PowerAppsAccount -Password, Connect-CrmOnline / Connect-AzAccount with a PSCredential built from a password, Power Platform Build Tools tasks on a username/password service connection, and Power Platform GitHub actions given user-name and password-secret.',
      why:
        'A service account that signs in with a password cannot use multi-factor authentication, so Conditional Access has to exempt it, and its password ends up in pipeline variables, scripts and agent logs. Microsoft documents the username/password connection of the Build Tools as having no MFA support and recommends service principals for automation.',
      bad: '- script: pac auth create --url $(EnvUrl) --username $(SvcUser) --password $(SvcPassword)',
      good: '- script: pac auth create --url $(EnvUrl) --applicationId $(AppId) --clientSecret $(AppSecret) --tenant $(TenantId)',
      fix:
        'Register an application user (service principal) in the environment and sign in with it: pac auth create --applicationId/--clientSecret or a certificate, az login --service-principal or workload identity federation, Build Tools tasks with authenticationType PowerPlatformSPN, GitHub actions with app-id / client-secret / tenant-id. Keep the secret in a secret variable or Key Vault.',
      traps:
        'Service-principal, certificate, managed-identity and device-code sign-ins; Connect-* cmdlets with -Credential from Get-Credential (interactive) when the script builds no credential from a password; Dataverse connection strings (reported once by password-connection-string); documentation.',
      references: [
        'https://learn.microsoft.com/power-platform/alm/devops-build-tool-tasks',
        'https://learn.microsoft.com/power-platform/developer/cli/reference/auth',
        'https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc',
      ],
    },
  },
  create(ctx) {
    return {
      text(doc) {
        if (doc.role === 'docs') return;
        const commands = doc.commands ?? [];
        const pwCred = buildsPasswordCredential(commands);
        for (const c of commands) {
          const why = passwordSignIn(c, pwCred);
          if (!why) continue;
          ctx.report({
            span: c.span,
            message: `Signs in as a user with a password (${why}): MFA and Conditional Access cannot protect the account. Use a service principal or managed identity.`,
            key: why,
          });
        }
      },
      strings(facts, doc) {
        if (doc.kind !== 'text' || (doc.role !== 'pipeline' && doc.format !== 'yaml')) return;
        // Power Platform Build Tools: `PowerPlatformEnvironment:` names a username/password service
        // connection; `authenticationType: PowerPlatformSPN` selects the service principal one.
        for (const f of facts) {
          if (f.inComment || !f.path) continue;
          // GitHub: microsoft/powerplatform-actions with `user-name` and `password-secret` inputs.
          if (/^password-secret$/i.test(f.name ?? '') && f.value.trim() !== '') {
            const base = f.path.slice(0, f.path.length - 'password-secret'.length);
            if (!facts.some((g) => g.path === `${base}user-name`)) continue;
            ctx.report({
              span: f.span,
              message: 'Power Platform GitHub action signs in with user-name and password-secret: a user password that MFA and Conditional Access cannot protect. Use app-id, client-secret and tenant-id (a service principal).',
              key: f.path,
            });
            continue;
          }
          if (!/^PowerPlatformEnvironment$/i.test(f.name ?? '') || f.value.trim() === '') continue;
          const base = f.path.slice(0, f.path.length - (f.name?.length ?? 0));
          const authType = facts.find((g) => g.path === `${base}authenticationType`);
          if (authType && !/PowerPlatformEnvironment/i.test(authType.value)) continue;
          ctx.report({
            span: (authType ?? f).span,
            message: 'Power Platform Build Tools task uses a username/password service connection (PowerPlatformEnvironment), which has no MFA support. Use authenticationType PowerPlatformSPN.',
            key: `${f.path}`,
          });
        }
      },
    };
  },
});
