codeunit 50100 "TSP Airline Connector"
{
    Permissions = tabledata "Cust. Ledger Entry" = rimd,
                  tabledata "TSP Loyalty Setup" = r;

    var
        SkyLinkFaresUrlTxt: Label 'https://api.skylink-air.example/v3/fares?market=%1', Locked = true;
        NordAeroTokenUrlTxt: Label 'http://auth.nordaero.example/oauth/token', Locked = true;
        NordAeroClientIdTxt: Label '27b78c0f-c8d8-4d41-97fa-107e5f2a2024', Locked = true;
        NordAeroClientCred: Label 'aZu8Q~WR~YvoEERXK088OXtQrBrITY99~aCPS07U', Locked = true;
        SkyLinkKeyNameTok: Label 'TSP-SKYLINK-KEY', Locked = true;
        FareSyncEventTok: Label 'TSP0001', Locked = true;
        TokenEventTok: Label 'TSP0002', Locked = true;

    [NonDebuggable]
    procedure SetSkyLinkKey(NewKey: SecretText)
    begin
        IsolatedStorage.Set(SkyLinkKeyNameTok, NewKey, DataScope::Company);
    end;

    [NonDebuggable]
    procedure GetSkyLinkFares(Market: Code[10]) Body: Text
    var
        Client: HttpClient;
        Response: HttpResponseMessage;
        ApiKey: SecretText;
    begin
        IsolatedStorage.Get(SkyLinkKeyNameTok, DataScope::Company, ApiKey);
        Client.DefaultRequestHeaders().Add('Ocp-Apim-Subscription-Key', ApiKey);
        Client.Get(StrSubstNo(SkyLinkFaresUrlTxt, Market), Response);
        Response.Content().ReadAs(Body);
        Session.LogMessage(FareSyncEventTok, 'SkyLink fares fetched', Verbosity::Normal, DataClassification::SystemMetadata,
            TelemetryScope::ExtensionPublisher, 'Market', Market);
    end;

    [NonDebuggable]
    procedure GetNordAeroToken(): Text
    var
        Client: HttpClient;
        Content: HttpContent;
        Response: HttpResponseMessage;
        Json: JsonObject;
        Tok: JsonToken;
        AccessToken: Text;
    begin
        Client.UseServerCertificateValidation(false);
        Content.WriteFrom('grant_type=client_credentials&client_id=' + NordAeroClientIdTxt +
                          '&client_secret=' + NordAeroClientCred);
        Client.Post(NordAeroTokenUrlTxt, Content, Response);
        Json.ReadFrom(GetBody(Response));
        Json.Get('access_token', Tok);
        AccessToken := Tok.AsValue().AsText();
        Session.LogMessage(TokenEventTok, 'NordAero token acquired', Verbosity::Verbose, DataClassification::SystemMetadata,
            TelemetryScope::ExtensionPublisher, 'TokenLength', Format(StrLen(AccessToken)));
        Session.LogMessage(TokenEventTok, 'NordAero token: ' + AccessToken, Verbosity::Verbose,
            DataClassification::SystemMetadata, TelemetryScope::All);
        exit(AccessToken);
    end;

    procedure PostBookingToNordAero(UserName: Text; Password: Text; Payload: Text)
    var
        Base64: Codeunit "Base64 Convert";
        Client: HttpClient;
        Content: HttpContent;
        Response: HttpResponseMessage;
    begin
        Client.DefaultRequestHeaders().Add('Authorization', 'Basic ' + Base64.ToBase64(UserName + ':' + Password));
        Content.WriteFrom(Payload);
        Client.Post('https://partners.nordaero.example/bookings', Content, Response);
        if not Response.IsSuccessStatusCode() then
            Error('NordAero rejected booking (%1).', Response.HttpStatusCode());
    end;

    local procedure GetBody(Response: HttpResponseMessage) Body: Text
    begin
        Response.Content().ReadAs(Body);
    end;
}
