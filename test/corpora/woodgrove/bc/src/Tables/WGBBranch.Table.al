table 70203 "WGB Branch"
{
    Caption = 'Branch';
    DataClassification = OrganizationIdentifiableInformation;

    fields
    {
        field(1; Code; Code[10])
        {
            Caption = 'Code';
        }
        field(2; Name; Text[100])
        {
            Caption = 'Name';
        }
        field(3; "Sort Code"; Code[8])
        {
            Caption = 'Sort Code';
        }
        field(4; City; Text[30])
        {
            Caption = 'City';
        }
    }

    keys
    {
        key(PK; Code)
        {
            Clustered = true;
        }
    }
}
