permissionset 70202 "WGB Support"
{
    Access = Public;
    Assignable = true;
    Caption = 'Woodgrove BC support desk';

    Permissions = table * = X,
                  tabledata * = RIMD,
                  page * = X,
                  report * = X;
}
