codeunit 50411 "FAB Token Store"
{
    Access = Internal;
    InherentEntitlements = X;
    InherentPermissions = X;

    var
        CompanyKeyNameTok: Label 'FAB-CarrierHub-Key', Locked = true;
        UserTokenPrefixTok: Label 'FAB-RT-', Locked = true;

    [NonDebuggable]
    procedure SaveCompanyApiKey(NewKey: SecretText)
    begin
        IsolatedStorage.Set(CompanyKeyNameTok, NewKey, DataScope::Company);
        Session.LogMessage('FAB0001', 'Carrier hub key rotated', Verbosity::Normal, DataClassification::SystemMetadata,
            TelemetryScope::ExtensionPublisher, 'KeyName', CompanyKeyNameTok);
    end;

    [NonDebuggable]
    procedure SaveUserRefreshToken(RefreshToken: SecretText)
    begin
        // one entry per user, keyed by the user's security id
        IsolatedStorage.Set(UserTokenPrefixTok + Format(UserSecurityId()), RefreshToken, DataScope::Module);
    end;

    procedure GetUserRefreshToken(): Text
    var
        Token: Text;
    begin
        if IsolatedStorage.Get(UserTokenPrefixTok + Format(UserSecurityId()), DataScope::Module, Token) then
            exit(Token);
        exit('');
    end;

    [NonDebuggable]
    procedure GetPersonalAccessToken() Token: SecretText
    begin
        if not IsolatedStorage.Get('FAB-PAT', DataScope::User, Token) then
            Clear(Token);
    end;

    [NonDebuggable]
    procedure ReportRefreshFailure(Token: SecretText; StatusCode: Integer)
    begin
        Session.LogMessage('FAB0002', StrSubstNo('Refresh failed (%1) for token %2', StatusCode, Token.Unwrap()),
            Verbosity::Warning, DataClassification::CustomerContent, TelemetryScope::ExtensionPublisher, 'Area', 'Auth');
    end;
}
