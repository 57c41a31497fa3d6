tableextension 50404 "NWH Customer" extends Customer
{
    fields
    {
        field(50400; "NWH Patient No."; Code[20])
        {
            Caption = 'Patient No.';
            DataClassification = EndUserPseudonymousIdentifiers;
        }
        field(50401; "NWH Patient SSN"; Text[11])
        {
            Caption = 'Patient SSN';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(50402; "NWH Legacy Ref."; Code[20])
        {
            Caption = 'Legacy Billing Ref.';
            DataClassification = CustomerContent;
        }
    }
}
