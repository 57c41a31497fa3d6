permissionsetextension 50433 "NWH Basic" extends "D365 BASIC"
{
    Permissions = page "NWH Practitioner List" = X,
                  codeunit "NWH Claim Submission" = X;
}
