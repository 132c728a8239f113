// Paste from Word, LibreOffice and Google Docs: the clipboard HTML is reshaped into what the section editor knows
// (headings, bullet and numbered lists with their nesting, tables with merged cells, bold, italic, links) before Quill reads it.
// Quill 2's own Word clean-up only runs when the clipboard names Word's XML namespace and the list styles say
// "bullet"; fragments without them came in as paragraphs with a literal "·". Formats the editor does not allow
// (fonts, colours, sizes, mso-*) are dropped by Quill's format allow-list and again by the server's sanitizer.
(function () {
  "use strict";

  if (typeof Quill === "undefined") { return; }

  const Clipboard = Quill.import("modules/clipboard");

  // Word marks a list paragraph with "mso-list:l<list> level<n> lfo<m>"; the bullet or number is in a span marked Ignore.
  const MSO_LIST = /mso-list:\s*l(\d+)\s+level(\d+)/i;
  const MSO_IGNORE = /mso-list:\s*ignore/i;
  // Glyphs Word and LibreOffice write for bullets: Symbol's middle dot, "o" (Courier New), "§" (Wingdings square),
  // and their private-use code points when the font travels as a code point instead of a character.
  const BULLET_GLYPH = /^[\u00B7\u2022\u25AA\u25CF\u25E6\u2013\u2014\u2212\-o§\uF0B7\uF0A7\uF076\uF0D8\uF0FC*]$/;
  const NUMBER_GLYPH = /^\(?([0-9]{1,3}|[a-zA-Z]{1,2}|[ivxlcdmIVXLCDM]{1,6})[.)]$/;
  const MAX_LEVEL = 4;

  function normalise(doc) {
    // Word's list definitions ("@list l0:level1 {mso-level-number-format:bullet}") live in its <style> element.
    const styleText = Array.from(doc.querySelectorAll("style")).map(function (s) { return s.textContent; }).join("\n");
    // The editor loads its own stored text through the same path: only a document from elsewhere has its headings
    // moved down a level (the stored text has no h1 and none of the office programs' marks).
    const foreign = fromOfficeProgram(doc);
    removeNoise(doc);
    if (foreign) { officeHeadings(doc); }
    wordLists(doc, styleText);
    listParagraphs(doc);
    nestedLists(doc);
    tableCells(doc);
    plainWrappers(doc);
  }

  function fromOfficeProgram(doc) {
    const generator = doc.querySelector("meta[name='generator' i], meta[name='Generator']");
    return doc.documentElement.hasAttribute("xmlns:w") ||
      (generator !== null && /LibreOffice|OpenOffice|Microsoft/i.test(generator.getAttribute("content") || "")) ||
      doc.querySelector("[id^='docs-internal-guid-'], h1, [class^='Mso'], [style*='mso-']") !== null;
  }

  function removeNoise(doc) {
    doc.querySelectorAll("style, meta, link, title, script, xml, o\\:p").forEach(function (n) { n.remove(); });
    // Comments include Word's <!--[if !supportLists]--> wrappers and <!--StartFragment--> markers.
    const walker = doc.createTreeWalker(doc.body || doc.documentElement, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) { comments.push(walker.currentNode); }
    comments.forEach(function (c) { c.remove(); });
  }

  // Word and Google write <h1>..<h6>; LibreOffice adds class="western"; Word's title style is a paragraph.
  // The section title is the document's heading, so a writer's Heading 1 becomes the editor's first level (h2).
  function officeHeadings(doc) {
    doc.querySelectorAll("p[class]").forEach(function (p) {
      const cls = p.getAttribute("class") || "";
      let level = 0;
      if (/\bMsoTitle\b/i.test(cls)) { level = 1; }
      const named = cls.match(/\bMsoHeading(\d)\b/i);
      if (named) { level = Number(named[1]); }
      if (level > 0) { rename(p, "h" + level); }
    });
    doc.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (h) {
      const level = Math.min(4, Number(h.tagName.substring(1)) + 1);
      rename(h, "h" + level);
    });
  }

  function rename(node, tag, keep) {
    const doc = node.ownerDocument;
    const renamed = doc.createElement(tag);
    (keep || []).forEach(function (name) {
      if (node.hasAttribute(name)) { renamed.setAttribute(name, node.getAttribute(name)); }
    });
    while (node.firstChild) { renamed.appendChild(node.firstChild); }
    node.replaceWith(renamed);
    return renamed;
  }

  // Word's list paragraphs become Quill's flat list: <ul><li data-list="bullet|ordered" class="ql-indent-N">.
  function wordLists(doc, styleText) {
    const paragraphs = Array.from(doc.querySelectorAll("[style*='mso-list']"))
      .filter(function (p) { return !MSO_IGNORE.test(p.getAttribute("style") || "") && MSO_LIST.test(p.getAttribute("style") || ""); });
    const done = new Set();
    paragraphs.forEach(function (first) {
      if (done.has(first)) { return; }
      const run = [first];
      done.add(first);
      let next = nextElement(first);
      while (next && paragraphs.indexOf(next) >= 0) {
        run.push(next);
        done.add(next);
        next = nextElement(next);
      }
      const list = doc.createElement("ul");
      run.forEach(function (p) {
        const match = (p.getAttribute("style") || "").match(MSO_LIST);
        const level = Math.min(MAX_LEVEL, Number(match[2]));
        const glyph = takeMarker(p);
        const item = doc.createElement("li");
        item.setAttribute("data-list", kindOf(glyph, styleText, match[1], level));
        if (level > 1) { item.className = "ql-indent-" + (level - 1); }
        while (p.firstChild) { item.appendChild(p.firstChild); }
        list.appendChild(item);
      });
      first.replaceWith(list);
      run.slice(1).forEach(function (p) { p.remove(); });
    });
  }

  function nextElement(node) {
    let next = node.nextSibling;
    while (next && next.nodeType === Node.TEXT_NODE && next.textContent.trim() === "") { next = next.nextSibling; }
    return next && next.nodeType === Node.ELEMENT_NODE ? next : null;
  }

  // Removes the bullet or number Word wrote as text and returns it.
  function takeMarker(p) {
    let glyph = "";
    p.querySelectorAll("[style]").forEach(function (span) {
      if (MSO_IGNORE.test(span.getAttribute("style") || "") && span.isConnected) {
        glyph += span.textContent;
        span.remove();
      }
    });
    if (glyph.trim() === "") {
      // No Ignore span (some exports): the marker is the first word of the text.
      const text = firstText(p);
      const found = text && text.data.match(/^[\s\u00A0]*(\S{1,6})[\s\u00A0]+/);
      if (found && (BULLET_GLYPH.test(found[1]) || NUMBER_GLYPH.test(found[1]))) {
        glyph = found[1];
        text.data = text.data.substring(found[0].length);
      }
    }
    return glyph.replace(/[\s\u00A0]+/g, "");
  }

  function firstText(node) {
    const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (walker.currentNode.data.trim() !== "") { return walker.currentNode; }
    }
    return null;
  }

  function kindOf(glyph, styleText, listId, level) {
    if (NUMBER_GLYPH.test(glyph)) { return "ordered"; }
    if (glyph && BULLET_GLYPH.test(glyph)) { return "bullet"; }
    const rule = new RegExp("@list\\s+l" + listId + ":level" + level + "\\s*\\{[^}]*mso-level-number-format:\\s*([\\w-]+)", "i");
    const format = styleText.match(rule);
    return format && format[1].toLowerCase() === "bullet" ? "bullet" : glyph ? "bullet" : "ordered";
  }

  // LibreOffice and Google Docs put a paragraph inside each list item; Quill would make that a line of its own.
  function listParagraphs(doc) {
    doc.querySelectorAll("li").forEach(function (li) {
      Array.from(li.children).forEach(function (child) {
        if (/^(P|DIV|H[1-6])$/.test(child.tagName)) { unwrapBlock(child); }
      });
    });
  }

  // Nested lists become Quill's flat list with an indent per item. LibreOffice nests a list inside the item it belongs
  // to (<li>text<ul>..</ul></li>), Google Docs beside it (<ul><li>..</li><ul>..</ul></ul>); Quill reads the second
  // shape right but would run the first item's text into its first child.
  function nestedLists(doc) {
    const outer = Array.from(doc.querySelectorAll("ul, ol")).filter(function (list) {
      return !list.parentElement.closest("ul, ol") && list.querySelector("ul, ol");
    });
    outer.forEach(function (list) {
      const flat = doc.createElement("ul");
      collect(list, 0, flat);
      list.replaceWith(flat);
    });

    function collect(list, depth, flat) {
      const kind = list.tagName === "OL" ? "ordered" : "bullet";
      Array.from(list.children).forEach(function (child) {
        if (child.tagName === "UL" || child.tagName === "OL") {
          collect(child, depth + 1, flat);
          return;
        }
        if (child.tagName !== "LI") { return; }
        const item = doc.createElement("li");
        item.setAttribute("data-list", child.getAttribute("data-list") || kind);
        const level = Math.min(MAX_LEVEL - 1, depth);
        if (level > 0) { item.className = "ql-indent-" + level; }
        flat.appendChild(item);
        const sublists = [];
        Array.from(child.childNodes).forEach(function (node) {
          if (node.nodeType === Node.ELEMENT_NODE && (node.tagName === "UL" || node.tagName === "OL")) { sublists.push(node); }
          else { item.appendChild(node); }
        });
        sublists.forEach(function (sub) { collect(sub, depth + 1, flat); });
      });
    }
  }

  // Quill's table cell holds one line of text: paragraphs inside a cell are joined, headers become cells. A merged
  // cell keeps its colspan and rowspan (table-spans.js teaches the editor to hold them).
  function tableCells(doc) {
    doc.querySelectorAll("th").forEach(function (th) { rename(th, "td", ["colspan", "rowspan"]); });
    doc.querySelectorAll("td").forEach(function (td) {
      td.querySelectorAll("p, div, h2, h3, h4, li").forEach(unwrapBlock);
      td.querySelectorAll("ul, ol, br").forEach(function (n) {
        n.replaceWith.apply(n, Array.from(n.childNodes).concat(n.tagName === "BR" ? [" "] : []));
      });
    });
    doc.querySelectorAll("colgroup, caption").forEach(function (n) { n.remove(); });
  }

  function unwrapBlock(block) {
    const parts = Array.from(block.childNodes);
    const next = block.nextSibling;
    // Blocks that follow each other keep a space between their texts.
    if (next && !(next.nodeType === Node.TEXT_NODE && /^\s/.test(next.data))) { parts.push(block.ownerDocument.createTextNode(" ")); }
    block.replaceWith.apply(block, parts);
  }

  // Google Docs wraps everything in <b style="font-weight:normal"> and marks bold and italic only in span styles;
  // LibreOffice uses <font>. The style attribute is read as text: under the app's Content-Security-Policy the parsed
  // clipboard document applies no inline styles, so Quill's own style matchers see none. "mso-bidi-font-weight" is
  // Word's and says nothing about the text's weight.
  function plainWrappers(doc) {
    doc.querySelectorAll("b[style], strong[style]").forEach(function (b) {
      if (/(?:^|;)\s*font-weight:\s*(normal|[1-4]00)\b/i.test(b.getAttribute("style") || "")) {
        b.replaceWith.apply(b, Array.from(b.childNodes));
      }
    });
    doc.querySelectorAll("span[style]").forEach(function (span) {
      const style = span.getAttribute("style") || "";
      let inner = span;
      if (/(?:^|;)\s*font-weight:\s*(bold|[6-9]00)\b/i.test(style)) { inner = wrapChildren(inner, "strong"); }
      if (/(?:^|;)\s*font-style:\s*italic\b/i.test(style)) { wrapChildren(inner, "em"); }
    });
    doc.querySelectorAll("font").forEach(function (f) { f.replaceWith.apply(f, Array.from(f.childNodes)); });
  }

  function wrapChildren(node, tag) {
    const wrapper = node.ownerDocument.createElement(tag);
    while (node.firstChild) { wrapper.appendChild(node.firstChild); }
    node.appendChild(wrapper);
    return wrapper;
  }

  class OfficeClipboard extends Clipboard {
    normalizeHTML(doc) {
      normalise(doc);
      super.normalizeHTML(doc);
    }
  }

  Quill.register("modules/clipboard", OfficeClipboard, true);
  window.ValfardOfficePaste = { normalise: normalise };
})();
