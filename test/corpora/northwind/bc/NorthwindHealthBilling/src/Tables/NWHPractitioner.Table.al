table 50401 "NWH Practitioner"
{
    Caption = 'Practitioner';
    DataClassification = CustomerContent;
    LookupPageId = "NWH Practitioner List";
    DrillDownPageId = "NWH Practitioner List";

    fields
    {
        field(1; "No."; Code[20])
        {
            Caption = 'No.';
        }
        field(2; Name; Text[100])
        {
            Caption = 'Name';

            trigger OnValidate()
            begin
                "Search Name" := CopyStr(UpperCase(Name), 1, MaxStrLen("Search Name"));
            end;
        }
        field(3; "Search Name"; Code[100])
        {
            Caption = 'Search Name';
        }
        field(4; NPI; Code[10])
        {
            Caption = 'NPI';
        }
        field(10; "Tax ID"; Text[20])
        {
            Caption = 'Tax ID';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(11; "Bank Account No."; Text[30])
        {
            Caption = 'Bank Account No.';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(12; IBAN; Code[50])
        {
            Caption = 'IBAN';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(20; "Fee Share %"; Decimal)
        {
            Caption = 'Fee Share %';
            MinValue = 0;
            MaxValue = 100;
        }
        field(21; "Vendor No."; Code[20])
        {
            Caption = 'Vendor No.';
            TableRelation = Vendor;
        }
        field(30; Blocked; Boolean)
        {
            Caption = 'Blocked';
        }
    }

    keys
    {
        key(PK; "No.")
        {
            Clustered = true;
        }
        key(Search; "Search Name")
        {
        }
    }
}
