pageextension 70221 "WGB Vendor Bank Acc. Card" extends "Vendor Bank Account Card"
{
    layout
    {
        // Disbursement agents are set up by treasury; branch staff should not see the account itself.
        modify(IBAN)
        {
            Visible = false;
        }
        modify("SWIFT Code")
        {
            Visible = false;
        }
    }
}
