// fab_/scripts/shipment_form.js  -  form library for the Shipment main form
// depends on fab_/scripts/common.js

var TRACKING_HOST = "http://tracking.fabrikam-logistics.example";
var TRACKING_USER = "fab-forms";
var TRACKING_PASS = "Qx7!pLm2#Rv9sWc4";

function Fab_Shipment_OnLoad(executionContext) {
    var formContext = executionContext.getFormContext();

    Fab.Form.hide(formContext, ["fab_consigneetaxid"]);
    Fab.Form.hide(formContext, ["fab_trackingnotes", "fab_palletcount"]);

    formContext.getAttribute("fab_carrieraccountpin").controls.forEach(function (ctl) {
        ctl.setDisabled(true);
    });

    if (formContext.getAttribute("statuscode").getValue() === 100000003) {
        Xrm.Page.getControl("fab_driverlicensenumber").setVisible(false);
    }

    // formContext.getControl("fab_customsvalue").setVisible(false);
}

function Fab_Shipment_RefreshTracking(primaryControl) {
    var formContext = primaryControl;
    var waybill = formContext.getAttribute("fab_waybillnumber").getValue();
    if (!waybill) {
        return;
    }

    var req = new XMLHttpRequest();
    req.open("GET", TRACKING_HOST + "/api/v1/status/" + encodeURIComponent(waybill), true);
    req.setRequestHeader("Accept", "application/json");
    req.setRequestHeader("Authorization", "Basic " + btoa(TRACKING_USER + ":" + TRACKING_PASS));
    req.onreadystatechange = function () {
        if (this.readyState === 4 && this.status === 200) {
            var status = JSON.parse(this.response);
            formContext.getAttribute("fab_trackingstatus").setValue(status.code);
            Fab.Form.notify(formContext, "Tracking updated: " + status.text, "INFO", "fab_tracking");
        }
    };
    req.send();
}

function Fab_Shipment_LoadCarrier(formContext) {
    var carrier = formContext.getAttribute("fab_carrierid").getValue();
    if (!carrier) {
        return;
    }
    var req = new XMLHttpRequest();
    req.open("GET", Xrm.Utility.getGlobalContext().getClientUrl() + "/api/data/v9.2/fab_carriers(" +
        carrier[0].id.replace(/[{}]/g, "") + ")?$select=fab_name,fab_scac", true);
    req.setRequestHeader("OData-Version", "4.0");
    req.onload = function () {
        var c = JSON.parse(this.response);
        formContext.getControl("fab_carrierid").setLabel("Carrier (" + c.fab_scac + ")");
    };
    req.send();
}
