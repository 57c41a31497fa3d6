tableextension 50100 "TSP Customer" extends Customer
{
    fields
    {
        field(50100; "TSP Passport No."; Code[20])
        {
            Caption = 'Passport No.';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(50101; "TSP National ID"; Code[30])
        {
            Caption = 'National ID';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(50102; "TSP Loyalty Tier"; Enum "TSP Loyalty Tier")
        {
            Caption = 'Loyalty Tier';
            DataClassification = CustomerContent;
        }
        field(50103; "TSP Frequent Flyer No."; Code[20])
        {
            Caption = 'Frequent Flyer No.';
            DataClassification = EndUserPseudonymousIdentifiers;
        }
        field(50104; "TSP Points"; Integer)
        {
            Caption = 'Loyalty Points';
            DataClassification = CustomerContent;
            Editable = false;
        }
    }
}
