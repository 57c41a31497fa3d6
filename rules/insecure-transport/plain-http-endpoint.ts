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

// `user:password@` before the host is userinfo, not the host.
const HTTP_URL = /\bhttp:\/\/(?:[^\s@/"'<>]*@)?([A-Za-z0-9.-]+|\[[0-9a-fA-F:.]+\])(?::\d+)?(?:[/?#][^\s"'<>;]*)?/gi;

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '0.0.0.0' || h === 'host.docker.internal') return true;
  // IPv6: loopback and unspecified in any spelling (::1, 0:0:0:0:0:0:0:1, ::), link-local, and the
  // 2001:db8::/32 documentation prefix are never a remote endpoint.
  return h.includes(':') && (/^[0:]*1?$/.test(h.replace(/^::ffff:/, '')) || /^fe80:/.test(h) || /^2001:0*db8:/.test(h));
}

function isIdentifierHost(host: string): boolean {
  const h = host.toLowerCase();
  // RFC 6761 `.invalid` never resolves. (`.test` and `.example` stay reportable: sample and test
  // projects use them for the endpoints they stand in for.)
  if (h.endsWith('.invalid')) return true;
  return IDENTIFIER_HOSTS.some((x) => h === x || h.endsWith('.' + x));
}

/**
 * The http:// URL in a value that is used as an address: the whole value is the URL (possibly
 * with a path), or a `key=http://...` pair of a connection string. Prose that mentions a URL in
 * the middle of a sentence is a link for people, not a configured endpoint.
 */
