import { defineRule } from '../../server/src/core/rule';
import { allRoutines, lastName, unparen, walkExprs } from '../../server/src/parsers/al';

/** HttpClient.UseServerCertificateValidation(false) and the System App RestClient wrapper (formats.md §15.8). */
const METHODS = /^(useservercertificatevalidation|setuseservercertificatevalidation)$/i;

export default defineRule({
  meta: {
    code: 'D365T020',
    name: 'al-certificate-validation-disabled',
    category: 'insecure-transport',
    severity: 'error',
    kinds: ['al'],
    exampleLanguage: 'al',
    docs: {
      summary: 'Finds AL code that switches off TLS server certificate validation: `HttpClient.UseServerCertificateValidation(false)` or `RestClient.SetUseServerCertificateValidation(false)`.',
      why:
        'Without certificate validation any host on the network path can present its own certificate and read or change the traffic: the credentials, tokens and business data the extension sends, and the answers it trusts. A self-signed test certificate is the usual reason, and the switch then ships to production.',
      bad: 'Client.UseServerCertificateValidation(false);',
      good: '// the partner endpoint has a certificate from a public CA\nClient.UseServerCertificateValidation(true);',
      fix: 'Give the server a certificate from a trusted CA (or add its CA to the service tier\'s trust store on premises) and leave validation on; never make it depend on configuration.',
      traps: 'UseServerCertificateValidation(true), the default (no call), and comments that mention the call.',
      references: ['https://learn.microsoft.com/dynamics365/business-central/dev-itpro/developer/methods-auto/httpclient/httpclient-useservercertificatevalidation-method', 'https://cwe.mitre.org/data/definitions/295.html'],
    },
  },
  create(ctx) {
    return {
      al(doc) {
        for (const o of doc.objects) {
          for (const r of allRoutines(o)) {
            walkExprs(r, (e) => {
              if (e.type !== 'call' || !METHODS.test(lastName(e.callee) ?? '')) return;
              const a = e.args[0] ? unparen(e.args[0]) : undefined;
              if (!a || a.type !== 'ident' || a.name.toLowerCase() !== 'false') return;
              ctx.report({
                span: e.span,
                message: `TLS certificate validation is switched off in ${r.name}: anyone on the network path can read and change this traffic, credentials included. Keep validation on and fix the server certificate.`,
                key: `${o.name}|${r.name}|certvalidation`,
              });
            });
          }
        }
      },
    };
  },
});
