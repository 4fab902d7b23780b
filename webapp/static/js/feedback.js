/* Register pages: a print button for lists (works after htmx swaps too; registered once). */
(function () {
  "use strict";
  if (window.dctPrintReady) { return; }
  window.dctPrintReady = true;
  document.addEventListener("click", function (evt) {
    var button = evt.target.closest("[data-print]");
    if (button) { evt.preventDefault(); window.print(); }
  });
})();
