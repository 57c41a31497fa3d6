import { defineRule } from '../../server/src/core/rule';
import type { Span } from '../../server/src/core/types';
import { calleeMethod, calleeName, spanOf, walk } from '../../server/src/parsers/script-ast';

/** Library calls that sign in with a user name and password (resource-owner password credentials). */
const ROPC_METHODS = /^(acquireTokenByUsernamePassword|acquireTokenWithUsernamePassword|loginWithUsernamePassword)$/;
const ROPC_CLASSES = /^new (\w+\.)*UsernamePasswordCredential$/;

/** A form-encoded token request body asking for the password grant. */
const GRANT_IN_BODY = /(^|[?&\s"'])grant_type=password(&|$|["'\s])/i;

export default defineRule({
  meta: {
    code: 'D365L041',
    name: 'script-password-grant',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['script'],
    exampleLanguage: 'js',
    docs: {
      summary: 'Finds the OAuth resource-owner password flow in JavaScript / TypeScript: grant_type=password token requests, MSAL acquireTokenByUsernamePassword, ADAL acquireTokenWithUsernamePassword, @azure/identity UsernamePasswordCredential.',
      why:
        'The password grant sends a user name and password to the token endpoint. It cannot do MFA, Conditional Access treats it as legacy authentication, it fails for federated and MFA-enforced accounts, and Microsoft recommends against it. The credential has to be stored where the code runs.',
      bad: 'body: "grant_type=password&client_id=" + clientId + "&username=" + user + "&password=" + password',
      good: 'const token = await cca.acquireTokenByClientCredential({ scopes: ["https://org.crm.dynamics.com/.default"] });',
      fix: 'Use client credentials with a certificate or managed identity for services, or an interactive / device-code flow for people; never a stored user password.',
      traps: 'grant_type=client_credentials, authorization_code, refresh_token; acquireTokenSilent / acquireTokenByClientCredential; Bearer tokens.',
      references: ['https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc'],
    },
  },
  create(ctx) {
    const message = 'Resource-owner password flow: the user name and password go to the token endpoint, which cannot do MFA or Conditional Access. Use client credentials (certificate, managed identity) or an interactive flow.';
    return {
      strings(facts, doc) {
        if (doc.kind !== 'script') return;
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment') continue;
          const named = !!f.name && /^grant_?type$/i.test(f.name) && f.value.trim().toLowerCase() === 'password';
          if (!named && !GRANT_IN_BODY.test(f.value)) continue;
          const span: Span = f.origin === 'constant' && f.definedAt?.path === doc.file.path ? f.definedAt.span : f.span;
          ctx.report({ span, message, key: `ropc|${f.name ?? ''}|${f.callee ?? ''}` });
        }
      },
      script(doc) {
        if (!doc.ast) return;
        walk(doc.ast, (n) => {
          if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return;
          const m = n.type === 'CallExpression' ? calleeMethod(n) : undefined;
          const c = calleeName(n);
          if ((m && ROPC_METHODS.test(m)) || (c && ROPC_CLASSES.test(c))) ctx.report({ span: spanOf(n), message, key: `ropc|${m ?? c}` });
        });
      },
    };
  },
});
