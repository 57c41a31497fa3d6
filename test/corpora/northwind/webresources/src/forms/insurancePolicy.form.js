// nwh_insurancepolicy main form. Built to nwh_/forms/insurancePolicy.form.js.
// Legacy script from the 2019 go-live, still on Xrm.Page (migration: CRM-1410).

var NWH_BILLING_ROLE_ID = "7d5e2c90-3f2d-ef11-9f89-000d3a8b1c42";

function nwh_isBillingUser() {
    return Xrm.Page.context.getUserRoles().some(function (roleId) {
        return roleId.replace(/[{}]/g, "").toLowerCase() === NWH_BILLING_ROLE_ID;
    });
}

function nwh_insurancePolicy_onLoad() {
    if (!nwh_isBillingUser()) {
        // Subscriber identity is billing business; other staff do not need it.
        Xrm.Page.getAttribute("nwh_subscriberdateofbirth").controls.forEach(function (control) {
            control.setVisible(false);
        });
        Xrm.Page.getControl("nwh_subscriberssn").setVisible(false);
    }

    // Group number comes from the payer file and must not be retyped.
    Xrm.Page.getControl("nwh_groupnumber").setDisabled(true);

    Xrm.Page.getAttribute("nwh_payercode").addOnChange(nwh_insurancePolicy_onPayerChange);
}

function nwh_insurancePolicy_onPayerChange() {
    var payer = Xrm.Page.getAttribute("nwh_payercode").getValue();
    Xrm.Page.getAttribute("nwh_eligibilitystatus").setValue(181390000);
    if (payer) {
        Xrm.Page.ui.setFormNotification("Payer changed: run Check eligibility before the next visit.", "WARNING", "nwh_payer");
    }
}
