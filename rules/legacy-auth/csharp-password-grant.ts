import { defineRule } from '../../server/src/core/rule';
import type { Span } from '../../server/src/core/types';
import { argumentsOf, calleeMethodCs, childByField, simpleName, spanOfCs } from '../../server/src/parsers/csharp-ast';

/** MSAL / ADAL / Azure.Identity calls that sign in with a user name and password (ROPC). */
const ROPC_METHODS = /^(AcquireTokenByUsernamePassword|AcquireTokenWithUsernamePassword|AcquireTokenByUsernamePasswordAsync)$/;
/** Credential types that carry a user's password to the token endpoint. */
const ROPC_TYPES = /^(UserPasswordCredential|UsernamePasswordCredential)$/;

/** A form-encoded token request body asking for the password grant. */
const GRANT_IN_BODY = /(^|[?&\s"'])grant_type=password(&|$|["'\s])/i;

const MESSAGE =
  'Resource-owner password flow: the user name and password go to the token endpoint, which cannot do MFA or Conditional Access and fails for federated accounts. Use client credentials (certificate or managed identity) for services, or an interactive / device-code flow for people.';

export default defineRule({
  meta: {
    code: 'D365L011',
    name: 'csharp-password-grant',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary:
        'Finds the OAuth resource-owner password flow in C#: MSAL AcquireTokenByUsernamePassword, ADAL UserPasswordCredential / UserCredential(user, password), Azure.Identity UsernamePasswordCredential, and grant_type=password token requests.',
      why:
        'The password grant sends a user\'s password to Entra ID. It cannot satisfy MFA, Conditional Access treats it as legacy authentication, it does not work for federated or passwordless accounts, and Microsoft recommends against it. The password has to be stored wherever the code runs, so one leak gives full access as that user.',
      bad: 'var result = await app.AcquireTokenByUsernamePassword(scopes, "svc-sync@contoso.com", password).ExecuteAsync();',
      good: 'var app = ConfidentialClientApplicationBuilder.Create(clientId).WithCertificate(cert).WithTenantId(tenant).Build();\nvar result = await app.AcquireTokenForClient(scopes).ExecuteAsync();',
      fix: 'Register an application user and use client credentials with a certificate or a managed identity for unattended jobs; use an interactive or device-code flow when a person signs in.',
      traps: 'AcquireTokenForClient, AcquireTokenSilent, AcquireTokenInteractive, grant_type=client_credentials / authorization_code / refresh_token, ADAL UserCredential with only a user name (integrated Windows auth), commented-out code.',
      references: ['https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc', 'https://learn.microsoft.com/entra/msal/dotnet/acquiring-tokens/desktop-mobile/username-password-authentication'],
    },
  },
  create(ctx) {
    return {
      csharp(doc) {
        for (const n of doc.nodes ?? []) {
          if (n.type === 'invocation_expression') {
            const m = calleeMethodCs(n);
            if (m && ROPC_METHODS.test(m)) ctx.report({ span: spanOfCs(n), message: MESSAGE, key: `ropc|${m}` });
          } else if (n.type === 'object_creation_expression') {
            const t = simpleName(childByField(n, 'type'));
            if (!t) continue;
            // ADAL's UserCredential(userName) is integrated Windows auth; with a second argument it carries a password.
            if (ROPC_TYPES.test(t) || (t === 'UserCredential' && argumentsOf(n).length >= 2)) ctx.report({ span: spanOfCs(n), message: MESSAGE, key: `ropc|${t}` });
          }
        }
      },
      strings(facts, doc) {
        if (doc.kind !== 'csharp') return;
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment') continue;
          const named = !!f.name && /^grant_?type$/i.test(f.name) && f.value.trim().toLowerCase() === 'password';
          if (!named && !GRANT_IN_BODY.test(f.value)) continue;
          const span: Span = f.origin === 'constant' && f.definedAt?.path === doc.file.path ? f.definedAt.span : f.span;
          ctx.report({ span, message: MESSAGE, key: `ropc|${f.name ?? ''}|${f.callee ?? ''}` });
        }
      },
    };
  },
});
