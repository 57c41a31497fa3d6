using System;

namespace Northwind.Xrm.Plugins.Common
{
    /// <summary>
    /// Ids that are identical in every Northwind environment because the solution creates
    /// them, plus the option set values the plug-ins branch on.
    /// </summary>
    internal static class NorthwindIds
    {
        // Security roles shipped in NorthwindHealthCore
        public static readonly Guid CareCoordinatorRoleId = new Guid("5b0e7c1a-3f2d-ef11-9f89-000d3a8b1c42");
        public static readonly Guid FrontDeskRoleId = new Guid("a81d4e36-3f2d-ef11-9f89-000d3a8b1c42");

        // Application user "Northwind Scheduling Service": owns the reminder activities so
        // that they survive when a coordinator leaves.
        public static readonly Guid SchedulingServiceUserId = new Guid("c41f0b9e-6a2d-4e0b-9d55-7f3a9e61b2d0");

        // nwh_referral.statuscode
        public const int ReferralAccepted = 181390001;
        public const int ReferralDeclined = 181390002;

        // nwh_insurancepolicy.nwh_eligibilitystatus
        public const int EligibilityUnknown = 181390000;
        public const int EligibilityActive = 181390001;
        public const int EligibilityInactive = 181390002;
    }
}
