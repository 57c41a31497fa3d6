// Card dispute form script (wgb_carddispute). Written for the legacy web client; still registered as
// wgb_dispute_onload on the main form. TODO(LEND-977): move to formContext.

var WGB_CHARGEBACK_API = "http://chargeback-gw.woodgrove-partners.com/api/v1/cases";

function wgb_dispute_onload() {
    Xrm.Page.getControl("wgb_cardholderdateofbirth").setVisible(false);
    Xrm.Page.getControl("wgb_cardlast4").setDisabled(true);

    if (Xrm.Page.ui.getFormType() !== 1) {
        Xrm.Page.getControl("wgb_merchantname").setDisabled(true);
    }
}

// Ribbon command "File chargeback" (passes PrimaryControl).
function wgb_dispute_fileChargeback(primaryControl) {
    var formContext = primaryControl;
    var disputeId = formContext.data.entity.getId().replace(/[{}]/g, "");

    Woodgrove.Common.callCustomApi("wgb_GetChargebackToken", {}, true).then(function (result) {
        var req = new XMLHttpRequest();
        req.open("POST", WGB_CHARGEBACK_API, true);
        req.setRequestHeader("Content-Type", "application/json");
        req.setRequestHeader("Authorization", "Bearer " + result.Token);
        req.setRequestHeader("x-api-key", result.ApiKey);
        req.onload = function () {
            if (req.status >= 400) {
                Xrm.Navigation.openErrorDialog({
                    message: "The chargeback gateway refused the case.",
                    details: "HTTP " + req.status + " for dispute " + disputeId + " with token " + result.Token
                });
                return;
            }
            formContext.data.refresh(false);
        };
        req.send(JSON.stringify({
            disputeId: disputeId,
            amount: formContext.getAttribute("wgb_disputeamount").getValue(),
            reason: formContext.getAttribute("wgb_chargebackreason").getValue()
        }));
    });
}
