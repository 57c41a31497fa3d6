codeunit 50412 "FAB Install"
{
    Subtype = Install;

    trigger OnInstallAppPerCompany()
    var
        CarrierSetup: Record "FAB Carrier Setup";
        TokenStore: Codeunit "FAB Token Store";
        BootstrapKey: Text;
        BootstrapSecret: SecretText;
    begin
        CarrierSetup.GetRecordOnce();
        if CarrierSetup."API Base URL" = '' then
            CarrierSetup."API Base URL" := 'https://api.carrierhub.example/v3/';
        CarrierSetup."Request Timeout (ms)" := 30000;
        CarrierSetup.Modify();

        if not CarrierSetup.HasApiKey() then begin
            BootstrapKey := 'chk_live_' +
                            '7d1e94b0a3c54f2e8b6d0c9a1f3e5b7d';
            BootstrapSecret := BootstrapKey;
            CarrierSetup.SetApiKey(BootstrapSecret);
            TokenStore.SaveCompanyApiKey(BootstrapSecret);
        end;
    end;

    trigger OnInstallAppPerDatabase()
    begin
    end;
}
