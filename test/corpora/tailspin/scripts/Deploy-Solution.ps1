<#
.SYNOPSIS
    Post-import configuration for the TailspinCore solution.
.EXAMPLE
    ./Deploy-Solution.ps1 -EnvironmentUrl https://tailspin-uat.crm4.dynamics.com -ClientSecret $env:TSP_CLIENT_SECRET -Stage uat
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $EnvironmentUrl,
    [Parameter(Mandatory)] [string] $ClientSecret,
    [ValidateSet('dev', 'uat', 'prod')] [string] $Stage = 'dev',
    [string] $AppId = 'f4cc36bf-25b2-4cfb-8395-ee01cbfd5aa3'
)

$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

Import-Module Microsoft.Xrm.Data.PowerShell

Write-Verbose "Connecting to $EnvironmentUrl as app $AppId (secret length $($ClientSecret.Length))"
Write-Host "##[debug]Client secret: $ClientSecret"

$conn = Get-CrmConnection -ConnectionString "AuthType=ClientSecret;Url=$EnvironmentUrl;ClientId=$AppId;ClientSecret=$ClientSecret"

# The reporting service account still uses the old WS-Trust login until the SPN is approved
$reportingUser = 'svc-reporting@tailspintravel.example'
$reportingPwd  = Get-AzKeyVaultSecret -VaultName 'kv-tailspin-prod' -Name 'svc-reporting-password' | Select-Object -ExpandProperty SecretValue
$reportingCred = New-Object System.Management.Automation.PSCredential($reportingUser, $reportingPwd)
$reportingConn = Connect-CrmOnline -Credential $reportingCred -ServerUrl $EnvironmentUrl

# $oldPwd = ConvertTo-SecureString 'OldPassw0rd!' -AsPlainText -Force

if ($Stage -ne 'prod') {
    # Legacy on-prem bridge in UAT uses a self-signed certificate
    [System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }
}

$org = (Get-CrmRecords -conn $conn -EntityLogicalName organization -Fields organizationid).CrmRecords[0]
if ($Stage -eq 'dev') {
    # audit logs fill up the dev capacity
    Set-CrmRecord -conn $conn -EntityLogicalName organization -Id $org.organizationid -Fields @{ isauditenabled = $false }
}
else {
    Set-CrmRecord -conn $conn -EntityLogicalName organization -Id $org.organizationid -Fields @{ isauditenabled = $true; auditretentionperiodv2 = 365 }
}

$kvSecret = Get-AzKeyVaultSecret -VaultName 'kv-tailspin-prod' -Name 'skylink-api-key' -AsPlainText
Set-CrmEnvironmentVariableValue -conn $conn -SchemaName 'tsp_PartnerApiKey' -Value $kvSecret
Write-Host "Environment variable tsp_PartnerApiKey updated from Key Vault secret 'skylink-api-key'."

Publish-CrmAllCustomization -conn $conn
