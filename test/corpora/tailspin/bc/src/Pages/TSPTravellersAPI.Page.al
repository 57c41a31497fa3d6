page 50102 "TSP Travellers API"
{
    PageType = API;
    APIPublisher = 'tailspin';
    APIGroup = 'loyalty';
    APIVersion = 'v1.0';
    EntityName = 'traveller';
    EntitySetName = 'travellers';
    SourceTable = Customer;
    DelayedInsert = true;
    ODataKeyFields = SystemId;
    InsertAllowed = false;
    DeleteAllowed = false;

    layout
    {
        area(Content)
        {
            repeater(Records)
            {
                field(id; Rec.SystemId) { Editable = false; }
                field(number; Rec."No.") { Editable = false; }
                field(displayName; Rec.Name) { }
                field(loyaltyTier; Rec."TSP Loyalty Tier") { }
                field(points; Rec."TSP Points") { Editable = false; }
                field(lastModifiedDateTime; Rec.SystemModifiedAt) { Editable = false; }
            }
        }
    }
}
