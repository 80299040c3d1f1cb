/* Draws every plotly figure whose JSON the page carries; no inline script needed. */
(function () {
  "use strict";
  function zeichnen() {
    document.querySelectorAll("[data-diagramm]").forEach(function (ziel) {
      var quelle = document.getElementById(ziel.getAttribute("data-diagramm"));
      if (!quelle || !window.Plotly) { return; }
      var figur = JSON.parse(quelle.textContent);
      window.Plotly.newPlot(ziel, figur.data, figur.layout, {
        responsive: true,
        displayModeBar: false,
        locale: "de"
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", zeichnen);
  } else {
    zeichnen();
  }
})();
