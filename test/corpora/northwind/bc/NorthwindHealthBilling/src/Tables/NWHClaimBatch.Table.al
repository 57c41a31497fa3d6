table 50402 "NWH Claim Batch"
{
    Caption = 'Claim Batch';
    DataClassification = CustomerContent;
    // Job queue entries run under many different users; granting the table inherently
    // stopped the "You do not have permission" failures of the nightly submission.
    InherentEntitlements = RIMDX;
    InherentPermissions = RIMDX;

    fields
    {
        field(1; "Batch No."; Code[20])
        {
            Caption = 'Batch No.';
        }
        field(2; "Clinic Code"; Code[10])
        {
            Caption = 'Clinic Code';
        }
        field(3; "Patient No."; Code[20])
        {
            Caption = 'Patient No.';
            TableRelation = Customer;
        }
        field(4; "Patient SSN"; Text[11])
        {
            Caption = 'Patient SSN';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(5; "Diagnosis Codes"; Text[250])
        {
            Caption = 'Diagnosis Codes (ICD-10)';
            DataClassification = EndUserIdentifiableInformation;
        }
        field(6; Amount; Decimal)
        {
            Caption = 'Amount';
        }
        field(10; Status; Enum "NWH Claim Batch Status")
        {
            Caption = 'Status';
        }
        field(11; "Submitted At"; DateTime)
        {
            Caption = 'Submitted At';
        }
        field(12; "Clearinghouse Ref."; Text[50])
        {
            Caption = 'Clearinghouse Ref.';
        }
    }

    keys
    {
        key(PK; "Batch No.")
        {
            Clustered = true;
        }
    }
}
