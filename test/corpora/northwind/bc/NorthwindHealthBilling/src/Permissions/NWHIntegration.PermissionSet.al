permissionset 50432 "NWH Integration"
{
    Access = Public;
    Assignable = true;
    Caption = 'Northwind CRM integration (app user)';

    Permissions = tabledata * = RIMD,
                  codeunit "NWH Dataverse Sync" = X,
                  page "NWH Practitioner API" = X;
}
