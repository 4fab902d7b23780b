/* Dashboard charts: each <canvas class="dash-chart" data-chart='{...}'> is drawn with the vendored Chart.js,
   loaded on first need. The table next to every chart carries the same numbers (print, screen readers). */
(function () {
  "use strict";
  if (window.dashboardCharts) { window.dashboardCharts.draw(document); return; }

  var script = document.currentScript;
  var chartSrc = script ? script.getAttribute("data-chartjs") : null;
  var loading = null;

  function loadChartJs(done) {
    if (window.Chart) { done(); return; }
    if (!chartSrc) { return; }
    if (!loading) {
      loading = document.createElement("script");
      loading.src = chartSrc;
      document.head.appendChild(loading);
    }
    loading.addEventListener("load", done);
  }

  function drawOne(canvas) {
    if (canvas.dataset.drawn) { return; }
    var spec;
    try { spec = JSON.parse(canvas.getAttribute("data-chart")); } catch (e) { return; }
    canvas.dataset.drawn = "1";
    var options = { responsive: true, maintainAspectRatio: false, animation: false,
                    plugins: { legend: { display: spec.datasets.length > 1 } } };
    if (spec.max) { options.scales = { y: { beginAtZero: true, max: spec.max } }; }
    if (spec.stacked) { options.scales = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } }; }
    new window.Chart(canvas, { type: spec.type || "bar", data: { labels: spec.labels, datasets: spec.datasets },
                               options: options });
  }

  function draw(root) {
    var canvases = (root || document).querySelectorAll("canvas.dash-chart");
    if (!canvases.length) { return; }
    loadChartJs(function () { Array.prototype.forEach.call(canvases, drawOne); });
  }

  /* A click on a figure (a.drill) loads its records into the drill-down panel instead of leaving the page, and
     scrolls to it; the answer puts the records' own URL in the address bar (HX-Push-Url), which loaded as a page
     is the dashboard with the panel open. Captured at the document, before htmx's boost sees the link; modified
     clicks keep their usual meaning. */
  function openDrill(evt) {
    var link = evt.target.closest ? evt.target.closest("a.drill") : null;
    if (!link || !window.htmx || evt.button !== 0 || evt.ctrlKey || evt.metaKey || evt.shiftKey || evt.altKey) {
      return;
    }
    evt.preventDefault();
    evt.stopPropagation();
    window.htmx.ajax("GET", link.getAttribute("href"), { target: "#drilldown", swap: "innerHTML show:#drilldown:top" });
  }

  /* Going back to a pushed URL htmx no longer holds (the dashboard is large for its history cache): load it as a
     page, rather than ask the server for it as a fragment. */
  if (window.htmx) { window.htmx.config.refreshOnHistoryMiss = true; }
  window.dashboardCharts = { draw: draw };
  document.addEventListener("click", openDrill, true);
  document.addEventListener("htmx:afterSettle", function (evt) { draw(evt.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { draw(document); });
  } else {
    draw(document);
  }
})();
