/*
 * Ribbon commands of the card dispute home grid (wgb_/ribbon/disputeRibbon.js).
 * Escalation and reassignment run in cloud flows.
 */
var Woodgrove = window.Woodgrove || {};

Woodgrove.DisputeRibbon = {
    // Flow "WGB - Escalate disputes" (HTTP request trigger, callable by anyone who has the URL).
    escalateFlowUrl: "https://prod-11.westeurope.logic.azure.com:443/workflows/a6f01cb90521a653ba6874c946418df4/triggers/manual/paths/invoke" +
        "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0" +
        "&sig=HEzcpszEV3ZtFotr59CcPIBZRaASClUl3_tQLNwWVBD",

    // Flow "WGB - Reassign disputes" (trigger restricted to users of the tenant; the URL alone grants nothing).
    reassignFlowUrl: "https://default4e52b83cb8044973786475205619151a.0e.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/1dee0e8956c3b7816fa5b3f69074791f/triggers/manual/paths/invoke?api-version=1",

    escalate: function (selectedIds) {
        return fetch(this.escalateFlowUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ disputeIds: selectedIds })
        }).then(function (response) {
            return Xrm.Navigation.openAlertDialog({ text: response.ok ? "Escalation started." : "Escalation failed (" + response.status + ")." });
        });
    },

    reassign: async function (selectedIds, queueId) {
        const result = await Woodgrove.Common.callCustomApi("wgb_GetFlowToken", {}, true);
        return fetch(this.reassignFlowUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json", "Authorization": "Bearer " + result.Token },
            body: JSON.stringify({ disputeIds: selectedIds, queueId: queueId })
        });
    },

    canEscalate: function (selectedCount) {
        return selectedCount > 0 && selectedCount <= 50;
    }
};
