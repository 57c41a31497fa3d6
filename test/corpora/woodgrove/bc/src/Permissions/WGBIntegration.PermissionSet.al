permissionset 70201 "WGB Integration"
{
    Access = Public;
    Assignable = true;
    Caption = 'Woodgrove lending integration (service-to-service)';
    IncludedPermissionSets = "D365 FULL ACCESS", "WGB Loan Officer";

    Permissions = tabledata "WGB Borrower" = RIMD,
                  page "WGB Borrower API" = X;
}
