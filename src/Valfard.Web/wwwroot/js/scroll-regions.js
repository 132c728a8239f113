// A table wider than the screen (a phone at 360–390 px) scrolls sideways in its own box instead of widening the
// whole page. A box that scrolls must be reachable by keyboard and named (WCAG 2.1.1, axe "scrollable-region-focusable"),
// so a box that actually scrolls gets tabindex="0", role="region" and the table's caption or nearest heading as its
// name; one that fits is left alone, not an extra tab stop. Tables not already in a box are put in one.
(function () {
  "use strict";
  var boxes = [];

  document.querySelectorAll("main table, .public-main table, article table").forEach(function (table) {
    var parent = table.parentElement;
    if (!parent || parent.closest(".table-responsive, .table-scroll")) {
      if (parent) { remember(parent.closest(".table-responsive, .table-scroll"), table); }
      return;
    }
    var box = document.createElement("div");
    box.className = "table-scroll";
    parent.insertBefore(box, table);
    box.appendChild(table);
    remember(box, table);
  });

  // A document chart keeps its drawn width on a phone (site.css) and scrolls in its box; its name is the chart's own.
  document.querySelectorAll(".chart-scroll").forEach(function (box) { remember(box, box.querySelector("svg")); });

  function remember(box, table) {
    if (boxes.some(function (b) { return b.box === box; })) { return; }
    boxes.push({ box: box, table: table });
  }

  function nameOf(table) {
    if (!table) { return document.title; }
    var caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) { return caption.textContent.trim(); }
    if (table.getAttribute("aria-label")) { return table.getAttribute("aria-label"); }
    var labelledBy = table.getAttribute("aria-labelledby");
    if (labelledBy && document.getElementById(labelledBy)) { return document.getElementById(labelledBy).textContent.trim(); }
    // The nearest heading before the table names what it shows.
    var headings = document.querySelectorAll("h1, h2, h3, h4, h5, h6");
    var name = "";
    headings.forEach(function (h) {
      if (h.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) { name = h.textContent.trim(); }
    });
    return name || document.title;
  }

  function update() {
    boxes.forEach(function (b) {
      var scrolls = b.box.scrollWidth > b.box.clientWidth + 1;
      if (scrolls && !b.box.hasAttribute("tabindex")) {
        b.box.setAttribute("tabindex", "0");
        b.box.setAttribute("role", "region");
        b.box.setAttribute("aria-label", nameOf(b.table));
        b.box.dataset.scrollRegion = "";
      } else if (!scrolls && b.box.dataset.scrollRegion !== undefined) {
        b.box.removeAttribute("tabindex");
        b.box.removeAttribute("role");
        b.box.removeAttribute("aria-label");
        delete b.box.dataset.scrollRegion;
      }
    });
  }

  update();
  window.addEventListener("resize", update);
})();
