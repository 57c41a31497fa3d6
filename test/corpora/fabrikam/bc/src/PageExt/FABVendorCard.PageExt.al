pageextension 50431 "FAB Vendor Card" extends "Vendor Card"
{
    layout
    {
        modify("Fax No.")
        {
            Visible = false;
        }
        modify("Home Page")
        {
            Visible = false;
        }
        addlast(General)
        {
            field("FAB Carrier SCAC"; Rec."FAB Carrier SCAC")
            {
                ApplicationArea = All;
                Caption = 'Carrier SCAC';
                ToolTip = 'Specifies the Standard Carrier Alpha Code.';
            }
        }
    }
}
