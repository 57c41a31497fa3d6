import rule from '../../rules/audit-disabled/pipeline-disables-auditing';
import { testRule } from '../rule-tester';

const PS = 'migration/Invoke-Migration.ps1';

testRule(rule, {
  valid: [
    { name: 'reads the audit setting', path: PS, code: '$org = Get-CrmRecords -conn $conn -EntityLogicalName organization -Fields isauditenabled\nWrite-Host "Audit: $($org.CrmRecords[0].isauditenabled)"\n' },
    { name: 'changes retention only', path: PS, code: 'pac env update-settings --name auditretentionperiodv2 --value 365\n' },
  ],
  traps: [
    { name: 'trap: switches auditing back on', path: PS, code: 'Set-CrmRecord -conn $conn -EntityLogicalName organization -Id $orgId -Fields @{ isauditenabled = $true }\n' },
    { name: 'trap: commented-out switch', path: PS, code: '# Set-CrmRecord -conn $conn -EntityLogicalName organization -Id $orgId -Fields @{ isauditenabled = $false }\n' },
    { name: 'trap: a message that names the setting', path: PS, code: 'Write-Warning "Never set isauditenabled = false in production"\n' },
  ],
  invalid: [
    {
      name: 'organization auditing off through Set-CrmRecord',
      path: PS,
      code: 'Import-Module Microsoft.Xrm.Data.PowerShell\nSet-CrmRecord -conn $conn -EntityLogicalName organization -Id $orgId -Fields @{ "isauditenabled" = $false }\nImport-CrmData\n',
      errors: [{ line: 2, message: 'isauditenabled' }],
    },
    {
      name: 'pac env update-settings in a pipeline',
      path: 'pipelines/azure-pipelines-migrate.yml',
      code: 'steps:\n  - script: |\n      pac env update-settings --name isauditenabled --value false\n      pac data import --data ./data.zip\n',
      errors: [{ line: 3 }],
    },
    {
      name: 'Web API body that turns user access auditing off',
      path: 'scripts/prepare.sh',
      code: 'curl -X PATCH "$ORG/api/data/v9.2/organizations($ORG_ID)" -H "Authorization: Bearer $TOKEN" \\\n  -d \'{"isuseraccessauditenabled": false}\'\n',
      errors: [{ line: 1 }],
    },
  ],
});
