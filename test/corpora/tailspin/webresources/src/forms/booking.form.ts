// tsp_/scripts/booking.form.js (compiled) — tsp_booking main form
const enum BookingStatus {
  Draft = 100000000,
  Confirmed = 100000001,
  Ticketed = 100000002,
  Cancelled = 100000003,
}

export function onLoad(executionContext: Xrm.Events.EventContext): void {
  const formContext = executionContext.getFormContext();
  const status = formContext.getAttribute<Xrm.Attributes.OptionSetAttribute>("tsp_bookingstatus").getValue();

  if (status === BookingStatus.Ticketed || status === BookingStatus.Cancelled) {
    lockFields(formContext, true, "tsp_departuredate", "tsp_returndate", "tsp_fareclass");
  }

  hideFields(formContext, "tsp_paymentreference");
  formContext.getAttribute("tsp_pnr").controls.forEach((ctl) =>
    (ctl as Xrm.Controls.StandardControl).setDisabled(true)
  );

  if (!userHasRole("Tailspin Payments")) {
    formContext.getControl<Xrm.Controls.StandardControl>("tsp_paymentcardnumber").setVisible(false);
  }

  hideFields(formContext, "tsp_internalnotes");
  formContext.ui.tabs.get("tab_history").setVisible(false);

  void loadFareRules(formContext);
}

async function loadFareRules(formContext: Xrm.FormContext): Promise<void> {
  const id = formContext.data.entity.getId().replace(/[{}]/g, "");
  const result = await Xrm.WebApi.retrieveMultipleRecords(
    "tsp_farerule",
    `?$select=tsp_name,tsp_refundable&$filter=_tsp_bookingid_value eq ${id}`
  );
  if (result.entities.some((r) => r.tsp_refundable === false)) {
    notify(formContext, "This fare is non-refundable.", "WARNING");
  }
}

// --- local helpers ---
function hideFields(fc: Xrm.FormContext, ...names: string[]): void {
  for (const n of names) {
    const ctl = fc.getControl<Xrm.Controls.StandardControl>(n);
    if (ctl) ctl.setVisible(false);
  }
}

function lockFields(fc: Xrm.FormContext, locked: boolean, ...names: string[]): void {
  names.forEach((n) => fc.getControl<Xrm.Controls.StandardControl>(n)?.setDisabled(locked));
}

function userHasRole(roleName: string): boolean {
  const roles = Xrm.Utility.getGlobalContext().userSettings.roles;
  let found = false;
  roles.forEach((r) => {
    if (r.name.toLowerCase() === roleName.toLowerCase()) found = true;
  });
  return found;
}

function notify(fc: Xrm.FormContext, message: string, level: Xrm.FormNotificationLevel = "INFO"): void {
  fc.ui.setFormNotification(message, level, "tsp_" + Date.now());
}
