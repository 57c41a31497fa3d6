import rule from '../../rules/insecure-transport/config-tls-validation-disabled';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    { name: 'curl with a private CA', path: 'ci/azure-pipelines.yml', code: 'steps:\n  - script: curl --cacert certs/root.pem https://erp.fabrikam.lan/health\n' },
    { name: 'validation explicitly on', path: 'src/Sync/appsettings.json', code: '{ "Erp": { "ValidateServerCertificate": true, "TimeoutSeconds": 30 } }' },
  ],
  traps: [
    { name: 'trap: NODE_TLS_REJECT_UNAUTHORIZED=1 and extra CA certs', path: '.env', code: 'NODE_TLS_REJECT_UNAUTHORIZED=1\nNODE_EXTRA_CA_CERTS=/etc/ssl/fabrikam.pem\n' },
    { name: 'trap: commented-out curl -k', path: 'scripts/check.sh', code: '# curl -k https://erp.fabrikam.lan/health\ncurl https://erp.fabrikam.lan/health\n' },
    { name: 'trap: echo that mentions the flag', path: 'scripts/Check.ps1', code: 'Write-Host "Do not use -SkipCertificateCheck here"\n' },
    {
      name: 'trap: revocation checking left at its .NET Framework default',
      path: 'src/Tools/App.config',
      code: '<configuration>\n  <system.net>\n    <settings>\n      <servicePointManager checkCertificateRevocationList="false" />\n    </settings>\n  </system.net>\n</configuration>\n',
    },
    { name: 'trap: editor proxy setting in .vscode/settings.json', path: 'app/.vscode/settings.json', code: '{ "http.proxyStrictSSL": false, "al.enableCodeAnalysis": true }' },
    { name: 'trap: docs explain the switch', path: 'docs/troubleshooting.md', code: 'Set `NODE_TLS_REJECT_UNAUTHORIZED=0` only on your laptop.\n' },
  ],
  invalid: [
    {
      name: 'pipeline env and curl -k',
      path: '.github/workflows/smoke.yml',
      code: 'env:\n  NODE_TLS_REJECT_UNAUTHORIZED: "0"\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -sS -k https://erp.fabrikam.lan/health\n',
      errors: [{ line: 2, message: 'NODE_TLS_REJECT_UNAUTHORIZED' }, { line: 8, message: 'curl' }],
    },
    {
      name: 'unquoted YAML values',
      path: 'deploy/docker-compose.yml',
      code: 'services:\n  sync:\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: 0\n      ERP_SKIP_CERTIFICATE_VALIDATION: true\n',
      errors: [{ line: 4 }, { line: 5 }],
    },
    {
      name: 'PowerShell trust-all callback and -SkipCertificateCheck',
      path: 'deploy/Publish-Plugins.ps1',
      code: '[System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }\nInvoke-RestMethod -Uri $url -SkipCertificateCheck -Method Post\n',
      errors: [{ line: 1 }, { line: 2, message: 'SkipCertificateCheck' }],
    },
    { name: 'appsettings boolean', path: 'src/Sync/appsettings.Production.json', code: '{\n  "Erp": {\n    "SkipCertificateValidation": true,\n    "Partner": { "CertificateValidationEnabled": false }\n  }\n}\n', errors: [{ line: 3 }, { line: 4 }] },
    {
      name: 'App.config appSettings value',
      path: 'src/Tools/App.config',
      code: '<configuration>\n  <appSettings>\n    <add key="Erp:ValidateCertificate" value="false" />\n  </appSettings>\n</configuration>\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'servicePointManager without host name checks',
      path: 'src/Tools/Tools.exe.config',
      code: '<configuration>\n  <system.net>\n    <settings>\n      <servicePointManager checkCertificateName="false" />\n    </settings>\n  </system.net>\n</configuration>\n',
      errors: [{ line: 4 }],
    },
  ],
});
