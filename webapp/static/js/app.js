/* App-wide behaviour. No inline scripts anywhere (the Content-Security-Policy forbids them). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.htmx) { return; }
    /* Validation errors come back as 422 with the re-rendered form: swap them in like a 200. */
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "(400|409|422)", swap: true, error: false },
      { code: "[45]..", swap: false, error: true }
    ];
    htmx.config.allowEval = false;
    htmx.config.includeIndicatorStyles = false;
  });

  document.addEventListener("htmx:configRequest", function (evt) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) { evt.detail.headers["X-CSRFToken"] = meta.content; }
  });

  document.addEventListener("htmx:responseError", function (evt) {
    var box = document.getElementById("htmx-error");
    if (!box) {
      box = document.createElement("p");
      box.id = "htmx-error";
      box.className = "flash flash-error";
      box.setAttribute("role", "alert");
      var main = document.getElementById("main");
      main.insertBefore(box, main.firstChild);
    }
    var status = evt.detail.xhr.status;
    box.textContent = status === 403 ? "Bạn không có quyền thực hiện thao tác này."
      : status === 404 ? "Không tìm thấy bản ghi."
      : status === 503 ? "Cơ sở dữ liệu đang bận ghi việc khác; chưa lưu được, hãy gửi lại sau giây lát."
      : "Không thực hiện được thao tác (lỗi " + status + "). Dữ liệu chưa thay đổi.";
  });

  /* Elements with data-confirm ask once before their request is sent: htmx asks (htmx:confirm) for the requests
     it makes, hx-post and boosted forms alike, and has already prevented the browser's own submit of such a form
     when the event reaches the document; only a form htmx leaves alone (hx-boost="false") is asked here. */
  document.addEventListener("htmx:confirm", function (evt) {
    var message = evt.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { evt.preventDefault(); }
  });
  document.addEventListener("submit", function (evt) {
    var message = evt.target.getAttribute("data-confirm");
    if (message && !evt.defaultPrevented && !window.confirm(message)) { evt.preventDefault(); }
  });
  /* Phones: the menu sits behind one button; a boosted navigation re-renders the header closed. */
  document.addEventListener("click", function (evt) {
    var button = evt.target.closest && evt.target.closest(".menu-toggle");
    if (!button) { return; }
    var header = button.closest(".app-header");
    var open = header.getAttribute("data-menu") !== "open";
    header.setAttribute("data-menu", open ? "open" : "closed");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });

  /* Phones: a table's rows are shown as cards, each cell under its column's heading (data-label). Tables that are
     registers or grids (inside .table-scroll, or marked keep-table) stay tables. */
  var KEPT = ".keep-table, .table-scroll table, table.heatmap, table.attendance-grid, .official-doc table";
  function labelCells() {
    Array.prototype.forEach.call(document.querySelectorAll("table"), labelTable);
  }
  function labelTable(table) {
    if (table.matches(KEPT)) { return; }
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head) { return; }
    var labels = [];
    Array.prototype.forEach.call(head.cells, function (cell) {
      for (var i = 0; i < (cell.colSpan || 1); i++) { labels.push(cell.textContent.trim()); }
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          var label = cell.colSpan === 1 ? labels[column] : "";
          if (label) { cell.setAttribute("data-label", label); } else { cell.removeAttribute("data-label"); }
          column += cell.colSpan || 1;
        });
      });
    });
    table.classList.add("cards");
  }
  document.addEventListener("DOMContentLoaded", labelCells);
  document.addEventListener("htmx:afterSettle", labelCells);
})();
