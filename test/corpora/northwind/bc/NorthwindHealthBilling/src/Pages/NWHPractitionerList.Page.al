page 50411 "NWH Practitioner List"
{
    Caption = 'Practitioners';
    PageType = List;
    SourceTable = "NWH Practitioner";
    CardPageId = "NWH Practitioner Card";
    UsageCategory = Lists;
    ApplicationArea = All;
    Editable = false;

    layout
    {
        area(Content)
        {
            repeater(Lines)
            {
                field("No."; Rec."No.")
                {
                    ToolTip = 'Specifies the practitioner number.';
                }
                field(Name; Rec.Name)
                {
                    ToolTip = 'Specifies the name of the practitioner.';
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
        }
    }
}
