permissionset 50430 "NWH Billing Admin"
{
    Access = Public;
    Assignable = true;
    Caption = 'Northwind billing administrator';

    IncludedPermissionSets = "NWH Billing Clerk",
                             "SUPER";

    Permissions = tabledata "NWH Clinic Setup" = RIMD,
                  page "NWH Clinic Setup" = X,
                  codeunit "NWH Payout Posting" = X;
}
