/*
 * Woodgrove.Common - helpers shared by every Woodgrove form script.
 * Registered as the first form library (wgb_/scripts/Woodgrove.Common.js) on each form.
 */
var Woodgrove = window.Woodgrove || {};

Woodgrove.Common = (function () {
    "use strict";

    var settings = {
        addressLookupUrl: "https://api.addresses.woodgrove-partners.com/v2/lookup",
        addressLookupKey: "@@HEX32_ADDRKEY@@",
        tenantId: "@@GUID_TENANT@@",
        notifyFlowUrl: "https://prod-27.westeurope.logic.azure.com:443/workflows/@@HEX32_FLOWNOTIFY@@/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=@@FLOWSIG_NOTIFY@@",
        statusPageUrl: "https://status.woodgrove.com/api/v2/summary.json"
    };

    /** Hides the named controls. Usage: hideControls(formContext, "a", "b"). */
    function hideControls(formContext) {
        var names = Array.prototype.slice.call(arguments, 1);
        names.forEach(function (name) {
            var control = formContext.getControl(name);
            if (control) {
                control.setVisible(false);
            }
        });
    }

    /** Locks (read-only) the named controls. */
    function lockControls(formContext) {
        var names = Array.prototype.slice.call(arguments, 1);
        names.forEach(function (name) {
            var control = formContext.getControl(name);
            if (control) {
                control.setDisabled(true);
            }
        });
    }

    function clientUrl() {
        return Xrm.Utility.getGlobalContext().getClientUrl();
    }

    /** Calls an unbound custom API (function or action) with the signed-in user's session. */
    function callCustomApi(name, parameters, isFunction) {
        var request = Object.assign({}, parameters, {
            getMetadata: function () {
                return { boundParameter: null, operationType: isFunction ? 1 : 0, operationName: name, parameterTypes: {} };
            }
        });
        return Xrm.WebApi.online.execute(request).then(function (response) { return response.json(); });
    }

    function lookupAddress(postcode) {
        return fetch(settings.addressLookupUrl + "?postcode=" + encodeURIComponent(postcode) + "&key=" + settings.addressLookupKey)
            .then(function (r) { return r.json(); });
    }

    function notifyRelationshipManager(payload) {
        return fetch(settings.notifyFlowUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(payload)
        });
    }

    function debug() {
        if (window.localStorage && window.localStorage.getItem("wgb.debug") === "1") {
            console.log.apply(console, arguments);
        }
    }

    return {
        settings: settings,
        hideControls: hideControls,
        lockControls: lockControls,
        clientUrl: clientUrl,
        callCustomApi: callCustomApi,
        lookupAddress: lookupAddress,
        notifyRelationshipManager: notifyRelationshipManager,
        debug: debug
    };
})();
