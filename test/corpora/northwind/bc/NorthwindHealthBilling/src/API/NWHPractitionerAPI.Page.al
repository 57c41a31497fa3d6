page 50412 "NWH Practitioner API"
{
    PageType = API;
    APIPublisher = 'northwindHealth';
    APIGroup = 'billing';
    APIVersion = 'v1.0';
    EntityName = 'practitioner';
    EntitySetName = 'practitioners';
    SourceTable = "NWH Practitioner";
    ODataKeyFields = SystemId;
    DelayedInsert = true;

    layout
    {
        area(Content)
        {
            repeater(Records)
            {
                field(id; Rec.SystemId)
                {
                    Caption = 'Id';
                    Editable = false;
                }
                field(number; Rec."No.")
                {
                    Caption = 'No.';
                }
                field(displayName; Rec.Name)
                {
                    Caption = 'Name';
                }
                field(npi; Rec.NPI)
                {
                    Caption = 'NPI';
                }
                field(bankAccountNo; Rec."Bank Account No.")
                {
                    Caption = 'Bank Account No.';
                }
                field(iban; Rec.IBAN)
                {
                    Caption = 'IBAN';
                }
                field(feeSharePercent; Rec."Fee Share %")
                {
                    Caption = 'Fee Share %';
                }
                field(vendorNumber; Rec."Vendor No.")
                {
                    Caption = 'Vendor No.';
                }
            }
        }
    }
}
