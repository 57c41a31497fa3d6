page 50410 "NWH Practitioner Card"
{
    Caption = 'Practitioner Card';
    PageType = Card;
    SourceTable = "NWH Practitioner";
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
                    ToolTip = 'Specifies the practitioner number.';
                }
                field(Name; Rec.Name)
                {
                    ToolTip = 'Specifies the name of the practitioner.';
                }
                field("Search Name"; Rec."Search Name")
                {
                    ToolTip = 'Specifies the upper-case name used for searching.';
                    Visible = false;
                }
                field(NPI; Rec.NPI)
                {
                    ToolTip = 'Specifies the National Provider Identifier.';
                }
                field(Blocked; Rec.Blocked)
                {
                    ToolTip = 'Specifies whether payouts to the practitioner are blocked.';
                }
            }
            group(Payment)
            {
                Caption = 'Payout';

                field("Vendor No."; Rec."Vendor No.")
                {
                    ToolTip = 'Specifies the vendor the payouts are posted to.';
                }
                field("Bank Account No."; Rec."Bank Account No.")
                {
                    ToolTip = 'Specifies the account the payout is transferred to.';
                    Visible = false;
                }
                field(IBAN; Rec.IBAN)
                {
                    ToolTip = 'Specifies the IBAN for payouts abroad.';
                }
                field("Fee Share %"; Rec."Fee Share %")
                {
                    ToolTip = 'Specifies the share of the collected fees paid to the practitioner. Set by the payout controller.';
                    Editable = false;
                }
            }
            group(Tax)
            {
                Caption = 'Tax';

                field("Tax ID"; Rec."Tax ID")
                {
                    ToolTip = 'Specifies the tax identification number for the 1099 report.';
                    AccessByPermission = tabledata "NWH Clinic Setup" = M;
                }
            }
        }
    }
}
