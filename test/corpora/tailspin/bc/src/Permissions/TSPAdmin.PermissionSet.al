permissionset 50100 "TSP ADMIN"
{
    Access = Public;
    Assignable = true;
    Caption = 'Tailspin - Administrator';

    IncludedPermissionSets = "TSP AGENT",
                             "SUPER (DATA)";
    Permissions = tabledata * = RIMD,
                  codeunit "TSP Airline Connector" = X,
                  codeunit "TSP Payment Gateway" = X,
                  page "TSP Loyalty Setup" = X;
}

permissionset 50101 "TSP AGENT"
{
    Access = Public;
    Assignable = true;
    Caption = 'Tailspin - Booking Agent';

    Permissions = tabledata Customer = RM,
                  tabledata "TSP Loyalty Setup" = R,
                  codeunit "TSP Airline Connector" = X,
                  page "TSP Travellers" = X,
                  page "TSP Travellers API" = X;
}
