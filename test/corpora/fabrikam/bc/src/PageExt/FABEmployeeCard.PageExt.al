pageextension 50430 "FAB Employee Card" extends "Employee Card"
{
    layout
    {
        modify("Social Security No.")
        {
            Visible = false;
        }
        modify(IBAN)
        {
            Visible = false;
        }
        modify("Job Title")
        {
            Visible = false;
        }
        addafter("Job Title")
        {
            field("FAB Depot Code"; Rec."FAB Depot Code")
            {
                ApplicationArea = All;
                Caption = 'Depot';
            }
        }
    }
}
