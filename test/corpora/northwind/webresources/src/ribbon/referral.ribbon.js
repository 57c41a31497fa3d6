/* Ribbon commands of nwh_referral. Built to nwh_/ribbon/referral.ribbon.js. */
var NWH = window.NWH || {};

NWH.ReferralRibbon = (function () {
    "use strict";

    // "Send referral to practice" flow (When an HTTP request is received).
    var SEND_FLOW_URL = "https://prod-27.westus.logic.azure.com:443/workflows/8c41d0f7a2b94e6d9f13c5a07e2b8d64/triggers/manual/paths/invoke" +
        "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0" +
        "&sig=2LPFUqeJb9iFjpPzmCR-Yu0i4U6VoiLRMB_3SvfYCU8";

    // "Escalate referral" flow: trigger restricted to users of our tenant, so the URL carries
    // no signature. It is called through the nwh_InvokeTenantFlow custom API.
    var ESCALATE_FLOW_URL = "https://3f8a61d29c474b0e.8a.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/3fb2c81e9d0a4c57b6e1d4f209a8c3b7/triggers/manual/paths/invoke?api-version=1";

    var PROVIDER_DIRECTORY = "http://providerdirectory.nwh.local/api/v1/practices/";
    var PROVIDER_DIRECTORY_DEV = "http://localhost:7071/api/practices/";

    function directoryBase() {
        var isDev = Xrm.Utility.getGlobalContext().getClientUrl().indexOf("nwh-dev") >= 0;
        return isDev ? PROVIDER_DIRECTORY_DEV : PROVIDER_DIRECTORY;
    }

    function customApi(name, parameters) {
        var request = parameters || {};
        request.getMetadata = function () {
            return { boundParameter: null, parameterTypes: {}, operationType: 0, operationName: name };
        };
        return Xrm.WebApi.online.execute(request).then(function (response) {
            return response.json();
        });
    }

    function lookupPractice(primaryControl) {
        var npi = primaryControl.getAttribute("nwh_referringnpi").getValue();
        return fetch(directoryBase() + encodeURIComponent(npi))
            .then(function (response) { return response.json(); })
            .then(function (practice) {
                primaryControl.getAttribute("nwh_practicefax").setValue(practice.fax);
                primaryControl.getAttribute("nwh_practicename").setValue(practice.name);
            });
    }

    function sendToPractice(primaryControl) {
        var referralId = primaryControl.data.entity.getId().replace(/[{}]/g, "");
        return fetch(SEND_FLOW_URL, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ referralId: referralId })
        }).then(function (response) {
            return Xrm.Navigation.openAlertDialog({ text: response.ok ? "Referral sent." : "Sending failed (" + response.status + ")." });
        });
    }

    function escalate(primaryControl) {
        var referralId = primaryControl.data.entity.getId().replace(/[{}]/g, "");
        var parameters = { FlowUrl: ESCALATE_FLOW_URL, Payload: JSON.stringify({ referralId: referralId }) };
        return customApi("nwh_InvokeTenantFlow", parameters);
    }

    function checkFaxStatus(primaryControl) {
        var jobId = primaryControl.getAttribute("nwh_faxjobid").getValue();
        return customApi("nwh_GetFaxCredentials")
            .then(function (credentials) {
                var authorization = "Basic " + btoa(credentials.Account + ":" + credentials.Password);
                console.debug("Fax status request", jobId, authorization);
                return fetch("https://api.faxbridge-partners.net/v2/faxes/" + encodeURIComponent(jobId), {
                    headers: { Authorization: authorization }
                });
            })
            .then(function (response) { return response.json(); })
            .then(function (job) {
                return Xrm.Navigation.openAlertDialog({ text: "Fax status: " + job.status });
            });
    }

    return {
        lookupPractice: lookupPractice,
        sendToPractice: sendToPractice,
        escalate: escalate,
        checkFaxStatus: checkFaxStatus
    };
})();
