page 50420 "FAB Carrier Setup"
{
    PageType = Card;
    SourceTable = "FAB Carrier Setup";
    Caption = 'Carrier Hub Setup';
    UsageCategory = Administration;
    ApplicationArea = All;
    InsertAllowed = false;
    DeleteAllowed = false;

    layout
    {
        area(Content)
        {
            group(General)
            {
                Caption = 'General';
                field("API Base URL"; Rec."API Base URL") { }
                field(ApiKeyField; ApiKeyValue)
                {
                    Caption = 'API Key';
                    ExtendedDatatype = Masked;
                    ToolTip = 'Specifies the carrier hub API key. The key is kept in isolated storage.';

                    trigger OnValidate()
                    begin
                        Rec.SetApiKey(ApiKeyValue);
                        ApiKeyValue := '';
                    end;
                }
                field("Use Sandbox"; Rec."Use Sandbox") { }
                field("Request Timeout (ms)"; Rec."Request Timeout (ms)")
                {
                    Visible = false;
                }
                field("API Key Id"; Rec."API Key Id")
                {
                    Visible = false;
                    Editable = false;
                }
            }
        }
    }

    actions
    {
        area(Processing)
        {
            action(TestConnection)
            {
                Caption = 'Test Connection';
                Image = TestDatabase;
                ApplicationArea = All;

                trigger OnAction()
                var
                    CarrierClient: Codeunit "FAB Carrier Client";
                begin
                    CarrierClient.Ping();
                end;
            }
        }
    }

    var
        [NonDebuggable]
        ApiKeyValue: Text;

    trigger OnOpenPage()
    begin
        Rec.GetRecordOnce();
        if Rec.HasApiKey() then
            ApiKeyValue := '********';
    end;
}
