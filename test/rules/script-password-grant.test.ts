import rule from '../../rules/legacy-auth/script-password-grant';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'client credentials with MSAL', path: 'tools/t.ts', code: 'const r = await cca.acquireTokenByClientCredential({ scopes: [scope] });' },
    { name: 'silent token in the browser', path: 'web/t.js', code: 'msal.acquireTokenSilent({ scopes: scopes, account: account });' },
  ],
  traps: [
    { name: 'trap: client_credentials grant in a body', path: 'tools/t.js', code: 'const body = "grant_type=client_credentials&client_id=" + id + "&scope=" + scope;' },
    { name: 'trap: refresh_token grant as an object', path: 'tools/t.js', code: 'const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: rt });' },
    { name: 'trap: a password field label', path: 'web/t.js', code: 'var labels = { type: "password", text: "Password" };' },
  ],
  invalid: [
    { name: 'form-encoded ROPC request', path: 'tools/t.js', code: 'fetch(tokenUrl, {\n  method: "POST",\n  body: "grant_type=password&client_id=" + id + "&username=" + u + "&password=" + p\n});', errors: [{ line: 3 }] },
    { name: 'grant_type property', path: 'tools/t.ts', code: 'const form = new URLSearchParams({\n  grant_type: "password",\n  username: user,\n  password: pass,\n});', errors: [{ line: 2 }] },
    { name: 'URLSearchParams.append', path: 'tools/t.js', code: 'const p = new URLSearchParams();\np.append("grant_type", "password");', errors: [{ line: 2 }] },
    { name: 'MSAL username-password flow', path: 'tools/t.ts', code: 'const result = await pca.acquireTokenByUsernamePassword({\n  scopes, username, password,\n});', errors: [{ line: 1 }] },
    { name: 'azure identity UsernamePasswordCredential', path: 'tools/t.ts', code: 'const cred = new UsernamePasswordCredential(tenantId, clientId, user, pass);', errors: [{ line: 1 }] },
  ],
});
