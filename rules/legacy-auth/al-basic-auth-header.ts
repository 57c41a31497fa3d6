import { defineRule } from '../../server/src/core/rule';
import { allRoutines, lastName, scopeOf, unparen, walkExprs, type AlExpr } from '../../server/src/parsers/al';

type Scope = ReturnType<typeof scopeOf>;

/** A string literal, or a label of the scope, and its text. */
function textOf(e: AlExpr | undefined, scope: Scope): string | undefined {
  const x = e ? unparen(e) : undefined;
  if (x?.type === 'string') return x.value;
  if (x?.type === 'ident') return scope.get(x.name.toLowerCase())?.label?.text;
  return undefined;
}

/** `'Basic ' + ...`, `StrSubstNo('Basic %1', ...)`, `SecretStrSubstNo('Basic %1', ...)`; the text may be a label. */
function basicPrefix(e: AlExpr, scope: Scope): boolean {
  const x = unparen(e);
  if (x.type === 'binary' && x.op === '+') {
    let l: AlExpr = x;
    let value = false; // some part is not a literal: the encoded credential
    while (l.type === 'binary' && l.op === '+') {
      if (textOf(l.right, scope) === undefined) value = true;
      l = unparen(l.left);
    }
    return value && /^basic\s+$/i.test(textOf(l, scope) ?? '');
  }
  if (x.type === 'call' && /^(secret)?strsubstno$/i.test(lastName(x.callee) ?? '')) {
    return /^basic\s+%1$/i.test(textOf(x.args[0], scope) ?? '');
  }
  return false;
}

export default defineRule({
  meta: {
    code: 'D365L020',
    name: 'al-basic-auth-header',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary:
        'Finds AL code that signs in with a user name and password: an HTTP `Authorization: Basic` header built from credentials (`\'Basic \' + Base64Convert.ToBase64(User + \':\' + Password)`, `StrSubstNo(\'Basic %1\', ...)`), the Rest Client\'s `Http Authentication Basic`, or `HttpClient.UseWindowsAuthentication(...)` / `UseDefaultNetworkWindowsAuthentication()`.',
      why:
        'Basic and Windows (NTLM) authentication send a reusable password on every request. Multi-factor authentication and Conditional Access cannot protect it, a leaked password works from anywhere, and the service account behind it usually never rotates. Business Central web service access keys used this way are deprecated online.',
      bad: "Headers.Add('Authorization', 'Basic ' + Base64Convert.ToBase64(UserName + ':' + Password));",
      good: "Headers.Add('Authorization', SecretStrSubstNo('Bearer %1', OAuth2.GetAccessToken()));  // client credentials from Entra ID",
      fix: 'Use OAuth 2.0 (client credentials with a certificate or a secret kept in isolated storage / App Key Vault) and send a bearer token as SecretText; if the remote service only supports Basic, put it behind a gateway that does.',
      traps: "Bearer tokens (`SecretStrSubstNo('Bearer %1', Token)`), API key headers, and strings that merely mention the word Basic.",
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/upgrade/deprecated-features-platform#web-service-access-keys-basic-auth-for-soap-and-odata'],
    },
  },
  create(ctx) {
    return {
      al(doc) {
        for (const o of doc.objects) {
          for (const r of allRoutines(o)) {
            const seen = new Set<number>();
            const scope = scopeOf(o, r);
            walkExprs(r, (e, parent) => {
              const method = e.type === 'call' ? (lastName(e.callee) ?? '') : '';
              if (/^(usewindowsauthentication|usedefaultnetworkwindowsauthentication)$/i.test(method)) {
                ctx.report({ span: e.span, message: `${r.name} signs in with Windows (NTLM) credentials: MFA and Conditional Access cannot protect them. Use OAuth 2.0.`, key: `${o.name}|${r.name}|windows` });
                return;
              }
              // System App Rest Client: Codeunit "Http Authentication Basic".Initialize(User, Password)
              if (e.type === 'call' && /^initialize$/i.test(method) && e.callee.type === 'member' && e.callee.object.type === 'ident') {
                const v = scope.get(e.callee.object.name.toLowerCase());
                if (v?.typeName === 'codeunit' && /^http ?authentication ?basic$/i.test(v.typeArg ?? '')) {
                  ctx.report({ span: e.span, message: `${r.name} sets up Basic authentication (Http Authentication Basic) with a user name and password: MFA and Conditional Access cannot protect it. Use OAuth 2.0.`, key: `${o.name}|${r.name}|restbasic` });
                  return;
                }
              }
              if (!basicPrefix(e, scope)) return;
              // text shown to people is not a header: Message('Basic ' + ...)
              if (parent?.type === 'call' && /^(message|error|confirm|strmenu)$/i.test(lastName(parent.callee) ?? '')) return;
              // the outermost `+` chain only
              if (parent && parent.type === 'binary' && parent.op === '+') return;
              if (seen.has(e.span.start)) return;
              seen.add(e.span.start);
              ctx.report({
                span: e.span,
                message: `${r.name} builds a Basic authorization header from a user name and password: MFA and Conditional Access cannot protect it and the password is sent on every call. Use OAuth 2.0 with a bearer token.`,
                key: `${o.name}|${r.name}|basic`,
              });
            });
          }
        }
      },
    };
  },
});
