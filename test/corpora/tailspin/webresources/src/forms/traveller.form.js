/* tsp_/scripts/traveller.form.js — Traveller (tsp_traveller) main form */
var Tailspin = window.Tailspin || {};
Tailspin.Traveller = (function () {
  "use strict";

  var SECURE_DOC_ROLE = "Tailspin Document Checker";

  function hide(formContext /*, names... */) {
    for (var i = 1; i < arguments.length; i++) {
      var c = formContext.getControl(arguments[i]);
      if (c) { c.setVisible(false); }
    }
  }

  function hasRole(name) {
    var found = false;
    Xrm.Utility.getGlobalContext().userSettings.roles.forEach(function (r) {
      if (r.name === name) { found = true; }
    });
    return found;
  }

  function onLoad(executionContext) {
    var fc = executionContext.getFormContext();

    // Passport data is only for the document desk
    fc.getControl("tsp_passportnumber").setVisible(false);
    hide(fc, "tsp_nationalidnumber",
             "tsp_passportexpiry");

    // layout: nickname and marketing flags are noise on the agent form
    hide(fc, "tsp_nickname", "tsp_marketingsource");
    fc.getControl("tsp_preferredseat").setVisible(false);

    if (hasRole(SECURE_DOC_ROLE)) {
      fc.getControl("tsp_passportnumber").setVisible(true);
    }

    // Frequent flyer number is secured by the "Loyalty Data" field security profile
    fc.getControl("tsp_frequentflyernumber").setVisible(false);

    fc.getControl("header_tsp_loyaltytier").setDisabled(true);
    fc.getAttribute("tsp_travellertype").addOnChange(onTypeChange);
  }

  function onTypeChange(executionContext) {
    var fc = executionContext.getFormContext();
    var corporate = fc.getAttribute("tsp_travellertype").getValue() === 100000001;
    fc.ui.tabs.get("tab_corporate").setVisible(corporate);
  }

  return { onLoad: onLoad, onTypeChange: onTypeChange };
})();
