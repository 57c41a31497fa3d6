/*
 * Woodgrove.Common - helpers shared by every Woodgrove form script.
 * Registered as the first form library (wgb_/scripts/Woodgrove.Common.js) on each form.
 */
var Woodgrove = window.Woodgrove || {};

Woodgrove.Common = (function () {
    "use strict";

    var settings = {
        addressLookupUrl: "https://api.addresses.woodgrove-partners.com/v2/lookup",
        addressLookupKey: "bbdde1e4e0a879ceca9416609f1443f1",
        tenantId: "c0506a98-9c27-4b6a-9a14-0cc99837071d",
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
        return callCustomApi("wgb_NotifyRelationshipManager", { Payload: JSON.stringify(payload) }, false);
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
