/* Shows the running total of the scoring form; the form works without it. */
(function () {
  "use strict";
  function start() {
    var anzeige = document.querySelector("[data-punkte-summe]");
    if (!anzeige) { return; }
    var form = anzeige.closest("form");
    var zahl = anzeige.querySelector("[data-summe]");
    function rechnen() {
      var summe = 0;
      form.querySelectorAll(".punkte-reihe input[type=radio]:checked").forEach(function (feld) {
        summe += parseInt(feld.value, 10) || 0;
      });
      zahl.textContent = String(summe);
    }
    form.addEventListener("change", rechnen);
    anzeige.hidden = false;
    rechnen();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
