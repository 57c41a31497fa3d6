permissionsetextension 50102 "TSP D365 BASIC" extends "D365 BASIC"
{
    Permissions = page "TSP Travellers" = X,
                  codeunit "TSP Airline Connector" = X;
}
