page 70200 "WGB Borrower Card"
{
    Caption = 'Borrower';
    PageType = Card;
    SourceTable = "WGB Borrower";
    UsageCategory = None;

    layout
    {
        area(Content)
        {
            group(General)
            {
                Caption = 'General';

                field("No."; Rec."No.")
                {
                    ApplicationArea = All;
                }
                field(Name; Rec.Name)
                {
                    ApplicationArea = All;
                }
                field("Customer No."; Rec."Customer No.")
                {
                    ApplicationArea = All;
                }
                field("Branch Code"; Rec."Branch Code")
                {
                    ApplicationArea = All;
                }
                field("Internal Ref."; Rec."Internal Ref.")
                {
                    ApplicationArea = All;
                    Visible = false;
                }
            }
            group(Identity)
            {
                Caption = 'Identity';

                field("National ID No."; Rec."National ID No.")
                {
                    ApplicationArea = All;
                    Visible = false;
                    ToolTip = 'Kept for the KYC submission; not shown to branch staff.';
                }
                field("KYC Status"; Rec."KYC Status")
                {
                    ApplicationArea = All;
                }
            }
            group(Banking)
            {
                Caption = 'Banking';

                field(IBAN; Rec.IBAN)
                {
                    ApplicationArea = All;
                    Visible = ShowBankDetails;
                }
            }
            group(Pricing)
            {
                Caption = 'Pricing';

                field("Interest Rate Override"; Rec."Interest Rate Override")
                {
                    ApplicationArea = All;
                    Editable = false;
                }
                field("Credit Score"; Rec."Credit Score")
                {
                    ApplicationArea = All;
                    AccessByPermission = tabledata "WGB Credit Report" = R;
                    Visible = false;
                }
            }
        }
    }

    trigger OnOpenPage()
    var
        UserPermissions: Codeunit "User Permissions";
    begin
        // Only administrators see bank details on the card.
        ShowBankDetails := UserPermissions.IsSuper(UserSecurityId());
    end;

    var
        ShowBankDetails: Boolean;
}
