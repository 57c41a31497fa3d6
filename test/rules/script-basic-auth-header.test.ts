import rule from '../../rules/legacy-auth/script-basic-auth-header';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'Xrm.WebApi needs no header', path: 'web/a.js', code: 'Xrm.WebApi.retrieveRecord("account", id, "?$select=name");' },
    { name: 'server-side custom API', path: 'web/a.js', code: 'Xrm.WebApi.online.execute(req).then(function (r) { return r.json(); });' },
  ],
  traps: [
    { name: 'trap: bearer token', path: 'web/a.js', code: 'fetch(url, { headers: { "Authorization": "Bearer " + token } });' },
    { name: 'trap: scheme check', path: 'web/a.js', code: 'if (header.startsWith("Basic ")) {\n  reject();\n}' },
    { name: 'trap: text starting with the word Basic', path: 'web/a.js', code: 'var title = "Basic information";\nvar plan = "Basic " + tierName;' },
    { name: 'trap: commented-out header', path: 'web/a.js', code: '// xhr.setRequestHeader("Authorization", "Basic " + btoa(u + ":" + p));\nxhr.send();' },
  ],
  invalid: [
    {
      name: 'btoa of user and password in fetch headers',
      path: 'web/erp.js',
      code: 'function q(body) {\n  return fetch(URL, {\n    headers: {\n      "Authorization": "Basic " + btoa(USER + ":" + PASS)\n    },\n    body: body\n  });\n}',
      errors: [{ line: 4 }],
    },
    {
      name: 'literal header constant reported once, where written',
      path: 'solution/WebResources/pfx_/legacy.js',
      code: 'var PFX_AUTH = "Basic c3ZjLWFkZHJlc3M6TEc5aTdkeGRMLTVxNjk=";\nfunction call() {\n  var req = new XMLHttpRequest();\n  req.setRequestHeader("Authorization", PFX_AUTH);\n}',
      errors: [{ line: 1 }],
      secrets: ['c3ZjLWFkZHJlc3M6TEc5aTdkeGRMLTVxNjk='],
    },
    {
      name: 'setRequestHeader with a template',
      path: 'web/a.ts',
      code: 'export function send(xhr: XMLHttpRequest, creds: string): void {\n  xhr.setRequestHeader("Authorization", `Basic ${creds}`);\n}',
      errors: [{ line: 2 }],
    },
  ],
});
