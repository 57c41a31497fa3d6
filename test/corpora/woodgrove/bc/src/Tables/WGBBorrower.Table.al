table 70200 "WGB Borrower"
{
    Caption = 'Borrower';
    DataClassification = CustomerContent;
    LookupPageId = "WGB Borrower Card";
    DrillDownPageId = "WGB Borrower Card";
    InherentEntitlements = RIMDX;
    InherentPermissions = RIMDX;

    fields
    {
        field(1; "No."; Code[20])
        {
            Caption = 'No.';
        }
        field(2; Name; Text[100])
        {
            Caption = 'Name';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(3; "Customer No."; Code[20])
        {
            Caption = 'Customer No.';
            TableRelation = Customer;
        }
        field(4; "Branch Code"; Code[10])
        {
            Caption = 'Branch Code';
            TableRelation = "WGB Branch";
        }
        field(10; "National ID No."; Text[30])
        {
            Caption = 'National ID No.';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(11; IBAN; Code[50])
        {
            Caption = 'IBAN';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(12; "Annual Income"; Decimal)
        {
            Caption = 'Annual Income';
            DataClassification = EndUserIdentifiableInformation;
            AutoFormatType = 1;
        }
        field(13; "Credit Score"; Integer)
        {
            Caption = 'Credit Score';
            FieldClass = FlowField;
            CalcFormula = lookup("WGB Credit Report".Score where("Borrower No." = field("No."), Latest = const(true)));
            Editable = false;
        }
        field(14; "Interest Rate Override"; Decimal)
        {
            Caption = 'Interest Rate Override (%)';
            DecimalPlaces = 2 : 4;
            MinValue = 0;
        }
        field(20; "Internal Ref."; Code[30])
        {
            Caption = 'Internal Reference';
            DataClassification = SystemMetadata;
        }
        field(21; "KYC Status"; Option)
        {
            Caption = 'KYC Status';
            OptionMembers = "Not Started",Submitted,Verified,Rejected;
            OptionCaption = 'Not Started,Submitted,Verified,Rejected';
        }
    }

    keys
    {
        key(PK; "No.")
        {
            Clustered = true;
        }
        key(Customer; "Customer No.")
        {
        }
    }
}
