page 70201 "WGB Borrower API"
{
    PageType = API;
    Caption = 'borrowers', Locked = true;
    APIPublisher = 'woodgrove';
    APIGroup = 'lending';
    APIVersion = 'v1.0';
    EntityName = 'borrower';
    EntitySetName = 'borrowers';
    SourceTable = "WGB Borrower";
    DelayedInsert = true;
    ODataKeyFields = SystemId;
    Extensible = false;

    layout
    {
        area(Content)
        {
            repeater(Records)
            {
                field(id; Rec.SystemId)
                {
                    Caption = 'Id', Locked = true;
                    Editable = false;
                }
                field(number; Rec."No.")
                {
                    Caption = 'Number', Locked = true;
                }
                field(name; Rec.Name)
                {
                    Caption = 'Name', Locked = true;
                }
                field(customerNumber; Rec."Customer No.")
                {
                    Caption = 'Customer Number', Locked = true;
                }
                field(nationalIdNumber; Rec."National ID No.")
                {
                    Caption = 'National ID Number', Locked = true;
                }
                field(iban; Rec.IBAN)
                {
                    Caption = 'IBAN', Locked = true;
                }
                field(annualIncome; Rec."Annual Income")
                {
                    Caption = 'Annual Income', Locked = true;
                }
                field(interestRateOverride; Rec."Interest Rate Override")
                {
                    Caption = 'Interest Rate Override', Locked = true;
                }
                field(kycStatus; Rec."KYC Status")
                {
                    Caption = 'KYC Status', Locked = true;
                }
                field(lastModifiedDateTime; Rec.SystemModifiedAt)
                {
                    Caption = 'Last Modified Date Time', Locked = true;
                    Editable = false;
                }
            }
        }
    }
}
