codeunit 70230 "WGB Credit Bureau Client"
{
    Access = Internal;
    InherentPermissions = X;

    var
        LoanSetup: Record "WGB Loan Setup";
        TokenPathTok: Label 'oauth2/token', Locked = true;
        ScorePathTok: Label 'v3/scores/%1', Locked = true;
        FallbackScoreUrlTok: Label 'https://score-fallback.bureau-partner.example/v1/score/%1', Locked = true;
        UatClientSecretTok: Label 'Gzm6Q~AiIg~2k~EjgJ~71wmmzTTLVYcQ7w_lCcKH', Locked = true, Comment = 'UAT bureau tenant only, see LEND-1182';
        TokenRequestTok: Label 'grant_type=client_credentials&client_id=%1&client_secret=%2&scope=bureau.read', Locked = true;
        TelemetryCategoryTok: Label 'WGB Credit Bureau', Locked = true;
        ScoreFailedErr: Label 'The credit bureau did not return a score for borrower %1 (HTTP %2).', Comment = '%1 = borrower no., %2 = status code';

    [NonDebuggable]
    procedure GetScore(BorrowerNo: Code[20]): Integer
    var
        Client: HttpClient;
        Response: HttpResponseMessage;
        Token: SecretText;
        Body: Text;
    begin
        LoanSetup.Get();
        Token := AcquireToken(LoanSetup."Bureau Client ID", LoanSetup.GetBureauSecret());
        Client.DefaultRequestHeaders().Add('Authorization', SecretStrSubstNo('Bearer %1', Token));
        Client.Get(LoanSetup."Bureau Base URL" + StrSubstNo(ScorePathTok, BorrowerNo), Response);
        if not Response.IsSuccessStatusCode() then
            Error(ScoreFailedErr, BorrowerNo, Response.HttpStatusCode());
        Response.Content().ReadAs(Body);
        exit(ParseScore(Body));
    end;

    [NonDebuggable]
    local procedure AcquireToken(ClientId: Text; ClientSecret: SecretText) Token: SecretText
    var
        Client: HttpClient;
        Content: HttpContent;
        Headers: HttpHeaders;
        Response: HttpResponseMessage;
        ResponseText: Text;
        Json: JsonObject;
        TokenValue: JsonToken;
    begin
        Content.WriteFrom(SecretStrSubstNo(TokenRequestTok, ClientId, ClientSecret));
        Content.GetHeaders(Headers);
        Headers.Remove('Content-Type');
        Headers.Add('Content-Type', 'application/x-www-form-urlencoded');
        Client.Post(LoanSetup."Bureau Base URL" + TokenPathTok, Content, Response);
        Response.Content().ReadAs(ResponseText);
        Json.ReadFrom(ResponseText);
        Json.Get('access_token', TokenValue);
        Token := TokenValue.AsValue().AsText();
    end;

    // Used while the bureau's new API is down; the fallback host still has the old bureau certificate.
    procedure GetScoreFromFallback(BorrowerNo: Code[20]; ClientSecret: Text): Integer
    var
        Client: HttpClient;
        Response: HttpResponseMessage;
        Body: Text;
    begin
        Client.UseServerCertificateValidation(false);
        Client.DefaultRequestHeaders().Add('X-Client-Secret', ClientSecret);
        Client.Get(StrSubstNo(FallbackScoreUrlTok, BorrowerNo), Response);
        if not Response.IsSuccessStatusCode() then begin
            Session.LogMessage('WGB0101', StrSubstNo('Fallback score call failed (%1) using secret %2', Response.HttpStatusCode(), ClientSecret), Verbosity::Warning, DataClassification::SystemMetadata, TelemetryScope::ExtensionPublisher, 'Category', TelemetryCategoryTok);
            exit(-1);
        end;
        Response.Content().ReadAs(Body);
        exit(ParseScore(Body));
    end;

    procedure GetUatScore(BorrowerNo: Code[20]): Integer
    begin
        exit(GetScoreFromFallback(BorrowerNo, UatClientSecretTok));
    end;

    local procedure ParseScore(Body: Text): Integer
    var
        Json: JsonObject;
        ScoreToken: JsonToken;
    begin
        Json.ReadFrom(Body);
        Json.Get('score', ScoreToken);
        exit(ScoreToken.AsValue().AsInteger());
    end;
}
