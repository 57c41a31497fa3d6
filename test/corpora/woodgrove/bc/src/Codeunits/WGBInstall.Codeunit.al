codeunit 70250 "WGB Install"
{
    Subtype = Install;

    trigger OnInstallAppPerCompany()
    begin
        InitLoanSetup();
        ConfigureChangeLog();
    end;

    local procedure InitLoanSetup()
    var
        LoanSetup: Record "WGB Loan Setup";
        SandboxSecret: Text;
    begin
        if LoanSetup.Get() then
            exit;
        LoanSetup.Init();
        LoanSetup."Bureau Base URL" := 'https://api.bureau-partner.example/';
        LoanSetup."Bureau Client ID" := 'd3a3c159-6355-4ebb-ba8f-d9a6b6b31dd8';
        LoanSetup.Insert();

        // Every new company starts against the bureau sandbox tenant.
        SandboxSecret := 'Bpf2Q~B-bZxZt4TP96sMHd33ZX0SdMeRJFHmLIvR';
        LoanSetup.SetBureauSecret(SandboxSecret);
    end;

    local procedure ConfigureChangeLog()
    var
        ChangeLogSetup: Record "Change Log Setup";
        ChangeLogTable: Record "Change Log Setup (Table)";
    begin
        if not ChangeLogSetup.Get() then
            ChangeLogSetup.Insert();
        // Loan imports write thousands of rows and timed out with the change log on.
        ChangeLogSetup."Change Log Activated" := false;
        ChangeLogSetup.Modify();

        ChangeLogTable.Init();
        ChangeLogTable."Table No." := Database::"WGB Borrower";
        ChangeLogTable."Log Insertion" := ChangeLogTable."Log Insertion"::" ";
        ChangeLogTable."Log Modification" := ChangeLogTable."Log Modification"::" ";
        ChangeLogTable."Log Deletion" := ChangeLogTable."Log Deletion"::"All Fields";
        if not ChangeLogTable.Insert() then
            ChangeLogTable.Modify();

        // Branch master data is reference data; no change log needed.
        ChangeLogTable.Init();
        ChangeLogTable."Table No." := Database::"WGB Branch";
        ChangeLogTable."Log Modification" := ChangeLogTable."Log Modification"::" ";
        if not ChangeLogTable.Insert() then
            ChangeLogTable.Modify();
    end;
}
