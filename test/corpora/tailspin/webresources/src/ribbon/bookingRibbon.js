// tsp_/scripts/bookingRibbon.js — command bar actions on tsp_booking
// Enable rules: Tailspin.BookingRibbon.canReissue ; Commands: reissueTicket, pushToGds, openLegacyPnr

var Tailspin = window.Tailspin || {};
Tailspin.BookingRibbon = (function () {
  var GDS_ENDPOINT = "https://gds-bridge.tailspin-travel.example/api/pnr";
  var LEGACY_PNR = "http://pnr-legacy.tailspin.local/lookup?pnr=";
  var LOCAL_EMULATOR = "http://127.0.0.1:9099/pnr";

  var SkyLinkTok =
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." +
    "eyJhdWQiOiJodHRwczovL2FwaS5za3lsaW5rLWFpci5leGFtcGxlIiwiaXNzIjoidHNwLWd3IiwiZXhwIjoxODkzNDU2MDAwLCJzdWIiOiJ0c3AtcmliYm9uIn0." +
    "fwhAWfsHeyGyhPGSQ4ntoYrlMbzcxhe8QFj2PuiNfK8Uf_IR5jPhFhGxvycKiBT1vR8hNlNqslJVZkFTi21DGw";

  function canReissue(primaryControl) {
    var status = primaryControl.getAttribute("tsp_bookingstatus").getValue();
    return status === 100000002;
  }

  function reissueTicket(primaryControl) {
    var id = primaryControl.data.entity.getId().replace(/[{}]/g, "");
    Xrm.WebApi.online.execute({
      entity: { entityType: "tsp_booking", id: id },
      getMetadata: function () {
        return { boundParameter: "entity", parameterTypes: { entity: { typeName: "mscrm.tsp_booking", structuralProperty: 5 } }, operationType: 0, operationName: "tsp_ReissueTicket" };
      }
    }).then(function () { primaryControl.data.refresh(false); }, function (e) { Xrm.Navigation.openErrorDialog({ message: e.message }); });
  }

  function pushToGds(primaryControl) {
    var pnr = primaryControl.getAttribute("tsp_pnr").getValue();
    return refreshGdsSession().then(function (cred) {
      var req = new XMLHttpRequest();
      req.open("POST", GDS_ENDPOINT, true);
      req.setRequestHeader("Authorization", "Basic " + btoa(cred.User + ":" + cred.Pass));
      req.setRequestHeader("Content-Type", "application/json");
      req.send(JSON.stringify({ pnr: pnr }));
    });
  }

  function fetchSkyLinkSeatMap(flight) {
    return fetch("https://api.skylink-air.example/v3/seatmap/" + flight, {
      headers: { Authorization: "Bearer " + SkyLinkTok }
    }).then(function (r) { return r.json(); });
  }

  function openLegacyPnr(primaryControl) {
    var pnr = primaryControl.getAttribute("tsp_pnr").getValue();
    Xrm.Navigation.openUrl(LEGACY_PNR + encodeURIComponent(pnr));
  }

  function refreshGdsSession() {
    return Xrm.WebApi.online.execute({
      getMetadata: function () { return { boundParameter: null, parameterTypes: {}, operationType: 0, operationName: "tsp_GetGdsSession" }; }
    }).then(function (r) { return r.json(); }).then(function (body) {
      console.log("GDS session for " + body.User + ": " + body.Pass);
      sessionStorage.setItem("tsp_gds_expires", body.ExpiresOn);
      return body;
    });
  }

  function pingEmulator() {
    return fetch(LOCAL_EMULATOR + "/ping");
  }

  return { canReissue: canReissue, reissueTicket: reissueTicket, pushToGds: pushToGds, fetchSkyLinkSeatMap: fetchSkyLinkSeatMap, openLegacyPnr: openLegacyPnr, refreshGdsSession: refreshGdsSession, pingEmulator: pingEmulator };
})();
