// tsp_/scripts/partnerFares.js — partner endpoints used by web resources. Values that must stay private are
// fetched server-side by the tsp_GetPartnerQuote custom API, never shipped here.
export const PARTNER_QUOTE_API = "/api/data/v9.2/tsp_GetPartnerQuote";
export const SKYLINK_PUBLIC_SCHEDULE = "https://api.skylink-air.example/v3/public/schedule";
export const NORDAERO_STATUS = "http://status.nordaero.example/flights";
export const LOCAL_DEV_PROXY = "http://localhost:8181/partner";

export const FARE_ALERT_KEY = "<fare-alert-key>"; // replaced by the release pipeline
export const MAPS_KEY_SETTING = "tsp_MapsApiKey";
export const DEMO_API_KEY = "REPLACE_ME";

// Power Automate flow "Fare alert intake" (HTTP trigger, anyone with the link)
const FARE_ALERT_FLOW =
  "https://prod-27.westeurope.logic.azure.com:443/workflows/3f9c2a7be41d4c0e9a61d5b8c07e2f14/triggers/manual/paths/invoke" +
  "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=B70llJLYmH6ql4yNaTR1EIfXiQIe9gFmDrXrUPCCI78";

// Same flow in the dev environment uses tenant auth, so no signature in the URL
const FARE_ALERT_FLOW_DEV =
  "https://tailspindev.a1.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/9b2e6c1f0a7d4e3b8c5a2f1e0d9c8b7a/triggers/manual/paths/invoke?api-version=1";

export async function getSchedule(flightNo: string): Promise<unknown> {
  const r = await fetch(`${SKYLINK_PUBLIC_SCHEDULE}?flight=${encodeURIComponent(flightNo)}`);
  return r.json();
}

export function getFlightStatus(flightNo: string, cb: (s: string) => void): void {
  const xhr = new XMLHttpRequest();
  xhr.open("GET", NORDAERO_STATUS + "/" + flightNo, true);
  xhr.setRequestHeader("x-api-key", FARE_ALERT_KEY);
  xhr.onload = () => cb(xhr.responseText);
  xhr.send();
}

export async function getQuote(bookingId: string): Promise<unknown> {
  const base = Xrm.Utility.getGlobalContext().getClientUrl();
  const r = await fetch(base + PARTNER_QUOTE_API, {
    method: "POST",
    headers: { "Content-Type": "application/json", "OData-Version": "4.0" },
    body: JSON.stringify({ BookingId: bookingId }),
  });
  return r.json();
}

export async function raiseFareAlert(route: string, maxPrice: number): Promise<void> {
  await fetch(FARE_ALERT_FLOW, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ route, maxPrice }),
  });
}
