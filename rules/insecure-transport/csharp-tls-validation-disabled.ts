import { defineRule } from '../../server/src/core/rule';
import { argumentsOf, calleeCs, childByField, dottedCs, simpleName, spanOfCs, unwrapCs, type CsNode } from '../../server/src/parsers/csharp-ast';
import type { CSharpDocument } from '../../server/src/parsers/csharp';
import { alwaysReturnsTrue, initializersOf, methodsNamed } from '../../server/src/parsers/csharp-flow';

/** Properties and parameters that hold a certificate validation callback. */
const CALLBACK_TARGETS = /^(ServerCertificateValidationCallback|ServerCertificateCustomValidationCallback|RemoteCertificateValidationCallback|CertificateValidationCallback|UserCertificateValidationCallback|ServerCertificateValidator|userCertificateValidationCallback)$/;

/** Constructors whose argument is a validation callback: `new SslStream(inner, leaveOpen, callback)`. */
const CALLBACK_ARGS: Record<string, number> = { SslStream: 2, RemoteCertificateValidationCallback: 0 };

/**
 * Does a callback accept every certificate? A lambda or anonymous method that returns `true` on
 * every path, HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, a method group whose
 * body only returns true, a delegate wrapping one of these, or a local / field holding one.
 */
function acceptsAll(doc: CSharpDocument, v: CsNode | undefined, depth = 0): boolean {
  const x = unwrapCs(v);
  if (!x || depth > 4) return false;
  switch (x.type) {
    case 'lambda_expression':
    case 'anonymous_method_expression':
      return alwaysReturnsTrue(x);
    case 'member_access_expression':
      if (simpleName(x) === 'DangerousAcceptAnyServerCertificateValidator') return true;
      return methodGroupAcceptsAll(doc, x);
    case 'identifier': {
      if (methodGroupAcceptsAll(doc, x)) return true;
      const inits = initializersOf(doc, x, x.text ?? '');
      return inits.length > 0 && inits.every((i) => acceptsAll(doc, i, depth + 1));
    }
    case 'object_creation_expression': {
      // new RemoteCertificateValidationCallback(AcceptAll)
      const t = simpleName(childByField(x, 'type'));
      return !!t && /ValidationCallback$|^Func$/.test(t) && acceptsAll(doc, argumentsOf(x)[0]?.value, depth + 1);
    }
    default:
      return false;
  }
}

/** A method group (`AcceptAll`, `this.AcceptAll`, `Helpers.AcceptAll`): only methods of this file can be read. */
function methodGroupAcceptsAll(doc: CSharpDocument, x: CsNode): boolean {
  const d = dottedCs(x);
  if (!d) return false;
  const methods = methodsNamed(doc, d.slice(d.lastIndexOf('.') + 1));
  return methods.length > 0 && methods.every((m) => alwaysReturnsTrue(m));
}

const MESSAGE = 'TLS certificate validation is switched off: the callback accepts every certificate, so anyone on the network path can impersonate the server and read or change the traffic, credentials included.';

export default defineRule({
  meta: {
    code: 'D365T010',
    name: 'csharp-tls-validation-disabled',
    category: 'insecure-transport',
    severity: 'error',
    kinds: ['csharp'],
    exampleLanguage: 'csharp',
    docs: {
      summary:
        'Finds C# that switches TLS certificate validation off: ServicePointManager.ServerCertificateValidationCallback or HttpClientHandler.ServerCertificateCustomValidationCallback set to a callback that returns true, DangerousAcceptAnyServerCertificateValidator, and SslStream / RemoteCertificateValidationCallback callbacks that accept everything.',
      why:
        'With validation off the client talks to whoever answers: a proxy, a rogue Wi-Fi access point or a poisoned DNS entry can present any certificate and read or change every request, including tokens, passwords and customer data. ServicePointManager\'s callback is process-wide, so one "temporary" line in a plug-in or tool disables validation for every connection of the process.',
      bad: 'ServicePointManager.ServerCertificateValidationCallback += (sender, cert, chain, errors) => true;',
      good: '// Keep the default validation; to pin, check the errors first:\nhandler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) =>\n    errors == SslPolicyErrors.None && cert?.GetCertHashString() == PinnedThumbprint;',
      fix: 'Remove the callback. If the server uses a private CA, install that CA in the machine\'s trust store (or validate the chain against it in the callback); if the certificate is wrong or self-signed, fix the certificate.',
      traps: 'Callbacks that check SslPolicyErrors.None (optionally with pinning), callbacks that throw or return false on errors, commented-out code (Microsoft\'s login sample ships the line commented out).',
      references: ['https://cwe.mitre.org/data/definitions/295.html', 'https://learn.microsoft.com/dotnet/api/system.net.http.httpclienthandler.dangerousacceptanyservercertificatevalidator'],
    },
  },
  create(ctx) {
    return {
      csharp(doc) {
        for (const n of doc.nodes ?? []) {
          if (n.type === 'assignment_expression') {
            const target = simpleName(childByField(n, 'left'));
            if (!target || !CALLBACK_TARGETS.test(target)) continue;
            if (acceptsAll(doc, childByField(n, 'right'))) ctx.report({ span: spanOfCs(n), message: MESSAGE, key: `tls|${target}` });
          } else if (n.type === 'object_creation_expression') {
            const t = simpleName(childByField(n, 'type'));
            if (!t) continue;
            const args = argumentsOf(n);
            const named = args.find((a) => a.name && CALLBACK_TARGETS.test(a.name));
            const i = CALLBACK_ARGS[t];
            const arg = named ?? (i !== undefined ? args[i] : undefined);
            // A delegate wrapping an accept-all method is reported where it is used, not twice.
            if (t === 'RemoteCertificateValidationCallback' && n.parent?.type === 'assignment_expression') continue;
            if (arg && acceptsAll(doc, arg.value)) ctx.report({ span: spanOfCs(n), message: MESSAGE, key: `tls|${calleeCs(n) ?? t}` });
          }
        }
      },
    };
  },
});
