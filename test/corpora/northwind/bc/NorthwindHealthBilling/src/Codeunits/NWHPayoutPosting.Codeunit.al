codeunit 50422 "NWH Payout Posting"
{
    Permissions = tabledata "Vendor Ledger Entry" = rimd,
                  tabledata "Detailed Vendor Ledg. Entry" = rimd,
                  tabledata "G/L Entry" = rimd,
                  tabledata "NWH Practitioner" = r;

    var
        PayoutDescriptionTxt: Label 'Fee share %1 %2', Comment = '%1 = practitioner, %2 = month';

    procedure PostMonthlyPayouts(PostingDate: Date; TemplateName: Code[10]; BatchName: Code[10])
    var
        Practitioner: Record "NWH Practitioner";
        GenJournalLine: Record "Gen. Journal Line";
        GenJnlPostBatch: Codeunit "Gen. Jnl.-Post Batch";
        LineNo: Integer;
    begin
        Practitioner.SetRange(Blocked, false);
        Practitioner.SetFilter("Vendor No.", '<>%1', '');
        if Practitioner.FindSet() then
            repeat
                LineNo += 10000;
                GenJournalLine.Init();
                GenJournalLine."Journal Template Name" := TemplateName;
                GenJournalLine."Journal Batch Name" := BatchName;
                GenJournalLine."Line No." := LineNo;
                GenJournalLine.Validate("Posting Date", PostingDate);
                GenJournalLine.Validate("Account Type", GenJournalLine."Account Type"::Vendor);
                GenJournalLine.Validate("Account No.", Practitioner."Vendor No.");
                GenJournalLine.Validate(Amount, -CalculateShare(Practitioner, PostingDate));
                GenJournalLine.Description := CopyStr(StrSubstNo(PayoutDescriptionTxt, Practitioner.Name, Format(PostingDate, 0, '<Month Text> <Year4>')), 1, MaxStrLen(GenJournalLine.Description));
                GenJournalLine.Insert(true);
            until Practitioner.Next() = 0;

        GenJournalLine.SetRange("Journal Template Name", TemplateName);
        GenJournalLine.SetRange("Journal Batch Name", BatchName);
        GenJnlPostBatch.Run(GenJournalLine);
    end;

    local procedure CalculateShare(Practitioner: Record "NWH Practitioner"; PostingDate: Date): Decimal
    var
        ClaimBatch: Record "NWH Claim Batch";
        Collected: Decimal;
    begin
        ClaimBatch.SetRange(Status, ClaimBatch.Status::Accepted);
        ClaimBatch.SetRange("Submitted At", CreateDateTime(CalcDate('<-CM>', PostingDate), 0T), CreateDateTime(CalcDate('<CM>', PostingDate), 235959T));
        ClaimBatch.CalcSums(Amount);
        Collected := ClaimBatch.Amount;
        exit(Round(Collected * Practitioner."Fee Share %" / 100, 0.01));
    end;
}
