import { defineRule } from '../../server/src/core/rule';
import { connectionPairs } from '../legacy-auth/password-connection-string';
import { isLoopback } from './plain-http-endpoint';

/** Hosts that never leave the machine, including the storage emulator's well-known account. */
function isLocalServer(server: string): boolean {
  const s = server.trim().replace(/^tcp:/i, '').replace(/^\(local(db)?\)/i, 'localhost');
  if (s === '' || s === '.' || /^\.\\/.test(s) || /^\(localdb\)/i.test(server)) return true;
  const host = s.split(/[\\,:;]/)[0]!;
  return isLoopback(host) || /^(localhost|127\.\d+\.\d+\.\d+)$/i.test(host);
}

/** Why a connection string sends its traffic without TLS, or undefined. */
export function plainTransport(value: string): string | undefined {
  if (value.length > 4000 || value.indexOf('=') < 0 || value.indexOf(';') < 0) return undefined;
  const p = connectionPairs(value);
  const proto = p.get('defaultendpointsprotocol');
  if (proto?.toLowerCase() === 'http') {
    const account = p.get('accountname') ?? '';
    if (/^devstoreaccount1$/i.test(account) || p.has('usedevelopmentstorage')) return undefined;
    const endpoint = p.get('blobendpoint') ?? p.get('queueendpoint') ?? p.get('tableendpoint') ?? '';
    if (endpoint && /^https?:\/\/(localhost|127\.|\[::1\]|host\.docker\.internal)/i.test(endpoint)) return undefined;
    return 'DefaultEndpointsProtocol=http';
  }
  const server = p.get('server') ?? p.get('datasource') ?? p.get('host') ?? p.get('address') ?? p.get('addr') ?? '';
  if (!server || isLocalServer(server)) return undefined;
  const encrypt = p.get('encrypt');
  if (encrypt && /^(false|no|optional|0)$/i.test(encrypt)) return `Encrypt=${encrypt}`;
  const ssl = p.get('sslmode') ?? p.get('ssl-mode');
  if (ssl && /^(none|disable|disabled)$/i.test(ssl)) return `SslMode=${ssl}`;
  const useSsl = p.get('usessl') ?? p.get('ssl');
  if (useSsl && /^(false|no|0)$/i.test(useSsl)) return `UseSsl=${useSsl}`;
  return undefined;
}

export default defineRule({
  meta: {
    code: 'D365T061',
    name: 'connection-string-without-tls',
    category: 'insecure-transport',
    severity: 'warning',
    kinds: ['csharp', 'script', 'al', 'xml', 'json', 'text'],
    exampleLanguage: 'json',
    docs: {
      summary:
        'Finds connection strings that send data without TLS to a remote server: Azure Storage with DefaultEndpointsProtocol=http, and SQL / PostgreSQL / MySQL connections with Encrypt=False, SslMode=None/Disable or UseSsl=false.',
      why:
        'Storage account keys sign every request, but the data itself, and with SQL the login, travels in clear text when TLS is off: anyone on the network path can read customer records and, for SQL authentication, the password. Azure Storage accounts can be set to refuse such requests; a connection string that asks for http breaks that or silently downgrades.',
      bad: '{ "Values": { "AzureWebJobsStorage": "DefaultEndpointsProtocol=http;AccountName=stcrmsync;AccountKey=…;EndpointSuffix=core.windows.net" } }',
      good: '{ "Values": { "AzureWebJobsStorage__accountName": "stcrmsync" } }   // managed identity, https by default',
      fix:
        'Use DefaultEndpointsProtocol=https (or identity-based connections), Encrypt=True (Strict where supported) for SQL, and SslMode=Require or VerifyFull for PostgreSQL and MySQL. Enable "Secure transfer required" on storage accounts.',
      traps:
        'The storage emulator (UseDevelopmentStorage=true, devstoreaccount1, 127.0.0.1 endpoints) and database servers on the local machine (localhost, ".", (localdb)), connection strings that keep encryption on, and commented-out values.',
      references: ['https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer', 'https://cwe.mitre.org/data/definitions/319.html'],
    },
  },
  create(ctx) {
    return {
      strings(facts, doc) {
        if (doc.role === 'docs') return;
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment' || f.definedAt) continue;
          const why = plainTransport(f.value);
          if (!why) continue;
          ctx.report({
            span: f.span,
            message: `Connection string${f.name ? ` ${f.name}` : ''} turns TLS off (${why}): its data, and any password it sends, crosses the network in clear text. Require encryption.`,
            key: `${f.name ?? ''}|${why}`,
          });
        }
      },
    };
  },
});
