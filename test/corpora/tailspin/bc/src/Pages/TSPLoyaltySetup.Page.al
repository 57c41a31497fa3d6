page 50100 "TSP Loyalty Setup"
{
    Caption = 'Tailspin Loyalty Setup';
    PageType = Card;
    SourceTable = "TSP Loyalty Setup";
    UsageCategory = Administration;
    ApplicationArea = All;
    InsertAllowed = false;
    DeleteAllowed = false;

    layout
    {
        area(Content)
        {
            group(SkyLink)
            {
                Caption = 'SkyLink';
                field("SkyLink Base URL"; Rec."SkyLink Base URL") { }
                field(SkyLinkApiKey; SkyLinkApiKeyTxt)
                {
                    Caption = 'API Key';
                    ExtendedDatatype = Masked;
                    ToolTip = 'Specifies the SkyLink subscription key. The key is kept in isolated storage.';

                    trigger OnValidate()
                    var
                        Connector: Codeunit "TSP Airline Connector";
                    begin
                        Connector.SetSkyLinkKey(SkyLinkApiKeyTxt);
                    end;
                }
            }
            group(NordAero)
            {
                Caption = 'NordAero';
                field("NordAero User Name"; Rec."NordAero User Name") { }
                field("NordAero Password"; Rec."NordAero Password") { }
            }
            group(Payouts)
            {
                Caption = 'Payouts';
                field("Points Per EUR"; Rec."Points Per EUR") { }
                field("Payout Bank Account No."; Rec."Payout Bank Account No.")
                {
                    Editable = false;
                    ToolTip = 'Maintained by finance.';
                }
                field("Primary Key"; Rec."Primary Key") { Visible = false; }
            }
        }
    }

    var
        [NonDebuggable]
        SkyLinkApiKeyTxt: Text;

    trigger OnOpenPage()
    begin
        Rec.GetRecordOnce();
        if not IsNullGuid(Rec."SkyLink Key Storage Id") then
            SkyLinkApiKeyTxt := '********';
    end;
}
