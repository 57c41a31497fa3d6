import { defineRule } from '../../server/src/core/rule';
import type { StringFact } from '../../server/src/core/types';

/**
 * Hosts whose http:// URLs are identifiers, never requested: XML / SOAP / schema namespaces,
 * RFC 2606 example domains and documentation link shorteners.
 */
const IDENTIFIER_HOSTS = [
  'www.w3.org', 'w3.org', 'schemas.microsoft.com', 'schemas.xmlsoap.org', 'schemas.openxmlformats.org',
  'schemas.datacontract.org', 'purl.org', 'xmlns.com', 'tempuri.org', 'json-schema.org', 'ns.adobe.com',
  'docs.oasis-open.org', 'www.omg.org', 'relaxng.org', 'www.xml.org', 'xml.org', 'example.com', 'example.org',
  'example.net', 'aka.ms', 'go.microsoft.com', 'www.apache.org', 'opensource.org', 'www.opensource.org',
  'microsoft.com', 'www.microsoft.com', 'java.sun.com', 'xml.apache.org', 'www.springframework.org',
];

/** Names of attributes / keys whose value is a namespace or schema location, not an endpoint. */
const IDENTIFIER_NAMES = /^(xmlns(:.*)?|targetnamespace|namespace|schemalocation|nonamespaceschemalocation|\$schema|xsi:schemalocation|.*(namespace|_ns|ns)$)/i;

const HTTP_URL = /\bhttp:\/\/([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::\d+)?(?:[/?#][^\s"'<>;]*)?/gi;

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '::1' || h === '0.0.0.0' || h === 'host.docker.internal';
}

function isIdentifierHost(host: string): boolean {
  const h = host.toLowerCase();
  return IDENTIFIER_HOSTS.some((x) => h === x || h.endsWith('.' + x));
}

/**
 * The http:// URL in a value that is used as an address: the whole value is the URL (possibly
 * with a path), or a `key=http://...` pair of a connection string. Prose that mentions a URL in
 * the middle of a sentence is a link for people, not a configured endpoint.
 */
export function endpointUrls(value: string): { index: number; host: string; url: string }[] {
  if (value.length > 4000 || value.toLowerCase().indexOf('http://') < 0) return [];
  const out: { index: number; host: string; url: string }[] = [];
  const trimmedStart = value.length - value.trimStart().length;
  HTTP_URL.lastIndex = 0;
  for (let m = HTTP_URL.exec(value); m; m = HTTP_URL.exec(value)) {
    const host = m[1]!;
    const before = value.slice(0, m.index).trimEnd();
    const asValue = m.index === trimmedStart || /=$/.test(before);
    if (!asValue) continue;
    if (!host.includes('.') && !isLoopback(host) && !/^\[/.test(host)) {
      // A single-label host (`http://erp/`) is an intranet endpoint; keep it unless it is a placeholder.
      if (/^(x+|host|server|your.*|<.*)$/i.test(host)) continue;
    }
    if (isLoopback(host) || isIdentifierHost(host)) continue;
    out.push({ index: m.index, host, url: m[0] });
  }
  return out;
}

function describe(f: StringFact): string {
  return f.name ? ` (${f.name})` : '';
}

export default defineRule({
  meta: {
    code: 'D365T100',
    name: 'plain-http-endpoint',
    category: 'insecure-transport',
    severity: 'warning',
    kinds: ['csharp', 'script', 'al', 'xml', 'json', 'text'],
    exampleLanguage: 'json',
    docs: {
      summary: 'Finds plain http:// addresses of remote data, API and sign-in endpoints in code and configuration.',
      why:
        'Anything sent over plain HTTP (tokens, passwords, API keys, customer data) can be read and changed by anyone on the network path. Dataverse, Business Central, Entra ID sign-in and Key Vault endpoints must only be called over TLS; an http:// base address in a setting or an environment variable silently downgrades every call built on it.',
      bad: '{ "Sso": { "TokenEndpoint": "http://sso.contoso.com/adfs/oauth2/token" } }',
      good: '{ "Sso": { "TokenEndpoint": "https://sso.contoso.com/adfs/oauth2/token" } }',
      fix: 'Use https:// and make the server require it. If the service only speaks HTTP, put it behind a TLS-terminating gateway (API Management, Application Gateway) rather than calling it in clear text.',
      traps:
        'Loopback addresses (http://localhost, 127.0.0.1, redirect URIs), XML / SOAP / SVG namespace URIs and schema locations, documentation links (aka.ms, go.microsoft.com) and prose, commented-out code, and code that merely tests for the "http://" prefix to reject it.',
      references: ['https://cwe.mitre.org/data/definitions/319.html'],
    },
  },
  create(ctx) {
    return {
      strings(facts, doc) {
        if (doc.role === 'docs') return; // documentation talks about endpoints, it does not call them
        for (const f of facts) {
          if (f.inComment || f.origin === 'comment') continue;
          if (f.definedAt) continue; // a constant's use: reported once, where it is written
          if (f.name && IDENTIFIER_NAMES.test(f.name)) continue;
          const urls = endpointUrls(f.value);
          if (urls.length === 0) continue;
          const u = urls[0]!;
          ctx.report({
            span: f.span,
            message: `Plain http:// endpoint ${u.host}${describe(f)}: traffic to it, credentials included, is readable on the network. Use https://.`,
            key: `${f.name ?? ''}|${u.url}`,
          });
        }
      },
    };
  },
});