export function endpointUrls(value: string): { index: number; host: string; url: string; inPair: boolean }[] {
  if (value.length > 4000 || value.toLowerCase().indexOf('http://') < 0) return [];
  const out: { index: number; host: string; url: string; inPair: boolean }[] = [];
  const trimmedStart = value.length - value.trimStart().length;
  HTTP_URL.lastIndex = 0;
  for (let m = HTTP_URL.exec(value); m; m = HTTP_URL.exec(value)) {
    const host = m[1]!;
    const before = value.slice(0, m.index).trimEnd();
    // The whole value, a `key=` pair of a connection string, or a quoted value inside an embedded
    // document (a step's XML configuration, JSON kept in a string).
    const asValue = m.index === trimmedStart || /=\s*["']?$/.test(before) || /"\s*:\s*"$/.test(before);
    if (!asValue || /\bhref\s*=\s*["']?$/i.test(before)) continue; // a link for people in embedded HTML
    if (!host.includes('.') && !isLoopback(host) && !/^\[/.test(host)) {
      // A single-label host (`http://erp/`) is an intranet endpoint; keep it unless it is a placeholder.
      // One- or two-letter labels (`http://a/`) are test data, not a machine anyone runs.
      if (/^(x+|host|server|your.*|<.*)$/i.test(host) || host.length < 3) continue;
    }
    if (isLoopback(host) || isIdentifierHost(host)) continue;
    out.push({ index: m.index, host, url: m[0], inPair: m.index !== trimmedStart });
  }
  return out;
}

/**
 * Sites people browse, not services code calls: an http:// link to them in package metadata or a
 * test is not an endpoint. Exact hosts only: api.github.com is an API and stays reportable.
 */
const LINK_HOSTS = new Set(['github.com', 'www.github.com', 'gitlab.com', 'bitbucket.org', 'npmjs.com', 'www.npmjs.com', 'npmjs.org', 'www.npmjs.org', 'sourceforge.net', 'stackoverflow.com', 'en.wikipedia.org', 'twitter.com', 'www.youtube.com', 'youtube.com']);

/** Names of keys that hold links for people (package metadata, help texts), not addresses code calls. */
const LINK_NAMES = /^(homepage|website|web|repository|repo|bugs|issues|docs|documentation|help|helpurl|helplink|wiki|readme|changelog|license|licenseurl|author|contributors?|maintainers?|funding|privacy|privacyurl|privacystatement|eula|terms|termsurl|support|supporturl|feedback|about|icon|iconurl|image|logo|screenshot|thumbnail|avatar|source|sourcecode)$/;

/** Words inside longer names that still mean a page for people (`SupportingWebsiteUrl`, `PrivacyPolicyLink`). */
const LINK_WORDS = /(website|homepage|helppage|privacypolicy|termsofuse|termsofservice|documentationurl|helplink|helpurl|supportlink|learnmore)/;

/** Callees that send a request to their address argument (JS, C#, AL, PowerShell). */
const NETWORK_CALLEE = /(^|\.)(fetch|open|ajax|get|post|put|patch|delete|send|request|getjson|getasync|postasync|putasync|patchasync|deleteasync|sendasync|getstringasync|getstreamasync|getbytearrayasync|downloadstring|downloadfile|uploadstring|uploadvalues|create|createhttp|setrequesturi|invoke-restmethod|invoke-webrequest|connect|websocket|eventsource|uri|httpclient|xmlhttprequest|webclient|restclient|serviceclient|crmserviceclient|organizationserviceproxy|navigate|redirect|openurl|openwebresource|assign)$/i;

/** Path shapes of data, API and sign-in endpoints. */
const ENDPOINT_PATH = /\/(api|odata|oauth2?|token|authorize|adfs|xrmservices|xrm|soap|ws|rest|graphql|services?|v\d+(\.\d+)?|data|sso|login|auth|connect|hooks?)(\/|$|\?)|\.(svc|asmx|ashx|aspx|php)(\b|$)/i;

/** Hosts of Dataverse, Business Central, Entra sign-in, Key Vault and Azure-hosted APIs. */
const SERVICE_HOST = /(\.dynamics\.com|\.microsoftonline\.com|\.windows\.net|\.azure\.net|\.azure\.com|\.azurewebsites\.net|\.azure-api\.net|\.cloudapp\.net|\.powerplatform\.com|\.powerapps\.com|\.crm\d*\.dynamics\.com|\.servicebus\.windows\.net)$|^(api|login|sts|sso|auth|adfs|identity|oauth|idp|gateway|crm|erp|bc|nav)[.-]/i;

/**
 * An http:// value is reported when something says it is called: a credential or address-like
 * name, a network API receiving it, a connection string pair, a service host or an API path. A
 * bare URL in a test's string comparison or in package metadata is a link, not an endpoint.
 */
function usedAsEndpoint(f: StringFact, host: string, url: string, inPair: boolean): boolean {
  const name = (f.name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const top = (f.path ?? '').split('.')[0]!.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (LINK_NAMES.test(name) || LINK_NAMES.test(top) || LINK_WORDS.test(name)) return false;
  if (LINK_HOSTS.has(host.toLowerCase())) return false;
  if (inPair) return true;
  // A URL given a name in code or configuration (a constant, a setting) is an address the code uses.
  if (name) return true;
  if (f.callee && NETWORK_CALLEE.test(f.callee.replace(/^new\s+/, '').trim())) return true;
  if (SERVICE_HOST.test(host) || ENDPOINT_PATH.test(url.slice(7 + host.length))) return true;
  // A single-label intranet host (`http://erp/`) is only ever an internal service.
  return !host.includes('.') && !/^\[/.test(host);
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
        'URLs nothing calls: links in package metadata and help texts (homepage, repository, docs), URLs in string comparisons and tests with no name, call or service host that makes them an endpoint; loopback addresses (http://localhost, 127.0.0.1, redirect URIs), XML / SOAP / SVG namespace URIs and schema locations, documentation links (aka.ms, go.microsoft.com) and prose, commented-out code, and code that merely tests for the "http://" prefix to reject it.',
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
          const u = endpointUrls(f.value).find((x) => usedAsEndpoint(f, x.host, x.url, x.inPair));
          if (!u) continue;
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
