codeunit 50413 "FAB Posting Helper"
{
    Permissions = tabledata "G/L Entry" = rimd,
                  tabledata "Vendor Ledger Entry" = rimd;

    [InherentPermissions(PermissionObjectType::TableData, Database::"FAB Carrier Setup", 'r')]
    procedure GetTimeout(): Integer
    var
        CarrierSetup: Record "FAB Carrier Setup";
    begin
        CarrierSetup.GetRecordOnce();
        exit(CarrierSetup."Request Timeout (ms)");
    end;

    procedure CorrectFreightAccrual(EntryNo: Integer; NewAmount: Decimal)
    var
        GLEntry: Record "G/L Entry";
    begin
        GLEntry.Get(EntryNo);
        GLEntry.Amount := NewAmount;
        GLEntry.Modify();
    end;
}
