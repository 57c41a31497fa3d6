import { defineRule } from '../../server/src/core/rule';
import { HOLE, type Span } from '../../server/src/core/types';
import { argumentsOf, childByField, FUNCTION_TYPES, plainStringValue, simpleName, spanOfCs, type CsNode } from '../../server/src/parsers/csharp-ast';
import type { CSharpDocument } from '../../server/src/parsers/csharp';
import { isBasicAuthValue } from './script-basic-auth-header';

/** The text of the innermost method, lambda or local function around an offset (at most 4000 characters). */
function functionTextAt(doc: CSharpDocument, offset: number): string {
  let best: CsNode | undefined;
  for (const n of doc.nodes ?? []) if (FUNCTION_TYPES.has(n.type) && n.start <= offset && offset < n.end) best = n;
  return best ? doc.file.text.slice(best.start, Math.min(best.end, best.start + 4000)) : '';
}

const MESSAGE =
  'Basic authentication: a reusable user name and password travel with every request, which MFA and Conditional Access cannot protect. Use an Entra ID token (client credentials with a certificate or managed identity) or the API\'s own key from Key Vault.';

export default defineRule({
  meta: {
    code: 'D365L010',
    name: 'csharp-basic-auth-header',
    category: 'legacy-auth',
    severity: 'warning',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary: 'Finds Basic authentication built in C#: new AuthenticationHeaderValue("Basic", ...), "Basic " + Convert.ToBase64String(...) put into an Authorization header, and literal Basic header values.',
      why:
        'Basic authentication sends a reusable user name and password with every request. The account cannot use MFA, Conditional Access treats it as legacy authentication, and the password has to be stored where the plug-in or tool runs. Anyone who captures one request, or the stored password, can call the API until the password is changed.',
      bad: 'client.DefaultRequestHeaders.Authorization =\n    new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));',
      good: 'var token = await app.AcquireTokenForClient(new[] { "api://erp/.default" }).ExecuteAsync();\nclient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);',
      fix: 'Protect the API with Entra ID and send a Bearer token obtained with client credentials (certificate or managed identity), or use the API key scheme the service offers with the key in Key Vault. Rotate the exposed password.',
      traps: 'Bearer tokens, code that reads or compares the scheme (`header.Scheme == "Basic"`), text that starts with the word Basic, commented-out code.',
      references: ['https://learn.microsoft.com/entra/identity/conditional-access/block-legacy-authentication', 'https://cwe.mitre.org/data/definitions/522.html'],
    },
  },
  create(ctx) {
    return {
      csharp(doc) {
        for (const n of doc.nodes ?? []) {
          if (n.type !== 'object_creation_expression' || simpleName(childByField(n, 'type')) !== 'AuthenticationHeaderValue') continue;
          const args = argumentsOf(n);
          const scheme = plainStringValue(args.find((a) => a.name === 'scheme')?.value ?? args[0]?.value);
          if (scheme?.trim().toLowerCase() !== 'basic' || args.length < 2) continue;
          ctx.report({ span: spanOfCs(n), message: MESSAGE, key: `basic|${doc.file.text.slice(n.start, Math.min(n.end, n.start + 300))}` });
        }
      },
      strings(facts, doc) {
        if (doc.kind !== 'csharp') return;
        const text = doc.file.text;
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment') continue;
          const src = text.slice(f.span.start, Math.min(f.span.end, f.span.start + 2000));
          // `"Basic " + encoded`: the base64 encoding is usually a line or two above, in the same method.
          // The enclosing function's text is looked up (a scan of the tree) only for values that say Basic.
          if (!/basic/i.test(f.value)) continue;
          if (!isBasicAuthValue(f, src) && !(f.value.includes(HOLE) && isBasicAuthValue(f, functionTextAt(doc, f.span.start)))) continue;
          // A constant's use is reported where the constant is written (once, however often it is used).
          const span: Span = f.origin === 'constant' && f.definedAt?.path === doc.file.path ? f.definedAt.span : f.span;
          ctx.report({ span, message: MESSAGE, ...(f.value.includes(HOLE) ? { key: `basic|${f.name ?? ''}|${f.callee ?? ''}|${f.value}` } : { secret: f.value }) });
        }
      },
    };
  },
});
