// A form that starts long work (publishing prints and archives PDFs) shows that it is working and cannot be sent twice.
(function () {
  "use strict";
  document.querySelectorAll("form[data-busy-text]").forEach(function (form) {
    form.addEventListener("submit", function () {
      const button = form.querySelector("button[type=submit]");
      if (!button || button.disabled) { return; }
      button.disabled = true;
      button.textContent = form.dataset.busyText;
      const status = form.querySelector("[data-busy-status]");
      if (status) { status.textContent = form.dataset.busyText; }
    });
  });
})();
