permissionsetextension 70203 "WGB D365 Basic Ext" extends "D365 BASIC"
{
    Permissions = tabledata "WGB Branch" = R,
                  tabledata "WGB Borrower" = RIMD;
}
