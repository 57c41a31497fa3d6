enum 50403 "NWH Claim Batch Status"
{
    Extensible = true;

    value(0; Open)
    {
        Caption = 'Open';
    }
    value(1; Submitted)
    {
        Caption = 'Submitted';
    }
    value(2; Accepted)
    {
        Caption = 'Accepted';
    }
    value(3; Rejected)
    {
        Caption = 'Rejected';
    }
}
