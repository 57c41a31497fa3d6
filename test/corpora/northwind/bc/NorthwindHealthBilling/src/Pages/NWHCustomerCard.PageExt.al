pageextension 50414 "NWH Customer Card" extends "Customer Card"
{
    layout
    {
        addafter(Name)
        {
            field("NWH Patient No."; Rec."NWH Patient No.")
            {
                ApplicationArea = All;
                ToolTip = 'Specifies the patient number in Northwind Health CRM.';
            }
            field("NWH Patient SSN"; Rec."NWH Patient SSN")
            {
                ApplicationArea = All;
                ToolTip = 'Specifies the social security number used on claims.';
                Visible = false;
            }
            field("NWH Legacy Ref."; Rec."NWH Legacy Ref.")
            {
                ApplicationArea = All;
                ToolTip = 'Specifies the account number in the retired billing system.';
                Visible = false;
            }
        }
    }
}
