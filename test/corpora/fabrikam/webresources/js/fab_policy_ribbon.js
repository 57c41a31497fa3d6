"use strict";
/**
 * Ribbon commands for fab_policy (Home grid and main form).
 * Command definitions live in Entities/fab_Policy/RibbonDiff.xml.
 */
var Fabrikam = Fabrikam || {};
Fabrikam.PolicyRibbon = (function () {
    var UNDERWRITING_FLOW =
        "https://prod-27.westeurope.logic.azure.com:443/workflows/3f1c9a8e5b2d47a6a0e4c7d9b8f6e2a1" +
        "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0" +
        "&sig=GtmVSjvhlMg3BS95ayYyPoPtkAeonnpsCgWxIBWaIvQ";

    // Tenant-authenticated trigger (Any user in my tenant) - needs the user's token, no sig.
    var RENEWAL_FLOW = "https://fabrikamprod.48.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/9a7e2c41d3b84f0e8c6a5b1d2e3f4a5b/triggers/manual/paths/invoke?api-version=1";

    var settings = {
        renewFunction: "https://func-fab-policy.azurewebsites.net/api/renew",
        renewFunctionKey: "IVMfo/YNziLjA0Xfn+fEWjbGi0GdFRymz2FxSCAdXDzgzWuI7nx6qA==",
        quoteServiceKey: "REPLACE_ME"
    };

    function selectedIds(selectedControl) {
        return selectedControl.getGrid().getSelectedRows().get().map(function (row) {
            return row.data.entity.getId().replace(/[{}]/g, "");
        });
    }

    function sendToUnderwriting(primaryControl) {
        var id = primaryControl.data.entity.getId().replace(/[{}]/g, "");
        return fetch(UNDERWRITING_FLOW, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ policyId: id })
        }).then(function () {
            Xrm.Navigation.openAlertDialog({ text: "Policy sent to underwriting." });
        });
    }

    function renewSelected(selectedControl) {
        var ids = selectedIds(selectedControl);
        var url = settings.renewFunction + "?code=" + encodeURIComponent(settings.renewFunctionKey);
        return fetch(url, { method: "POST", body: JSON.stringify(ids) });
    }

    function requestRenewalApproval(primaryControl, accessToken) {
        return fetch(RENEWAL_FLOW, {
            method: "POST",
            headers: { "Authorization": "Bearer " + accessToken, "Content-Type": "application/json" },
            body: JSON.stringify({ policyId: primaryControl.data.entity.getId() })
        });
    }

    function canRenew(primaryControl) {
        var state = primaryControl.getAttribute("statecode").getValue();
        return state === 0;
    }

    return {
        sendToUnderwriting: sendToUnderwriting,
        renewSelected: renewSelected,
        requestRenewalApproval: requestRenewalApproval,
        canRenew: canRenew
    };
})();
