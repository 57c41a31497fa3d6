import rule from '../../rules/hardcoded-secret/plaintext-secure-string';
import { testRule } from '../rule-tester';

const PS = 'ops/Set-ServiceCredential.ps1';

testRule(rule, {
  valid: [
    { name: 'from an environment variable', path: PS, code: '$pw = ConvertTo-SecureString $env:SVC_PASSWORD -AsPlainText -Force\n' },
    { name: 'from Key Vault', path: PS, code: '$pw = (Get-AzKeyVaultSecret -VaultName kv-ops -Name svc-pw).SecretValue\n' },
  ],
  traps: [
    { name: 'trap: pipeline macro inside quotes', path: 'pipelines/azure-pipelines-release.yml', code: 'steps:\n  - powershell: |\n      $pw = ConvertTo-SecureString "$(SvcPassword)" -AsPlainText -Force\n' },
    { name: 'trap: placeholder in a sample', path: PS, code: "$pw = ConvertTo-SecureString '<password>' -AsPlainText -Force\n" },
    { name: 'trap: commented-out line', path: PS, code: '# $pw = ConvertTo-SecureString "Winter2023!x" -AsPlainText -Force\n' },
    { name: 'trap: interpolated variable', path: PS, code: '$pw = ConvertTo-SecureString "$prefix-2024" -AsPlainText -Force\n' },
  ],
  invalid: [
    {
      name: 'positional literal assigned to a variable',
      path: PS,
      code: 'param([string]$User)\n$pw = ConvertTo-SecureString "Harbor#2025" -AsPlainText -Force\n$cred = New-Object PSCredential($User, $pw)\n',
      errors: [{ line: 2 }],
      secrets: ['Harbor#2025'],
    },
    { name: 'piped and -String forms', path: PS, code: "'Lantern9!' | ConvertTo-SecureString -AsPlainText -Force\nConvertTo-SecureString -String 'Quarry77$' -AsPlainText -Force\n", errors: [{ line: 1 }, { line: 2 }], secrets: ['Lantern9!', 'Quarry77$'] },
    {
      name: 'inside a pipeline PowerShell step',
      path: 'pipelines/azure-pipelines-release.yml',
      code: "steps:\n  - task: PowerShell@2\n    inputs:\n      targetType: inline\n      script: |\n        $cred = New-Object PSCredential('svc', (ConvertTo-SecureString 'Meadow!42' -AsPlainText -Force))\n",
      errors: [{ line: 6 }],
      secrets: ['Meadow!42'],
    },
  ],
});
