/* nwh_patient main form "Patient - Clinical". Built to nwh_/forms/patient.form.js. */
var NWH = window.NWH || {};

NWH.PatientForm = (function () {
    "use strict";

    var CLINICIAN_ROLE = "Northwind Clinician";
    var FRONT_DESK_ROLE = "Northwind Front Desk";

    function onLoad(executionContext) {
        var formContext = executionContext.getFormContext();

        // HIV status is for the treating clinicians only (policy CLIN-07).
        if (!NWH.Security.hasRole(CLINICIAN_ROLE)) {
            formContext.getControl("nwh_hivstatus").setVisible(false);
        }

        // Diagnosis notes are column-secured; the front desk would only see an empty box.
        if (NWH.Security.hasRole(FRONT_DESK_ROLE)) {
            formContext.getControl("nwh_diagnosisnotes").setVisible(false);
        }

        // Self-pay discount and financial class are maintained by billing.
        NWH.Form.lock(formContext, "nwh_selfpaydiscount", "nwh_financialclass");

        // The preferred pharmacy only matters while prescriptions are active.
        var activeRx = formContext.getAttribute("nwh_activeprescriptions").getValue() || 0;
        NWH.Form.setVisible(formContext, activeRx > 0, "nwh_preferredpharmacy");

        // Record metadata is informational.
        NWH.Form.lock(formContext, "createdon", "modifiedon", "nwh_legacypatientkey");

        formContext.getAttribute("nwh_ssn").addOnChange(onSsnChange);
    }

    /** The "Verify identity" tab shows the SSN to the front desk while they check the ID card. */
    function onVerifyTabStateChange(executionContext) {
        var formContext = executionContext.getFormContext();
        if (formContext.ui.tabs.get("tab_verify").getDisplayState() === "expanded") {
            formContext.getControl("nwh_ssn").setVisible(true);
        }
    }

    function onSsnChange(executionContext) {
        var attribute = executionContext.getFormContext().getAttribute("nwh_ssn");
        var digits = (attribute.getValue() || "").replace(/\D/g, "");
        if (digits.length === 9) {
            attribute.setValue(digits.substr(0, 3) + "-" + digits.substr(3, 2) + "-" + digits.substr(5));
        }
    }

    return { onLoad: onLoad, onVerifyTabStateChange: onVerifyTabStateChange };
})();
