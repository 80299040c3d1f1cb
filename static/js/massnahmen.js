/* Adds rows to the Maßnahmen formset from its <template>; without JavaScript the form
   offers one empty row per save, so nothing depends on this script. */
(function () {
  "use strict";
  function einrichten() {
    var knopf = document.getElementById("massnahme-hinzufuegen");
    var vorlage = document.getElementById("massnahme-vorlage");
    var zeilen = document.getElementById("massnahmen-zeilen");
    var gesamt = document.getElementById("id_massnahmen-TOTAL_FORMS");
    if (!knopf || !vorlage || !zeilen || !gesamt) { return; }
    knopf.hidden = false;
    document.querySelectorAll(".ohne-js").forEach(function (el) { el.hidden = true; });
    knopf.addEventListener("click", function () {
      var index = parseInt(gesamt.value, 10);
      var html = vorlage.innerHTML
        .replace(/__prefix__/g, String(index))
        .replace(/__nummer__/g, String(index + 1));
      zeilen.insertAdjacentHTML("beforeend", html);
      gesamt.value = String(index + 1);
      var neu = zeilen.lastElementChild.querySelector("textarea, input:not([type=hidden])");
      if (neu) { neu.focus(); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", einrichten);
  } else {
    einrichten();
  }
}());
