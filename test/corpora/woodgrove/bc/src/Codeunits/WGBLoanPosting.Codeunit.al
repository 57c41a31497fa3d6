codeunit 70240 "WGB Loan Posting"
{
    Permissions = tabledata "G/L Entry" = rimd,
                  tabledata "Cust. Ledger Entry" = rimd,
                  tabledata "Detailed Cust. Ledg. Entry" = rimd,
                  tabledata "WGB Borrower" = r;
    InherentEntitlements = X;
    InherentPermissions = X;

    var
        NothingToReverseErr: Label 'Disbursement %1 has no ledger entries to reverse.', Comment = '%1 = document no.';

    procedure PostDisbursement(Borrower: Record "WGB Borrower"; Amount: Decimal; DocumentNo: Code[20])
    var
        GenJournalLine: Record "Gen. Journal Line";
        GenJnlPostLine: Codeunit "Gen. Jnl.-Post Line";
    begin
        GenJournalLine.Init();
        GenJournalLine."Posting Date" := WorkDate();
        GenJournalLine."Document No." := DocumentNo;
        GenJournalLine."Account Type" := GenJournalLine."Account Type"::Customer;
        GenJournalLine.Validate("Account No.", Borrower."Customer No.");
        GenJournalLine.Validate(Amount, Amount);
        GenJournalLine.Description := CopyStr('Loan disbursement ' + Borrower."No.", 1, MaxStrLen(GenJournalLine.Description));
        GenJnlPostLine.RunWithCheck(GenJournalLine);
    end;

    // Corrects a disbursement posted to the wrong borrower without a reversal document.
    procedure RemoveDisbursement(DocumentNo: Code[20])
    var
        GLEntry: Record "G/L Entry";
        CustLedgerEntry: Record "Cust. Ledger Entry";
    begin
        GLEntry.SetRange("Document No.", DocumentNo);
        if GLEntry.IsEmpty() then
            Error(NothingToReverseErr, DocumentNo);
        GLEntry.DeleteAll();
        CustLedgerEntry.SetRange("Document No.", DocumentNo);
        CustLedgerEntry.DeleteAll(true);
    end;

    [InherentPermissions(PermissionObjectType::TableData, Database::"WGB Loan Setup", 'r')]
    procedure IsConfigured(): Boolean
    var
        LoanSetup: Record "WGB Loan Setup";
    begin
        exit(LoanSetup.Get() and (LoanSetup."Bureau Base URL" <> ''));
    end;
}
