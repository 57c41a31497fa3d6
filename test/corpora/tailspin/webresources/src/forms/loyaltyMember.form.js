/* tsp_/scripts/loyaltyMember.form.js */
"use strict";

const TSP_FINANCE_ROLE_ID = "1d296f74-3035-4c3c-ac91-e5afe16bbddf";
const PAYOUT_FIELDS = ["tsp_payoutiban", "tsp_payoutbankaccount"];
const AUDIT_FIELDS = ["createdon", "modifiedon", "tsp_lastsyncon"];

function tspLoyaltyOnLoad(ctx) {
  const formContext = ctx.getFormContext();
  const roles = Xrm.Utility.getGlobalContext().userSettings.securityRoles;
  const isFinance = roles.some((id) => id.replace(/[{}]/g, "").toLowerCase() === TSP_FINANCE_ROLE_ID);

  if (!isFinance) {
    PAYOUT_FIELDS.forEach((f) => {
      formContext.getControl(f).setDisabled(true);
    });
    formContext.ui.tabs.get("tab_payout").sections.get("sec_payout_bank").setVisible(false);
  }

  for (const f of AUDIT_FIELDS) {
    const c = formContext.getControl(f);
    if (c) c.setDisabled(true);
  }

  // secured column (IsSecured=1) — the hide is cosmetic, FLS does the real work
  if (!isFinance) formContext.getControl("tsp_cardtoken").setVisible(false);

  formContext.getAttribute("tsp_points").controls.forEach((c) => c.setDisabled(true));
}

function tspLoyaltyOnSave(ctx) {
  const fc = ctx.getFormContext();
  const pts = fc.getAttribute("tsp_points").getValue();
  if (pts < 0) {
    ctx.getEventArgs().preventDefault();
    fc.ui.setFormNotification("Points cannot be negative.", "ERROR", "tsp_pts");
  }
}
