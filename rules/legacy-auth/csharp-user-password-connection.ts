import { defineRule } from '../../server/src/core/rule';
import { argumentsOf, calleeMethodCs, childByField, dottedCs, simpleName, spanOfCs, unwrapCast, type CsNode } from '../../server/src/parsers/csharp-ast';
import type { CSharpDocument } from '../../server/src/parsers/csharp';
import { initializersOf } from '../../server/src/parsers/csharp-flow';

/** Dataverse clients whose constructors accept a user name and password. */
const CLIENTS = /^(CrmServiceClient|ServiceClient)$/;

/** Names that say the value is a password (a SecureString or a plain one). */
const PASSWORD_NAME = /pass(word|wd)?|pwd|securepassword/i;

/** `new NetworkCredential(user, password[, domain])`, directly or through a local / field. */
function networkCredential(doc: CSharpDocument, v: CsNode | undefined, depth = 0): boolean {
  const x = unwrapCast(v);
  if (!x || depth > 3) return false;
  if (x.type === 'object_creation_expression') return simpleName(childByField(x, 'type')) === 'NetworkCredential' && argumentsOf(x).length >= 2;
  if (x.type === 'identifier' && x.text) {
    const inits = initializersOf(doc, x, x.text);
    return inits.length > 0 && inits.some((i) => networkCredential(doc, i, depth + 1));
  }
  return false;
}

/** A password argument: `password`, `settings.ServicePassword`, `pwd.ToSecureString()`, `cred.SecurePassword`. */
function passwordLike(v: CsNode | undefined): boolean {
  const x = unwrapCast(v);
  if (!x) return false;
  if (x.type === 'invocation_expression') {
    const m = calleeMethodCs(x);
    if (m && /^(ToSecureString|ConvertToSecureString|GetSecureString)$/.test(m)) return true;
    const f = childByField(x, 'function');
    return f?.type === 'member_access_expression' ? passwordLike(childByField(f, 'expression')) : false;
  }
  const name = simpleName(x);
  return !!name && PASSWORD_NAME.test(name) && !/(hint|policy|length|expir|reset|changed|name)/i.test(name);
}

const MESSAGE =
  'Dataverse connection signs in with a user name and password (WS-Trust / AD / IFD): MFA and Conditional Access cannot protect it and the password must be stored with the code. Use an application user with a certificate, client secret from Key Vault, or a managed identity.';

export default defineRule({
  meta: {
    code: 'D365L012',
    name: 'csharp-user-password-connection',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary:
        'Finds Dataverse clients built in C# from a user name and password: CrmServiceClient / ServiceClient constructors with a NetworkCredential or a (user, SecureString password, ...) pair, and OrganizationServiceProxy credentials set through ClientCredentials.UserName.Password or Windows.ClientCredential.',
      why:
        'User-and-password sign-in to Dataverse (Office365 / WS-Trust, AD, IFD) is legacy authentication: it cannot do MFA, Conditional Access blocks or ignores it, Microsoft has deprecated the Office365 type, and the service account\'s password has to live in the tool\'s configuration where it leaks and is rarely rotated.',
      bad: 'var client = new CrmServiceClient(user, password.ToSecureString(), "EMEA", "contoso", false, true, null, true);',
      good: 'var client = new ServiceClient(new Uri(url), clientId, secretFromKeyVault, useUniqueInstance: true);\n// or AuthType=Certificate / a managed identity',
      fix: 'Register an application user in Dataverse and connect with AuthType=Certificate or ClientSecret (secret in Key Vault), or with a managed identity from Azure-hosted code. For people, use interactive OAuth (no stored password).',
      traps: 'ServiceClient(uri, clientId, clientSecret, ...) and connection-string constructors (the connection string rule checks those), NetworkCredential passed to other HTTP clients, commented-out code.',
      references: ['https://learn.microsoft.com/power-apps/developer/data-platform/xrm-tooling/use-connection-strings-xrm-tooling-connect', 'https://learn.microsoft.com/power-apps/developer/data-platform/authenticate-office365-deprecation'],
    },
  },
  create(ctx) {
    return {
      csharp(doc) {
        for (const n of doc.nodes ?? []) {
          if (n.type === 'object_creation_expression') {
            const t = simpleName(childByField(n, 'type'));
            if (!t || !CLIENTS.test(t)) continue;
            const args = argumentsOf(n);
            const viaCredential = args.some((a) => networkCredential(doc, a.value));
            const viaPassword = args.length >= 3 && (passwordLike(args[1]?.value) || args.some((a) => a.name === 'password'));
            if (viaCredential || viaPassword) ctx.report({ span: spanOfCs(n), message: MESSAGE, key: `user-password|${t}` });
          } else if (n.type === 'assignment_expression' && n.op === '=') {
            const d = dottedCs(childByField(n, 'left'));
            if (!d) continue;
            if (/(^|\.)UserName\.Password$/.test(d) || (/(^|\.)Windows\.ClientCredential$/.test(d) && networkCredential(doc, childByField(n, 'right')))) {
              ctx.report({ span: spanOfCs(n), message: MESSAGE, key: `user-password|${d}` });
            }
          }
        }
      },
    };
  },
});
