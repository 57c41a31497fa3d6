codeunit 50410 "FAB Carrier Client"
{
    Access = Internal;

    var
        CarrierSetup: Record "FAB Carrier Setup";
        Base64Convert: Codeunit "Base64 Convert";
        ProductionUrlTxt: Label 'https://api.carrierhub.example/v3/', Locked = true;
        SandboxUrlTxt: Label 'http://sandbox.carrierhub.example/v3/', Locked = true;
        SandboxApiKeyTok: Label 'chk_sbx_5c464903c0f26e9ca0081a5b69f28d21', Locked = true;
        AuthorizationHeaderTok: Label 'Authorization', Locked = true;
        ApiKeyHeaderTok: Label 'X-CarrierHub-Key', Locked = true;
        DepotUserTok: Label 'depot-sync', Locked = true;
        DepotPasswordTok: Label 'Freight!Depot#2291', Locked = true;
        PingFailedErr: Label 'The carrier hub did not answer (%1).', Comment = '%1 = HTTP status code';

    procedure Ping()
    var
        Client: HttpClient;
        Response: HttpResponseMessage;
    begin
        CarrierSetup.GetRecordOnce();
        PrepareClient(Client);
        Client.Get(BaseUrl() + 'ping', Response);
        if not Response.IsSuccessStatusCode() then
            Error(PingFailedErr, Response.HttpStatusCode());
    end;

    [NonDebuggable]
    local procedure PrepareClient(var Client: HttpClient)
    var
        ApiKey: SecretText;
        SandboxKey: Text;
    begin
        if CarrierSetup."Use Sandbox" then begin
            SandboxKey := SandboxApiKeyTok;
            ApiKey := SandboxKey;
        end else
            ApiKey := CarrierSetup.GetApiKey();
        Client.DefaultRequestHeaders().Add(ApiKeyHeaderTok, ApiKey);
        Client.Timeout(CarrierSetup."Request Timeout (ms)");
    end;

    procedure PostManifest(ManifestJson: Text; ApiKey: Text)
    var
        Client: HttpClient;
        Content: HttpContent;
        Response: HttpResponseMessage;
    begin
        if CarrierSetup."Use Sandbox" then
            Client.UseServerCertificateValidation(false);
        Client.DefaultRequestHeaders().Add(ApiKeyHeaderTok, ApiKey);
        Content.WriteFrom(ManifestJson);
        Client.Post(BaseUrl() + 'manifests', Content, Response);
        if not Response.IsSuccessStatusCode() then
            Error('Manifest upload rejected (status %1, key %2).', Response.HttpStatusCode(), ApiKey);
    end;

    procedure SyncDepotRoster(): Boolean
    var
        Client: HttpClient;
        Response: HttpResponseMessage;
    begin
        Client.DefaultRequestHeaders().Add(AuthorizationHeaderTok,
            'Basic ' + Base64Convert.ToBase64(DepotUserTok + ':' + DepotPasswordTok));
        Client.Get('https://depot.fabrikam-logistics.example/roster', Response);
        exit(Response.IsSuccessStatusCode());
    end;

    [NonDebuggable]
    procedure RequestLabel(ShipmentNo: Code[20]; ApiKey: SecretText) LabelPdf: Text
    var
        Client: HttpClient;
        Request: HttpRequestMessage;
        Response: HttpResponseMessage;
        Headers: HttpHeaders;
    begin
        Request.Method := 'GET';
        Request.SetRequestUri(BaseUrl() + 'labels/' + ShipmentNo);
        Request.GetHeaders(Headers);
        Headers.Add(AuthorizationHeaderTok, SecretStrSubstNo('CarrierKey %1', ApiKey));
        Client.Send(Request, Response);
        Response.Content().ReadAs(LabelPdf);
    end;

    local procedure BaseUrl(): Text
    begin
        if CarrierSetup."Use Sandbox" then
            exit(SandboxUrlTxt);
        exit(ProductionUrlTxt);
    end;
}
