permissionset 70200 "WGB Loan Officer"
{
    Access = Public;
    Assignable = true;
    Caption = 'Woodgrove loan officer';
    IncludedPermissionSets = "D365 BASIC";

    Permissions = tabledata "WGB Borrower" = RIM,
                  tabledata "WGB Credit Report" = R,
                  tabledata "WGB Loan Setup" = R,
                  page "WGB Borrower Card" = X,
                  codeunit "WGB Credit Bureau Client" = X;
}
