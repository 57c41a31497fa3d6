codeunit 50424 "NWH Upgrade"
{
    Subtype = Upgrade;
    Access = Internal;

    trigger OnUpgradePerCompany()
    var
        UpgradeTag: Codeunit "Upgrade Tag";
    begin
        if UpgradeTag.HasUpgradeTag(PatientSsnChangeLogTag()) then
            exit;

        LogPatientSsnChanges();
        UpgradeTag.SetUpgradeTag(PatientSsnChangeLogTag());
    end;

    // Compliance finding CMP-17: every change of a patient SSN on a customer must be traceable.
    local procedure LogPatientSsnChanges()
    var
        ChangeLogSetup: Record "Change Log Setup";
        ChangeLogSetupTable: Record "Change Log Setup (Table)";
        ChangeLogSetupField: Record "Change Log Setup (Field)";
        Customer: Record Customer;
    begin
        if not ChangeLogSetup.Get() then
            ChangeLogSetup.Insert();
        ChangeLogSetup."Change Log Activated" := true;
        ChangeLogSetup.Modify();

        if not ChangeLogSetupTable.Get(Database::Customer) then begin
            ChangeLogSetupTable.Init();
            ChangeLogSetupTable."Table No." := Database::Customer;
            ChangeLogSetupTable.Insert();
        end;
        ChangeLogSetupTable."Log Modification" := ChangeLogSetupTable."Log Modification"::"Some Fields";
        ChangeLogSetupTable.Modify();

        ChangeLogSetupField.Init();
        ChangeLogSetupField."Table No." := Database::Customer;
        ChangeLogSetupField."Field No." := Customer.FieldNo("NWH Patient SSN");
        ChangeLogSetupField."Log Modification" := true;
        if not ChangeLogSetupField.Insert() then
            ChangeLogSetupField.Modify();
    end;

    local procedure PatientSsnChangeLogTag(): Code[250]
    begin
        exit('NWH-CMP17-PATIENT-SSN-CHANGELOG-20240611');
    end;
}
