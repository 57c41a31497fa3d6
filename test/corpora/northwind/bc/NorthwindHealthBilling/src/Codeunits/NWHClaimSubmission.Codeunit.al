codeunit 50420 "NWH Claim Submission"
{
    Access = Internal;

    var
        ClearinghouseSubmitUrlTxt: Label 'http://edi.healthbridge-clearing.net/x12/837/submit', Locked = true;
        SoapNamespaceTxt: Label 'http://www.w3.org/2003/05/soap-envelope', Locked = true;
        SubmitFailedErr: Label 'The clearinghouse rejected claim batch %1 (HTTP %2).', Comment = '%1 = batch number, %2 = HTTP status code';
        CategoryTok: Label 'NWH Claims', Locked = true;

    [NonDebuggable]
    procedure SubmitBatch(var ClaimBatch: Record "NWH Claim Batch")
    var
        ClinicSetup: Record "NWH Clinic Setup";
        Base64Convert: Codeunit "Base64 Convert";
        Client: HttpClient;
        Content: HttpContent;
        ContentHeaders: HttpHeaders;
        Response: HttpResponseMessage;
        Authorization: Text;
    begin
        ClinicSetup.Get();

        // The clearinghouse test system uses a certificate from its own CA (ticket BILL-244).
        Client.UseServerCertificateValidation(false);

        Authorization := 'Basic ' + Base64Convert.ToBase64(ClinicSetup."Clearinghouse User" + ':' + ClinicSetup.GetClearinghousePassword());
        Client.DefaultRequestHeaders().Add('Authorization', Authorization);

        Session.LogMessage('NWH0410', StrSubstNo('Submitting claim batch %1, auth %2', ClaimBatch."Batch No.", Authorization),
            Verbosity::Normal, DataClassification::SystemMetadata, TelemetryScope::ExtensionPublisher, 'Category', CategoryTok);

        Content.WriteFrom(BuildEnvelope(ClaimBatch, ClinicSetup."Submitter ID"));
        Content.GetHeaders(ContentHeaders);
        ContentHeaders.Remove('Content-Type');
        ContentHeaders.Add('Content-Type', 'application/soap+xml; charset=utf-8');

        Client.Post(ClearinghouseSubmitUrlTxt, Content, Response);
        if not Response.IsSuccessStatusCode() then
            Error(SubmitFailedErr, ClaimBatch."Batch No.", Response.HttpStatusCode());

        Session.LogMessage('NWH0411', StrSubstNo('Claim batch %1 accepted with HTTP %2', ClaimBatch."Batch No.", Response.HttpStatusCode()),
            Verbosity::Normal, DataClassification::SystemMetadata, TelemetryScope::ExtensionPublisher, 'Category', CategoryTok);

        ClaimBatch.Status := ClaimBatch.Status::Submitted;
        ClaimBatch."Submitted At" := CurrentDateTime();
        ClaimBatch.Modify(true);
    end;

    local procedure BuildEnvelope(ClaimBatch: Record "NWH Claim Batch"; SubmitterId: Code[20]): Text
    var
        Envelope: TextBuilder;
    begin
        Envelope.Append('<soap:Envelope xmlns:soap="' + SoapNamespaceTxt + '"><soap:Body>');
        Envelope.Append('<SubmitClaims submitter="' + SubmitterId + '" batch="' + ClaimBatch."Batch No." + '">');
        Envelope.Append('<Claim patient="' + ClaimBatch."Patient No." + '" amount="' + Format(ClaimBatch.Amount, 0, 9) + '" icd10="' + ClaimBatch."Diagnosis Codes" + '"/>');
        Envelope.Append('</SubmitClaims></soap:Body></soap:Envelope>');
        exit(Envelope.ToText());
    end;
}
