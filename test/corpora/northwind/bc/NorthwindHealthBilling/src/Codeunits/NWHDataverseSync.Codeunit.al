codeunit 50421 "NWH Dataverse Sync"
{
    Access = Internal;
    InherentEntitlements = X;
    InherentPermissions = X;

    var
        TokenUrlTok: Label 'https://login.microsoftonline.com/%1/oauth2/v2.0/token', Locked = true;
        TenantIdTok: Label '3f8a61d2-9c47-4b0e-8a15-d27e0c93b6f4', Locked = true;
        TokenRequestTok: Label 'grant_type=client_credentials&client_id=%1&client_secret=%2&scope=%3', Locked = true;
        // App registration "NWH BC sync (sandbox)": used until the sandbox companies are set up.
        SandboxClientSecretTxt: Label 'KON4Q~SbK7kTEzKnf6A_uDpU58nEJAnoZgllIjZZ', Locked = true;
        TokenFailedErr: Label 'Could not get a token for the Northwind Health CRM (HTTP %1).', Comment = '%1 = HTTP status code';

    [NonDebuggable]
    procedure GetAccessToken() AccessToken: SecretText
    var
        ClinicSetup: Record "NWH Clinic Setup";
        EnvironmentInformation: Codeunit "Environment Information";
        Client: HttpClient;
        Content: HttpContent;
        ContentHeaders: HttpHeaders;
        Response: HttpResponseMessage;
        ClientSecret: SecretText;
        ResponseText: Text;
        TokenJson: JsonObject;
        TokenValue: JsonToken;
    begin
        ClinicSetup.Get();
        if ClinicSetup.HasDataverseSecret() then
            ClientSecret := ClinicSetup.GetDataverseSecret()
        else
            if EnvironmentInformation.IsSandbox() then
                ClientSecret := GetSandboxSecret();

        Content.WriteFrom(SecretStrSubstNo(TokenRequestTok, Format(ClinicSetup."Dataverse Client ID", 0, 4), ClientSecret,
            ClinicSetup."Dataverse URL" + '/.default'));
        Content.GetHeaders(ContentHeaders);
        ContentHeaders.Remove('Content-Type');
        ContentHeaders.Add('Content-Type', 'application/x-www-form-urlencoded');

        Client.Post(StrSubstNo(TokenUrlTok, TenantIdTok), Content, Response);
        if not Response.IsSuccessStatusCode() then
            Error(TokenFailedErr, Response.HttpStatusCode());

        Response.Content().ReadAs(ResponseText);
        TokenJson.ReadFrom(ResponseText);
        TokenJson.Get('access_token', TokenValue);
        AccessToken := TokenValue.AsValue().AsText();
    end;

    [NonDebuggable]
    local procedure GetSandboxSecret() Secret: SecretText
    var
        PlainSecret: Text;
    begin
        PlainSecret := SandboxClientSecretTxt;
        Secret := PlainSecret;
    end;

    [NonDebuggable]
    procedure PushInvoice(SalesInvoiceHeader: Record "Sales Invoice Header")
    var
        ClinicSetup: Record "NWH Clinic Setup";
        Client: HttpClient;
        Content: HttpContent;
        Response: HttpResponseMessage;
        Payload: JsonObject;
        PayloadText: Text;
    begin
        ClinicSetup.Get();
        Payload.Add('nwh_invoicenumber', SalesInvoiceHeader."No.");
        Payload.Add('nwh_amount', SalesInvoiceHeader."Amount Including VAT");
        Payload.Add('nwh_patientnumber', SalesInvoiceHeader."Sell-to Customer No.");
        Payload.WriteTo(PayloadText);
        Content.WriteFrom(PayloadText);

        Client.DefaultRequestHeaders().Add('Authorization', SecretStrSubstNo('Bearer %1', GetAccessToken()));
        Client.Post(ClinicSetup."Dataverse URL" + '/api/data/v9.2/nwh_invoices', Content, Response);
        if not Response.IsSuccessStatusCode() then
            Session.LogMessage('NWH0420', StrSubstNo('Invoice %1 not synced: HTTP %2', SalesInvoiceHeader."No.", Response.HttpStatusCode()),
                Verbosity::Warning, DataClassification::SystemMetadata, TelemetryScope::ExtensionPublisher, 'Category', 'NWH Sync');
    end;
}
