page 50422 "FAB Driver API"
{
    PageType = API;
    APIPublisher = 'fabrikam';
    APIGroup = 'freight';
    APIVersion = 'v1.0';
    EntityName = 'driver';
    EntitySetName = 'drivers';
    SourceTable = "FAB Driver";
    DelayedInsert = true;
    ODataKeyFields = SystemId;
    Extensible = false;

    layout
    {
        area(Content)
        {
            repeater(Records)
            {
                field(id; Rec.SystemId) { Editable = false; }
                field(number; Rec."No.") { }
                field(displayName; Rec.Name) { }
                field(depotCode; Rec."Depot Code") { }
                field(drivingLicenseNo; Rec."Driving License No.") { }
                field(bankAccountNo; Rec."Bank Account No.") { }
                field(blocked; Rec.Blocked) { }
                field(lastModifiedDateTime; Rec.SystemModifiedAt) { Editable = false; }
            }
        }
    }
}
