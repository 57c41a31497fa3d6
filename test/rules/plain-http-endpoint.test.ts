import rule from '../../rules/insecure-transport/plain-http-endpoint';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'https endpoint', path: 'appsettings.json', code: '{ "Erp": { "BaseUrl": "https://erp.contoso.com/api/" } }' },
    { name: 'url without host (prefix check)', path: 'a.json', code: '{ "prefix": "http://" }' },
  ],
  traps: [
    { name: 'trap: an HTML web resource whose only http:// URLs are markup and a template block', path: 'webresources/html/rates.html', code: '<!DOCTYPE html>\n<html>\n<head>\n  <script src="../ClientGlobalContext.js.aspx"></script>\n  <script type="text/template" id="row"><a href="http://rates.partner.net/feed">feed</a></script>\n</head>\n<body><a href="http://www.w3.org/1999/xhtml">ns</a></body>\n</html>\n' },
    { name: 'trap: loopback redirect uri', path: 'appsettings.json', code: '{ "Cs": "AuthType=OAuth;Url=https://x.crm.dynamics.com;RedirectUri=http://localhost;LoginPrompt=Auto" }' },
    { name: 'trap: local functions host', path: 'local.settings.json', code: '{ "Values": { "Api": "http://localhost:7071/api" } }' },
    { name: 'trap: 127.0.0.1', path: 'a.json', code: '{ "server": "http://127.0.0.1:8080" }' },
    { name: 'trap: namespace uri as a value', path: 'a.json', code: '{ "svgNs": "http://www.w3.org/2000/svg" }' },
    { name: 'trap: soap namespace', path: 'a.json', code: '{ "envelope": "http://schemas.xmlsoap.org/soap/envelope/" }' },
    { name: 'trap: $schema key', path: 'a.json', code: '{ "$schema": "http://json.schemastore.org/foo" }' },
    { name: 'trap: url in prose', path: 'a.json', code: '{ "help": "See http://wiki.contoso.com/page for details" }' },
    { name: 'trap: documentation link shortener', path: 'a.json', code: '{ "docs": "http://aka.ms/dataverse" }' },
    { name: 'trap: js prefix check that rejects http', path: 'web/a.ts', code: 'export function ok(url: string) {\n  if (url.toLowerCase().startsWith("http://")) { return false; }\n  return true;\n}' },
    { name: 'trap: js svg namespace', path: 'web/b.js', code: 'var SVG_NS = "http://www.w3.org/2000/svg";\ndocument.createElementNS(SVG_NS, "svg");' },
    { name: 'trap: package metadata links', path: 'package.json', code: '{\n "homepage": "http://widgets.contoso.net",\n "repository": { "type": "git", "url": "http://github.com/contoso/widgets.git" }\n}' },
    { name: 'trap: url compared in a test, never requested', path: 'test/uri.test.js', code: 'assert.ok(uri.equal("http://abc.contoso.net/a", "HTTP://ABC.contoso.net/a"));' },
    { name: 'trap: link in embedded html', path: 'Strings.json', code: '{ "HelpText": "<a href=\\"http://help.contoso.net/claims\\">Help</a>" }' },
    { name: 'trap: publisher website in Solution.xml', path: 'sol/Other/Solution.xml', code: '<ImportExportXml>\n  <SupportingWebsiteUrl>http://www.fabrikam-travel.net</SupportingWebsiteUrl>\n</ImportExportXml>' },
    { name: 'trap: ipv6 loopback, documentation and link-local literals', path: 'a.json', code: '{ "u1": "http://[0:0:0:0:0:0:0:1]:8080/", "u2": "http://[2001:db8::1]/x", "u3": "http://[fe80::1]/", "u4": "http://[::]/" }' },
    { name: 'trap: one-letter test hosts', path: 'test/uri.test.js', code: 'const cases = ["http://a/b", "http://b:80/"];' },
    { name: 'trap: commented out', path: '.vscode/settings.json', code: '{\n  // "url": "http://erp.contoso.com/api"\n  "a": 1\n}' },
  ],
  invalid: [
    { name: 'a fetch over plain http in the inline script of an HTML web resource, at its line in the page', path: 'webresources/html/rates.html', code: '<!DOCTYPE html>\n<html>\n<head>\n  <title>Rates</title>\n  <script>\n    function load() {\n      return fetch("http://rates.partner.net/v1/fx");\n    }\n  </script>\n</head>\n<body onload="load()"></body>\n</html>\n', errors: [{ line: 7 }] },
    { name: 'token endpoint over http', path: 'appsettings.json', code: '{\n  "Sso": {\n    "TokenEndpoint": "http://sso.contoso.com/adfs/oauth2/token"\n  }\n}', errors: [{ line: 3, message: 'sso.contoso.com' }] },
    { name: 'url inside a connection string', path: 'a.json', code: '{ "Cs": "AuthType=ClientSecret;Url=http://crm.contoso.local/org;ClientId=x" }', errors: [{ line: 1 }] },
    { name: 'intranet host with port and path', path: 'a.json', code: '{\n "LegacyApi": "http://policy-legacy.contoso.local:8080/api/"\n}', errors: [{ line: 2 }] },
    { name: 'js constant reported where written, not where used', path: 'web/api.js', code: 'var URL = "http://rating.contoso.local/api/quote";\nfunction q() { return fetch(URL, { method: "POST" }); }', errors: [{ line: 1 }] },
    { name: 'url in an embedded settings document', path: 'cfg.json', code: '{ "Configuration": "<settings><add key=\\"rateUrl\\" value=\\"http://rates.partner-co.net/api\\" /></settings>" }', errors: [{ line: 1 }] },
    { name: 'named constant opened as a page', path: 'web/ribbon.js', code: 'var LOOKUP = "http://lookup.corp.local/find?id=";\nfunction open(id) { Xrm.Navigation.openUrl(LOOKUP + id); }', errors: [{ line: 1 }] },
    { name: 'userinfo is not the host', path: 'web/legacy.js', code: 'var FEED = "http://svc:p4ss@feeds.partner-co.net/rates";', errors: [{ line: 1, message: 'feeds.partner-co.net' }] },
    { name: 'url passed to fetch', path: 'web/rates.js', code: 'function rates() {\n  return fetch("http://rates.partner-co.net/quote?c=EUR");\n}', errors: [{ line: 2 }] },
    { name: 'service host with no name or call', path: 'web/cfg.js', code: 'var cfg = ["http://contoso.crm4.dynamics.com"];', errors: [{ line: 1 }] },
    { name: 'flow http action uri', path: 'flow.json', code: '{ "actions": { "Call": { "inputs": {\n "method": "POST",\n "uri": "http://erp.contoso.com/settlement/import" } } } }', errors: [{ line: 3 }] },
  ],
});
