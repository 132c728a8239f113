// The section editor: a Quill editor per language with autosave, a visible save state and conflict handling.
// Texts come from data attributes rendered by the server in the user's language; no inline script (CSP).
(function () {
  "use strict";

  const tokenInput = document.querySelector('input[name="__RequestVerificationToken"]');
  const token = tokenInput ? tokenInput.value : "";
  const AUTOSAVE_DELAY_MS = 1500;
  const RETRY_DELAY_MS = 5000;
  const editors = [];

  document.querySelectorAll('[data-rich-editor="true"]').forEach(function (pane) {
    editors.push(setUp(pane));
  });

  window.addEventListener("beforeunload", function (event) {
    if (editors.some(function (e) { return e.hasUnsavedWork(); })) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  function setUp(pane) {
    const host = pane.querySelector(".editor-host");
    const toolbar = pane.querySelector(".editor-toolbar");
    const stateLine = pane.querySelector(".save-state");
    const conflictBox = pane.querySelector(".conflict");
    const theirText = pane.querySelector(".their-text");
    const text = pane.dataset;
    let version = text.version;
    let dirty = false;
    let saving = false;
    let inConflict = false;
    let refused = false;
    let timer = null;
    let theirs = null;

    const quill = new Quill(host, {
      theme: "snow",
      modules: { toolbar: toolbar, table: true },
      // "indent" keeps nested list items (pasted from Word or made with Tab) at their level.
      // "colspan" and "rowspan" keep merged table cells (table-spans.js).
      formats: ["header", "bold", "italic", "link", "list", "indent", "table", "colspan", "rowspan"],
    });
    quill.root.setAttribute("lang", text.language);
    quill.root.setAttribute("aria-label", host.dataset.label || "");
    quill.root.setAttribute("role", "textbox");
    quill.root.setAttribute("aria-multiline", "true");
    load(pane.querySelector("template.initial-html").innerHTML);
    nameThePickers(toolbar);

    const table = quill.getModule("table");
    toolbar.querySelectorAll("[data-table-action]").forEach(function (button) {
      button.addEventListener("click", function () {
        const action = button.dataset.tableAction;
        if (action === "insert") { table.insertTable(2, 2); }
        else if (action === "row") { table.insertRowBelow(); }
        else if (action === "column") { table.insertColumnRight(); }
        else if (action === "delete") { table.deleteTable(); }
        changed();
      });
    });

    quill.on("text-change", function (delta, old, source) {
      if (source === "user") { changed(); }
    });
    quill.root.addEventListener("blur", function () { if (dirty) { save(); } });
    quill.root.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        save();
      }
    });
    pane.querySelector(".save-now").addEventListener("click", save);
    conflictBox.querySelector(".keep-mine").addEventListener("click", keepMine);
    conflictBox.querySelector(".take-theirs").addEventListener("click", takeTheirs);

    // Quill copies the select's label onto its span wrapper; the label belongs on the part that acts as a button.
    function nameThePickers(bar) {
      bar.querySelectorAll(".ql-picker").forEach(function (picker) {
        const label = picker.getAttribute("aria-label");
        picker.removeAttribute("aria-label");
        const button = picker.querySelector(".ql-picker-label");
        if (button && label) { button.setAttribute("aria-label", label); }
      });
    }

    function load(html) {
      quill.setContents([], "silent");
      if (html && html.trim().length > 0) {
        quill.clipboard.dangerouslyPasteHTML(0, html, "silent");
      }
      quill.history.clear();
    }

    function changed() {
      dirty = true;
      refused = false;
      if (inConflict) { return; }
      show("unsaved");
      clearTimeout(timer);
      timer = setTimeout(save, AUTOSAVE_DELAY_MS);
    }

    async function save() {
      clearTimeout(timer);
      refused = false;
      if (saving || inConflict || !dirty) { return; }
      saving = true;
      dirty = false;
      show("saving");
      const body = new FormData();
      body.append("html", quill.getSemanticHTML());
      body.append("version", version);
      try {
        const response = await fetch(text.saveUrl, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: { "X-CSRF-TOKEN": token, "Accept": "application/json" },
        });
        const isJson = (response.headers.get("Content-Type") || "").indexOf("application/json") >= 0;
        if (response.redirected || !isJson) {
          // The session ended (the answer is the sign-in page) or something outside the app answered.
          dirty = true;
          refused = true;
          show("signedOut");
          return;
        }
        const answer = await response.json();
        if (response.ok) {
          version = answer.version;
          show(dirty ? "unsaved" : "saved", answer.savedAt);
        } else if (response.status === 409) {
          dirty = true;
          conflict(answer);
        } else if (response.status === 503) {
          // The database was busy: nothing was saved, and the retry below sends the text again.
          dirty = true;
          show("error", null, answer.message);
        } else {
          // A refusal (too long, not yours, no longer a draft) will not succeed by retrying.
          dirty = true;
          refused = true;
          show("refused", null, answer.message);
        }
      } catch (error) {
        dirty = true;
        show("error");
      } finally {
        saving = false;
        if (dirty && !inConflict && !refused) { timer = setTimeout(save, RETRY_DELAY_MS); }
      }
    }

    function conflict(answer) {
      inConflict = true;
      theirs = answer;
      conflictBox.querySelector(".conflict-message").textContent = answer.message;
      // The server sanitized this HTML with its allow-list before storing it.
      theirText.innerHTML = answer.html || "";
      conflictBox.hidden = false;
      show("conflict");
      conflictBox.querySelector(".keep-mine").focus();
    }

    function keepMine() {
      // The writer has seen the other text and merged by hand: save on top of the current version.
      version = theirs.version;
      inConflict = false;
      conflictBox.hidden = true;
      dirty = true;
      save();
    }

    function takeTheirs() {
      version = theirs.version;
      load(theirs.html || "");
      inConflict = false;
      dirty = false;
      conflictBox.hidden = true;
      show("saved", theirs.savedAt);
    }

    function show(state, savedAt, message) {
      pane.dataset.saveState = state;
      let line = {
        saved: text.textSaved,
        saving: text.textSaving,
        unsaved: text.textUnsaved,
        error: text.textError,
        conflict: text.textConflict,
        refused: text.textRefused,
        signedOut: text.textSignedOut,
      }[state];
      if (state === "saved" && savedAt) {
        line += " " + new Date(savedAt).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
      }
      if (message) { line += " " + message; }
      stateLine.textContent = line;
    }

    return {
      hasUnsavedWork: function () { return dirty || saving || inConflict; },
    };
  }
})();
