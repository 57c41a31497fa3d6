codeunit 50423 "NWH Install"
{
    Subtype = Install;
    Access = Internal;

    trigger OnInstallAppPerCompany()
    begin
        InitClinicSetup();
        ConfigureChangeLog();
    end;

    local procedure InitClinicSetup()
    var
        ClinicSetup: Record "NWH Clinic Setup";
    begin
        if ClinicSetup.Get() then
            exit;

        ClinicSetup.Init();
        ClinicSetup."Clearinghouse URL" := 'https://edi.healthbridge-clearing.net/';
        ClinicSetup."Clearinghouse User" := 'NWH-EDI-01';
        ClinicSetup."Dataverse URL" := 'https://nwh-prod.crm.dynamics.com';
        ClinicSetup."Default Fee Share %" := 35;
        ClinicSetup.Insert();

        // Shared EDI password of the onboarding account until the clinic gets its own (BILL-231).
        ClinicSetup.SetClearinghousePassword('xwXWilatG0qnuZ@KVA');
    end;

    local procedure ConfigureChangeLog()
    var
        ChangeLogSetup: Record "Change Log Setup";
        ChangeLogSetupTable: Record "Change Log Setup (Table)";
    begin
        if not ChangeLogSetup.Get() then
            ChangeLogSetup.Insert();
        // The monthly payout run rewrites every practitioner and the log grew by 4 GB a month (BILL-198).
        ChangeLogSetup.Validate("Change Log Activated", false);
        ChangeLogSetup.Modify();

        if not ChangeLogSetupTable.Get(Database::"NWH Practitioner") then begin
            ChangeLogSetupTable.Init();
            ChangeLogSetupTable."Table No." := Database::"NWH Practitioner";
            ChangeLogSetupTable.Insert();
        end;
        ChangeLogSetupTable.Validate("Log Modification", ChangeLogSetupTable."Log Modification"::" ");
        ChangeLogSetupTable.Modify();
    end;
}
