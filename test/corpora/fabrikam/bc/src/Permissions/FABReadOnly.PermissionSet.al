permissionset 50442 "FAB Read Only"
{
    Access = Public;
    Assignable = true;
    Caption = 'Fabrikam freight (read)';

    Permissions = tabledata "FAB Driver" = R,
                  tabledata "FAB Carrier Setup" = R,
                  page "FAB Driver Card" = X,
                  page "FAB Carrier Setup" = X;
}
