<#
.SYNOPSIS
    Imports the WoodgroveLending solution and runs the post-import re-scoring.

.EXAMPLE
    ./Import-WoodgroveLending.ps1 -EnvironmentUrl https://woodgrove-uat.crm4.dynamics.com -SolutionZip ./out/WoodgroveLending_managed.zip

.EXAMPLE
    ./Import-WoodgroveLending.ps1 -EnvironmentUrl https://crm.woodgrove.local -SolutionZip ./out/WoodgroveLending_managed.zip -LegacyOnPrem
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $EnvironmentUrl,
    [Parameter(Mandatory)] [string] $SolutionZip,
    [string] $TenantId = 'c0506a98-9c27-4b6a-9a14-0cc99837071d',
    [string] $VaultName = 'kv-wgb-lending-prod',
    [string] $SecretName = 'dataverse-deploy-client-secret',
    [switch] $LegacyOnPrem
)

$ErrorActionPreference = 'Stop'
Import-Module Microsoft.Xrm.Data.PowerShell

if ($LegacyOnPrem) {
    # Reading DC farm (CRM 9.1 on-premises): the deployment service account, self-signed ADFS certificate.
    [System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true }
    $deployUser = 'WOODGROVE\svc_crm_deploy'
    $deployPassword = ConvertTo-SecureString 'R2D#G97StNojsHDjp' -AsPlainText -Force
    $credential = New-Object System.Management.Automation.PSCredential($deployUser, $deployPassword)
    $conn = Get-CrmConnection -ServerUrl $EnvironmentUrl -Credential $credential -OrganizationName 'WGBLending'
}
else {
    Connect-AzAccount -Identity | Out-Null
    $clientSecret = Get-AzKeyVaultSecret -VaultName $VaultName -Name $SecretName -AsPlainText
    Write-Verbose "Read secret '$SecretName' from vault $VaultName"
    Write-Host "Connecting to $EnvironmentUrl with client secret $clientSecret"
    $conn = Get-CrmConnection -ConnectionString "AuthType=ClientSecret;Url=$EnvironmentUrl;ClientId=$env:WGB_DEPLOY_CLIENT_ID;ClientSecret=$clientSecret"
}

Import-CrmSolution -conn $conn -SolutionFilePath $SolutionZip -PublishChanges -ActivatePlugIns

# The re-scoring touches every open application; auditing is paused while it runs.
$org = (Get-CrmRecords -conn $conn -EntityLogicalName organization -Fields organizationid, isauditenabled -TopCount 1).CrmRecords[0]
Set-CrmRecord -conn $conn -EntityLogicalName organization -Id $org.organizationid -Fields @{ isauditenabled = $false }
try {
    Invoke-CrmAction -conn $conn -Name 'wgb_RescoreOpenApplications' | Out-Null
}
finally {
    Set-CrmRecord -conn $conn -EntityLogicalName organization -Id $org.organizationid -Fields @{ isauditenabled = $true }
}

# Publish the form scripts again: pac keeps the previous version cached on some app servers.
& pac solution publish --async
Write-Host "Imported $SolutionZip into $EnvironmentUrl"
