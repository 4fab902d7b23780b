/* Attendance grid keyboard: p/m/c/k or 1–4 set the focused row's mark, arrows move between rows. */
(function () {
  "use strict";
  var KEYS = { p: "present", m: "late", c: "excused", k: "absent", s: "exempt", "1": "present", "2": "late", "3": "excused", "4": "absent", "5": "exempt" };
  var focusAfterSwap = null;

  function rowOf(element) { return element && element.closest ? element.closest("tr.att-row") : null; }

  function move(row, step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.att-row"));
    var next = rows[rows.indexOf(row) + step];
    if (next) { next.focus(); }
  }

  function mark(row, status) {
    var reason = row.querySelector("input[name=reason]");
    focusAfterSwap = row.id;
    htmx.ajax("POST", row.getAttribute("data-mark-url"), {
      source: row, target: "#" + row.id, swap: "outerHTML",
      values: { status: status, reason: reason ? reason.value : "" }
    });
  }

  document.addEventListener("keydown", function (evt) {
    var row = rowOf(evt.target);
    if (!row || evt.ctrlKey || evt.altKey || evt.metaKey) { return; }
    var typing = evt.target.tagName === "INPUT" || evt.target.tagName === "TEXTAREA";
    if (evt.key === "ArrowDown" || evt.key === "ArrowUp") {
      evt.preventDefault();
      move(row, evt.key === "ArrowDown" ? 1 : -1);
      return;
    }
    if (typing || evt.target !== row) { return; }
    var status = KEYS[evt.key.toLowerCase()];
    if (status && row.hasAttribute("data-mark-url") && row.querySelector("form")) {
      evt.preventDefault();
      mark(row, status);
    }
  });

  /* A row clicked or keyed is replaced by the server's copy: keep the keyboard focus on it. */
  document.addEventListener("click", function (evt) {
    var row = rowOf(evt.target);
    if (row && evt.target.closest("button")) { focusAfterSwap = row.id; }
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!focusAfterSwap) { return; }
    var row = document.getElementById(focusAfterSwap);
    focusAfterSwap = null;
    if (row) { row.focus(); }
  });
})();
