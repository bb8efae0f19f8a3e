// ASN Portal page behaviour, loaded once by base.html.
//
// The Content-Security-Policy allows scripts only from our static files: no inline <script>,
// no on*= handler attributes, no hx-on / js: attributes. Behaviour hangs off data- attributes
// through listeners delegated to the document, so it also works on fragments htmx swaps in.
(function () {
  "use strict";

  // <input type="checkbox" data-select-all="CSS selector">: ticks or clears every enabled
  // checkbox matching the selector (bulk enrolment, "Pilih semua").
  document.addEventListener("change", function (event) {
    var master = event.target.closest && event.target.closest("[data-select-all]");
    if (!master) {
      return;
    }
    document.querySelectorAll(master.dataset.selectAll).forEach(function (box) {
      if (!box.disabled) {
        box.checked = master.checked;
      }
    });
  });

  // Links that act as buttons (org-tree toggles, role="button" menu toggles) also answer
  // Space, as a <button> would; a link alone only reacts to Enter.
  document.addEventListener("keydown", function (event) {
    if (event.key !== " " || !event.target.closest) {
      return;
    }
    var control = event.target.closest("a.tree-toggle, a[role='button']");
    if (control) {
      event.preventDefault(); // no page scroll
      control.click();
    }
  });
})();
