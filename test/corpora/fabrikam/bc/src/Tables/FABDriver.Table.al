table 50401 "FAB Driver"
{
    Caption = 'Driver';
    DataClassification = CustomerContent;
    LookupPageId = "FAB Driver Card";
    DrillDownPageId = "FAB Driver Card";
    InherentEntitlements = RIMDX;
    InherentPermissions = RIMDX;

    fields
    {
        field(1; "No."; Code[20]) { Caption = 'No.'; }
        field(2; Name; Text[100])
        {
            Caption = 'Name';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(3; "Depot Code"; Code[10]) { Caption = 'Depot Code'; }
        field(4; "Driving License No."; Code[30])
        {
            Caption = 'Driving License No.';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(5; "Bank Account No."; Text[30])
        {
            Caption = 'Bank Account No.';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(6; "Hourly Rate"; Decimal)
        {
            Caption = 'Hourly Rate';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(7; "Home Address"; Text[100])
        {
            Caption = 'Home Address';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(8; "Vehicle Class"; Enum "FAB Vehicle Class") { Caption = 'Vehicle Class'; }
        field(9; Blocked; Boolean) { Caption = 'Blocked'; }
        field(10; "Legacy Driver Id"; Code[20])
        {
            Caption = 'Legacy Driver Id';
            ObsoleteState = Pending;
            ObsoleteReason = 'Replaced by No.';
        }
    }

    keys
    {
        key(PK; "No.") { Clustered = true; }
        key(Depot; "Depot Code", Name) { }
    }
}
