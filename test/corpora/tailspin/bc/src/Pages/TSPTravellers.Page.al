page 50101 "TSP Travellers"
{
    Caption = 'Travellers';
    PageType = List;
    SourceTable = Customer;
    SourceTableView = where("TSP Loyalty Tier" = filter(<> " "));
    UsageCategory = Lists;
    ApplicationArea = All;
    CardPageId = "Customer Card";
    Editable = false;

    layout
    {
        area(Content)
        {
            repeater(Lines)
            {
                field("No."; Rec."No.") { }
                field(Name; Rec.Name) { }
                field("Search Name"; Rec."Search Name") { Visible = false; }
                field("TSP Loyalty Tier"; Rec."TSP Loyalty Tier") { }
                field("TSP Points"; Rec."TSP Points") { }
                field("TSP Passport No."; Rec."TSP Passport No.")
                {
                    Visible = false;
                }
                field("TSP Frequent Flyer No."; Rec."TSP Frequent Flyer No.")
                {
                    AccessByPermission = tabledata "TSP Loyalty Setup" = M;
                    Visible = false;
                }
            }
        }
    }
}
