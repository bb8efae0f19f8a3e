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

// Wide tables scroll sideways inside .table-responsive. A keyboard user can only scroll such a
// box if it takes focus (WCAG 2.1.1), so each wrapper whose table overflows gets tabindex="0",
// role="region" and a name (its aria-label, the table's caption, or the nearest heading above
// it). Re-checked after htmx swaps and when the window is resized (a phone turned sideways).
(function () {
  "use strict";

  function headingBefore(el) {
    for (var node = el; node && node !== document.body; node = node.parentElement) {
      for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        var heading = /^H[1-6]$/.test(prev.tagName) || prev.classList.contains("card-header")
          ? prev : prev.querySelector("h1, h2, h3, h4, h5, h6");
        if (heading && heading.textContent.trim()) {
          return heading.textContent.trim();
        }
      }
    }
    return "";
  }

  function markScrollableTables() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      if (box.hasAttribute("tabindex") && !box.dataset.scrollRegion) {
        return; // the template made it a focusable region itself
      }
      var overflows = box.scrollWidth > box.clientWidth + 1;
      if (!overflows) {
        if (box.dataset.scrollRegion) {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          delete box.dataset.scrollRegion;
        }
        return;
      }
      if (box.dataset.scrollRegion) {
        return;
      }
      box.dataset.scrollRegion = "1";
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      if (!box.getAttribute("aria-label") && !box.getAttribute("aria-labelledby")) {
        var caption = box.querySelector("caption");
        var name = (caption && caption.textContent.trim()) || headingBefore(box) || "Tabel";
        box.setAttribute("aria-label", name + " (tabel, geser ke samping)");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", markScrollableTables);
  document.addEventListener("htmx:afterSettle", markScrollableTables);
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(markScrollableTables, 150);
  });
})();

// Character counter under long textareas (issue 14): every <textarea maxlength="N"> with
// N >= 500 gets "n / N karakter" below it, updated as the user types. The server refuses
// longer text anyway (forms and database); this only shows the limit before it is reached.
// data-counter="off" on a textarea opts out; data-counter="on" marks one already done.
(function () {
  "use strict";

  var MIN_LIMIT = 500;
  var format = new Intl.NumberFormat("id-ID");

  function attach(area) {
    var limit = parseInt(area.getAttribute("maxlength"), 10);
    if (!limit || limit < MIN_LIMIT || area.dataset.counter) {
      return;
    }
    area.dataset.counter = "on";
    var counter = document.createElement("div");
    counter.className = "form-text text-end char-counter";
    counter.id = (area.id || "textarea-" + Math.random().toString(36).slice(2)) + "-counter";
    counter.setAttribute("aria-live", "polite");
    var describedBy = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + counter.id);
    function update() {
      var used = area.value.length;
      counter.textContent = format.format(used) + " / " + format.format(limit) + " karakter";
      counter.classList.toggle("text-danger", used >= limit);
    }
    area.addEventListener("input", update);
    update();
    area.insertAdjacentElement("afterend", counter);
  }

  function attachAll(root) {
    (root || document).querySelectorAll("textarea[maxlength]").forEach(attach);
  }

  document.addEventListener("DOMContentLoaded", function () {
    attachAll(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    attachAll(event.target);
  });
})();
