import rule from '../../rules/legacy-auth/pipeline-service-account-password';
import { testRule } from '../rule-tester';

const YML = 'pipelines/release-azure-pipelines.yml';
const PS = 'deploy/Import-Solutions.ps1';

testRule(rule, {
  valid: [
    {
      name: 'pac with a service principal',
      path: YML,
      code: 'steps:\n  - script: pac auth create --url $(EnvUrl) --applicationId $(AppId) --clientSecret $(AppSecret) --tenant $(TenantId)\n',
    },
    {
      name: 'Build Tools task on an SPN connection',
      path: YML,
      code: "steps:\n  - task: PowerPlatformImportSolution@2\n    inputs:\n      authenticationType: PowerPlatformSPN\n      PowerPlatformSPN: 'Prod SPN'\n",
    },
  ],
  traps: [
    { name: 'trap: wget with a user name only (no password)', path: 'azure-pipelines.yml', code: 'steps:\n  - bash: wget --user=builder --ask-password https://intranet.contoso.net/status' },
    { name: 'trap: curl with a bearer token', path: 'azure-pipelines.yml', code: 'steps:\n  - script: curl -H "Authorization: Bearer $(Token)" https://api.contoso.net/health' },
    { name: 'trap: curl -u with a user and no secret', path: 'azure-pipelines.yml', code: 'steps:\n  - script: curl -u "builder:" --negotiate https://intranet.contoso.net/status' },
    { name: 'trap: az login as a service principal', path: YML, code: 'steps:\n  - bash: az login --service-principal -u $(AppId) -p $(AppSecret) --tenant $(TenantId)\n' },
    { name: 'trap: interactive credential prompt', path: PS, code: '$cred = Get-Credential\nConnect-CrmOnline -Credential $cred -ServerUrl https://org.crm4.dynamics.com\n' },
    {
      name: 'trap: Connect-AzAccount as a service principal with a PSCredential',
      path: PS,
      code: '$sec = ConvertTo-SecureString $env:APP_SECRET -AsPlainText -Force\n$cred = New-Object PSCredential($env:APP_ID, $sec)\nConnect-AzAccount -ServicePrincipal -Credential $cred -Tenant $env:TENANT\n',
    },
    {
      name: 'trap: connection string (reported by password-connection-string)',
      path: PS,
      code: '$c = Get-CrmConnection -ConnectionString "AuthType=Office365;Url=https://org.crm.dynamics.com;Username=$u;Password=$p"\n',
    },
    {
      name: 'trap: Power Platform GitHub action as a service principal',
      path: '.github/workflows/export.yml',
      code: 'jobs:\n  export:\n    steps:\n      - uses: microsoft/powerplatform-actions/export-solution@v1\n        with:\n          environment-url: ${{ vars.DEV_URL }}\n          app-id: ${{ vars.APP_ID }}\n          client-secret: ${{ secrets.APP_SECRET }}\n          tenant-id: ${{ vars.TENANT }}\n',
    },
    { name: 'trap: BcContainerHelper device login', path: 'bc/Deploy-App.ps1', code: '$ctx = New-BcAuthContext -includeDeviceLogin\n' },
    { name: 'trap: documentation of the old sign-in', path: 'docs/setup.md', code: 'Run `pac auth create --username you@contoso.com --password <pw>` once.\n' },
  ],
  invalid: [
    { name: 'wget with Basic credentials in a smoke test', path: 'azure-pipelines.yml', code: 'steps:\n  - bash: |\n      wget --no-check-certificate --user=svc-smoke --password="$(SmokeTestPassword)" -O - https://uat.contoso.net/health', errors: [{ line: 3, message: 'wget' }] },
    {
      name: 'curl with Basic credentials against an API',
      path: 'azure-pipelines.yml',
      code: 'steps:\n  - script: |\n      curl --fail -u "DEPLOY-SVC:$(BcWebServiceKey)" -X POST https://bc.contoso.net:7048/BC/api/v2.0/companies\n    displayName: Smoke',
      errors: [{ line: 3 }],
    },
    {
      name: 'pac auth create with a password in a GitHub workflow',
      path: '.github/workflows/deploy.yml',
      code: 'jobs:\n  deploy:\n    runs-on: windows-latest\n    steps:\n      - run: |\n          pac auth create `\n            --url ${{ vars.ENV_URL }} `\n            --username ${{ secrets.SVC_USER }} --password ${{ secrets.SVC_PW }}\n        shell: pwsh\n',
      errors: [{ line: 6, message: 'pac auth create' }],
    },
    {
      name: 'Connect-CrmOnline with a credential built from a password',
      path: PS,
      code: '$pw = ConvertTo-SecureString $env:SVC_PW -AsPlainText -Force\n$cred = New-Object System.Management.Automation.PSCredential ($env:SVC_USER, $pw)\n$conn = Connect-CrmOnline -Credential $cred -ServerUrl $url\n',
      errors: [{ line: 3, message: 'Connect-CrmOnline' }],
    },
    {
      name: 'Connect-CrmOnline inside an if block, credential from a plain password',
      path: PS,
      code: 'param($UserName, $Password)\n$sec = ConvertTo-SecureString $Password -AsPlainText -Force\n$creds = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $UserName, $sec\nif (!$conn) { $conn = Connect-CrmOnline -Credential $creds -ServerUrl $url }\n',
      errors: [{ line: 4 }],
    },
    { name: 'BcContainerHelper auth context from a user password', path: 'bc/Deploy-App.ps1', code: '$ctx = New-BcAuthContext -tenantID $tenant -username $env:BC_USER -password $securePw\nPublish-PerTenantExtensionApps -bcAuthContext $ctx -appFiles $app\n', errors: [{ line: 1, message: 'New-BcAuthContext' }] },
    { name: 'Add-PowerAppsAccount with -Password and az login -p', path: PS, code: 'Add-PowerAppsAccount -Endpoint prod -Username $u -Password $p\naz login -u $u -p $p\n', errors: [{ line: 1 }, { line: 2, message: 'az login' }] },
    {
      name: 'Build Tools task on a username/password connection',
      path: YML,
      code: "steps:\n  - task: PowerPlatformExportSolution@2\n    inputs:\n      authenticationType: 'PowerPlatformEnvironment'\n      PowerPlatformEnvironment: 'Dev (svc account)'\n  - task: PowerPlatformWhoAmi@2\n    inputs:\n      PowerPlatformEnvironment: 'Dev (svc account)'\n",
      errors: [{ line: 4 }, { line: 8 }],
    },
    {
      name: 'Power Platform GitHub action with user-name and password-secret',
      path: '.github/workflows/export.yml',
      code: 'jobs:\n  export:\n    runs-on: windows-latest\n    steps:\n      - uses: microsoft/powerplatform-actions/export-solution@v1\n        with:\n          environment-url: ${{ vars.DEV_URL }}\n          user-name: ${{ secrets.PP_USER }}\n          password-secret: ${{ secrets.PP_PASSWORD }}\n          solution-name: Core\n',
      errors: [{ line: 9, message: 'password-secret' }],
    },
  ],
});
