pageextension 70220 "WGB Customer Card" extends "Customer Card"
{
    layout
    {
        addlast(General)
        {
            field("WGB Borrower No."; Rec."WGB Borrower No.")
            {
                ApplicationArea = All;
            }
            field("WGB Tax ID"; Rec."WGB Tax ID")
            {
                ApplicationArea = All;
                Visible = false;
            }
            field("WGB Preferred Branch"; Rec."WGB Preferred Branch")
            {
                ApplicationArea = All;
                Visible = false;
            }
        }
    }
}
