/*
 * Shared helpers for the Northwind form scripts.
 * Built to nwh_/lib/formHelpers.js; every form loads it before its own library.
 */
var NWH = window.NWH || {};

NWH.Form = (function () {
    "use strict";

    function forEachControl(formContext, names, action) {
        names.forEach(function (name) {
            var attribute = formContext.getAttribute(name);
            if (attribute) {
                attribute.controls.forEach(action);
            }
        });
    }

    /** Shows or hides every control bound to the given columns: setVisible(fc, false, "a", "b"). */
    function setVisible(formContext, visible) {
        var names = Array.prototype.slice.call(arguments, 2);
        forEachControl(formContext, names, function (control) {
            control.setVisible(visible);
        });
    }

    /** Makes every control bound to the given columns read-only: lock(fc, "a", "b"). */
    function lock(formContext) {
        var names = Array.prototype.slice.call(arguments, 1);
        forEachControl(formContext, names, function (control) {
            control.setDisabled(true);
        });
    }

    function notify(formContext, message, level) {
        formContext.ui.setFormNotification(message, level || "INFO", "nwh_" + message.length);
    }

    return { setVisible: setVisible, lock: lock, notify: notify };
})();

NWH.Security = (function () {
    "use strict";

    /** True when the signed-in user holds a security role with this name. */
    function hasRole(roleName) {
        var roles = Xrm.Utility.getGlobalContext().userSettings.roles;
        return roles.get().some(function (role) {
            return role.name === roleName;
        });
    }

    return { hasRole: hasRole };
})();
