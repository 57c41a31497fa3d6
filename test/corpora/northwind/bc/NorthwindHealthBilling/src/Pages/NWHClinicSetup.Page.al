page 50413 "NWH Clinic Setup"
{
    Caption = 'Clinic Billing Setup';
    PageType = Card;
    SourceTable = "NWH Clinic Setup";
    UsageCategory = Administration;
    ApplicationArea = All;
    InsertAllowed = false;
    DeleteAllowed = false;

    layout
    {
        area(Content)
        {
            group(Clearinghouse)
            {
                Caption = 'Clearinghouse';

                field("Clearinghouse URL"; Rec."Clearinghouse URL")
                {
                    ToolTip = 'Specifies the EDI endpoint claim batches are sent to.';
                }
                field("Submitter ID"; Rec."Submitter ID")
                {
                    ToolTip = 'Specifies the submitter id assigned by the clearinghouse.';
                }
                field("Clearinghouse User"; Rec."Clearinghouse User")
                {
                    ToolTip = 'Specifies the EDI user name of this clinic.';
                }
                field(ClearinghousePassword; ClearinghousePassword)
                {
                    Caption = 'Clearinghouse Password';
                    ToolTip = 'Specifies the EDI password of this clinic.';
                    ExtendedDatatype = Masked;

                    trigger OnValidate()
                    begin
                        Rec.SetClearinghousePassword(ClearinghousePassword);
                    end;
                }
            }
            group(Dataverse)
            {
                Caption = 'Northwind Health CRM';

                field("Dataverse URL"; Rec."Dataverse URL")
                {
                    ToolTip = 'Specifies the address of the Dataverse environment.';
                }
                field("Dataverse Client ID"; Rec."Dataverse Client ID")
                {
                    ToolTip = 'Specifies the application id used for the invoice sync.';
                }
                field(DataverseSecret; DataverseSecret)
                {
                    Caption = 'Client Secret';
                    ToolTip = 'Specifies the client secret of the application. It is kept in isolated storage.';
                    ExtendedDatatype = Masked;

                    trigger OnValidate()
                    begin
                        Rec.SetDataverseSecret(DataverseSecret);
                    end;
                }
                field("Dataverse Secret Key"; Rec."Dataverse Secret Key")
                {
                    ToolTip = 'Specifies the isolated storage key of the client secret.';
                    Visible = false;
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
        if Rec.HasDataverseSecret() then
            DataverseSecret := '********';
    end;

    var
        [NonDebuggable]
        ClearinghousePassword: Text;
        [NonDebuggable]
        DataverseSecret: Text;
}
