page 50421 "FAB Driver Card"
{
    PageType = Card;
    SourceTable = "FAB Driver";
    Caption = 'Driver';
    ApplicationArea = All;
    UsageCategory = None;

    layout
    {
        area(Content)
        {
            group(General)
            {
                field("No."; Rec."No.") { }
                field(Name; Rec.Name) { }
                field("Depot Code"; Rec."Depot Code") { }
                field("Vehicle Class"; Rec."Vehicle Class") { }
                field(Blocked; Rec.Blocked) { }
                field("Legacy Driver Id"; Rec."Legacy Driver Id")
                {
                    Visible = false;
                }
            }
            group(Compliance)
            {
                field("Driving License No."; Rec."Driving License No.")
                {
                    Visible = false;
                }
            }
            group(Payroll)
            {
                field("Bank Account No."; Rec."Bank Account No.")
                {
                    Editable = false;
                    ToolTip = 'Maintained by payroll.';
                }
                field("Hourly Rate"; Rec."Hourly Rate")
                {
                    AccessByPermission = tabledata "Employee Ledger Entry" = R;
                    Visible = false;
                }
            }
        }
    }
}
