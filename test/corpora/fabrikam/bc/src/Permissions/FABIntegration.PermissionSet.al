permissionset 50441 "FAB Integration"
{
    Access = Public;
    Assignable = true;
    Caption = 'Fabrikam carrier hub integration user';

    IncludedPermissionSets = "FAB Dispatcher",
                             "SUPER (DATA)";

    Permissions = tabledata * = RIMD,
                  codeunit "FAB Token Store" = X,
                  page "FAB Driver API" = X;
}
