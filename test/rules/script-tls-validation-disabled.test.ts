import rule from '../../rules/insecure-transport/script-tls-validation-disabled';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'agent with a private CA', path: 'tools/deploy.js', code: 'const https = require("https");\nconst agent = new https.Agent({ ca: fs.readFileSync("corp-ca.pem") });' },
    { name: 'validation explicitly on', path: 'tools/deploy.ts', code: 'const agent = new https.Agent({ rejectUnauthorized: true, keepAlive: true });' },
  ],
  traps: [
    { name: 'trap: prefix check that rejects http', path: 'web/setting.ts', code: 'export function ok(url: string): boolean {\n  return !url.toLowerCase().startsWith("http://");\n}' },
    { name: 'trap: reads the environment switch', path: 'tools/check.js', code: 'if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0") {\n  console.warn("TLS validation is off");\n}' },
    { name: 'trap: switch set back to 1', path: 'tools/check.js', code: 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";' },
    { name: 'trap: string "false" is truthy to Node', path: 'tools/x.js', code: 'const opts = { rejectUnauthorized: "false" === flag };' },
    { name: 'trap: commented out', path: 'tools/x.js', code: '// const agent = new https.Agent({ rejectUnauthorized: false });\nconst agent = new https.Agent();' },
  ],
  invalid: [
    { name: 'https.Agent without validation', path: 'tools/deploy.js', code: 'const https = require("https");\nconst agent = new https.Agent({\n  rejectUnauthorized: false\n});', errors: [{ line: 3 }] },
    { name: 'process-wide switch', path: 'tools/sync.ts', code: 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";\nawait fetch(url);', errors: [{ line: 1 }] },
    { name: 'bracket form of the switch', path: 'tools/sync.js', code: 'process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;', errors: [{ line: 1 }] },
    { name: 'request strictSSL false', path: 'tools/legacy.js', code: 'request({ url: erpUrl, strictSSL: false }, cb);', errors: [{ line: 1 }] },
    { name: 'minifier style !1 and assignment', path: 'tools/x.js', code: 'var o = {};\no.rejectUnauthorized = !1;', errors: [{ line: 2 }] },
    { name: 'identity check that accepts anything', path: 'tools/x.ts', code: 'const socket = tls.connect({ host, port, checkServerIdentity: () => undefined });', errors: [{ line: 1 }] },
  ],
});
