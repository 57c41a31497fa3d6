import rule from '../../rules/legacy-auth/bc-launch-user-password';
import { testRule } from '../rule-tester';

const P = 'apps/payroll/.vscode/launch.json';
const launch = (...cfgs: Record<string, unknown>[]): string =>
  JSON.stringify({ version: '0.2.0', configurations: cfgs.map((c) => ({ name: 'cfg', type: 'al', request: 'launch', ...c })) }, null, 2);

testRule(rule, {
  valid: [
    { name: 'Entra ID to an online production environment', path: P, code: launch({ environmentType: 'Production', environmentName: 'PROD', authentication: 'MicrosoftEntraID' }) },
    { name: 'Windows auth to a domain server', path: P, code: launch({ environmentType: 'OnPrem', server: 'https://bc.fabrikam.lan', authentication: 'Windows' }) },
  ],
  traps: [
    { name: 'trap: AAD against a sandbox', path: P, code: launch({ environmentType: 'Sandbox', authentication: 'AAD' }) },
    { name: 'trap: UserPassword to a container on loopback', path: P, code: launch({ environmentType: 'OnPrem', server: 'http://127.0.0.1', authentication: 'UserPassword' }) },
    { name: 'trap: UserPassword to a container by its single-label name', path: P, code: launch({ environmentType: 'OnPrem', server: 'http://navdev', serverInstance: 'BC', authentication: 'UserPassword' }) },
    {
      name: 'trap: a launch.json of another debugger',
      path: P,
      code: '{"configurations":[{"type":"node","request":"launch","authentication":"UserPassword","environmentType":"Sandbox"}],"x":{"type":"al"}}',
    },
  ],
  invalid: [
    {
      name: 'UserPassword to a remote on-premises server',
      path: P,
      code: launch({ environmentType: 'OnPrem', server: 'https://bc-test.fabrikam.lan', port: 7049, authentication: 'UserPassword' }),
      errors: [{ line: 11, message: 'bc-test.fabrikam.lan' }],
    },
    {
      name: 'UserPassword to a sandbox and to the default (cloud) target',
      path: P,
      code: launch({ environmentType: 'Sandbox', environmentName: 'QA', authentication: 'UserPassword' }, { authentication: 'UserPassword' }),
      errors: [{ line: 10, message: 'online' }, { line: 16, message: 'online' }],
    },
    {
      name: 'NavUserPassword written in lower case against production',
      path: P,
      code: launch({ environmentType: 'production', authentication: 'navuserpassword' }),
      errors: [{ line: 9 }],
    },
  ],
});
