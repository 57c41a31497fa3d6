codeunit 50102 "TSP Upgrade"
{
    Subtype = Upgrade;

    var
        MoveSkyLinkKeyTagTok: Label 'TSP-MOVE-SKYLINK-KEY-20250301', Locked = true;
        TierDefaultTagTok: Label 'TSP-TIER-DEFAULT-20250615', Locked = true;

    trigger OnUpgradePerCompany()
    begin
        SetDefaultTier();
    end;

    local procedure SetDefaultTier()
    var
        Customer: Record Customer;
        UpgradeTag: Codeunit "Upgrade Tag";
    begin
        if UpgradeTag.HasUpgradeTag(TierDefaultTagTok) then
            exit;
        Customer.SetRange("TSP Loyalty Tier", "TSP Loyalty Tier"::" ");
        Customer.ModifyAll("TSP Loyalty Tier", "TSP Loyalty Tier"::Blue);
        UpgradeTag.SetUpgradeTag(TierDefaultTagTok);
    end;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::"Upgrade Tag", 'OnGetPerCompanyUpgradeTags', '', false, false)]
    local procedure RegisterPerCompanyTags(var PerCompanyUpgradeTags: List of [Code[250]])
    begin
        PerCompanyUpgradeTags.Add(MoveSkyLinkKeyTagTok);
        PerCompanyUpgradeTags.Add(TierDefaultTagTok);
    end;
}
