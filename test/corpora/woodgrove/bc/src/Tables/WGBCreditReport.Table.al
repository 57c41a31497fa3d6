table 70201 "WGB Credit Report"
{
    Caption = 'Credit Report';
    DataClassification = EndUserIdentifiableInformation;

    fields
    {
        field(1; "Entry No."; Integer)
        {
            Caption = 'Entry No.';
            AutoIncrement = true;
            DataClassification = SystemMetadata;
        }
        field(2; "Borrower No."; Code[20])
        {
            Caption = 'Borrower No.';
            TableRelation = "WGB Borrower";
        }
        field(3; Score; Integer)
        {
            Caption = 'Score';
        }
        field(4; "Bureau Reference"; Text[50])
        {
            Caption = 'Bureau Reference';
        }
        field(5; "Report Date"; Date)
        {
            Caption = 'Report Date';
        }
        field(6; Latest; Boolean)
        {
            Caption = 'Latest';
        }
    }

    keys
    {
        key(PK; "Entry No.")
        {
            Clustered = true;
        }
        key(Borrower; "Borrower No.", Latest)
        {
        }
    }
}
