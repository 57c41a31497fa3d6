table 50400 "NWH Clinic Setup"
{
    Caption = 'Clinic Billing Setup';
    DataClassification = CustomerContent;

    fields
    {
        field(1; "Primary Key"; Code[10])
        {
            Caption = 'Primary Key';
        }
        field(10; "Clearinghouse URL"; Text[250])
        {
            Caption = 'Clearinghouse URL';
            ExtendedDatatype = URL;
        }
        field(11; "Submitter ID"; Code[20])
        {
            Caption = 'Submitter ID';
        }
        field(12; "Clearinghouse User"; Text[80])
        {
            Caption = 'Clearinghouse User';
        }
        field(20; "Dataverse URL"; Text[250])
        {
            Caption = 'Dataverse URL';
            ExtendedDatatype = URL;
        }
        field(21; "Dataverse Client ID"; Guid)
        {
            Caption = 'Dataverse Client ID';
        }
        field(22; "Dataverse Secret Key"; Guid)
        {
            Caption = 'Dataverse Secret Key';
            DataClassification = SystemMetadata;
        }
        field(30; "Default Fee Share %"; Decimal)
        {
            Caption = 'Default Fee Share %';
            MinValue = 0;
            MaxValue = 100;
        }
    }

    keys
    {
        key(PK; "Primary Key")
        {
            Clustered = true;
        }
    }

    var
        ClearinghousePasswordTok: Label 'NWH-CLEARINGHOUSE-PWD', Locked = true;
        SecretMissingErr: Label 'The Dataverse client secret has not been set up. Open Clinic Billing Setup and enter it.';

    [NonDebuggable]
    procedure SetDataverseSecret(NewSecret: SecretText)
    begin
        if IsNullGuid(Rec."Dataverse Secret Key") then
            Rec."Dataverse Secret Key" := CreateGuid();
        IsolatedStorage.SetEncrypted(Rec."Dataverse Secret Key", NewSecret, DataScope::Company);
        Rec.Modify();
    end;

    procedure GetDataverseSecret() Secret: SecretText
    begin
        if not IsolatedStorage.Get(Rec."Dataverse Secret Key", DataScope::Company, Secret) then
            Error(SecretMissingErr);
    end;

    procedure HasDataverseSecret(): Boolean
    begin
        exit(IsolatedStorage.Contains(Rec."Dataverse Secret Key", DataScope::Company));
    end;

    // The clearinghouse has no API keys: every clinic company signs in with its own EDI password.
    procedure SetClearinghousePassword(NewPassword: Text)
    begin
        IsolatedStorage.Set(ClearinghousePasswordTok, NewPassword, DataScope::Module);
    end;

    procedure GetClearinghousePassword() Password: Text
    begin
        if not IsolatedStorage.Get(ClearinghousePasswordTok, DataScope::Module, Password) then
            Password := '';
    end;
}
