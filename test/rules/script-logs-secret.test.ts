import rule from '../../rules/unprotected-secret/script-logs-secret';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'logs that a token arrived', path: 'web/erp.js', code: 'getToken().then(function (body) {\n  console.log("ERP token received");\n  return body.AccessToken;\n});' },
    { name: 'sends the token, does not log it', path: 'web/erp.js', code: 'fetch(url, { headers: { Authorization: "Bearer " + token } });' },
  ],
  traps: [
    { name: 'trap: logs the expiry only', path: 'web/erp.js', code: 'console.log("ERP token expires in", body.ExpiresIn, "seconds");' },
    { name: 'trap: logs the HTTP status only', path: 'web/a.ts', code: 'console.log("Health check answered", response.status);' },
    { name: 'trap: logs the token length', path: 'web/a.js', code: 'console.debug("token length", token.length, !!token);' },
    { name: 'trap: masked value', path: 'web/a.js', code: 'console.info("key", mask(apiKey));' },
    { name: 'trap: a non-credential score in a notification', path: 'web/a.ts', code: 'formContext.ui.setFormNotification(`Pre-screen score: ${result.fraudScore}`, "INFO", "n1");' },
    { name: 'trap: error built from the status', path: 'web/a.ts', code: 'throw new Error(`Call failed with ${response.status} for ${claimId}`);' },
    { name: 'trap: name of a key vault secret', path: 'web/a.js', code: 'console.log("reading", apiKeyName);' },
  ],
  invalid: [
    { name: 'access token to the console', path: 'web/erp.js', code: 'getToken().then(function (body) {\n  console.log("ERP token", body.AccessToken);\n});', errors: [{ line: 2 }] },
    {
      name: 'secured column value to the console',
      path: 'web/setting.ts',
      code: 'export async function test(id: string): Promise<void> {\n  const s = await Xrm.WebApi.retrieveRecord("pfx_setting", id, "?$select=pfx_apikey");\n  console.log("Testing with key", s.pfx_apikey);\n}',
      errors: [{ line: 3 }],
    },
    {
      name: 'URL carrying a function key in an Error',
      path: 'web/claim.ts',
      code: 'const SCREEN_URL = "https://func-x.azurewebsites.net/api/screen?code=Ab12Cd34Ef56Gh78Ij90Kl12==";\nasync function run(): Promise<void> {\n  const r = await fetch(SCREEN_URL);\n  if (!r.ok) throw new Error(`failed calling ${SCREEN_URL}`);\n}',
      errors: [{ line: 4 }],
      secrets: ['Ab12Cd34Ef56Gh78Ij90Kl12=='],
    },
    { name: 'password in an alert dialog', path: 'web/a.js', code: 'Xrm.Navigation.openAlertDialog({ text: "Your password is " + password });', errors: [{ line: 1 }] },
    { name: 'token parameter in a form notification', path: 'web/a.js', code: 'getToken().then(function (token) {\n  Xrm.Page.ui.setFormNotification("Token: " + token, "INFO", "t");\n});', errors: [{ line: 2 }] },
    { name: 'credential column value via getValue, through a variable', path: 'web/a.js', code: 'var key = formContext.getAttribute("pfx_apikey").getValue();\nalert(key);', errors: [{ line: 2 }] },
  ],
});
