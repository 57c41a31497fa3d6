codeunit 70232 "WGB Token Cache"
{
    Access = Internal;

    var
        PortalTokenKeyTok: Label 'WGB-PORTAL-TOKEN-%1', Locked = true;
        DeviceTokenKeyTok: Label 'WGB-DEVICE-TOKEN', Locked = true;

    // One bureau-portal token per signed-in loan officer.
    procedure StorePortalToken(Token: SecretText)
    begin
        IsolatedStorage.Set(StrSubstNo(PortalTokenKeyTok, UserSecurityId()), Token, DataScope::Company);
    end;

    procedure GetPortalToken() Token: SecretText
    begin
        if not IsolatedStorage.Get(StrSubstNo(PortalTokenKeyTok, UserSecurityId()), DataScope::Company, Token) then
            Clear(Token);
    end;

    procedure StoreDeviceToken(Token: SecretText)
    begin
        IsolatedStorage.SetEncrypted(DeviceTokenKeyTok, Token, DataScope::User);
    end;

    procedure ClearTokens()
    begin
        if IsolatedStorage.Contains(StrSubstNo(PortalTokenKeyTok, UserSecurityId()), DataScope::Company) then
            IsolatedStorage.Delete(StrSubstNo(PortalTokenKeyTok, UserSecurityId()), DataScope::Company);
        if IsolatedStorage.Contains(DeviceTokenKeyTok, DataScope::User) then
            IsolatedStorage.Delete(DeviceTokenKeyTok, DataScope::User);
    end;
}
