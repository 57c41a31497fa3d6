/// <reference types="xrm" />
// nwh_labresult main form. Compiled to nwh_/forms/labResult.form.js.

namespace NWH.LabResult {
    const LAB_BRIDGE_URL = "https://func-nwh-labbridge.azurewebsites.net/api/labresults/";
    const LAB_BRIDGE_KEY = "_fcrhEG4cfMOEeOAkRm2v-HxV1WFO_0-7DFwQmYEARP4wlvGbn_gDw==";
    const STATUS_RELEASED = 181390002;

    export function onLoad(executionContext: Xrm.Events.EventContext): void {
        const form = executionContext.getFormContext();
        const status = form.getAttribute<Xrm.Attributes.OptionSetAttribute>("statuscode").getValue();

        // The ordering physician releases the result; until then the value stays out of sight.
        const interpretation = form.ui.tabs.get("tab_result").sections.get("sec_interpretation");
        interpretation.setVisible(status === STATUS_RELEASED);

        // Genetic markers are column-secured. Hide the tab for users who cannot read the column.
        if (!form.getAttribute("nwh_geneticmarker").getUserPrivilege().canRead) {
            form.ui.tabs.get("tab_genetics").setVisible(false);
        }

        form.getControl<Xrm.Controls.StandardControl>("nwh_labpartnerreference").setDisabled(true);
    }

    /** Ribbon command "Refresh from lab". */
    export async function refreshFromLab(form: Xrm.FormContext): Promise<void> {
        const orderId = form.getAttribute<Xrm.Attributes.StringAttribute>("nwh_laborderid").getValue();
        if (!orderId) {
            return;
        }

        const response = await fetch(LAB_BRIDGE_URL + encodeURIComponent(orderId), {
            method: "POST",
            headers: { "x-functions-key": LAB_BRIDGE_KEY }
        });

        if (!response.ok) {
            console.warn(`Lab bridge refresh failed with status ${response.status}`);
            form.ui.setFormNotification("The lab could not be reached. Try again later.", "ERROR", "nwh_labrefresh");
            return;
        }

        await form.data.refresh(false);
    }
}
