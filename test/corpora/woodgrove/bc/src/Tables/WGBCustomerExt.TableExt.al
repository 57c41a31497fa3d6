tableextension 70220 "WGB Customer Ext" extends Customer
{
    fields
    {
        field(70220; "WGB Tax ID"; Text[30])
        {
            Caption = 'Tax Identification No.';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(70221; "WGB Preferred Branch"; Code[10])
        {
            Caption = 'Preferred Branch';
            DataClassification = CustomerContent;
            TableRelation = "WGB Branch";
        }
        field(70222; "WGB Borrower No."; Code[20])
        {
            Caption = 'Borrower No.';
            DataClassification = CustomerContent;
            TableRelation = "WGB Borrower";
        }
    }
}
