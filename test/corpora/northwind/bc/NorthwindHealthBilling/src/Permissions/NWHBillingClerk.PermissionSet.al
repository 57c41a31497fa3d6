permissionset 50431 "NWH Billing Clerk"
{
    Access = Public;
    Assignable = true;
    Caption = 'Northwind billing clerk';

    Permissions = tabledata "NWH Claim Batch" = RIM,
                  tabledata "NWH Practitioner" = R,
                  tabledata "NWH Clinic Setup" = R,
                  page "NWH Practitioner List" = X,
                  page "NWH Practitioner Card" = X,
                  codeunit "NWH Claim Submission" = X;
}
