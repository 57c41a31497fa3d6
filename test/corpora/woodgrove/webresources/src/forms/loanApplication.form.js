/*
 * Loan application main form (wgb_loanapplication, "Loan Application - Officer").
 * Handlers: Woodgrove.LoanApplication.onLoad (OnLoad), onRequestedAmountChange (OnChange of wgb_requestedamount).
 */
var Woodgrove = window.Woodgrove || {};
Woodgrove.LoanApplication = Woodgrove.LoanApplication || {};

(function (ns, common) {
    "use strict";

    var PORTAL_USER = "wgb-crm-portal";
    var PORTAL_PASSWORD = "SH_vAIpdv7_ZveW";
    var PREQUALIFY_URL = "https://bureau-portal.woodgrove-partners.com/api/prequalify";

    ns.onLoad = function (executionContext) {
        var formContext = executionContext.getFormContext();

        // Income is captured in the affordability dialog, so the field is kept off this form.
        common.hideControls(formContext, "wgb_annualincome");
        common.hideControls(formContext, "wgb_internalreference", "wgb_migrationbatch");
        formContext.getControl("wgb_creditscore").setVisible(false);

        if (formContext.ui.getFormType() !== 1) {
            formContext.getControl("wgb_bureaureference").setDisabled(true);
        }

        formContext.getAttribute("wgb_requestedamount").addOnChange(ns.onRequestedAmountChange);
    };

    ns.onRequestedAmountChange = function (executionContext) {
        var formContext = executionContext.getFormContext();
        var amount = formContext.getAttribute("wgb_requestedamount").getValue();
        if (!amount) {
            return;
        }

        fetch(PREQUALIFY_URL + "?amount=" + encodeURIComponent(amount), {
            headers: { "Authorization": "Basic " + btoa(PORTAL_USER + ":" + PORTAL_PASSWORD) }
        })
            .then(function (response) { return response.json(); })
            .then(function (result) {
                common.debug("prequalification", result.eligible, result.maxAmount);
                console.log("Bureau portal session", result.sessionToken);
                formContext.getAttribute("wgb_prequalified").setValue(result.eligible === true);
                if (!result.eligible) {
                    formContext.ui.setFormNotification("The applicant does not prequalify for this amount.", "WARNING", "wgb_prequalify");
                } else {
                    formContext.ui.clearFormNotification("wgb_prequalify");
                }
            })
            .catch(function (error) {
                console.error("Prequalification failed", error.message);
            });
    };

    ns.onSave = function (executionContext) {
        var formContext = executionContext.getFormContext();
        var term = formContext.getAttribute("wgb_termmonths").getValue();
        if (term && (term < 6 || term > 360)) {
            executionContext.getEventArgs().preventDefault();
            formContext.ui.setFormNotification("The term must be between 6 and 360 months.", "ERROR", "wgb_term");
        }
    };
})(Woodgrove.LoanApplication, Woodgrove.Common);
