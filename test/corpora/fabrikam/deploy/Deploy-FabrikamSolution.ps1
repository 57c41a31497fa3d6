<#
.SYNOPSIS
    Imports the Fabrikam Claims Core solution and seeds reference data.
.EXAMPLE
    ./Deploy-FabrikamSolution.ps1 -Environment uat
#>
[CmdletBinding()]
param(
    [ValidateSet('dev', 'uat', 'prod')]
    [string] $Environment = 'dev',
    [string] $TenantId = 'd36f70a0-baf7-4f5e-870f-3c65e1c04185',
    [string] $SecretName = 'fab-deploy-client-secret'
)

$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

$urls = @{
    dev  = 'https://fabrikam-dev.crm4.dynamics.com'
    uat  = 'https://fabrikam-uat.crm4.dynamics.com'
    prod = 'https://fabrikam-ins.crm4.dynamics.com'
}
$orgUrl = $urls[$Environment]

# Service principal secret comes from Key Vault
$ClientSecret = Get-AzKeyVaultSecret -VaultName 'kv-fab-prod-weu' -Name $SecretName -AsPlainText
if (-not $ClientSecret) {
    $ClientSecret = $env:FAB_CLIENT_SECRET
}
Write-Host "Client secret loaded from Key Vault secret '$SecretName'"
Write-Verbose "Authenticating to $orgUrl with secret $ClientSecret"

Import-Module Microsoft.Xrm.Data.PowerShell
if ($Environment -eq 'dev') {
    # dev org still uses the shared admin account
    $devPassword = ConvertTo-SecureString 'Dev0ps-Shared#2025' -AsPlainText -Force
    $cred = New-Object System.Management.Automation.PSCredential('crmadmin@fabrikam-ins.example', $devPassword)
    $conn = Connect-CrmOnline -Credential $cred -ServerUrl $orgUrl
}
else {
    $conn = Connect-CrmOnline -ServerUrl $orgUrl -ClientSecret $ClientSecret -OAuthClientId '8d58c66e-fec7-45d7-88a9-4a7a1e94484f'
}

Import-CrmSolution -conn $conn -SolutionFilePath "$PSScriptRoot/../out/FabrikamClaimsCore.zip" -PublishChanges

# Seed the carrier list from the legacy depot service (self-signed certificate)
[System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }
$carriers = Invoke-RestMethod -Uri 'https://depot.fabrikam.local/api/carriers' -UseDefaultCredentials
foreach ($c in $carriers) {
    New-CrmRecord -conn $conn -EntityLogicalName fab_carrier -Fields @{ fab_name = $c.name; fab_scac = $c.scac } | Out-Null
}

$health = Invoke-RestMethod -Uri "$orgUrl/api/data/v9.2/WhoAmI" -Headers @{ Authorization = "Bearer $($conn.CurrentAccessToken)" } -SkipCertificateCheck
Write-Host "Deployed as user $($health.UserId)"
