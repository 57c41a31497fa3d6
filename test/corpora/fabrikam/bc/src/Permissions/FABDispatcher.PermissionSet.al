permissionset 50440 "FAB Dispatcher"
{
    Access = Public;
    Assignable = true;
    Caption = 'Fabrikam Dispatcher';

    IncludedPermissionSets = "D365 BASIC";

    Permissions = tabledata "FAB Driver" = RM,
                  tabledata "FAB Carrier Setup" = R,
                  page "FAB Driver Card" = X,
                  codeunit "FAB Carrier Client" = X;
}
