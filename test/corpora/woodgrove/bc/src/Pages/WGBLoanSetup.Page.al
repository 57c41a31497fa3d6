page 70210 "WGB Loan Setup"
{
    Caption = 'Lending Setup';
    PageType = Card;
    SourceTable = "WGB Loan Setup";
    UsageCategory = Administration;
    ApplicationArea = All;
    InsertAllowed = false;
    DeleteAllowed = false;

    layout
    {
        area(Content)
        {
            group(Bureau)
            {
                Caption = 'Credit Bureau';

                field("Bureau Base URL"; Rec."Bureau Base URL")
                {
                    ApplicationArea = All;
                }
                field("Bureau Client ID"; Rec."Bureau Client ID")
                {
                    ApplicationArea = All;
                }
                field(BureauSecret; BureauSecretText)
                {
                    ApplicationArea = All;
                    Caption = 'Client Secret';
                    ExtendedDatatype = Masked;

                    trigger OnValidate()
                    begin
                        Rec.SetBureauSecret(BureauSecretText);
                        BureauSecretText := '********';
                    end;
                }
                field("Bureau Secret Key"; Rec."Bureau Secret Key")
                {
                    ApplicationArea = All;
                    Visible = false;
                }
            }
            group(Kyc)
            {
                Caption = 'KYC Gateway';

                field("KYC Endpoint"; Rec."KYC Endpoint")
                {
                    ApplicationArea = All;
                }
                field("KYC Service User"; Rec."KYC Service User")
                {
                    ApplicationArea = All;
                }
                field(KycPassword; KycPasswordText)
                {
                    ApplicationArea = All;
                    Caption = 'Service Password';
                    ExtendedDatatype = Masked;

                    trigger OnValidate()
                    begin
                        Rec.SetKycPassword(KycPasswordText);
                        KycPasswordText := '********';
                    end;
                }
            }
        }
    }

    trigger OnOpenPage()
    begin
        Rec.Reset();
        if not Rec.Get() then begin
            Rec.Init();
            Rec.Insert();
        end;
    end;

    var
        [NonDebuggable]
        BureauSecretText: Text;
        [NonDebuggable]
        KycPasswordText: Text;
}
