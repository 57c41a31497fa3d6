pageextension 50100 "TSP Customer Card" extends "Customer Card"
{
    layout
    {
        addlast(General)
        {
            group(TSPLoyalty)
            {
                Caption = 'Tailspin Loyalty';
                field("TSP Loyalty Tier"; Rec."TSP Loyalty Tier") { ApplicationArea = All; }
                field("TSP Points"; Rec."TSP Points") { ApplicationArea = All; Editable = false; }
                field("TSP National ID"; Rec."TSP National ID")
                {
                    ApplicationArea = All;
                    Visible = false;
                    Importance = Additional;
                }
            }
        }
        modify("Search Name") { Visible = false; }
    }
}
