import rule from '../../rules/legacy-auth/password-connection-string';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'client secret auth', path: 'appsettings.json', code: '{ "Cs": "AuthType=ClientSecret;Url=https://x.crm.dynamics.com;ClientId=1;ClientSecret=@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/s)" }' },
    { name: 'certificate auth', path: 'appsettings.json', code: '{ "Cs": "AuthType=Certificate;Url=https://x.crm.dynamics.com;ClientId=1;Thumbprint=9EF4404E8C42CB28102C587E6F82E3E53F4F9199" }' },
    { name: 'not a connection string', path: 'a.json', code: '{ "AuthType": "Office365" }' },
  ],
  traps: [
    { name: 'trap: an ini profile with an application identity', path: 'deploy/export.ini', code: '[crm]\nUrl=https://contoso.crm.dynamics.com\nAuthType=ClientSecret\nClientId=51f81489-12ee-4a9e-aaae-a2591f45987d\nClientSecret=#{CrmSecret}#\n' },
    { name: 'trap: interactive oauth without password', path: 'appsettings.json', code: '{ "Cs": "AuthType=OAuth;Url=https://x.crm.dynamics.com;AppId=51f81489-12ee-4a9e-aaae-a2591f45987d;RedirectUri=http://localhost;LoginPrompt=Auto" }' },
    { name: 'trap: documentation of the retired form', path: 'docs/connect.md', code: 'Old scripts use `AuthType=Office365;Username=...;Password=changeme`.' },
    { name: 'trap: commented out in jsonc', path: '.vscode/settings.json', code: '{\n // "cs": "AuthType=Office365;Username=a;Password=b"\n "x": 1 }' },
  ],
  invalid: [
    { name: 'an ini profile that signs in with IFD and a password, one key per line', path: 'deploy/export.ini', code: '; nightly export\n[reporting]\nUrl=https://crm.corp.local/Org\nAuthType=IFD\nUsername=svc_export\nPassword=LzbS^2#h5dyAeGUW\n\n[warehouse]\nAuthType=ClientSecret\n', errors: [{ line: 4, message: '[reporting]' }] },
    { name: 'office365 with password', path: 'appsettings.json', code: '{\n "Cs": "AuthType=Office365;Url=https://x.crm.dynamics.com;Username=svc@contoso.com;Password=p"\n}', errors: [{ line: 2, message: 'Office365' }] },
    { name: 'on-premises AD with a pipeline token password', path: 'a.json', code: '{ "Cs": "AuthType=AD;Url=https://crm.contoso.local/org;Domain=CONTOSO;Username=svc;Password=#{Pwd}#" }', errors: [{ line: 1, message: 'AD' }] },
    { name: 'oauth with password is ROPC', path: 'a.json', code: '{ "Cs": "AuthType=OAuth;Url=https://x.crm.dynamics.com;Username=a@b.com;Password=x;AppId=1;LoginPrompt=Never" }', errors: [{ line: 1, message: 'resource-owner' }] },
    { name: 'keys with spaces and other case', path: 'a.json', code: '{ "Cs": "authtype = IFD; Service Uri=https://crm.contoso.com; User Name=a; Password=b" }', errors: [{ line: 1 }] },
  ],
});
