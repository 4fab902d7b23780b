/* Import preview: opening a cell's "Sửa" box puts the cursor in its input. No inline scripts (CSP). */
(function () {
  "use strict";
  document.addEventListener("toggle", function (evt) {
    var box = evt.target;
    if (!box.classList || !box.classList.contains("cell-fix") || !box.open) { return; }
    var input = box.querySelector("input[name=value]");
    if (input) { input.focus(); input.select(); }
  }, true);
})();
