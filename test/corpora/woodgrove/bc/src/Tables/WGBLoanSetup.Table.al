table 70210 "WGB Loan Setup"
{
    Caption = 'Lending Setup';
    DataClassification = CustomerContent;

    fields
    {
        field(1; "Primary Key"; Code[10])
        {
            Caption = 'Primary Key';
        }
        field(2; "Bureau Base URL"; Text[250])
        {
            Caption = 'Credit Bureau Base URL';
            ExtendedDatatype = URL;
        }
        field(3; "Bureau Client ID"; Text[100])
        {
            Caption = 'Credit Bureau Client ID';
        }
        field(4; "Bureau Secret Key"; Guid)
        {
            Caption = 'Credit Bureau Secret Storage Key';
            DataClassification = SystemMetadata;
        }
        field(5; "KYC Endpoint"; Text[250])
        {
            Caption = 'KYC Gateway Endpoint';
            ExtendedDatatype = URL;
        }
        field(6; "KYC Service User"; Text[80])
        {
            Caption = 'KYC Service User';
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
        BureauSecretMissingErr: Label 'The credit bureau client secret has not been set up. Open Lending Setup and enter it.';
        KycPasswordKeyTok: Label 'WGB-KYC-SERVICE-PASSWORD', Locked = true;

    [NonDebuggable]
    procedure SetBureauSecret(NewSecret: SecretText)
    begin
        if IsNullGuid(Rec."Bureau Secret Key") then
            Rec."Bureau Secret Key" := CreateGuid();
        IsolatedStorage.SetEncrypted(Rec."Bureau Secret Key", NewSecret, DataScope::Company);
        Rec.Modify();
    end;

    procedure GetBureauSecret() Secret: SecretText
    begin
        if not IsolatedStorage.Get(Rec."Bureau Secret Key", DataScope::Company, Secret) then
            Error(BureauSecretMissingErr);
    end;

    // The KYC gateway has a per-company service account (one per legal entity).
    procedure SetKycPassword(NewPassword: Text)
    begin
        IsolatedStorage.Set(KycPasswordKeyTok, NewPassword);
    end;

    [NonDebuggable]
    procedure GetKycPassword() Password: SecretText
    begin
        if not IsolatedStorage.Get(KycPasswordKeyTok, Password) then
            Clear(Password);
    end;
}
