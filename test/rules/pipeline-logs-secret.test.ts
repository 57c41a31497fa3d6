import rule from '../../rules/unprotected-secret/pipeline-logs-secret';
import { testRule } from '../rule-tester';

const YML = 'pipelines/azure-pipelines-deploy.yml';
const PS = 'tools/Get-ErpToken.ps1';

testRule(rule, {
  valid: [
    { name: 'logs the expiry only', path: PS, code: '$resp = Invoke-RestMethod -Uri $url -Method Post\nWrite-Host "Token expires at $($resp.ExpiresOn)"\n' },
    { name: 'setvariable marked secret', path: YML, code: 'steps:\n  - pwsh: |\n      $token = az account get-access-token --query accessToken -o tsv\n      Write-Host "##vso[task.setvariable variable=ApiToken;issecret=true]$token"\n' },
  ],
  traps: [
    { name: 'trap: a step output that is no secret, and a masked token', path: '.github/workflows/ci.yml', code: 'jobs:\n  build:\n    steps:\n      - run: echo "Version ${{ steps.version.outputs.semver }}"\n      - run: echo "Secret ${{ secrets.BC_PASSWORD }}"' },
    { name: 'trap: an output the workflow masked first', path: '.github/workflows/ci.yml', code: 'jobs:\n  build:\n    steps:\n      - id: token\n        run: |\n          echo "::add-mask::$TOKEN"\n          echo "token=$TOKEN" >> $GITHUB_OUTPUT\n      - run: echo "Using ${{ steps.token.outputs.token }}"' },
    { name: 'trap: length of the password', path: PS, code: '$Password = Read-Host -AsSecureString\nWrite-Host "Password length: $($Password.Length)"\n' },
    { name: 'trap: a variable that names where the secret is', path: PS, code: '$SecretName = "erp-password"\nWrite-Host "Reading $SecretName from the vault"\n' },
    { name: 'trap: runner-injected secret in a pipeline (masked)', path: YML, code: 'steps:\n  - bash: echo "token is $API_TOKEN"\n    env:\n      API_TOKEN: $(ApiToken)\n' },
    { name: 'trap: masked secret in a YAML file outside the pipeline folders', path: 'ci/release.yml', code: 'steps:\n  - pwsh: Write-Host "Signing in with $env:CLIENT_SECRET"\n' },
    {
      name: 'trap: masking, piping and writing to a file',
      path: '.github/workflows/publish.yml',
      code: 'jobs:\n  p:\n    steps:\n      - run: |\n          TOKEN=$(az account get-access-token --query accessToken -o tsv)\n          echo "::add-mask::$TOKEN"\n          echo "$TOKEN" | docker login myacr.azurecr.io -u 00000000-0000-0000-0000-000000000000 --password-stdin\n          echo "$TOKEN" > .token\n',
    },
    { name: 'trap: non-secret setvariable', path: YML, code: 'steps:\n  - pwsh: Write-Host "##vso[task.setvariable variable=BuildLabel]$label"\n' },
    { name: 'trap: commented-out debug line', path: PS, code: '$ClientSecret = Get-Secret -Name erp\n# Write-Host $ClientSecret\n' },
  ],
  invalid: [
    { name: 'a token step output printed in a later step', path: '.github/workflows/ci.yml', code: 'jobs:\n  publish:\n    steps:\n      - name: Publish\n        shell: pwsh\n        run: |\n          Write-Host "Publishing with token ${{ steps.token.outputs.token }}"', errors: [{ line: 7, message: 'step output token' }] },
    {
      name: 'PowerShell script prints a token it fetched',
      path: PS,
      code: '$resp = Invoke-RestMethod -Uri $url -Method Post\nWrite-Host "Got token: $($resp.access_token)"\nWrite-Output $resp.AccessToken\n',
      errors: [{ line: 2, message: 'access_token' }, { line: 3 }],
    },
    {
      name: 'pipeline step prints and publishes a derived token',
      path: YML,
      code: 'steps:\n  - pwsh: |\n      $token = az account get-access-token --query accessToken -o tsv\n      Write-Host "Using $token"\n      Write-Host "##vso[task.setvariable variable=ApiToken]$token"\n',
      errors: [{ line: 4, message: 'token' }, { line: 5, message: 'issecret' }],
    },
    { name: 'bash echo of a computed secret', path: 'scripts/rotate.sh', code: 'NEW_SECRET=$(openssl rand -base64 32)\necho "new secret: $NEW_SECRET"\n', errors: [{ line: 2 }] },
  ],
});
