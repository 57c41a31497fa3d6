table 50100 "TSP Loyalty Setup"
{
    Caption = 'Tailspin Loyalty Setup';
    DataClassification = CustomerContent;
    InherentPermissions = RIMDX;

    fields
    {
        field(1; "Primary Key"; Code[10]) { Caption = 'Primary Key'; }
        field(10; "SkyLink Base URL"; Text[250])
        {
            Caption = 'SkyLink Base URL';
            ExtendedDatatype = URL;
        }
        field(11; "SkyLink Key Storage Id"; Guid)
        {
            Caption = 'SkyLink Key Storage Id';
            DataClassification = SystemMetadata;
        }
        field(20; "NordAero User Name"; Text[80])
        {
            Caption = 'NordAero User Name';
        }
        field(21; "NordAero Password"; Text[80])
        {
            Caption = 'NordAero Password';
            ExtendedDatatype = Masked;
        }
        field(30; "Points Per EUR"; Decimal)
        {
            Caption = 'Points per EUR';
            DecimalPlaces = 0 : 2;
            InitValue = 2;
        }
        field(31; "Payout Bank Account No."; Code[30])
        {
            Caption = 'Payout Bank Account No.';
        }
    }

    keys
    {
        key(PK; "Primary Key") { Clustered = true; }
    }

    procedure GetRecordOnce()
    begin
        if not Get() then begin
            Init();
            Insert();
        end;
    end;
}
