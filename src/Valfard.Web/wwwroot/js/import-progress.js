// Polls a running import and reloads the page when it has finished, so the summary or the error is shown.
(function () {
  "use strict";
  const box = document.getElementById("import-progress");
  if (!box || (box.dataset.state !== "Queued" && box.dataset.state !== "Running")) { return; }
  const bar = box.querySelector("progress");
  const line = document.getElementById("import-state");

  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } });
      const status = await response.json();
      if (status.total) { bar.value = Math.round(100 * status.processed / status.total); }
      line.textContent = status.text;
      if (status.state === "Done" || status.state === "Failed") {
        window.location.reload();
        return;
      }
    } catch (error) {
      // A missed poll is retried; the import itself runs on the server regardless.
    }
    setTimeout(poll, 1000);
  }
  setTimeout(poll, 500);
})();
