table 50400 "FAB Carrier Setup"
{
    Caption = 'Carrier Hub Setup';
    DataClassification = CustomerContent;
    DataPerCompany = true;

    fields
    {
        field(1; "Primary Key"; Code[10])
        {
            Caption = 'Primary Key';
        }
        field(10; "API Base URL"; Text[250])
        {
            Caption = 'API Base URL';
            ExtendedDatatype = URL;
        }
        field(11; "API Key Id"; Guid)
        {
            Caption = 'API Key Id';
            DataClassification = SystemMetadata;
        }
        field(12; "Depot User Name"; Text[50])
        {
            Caption = 'Depot User Name';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(20; "Use Sandbox"; Boolean)
        {
            Caption = 'Use Sandbox';
        }
        field(21; "Request Timeout (ms)"; Integer)
        {
            Caption = 'Request Timeout (ms)';
            InitValue = 30000;
            MinValue = 1000;
        }
    }

    keys
    {
        key(PK; "Primary Key") { Clustered = true; }
    }

    [NonDebuggable]
    procedure SetApiKey(NewApiKey: SecretText)
    begin
        if IsNullGuid("API Key Id") then
            "API Key Id" := CreateGuid();
        IsolatedStorage.Set(Format("API Key Id"), NewApiKey, DataScope::Company);
        Modify();
    end;

    [NonDebuggable]
    procedure GetApiKey() ApiKey: SecretText
    begin
        if not IsNullGuid("API Key Id") then
            if IsolatedStorage.Get(Format("API Key Id"), DataScope::Company, ApiKey) then;
    end;

    procedure HasApiKey(): Boolean
    begin
        exit((not IsNullGuid("API Key Id")) and IsolatedStorage.Contains(Format("API Key Id"), DataScope::Company));
    end;

    procedure GetRecordOnce()
    begin
        if not Get() then begin
            Init();
            Insert();
        end;
    end;
}
