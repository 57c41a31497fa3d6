codeunit 70251 "WGB Upgrade"
{
    Subtype = Upgrade;

    trigger OnUpgradePerCompany()
    var
        UpgradeTag: Codeunit "Upgrade Tag";
    begin
        if UpgradeTag.HasUpgradeTag(ChangeLogTagTok) then
            exit;
        EnableCreditReportChangeLog();
        UpgradeTag.SetUpgradeTag(ChangeLogTagTok);
    end;

    // Internal audit finding IA-2024-31: credit reports must be change-logged.
    local procedure EnableCreditReportChangeLog()
    var
        ChangeLogSetup: Record "Change Log Setup";
        ChangeLogTable: Record "Change Log Setup (Table)";
    begin
        if not ChangeLogSetup.Get() then
            ChangeLogSetup.Insert();
        ChangeLogSetup.Validate("Change Log Activated", true);
        ChangeLogSetup.Modify();

        if not ChangeLogTable.Get(Database::"WGB Credit Report") then begin
            ChangeLogTable.Init();
            ChangeLogTable."Table No." := Database::"WGB Credit Report";
            ChangeLogTable.Insert();
        end;
        ChangeLogTable.Validate("Log Modification", ChangeLogTable."Log Modification"::"All Fields");
        ChangeLogTable.Validate("Log Deletion", ChangeLogTable."Log Deletion"::"All Fields");
        ChangeLogTable.Modify();
    end;

    var
        ChangeLogTagTok: Label 'WGB-CHANGELOG-CREDITREPORT-20240915', Locked = true;
}
