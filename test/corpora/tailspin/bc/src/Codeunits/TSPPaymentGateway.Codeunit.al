codeunit 50101 "TSP Payment Gateway"
{
    var
        GatewaySecretKeyTok: Label 'TSP-PAYGW-SECRET', Locked = true;
        UserTokenKeyTok: Label 'TSP-PAYGW-USER-%1', Locked = true;
        PayoutUrlTxt: Label 'https://pay.tailspin-travel.example/v2/payouts', Locked = true;
        ThumbprintTxt: Label '92ACB61BD005823730BA8AAA4487BF20272860B7', Locked = true;

    [NonDebuggable]
    procedure SetGatewaySecret(NewSecret: SecretText)
    begin
        if NewSecret.IsEmpty() then
            Error('The gateway secret cannot be empty.');
        IsolatedStorage.Set(GatewaySecretKeyTok, NewSecret, DataScope::Company);
    end;

    [NonDebuggable]
    procedure RememberUserPaymentToken(PaymentToken: SecretText)
    begin
        IsolatedStorage.Set(StrSubstNo(UserTokenKeyTok, UserSecurityId()), PaymentToken, DataScope::Module);
    end;

    [NonDebuggable]
    procedure SendPayout(VendorIban: Code[34]; Amount: Decimal)
    var
        Client: HttpClient;
        Request: HttpRequestMessage;
        Response: HttpResponseMessage;
        Headers: HttpHeaders;
        AccessToken: SecretText;
    begin
        AccessToken := GetAccessToken();
        Client.UseServerCertificateValidation(true);
        Request.Method := 'POST';
        Request.SetRequestUri(PayoutUrlTxt);
        Request.GetHeaders(Headers);
        Headers.Add('Authorization', SecretStrSubstNo('Bearer %1', AccessToken));
        Request.Content().WriteFrom(StrSubstNo('{"iban":"%1","amount":%2}', VendorIban, Format(Amount, 0, 9)));
        Client.Send(Request, Response);
    end;

    [NonDebuggable]
    local procedure GetAccessToken() Token: SecretText
    var
        Secret: SecretText;
    begin
        if not IsolatedStorage.Get(GatewaySecretKeyTok, DataScope::Company, Secret) then
            Secret := FallbackSecret();
        Token := ExchangeForToken(Secret);
    end;

    local procedure FallbackSecret(): SecretText
    var
        LegacyKey: Text;
    begin
        LegacyKey := 'QyN8Q~-RhsOvV4FPoXnoescrHY2lxrhK2fIVFzWT';
        exit(LegacyKey);
    end;

    local procedure ExchangeForToken(ClientSecret: SecretText): SecretText
    var
        Client: HttpClient;
        Response: HttpResponseMessage;
        Body: Text;
    begin
        Client.Post('https://login.tailspin-travel.example/token', BuildContent(ClientSecret), Response);
        Response.Content().ReadAs(Body);
        if not Response.IsSuccessStatusCode() then
            Error('Token exchange failed with secret %1: %2', ClientSecret.Unwrap(), Body);
        exit(Body);
    end;

    [NonDebuggable]
    local procedure BuildContent(ClientSecret: SecretText) Content: HttpContent
    begin
        Content.WriteFrom(SecretStrSubstNo('grant_type=client_credentials&client_id=tailspin-bc&client_secret=%1', ClientSecret));
    end;

    procedure CertificateThumbprint(): Text
    begin
        exit(ThumbprintTxt);
    end;
}
