/* Fabrikam shared form helpers. Loaded before every fab_ form library. */
var Fab = window.Fab || {};

Fab.Form = (function () {
    "use strict";

    function each(formContext, names, fn) {
        (names || []).forEach(function (name) {
            var control = formContext.getControl(name);
            if (control) {
                fn(control);
            }
        });
    }

    return {
        hide: function (formContext, names) {
            each(formContext, names, function (c) { c.setVisible(false); });
        },
        show: function (formContext, names) {
            each(formContext, names, function (c) { c.setVisible(true); });
        },
        lock: function (formContext, names) {
            each(formContext, names, function (c) { c.setDisabled(true); });
        },
        notify: function (formContext, message, level, id) {
            formContext.ui.setFormNotification(message, level || "INFO", id || "fab_notice");
        },
        clientUrl: function () {
            return Xrm.Utility.getGlobalContext().getClientUrl();
        }
    };
})();

Fab.Api = {
    version: "v9.2",
    get: function (relativePath) {
        var url = Fab.Form.clientUrl() + "/api/data/" + Fab.Api.version + "/" + relativePath;
        return fetch(url, {
            method: "GET",
            credentials: "same-origin",
            headers: {
                "Accept": "application/json",
                "OData-MaxVersion": "4.0",
                "OData-Version": "4.0",
                "Prefer": "odata.include-annotations=\"*\""
            }
        }).then(function (r) { return r.json(); });
    }
};
