// Merged table cells in the section editor. Quill 2's table keeps one line per cell and knows no spans, so a header
// cell merged over two columns (Word's "2023–2024" over the two years) came apart into plain cells. Two block
// attributes on the cell (the same kind as alignment on a paragraph) keep colspan and rowspan through paste, load and
// save; the server allows them from 1 to 50 (RichTextSanitizer.MaxCellSpan). Quill pads every row to the longest
// row's number of cells after each change; counting cells, a row under a merged cell looks short, so the padding
// counts the columns each row covers instead.
(function () {
  "use strict";

  if (typeof Quill === "undefined") { return; }

  const Parchment = Quill.import("parchment");
  const MAX_SPAN = 50;

  class CellSpan extends Parchment.Attributor {
    canAdd(node, value) {
      return node.tagName === "TD" && /^[1-9][0-9]?$/.test(String(value)) && Number(value) <= MAX_SPAN;
    }

    value(node) {
      const value = super.value(node);
      // A span of 1 is no span: leaving it out keeps the delta (and the history) free of it.
      return value === "1" ? "" : value;
    }
  }

  Quill.register(new CellSpan("colspan", "colspan", { scope: Parchment.Scope.BLOCK_ATTRIBUTE }), true);
  Quill.register(new CellSpan("rowspan", "rowspan", { scope: Parchment.Scope.BLOCK_ATTRIBUTE }), true);

  const TableContainer = Quill.import("formats/table-container");
  const TableRow = Quill.import("formats/table-row");
  const TableCell = Quill.import("formats/table");

  // How many columns each row reaches: its cells' colspans plus the columns cells of rows above cover by their rowspan.
  function columnsOf(rows) {
    const covered = [];
    return rows.map(function (row, r) {
      let column = 0;
      row.children.forEach(function (cell) {
        while (covered[r] && covered[r][column]) { column++; }
        const colspan = Number(cell.domNode.getAttribute("colspan")) || 1;
        const rowspan = Number(cell.domNode.getAttribute("rowspan")) || 1;
        for (let down = 0; down < rowspan; down++) {
          covered[r + down] = covered[r + down] || [];
          for (let across = 0; across < colspan; across++) { covered[r + down][column + across] = true; }
        }
        column += colspan;
      });
      return Math.max(column, covered[r] ? covered[r].length : 0);
    });
  }

  const balanceCells = TableContainer.prototype.balanceCells;
  TableContainer.prototype.balanceCells = function () {
    const rows = this.descendants(TableRow);
    const merged = rows.some(function (row) {
      return row.children.some(function (cell) { return cell.domNode.hasAttribute("colspan") || cell.domNode.hasAttribute("rowspan"); });
    });
    if (!merged) { return balanceCells.call(this); }
    const columns = columnsOf(rows);
    const widest = Math.max.apply(null, columns.concat([0]));
    rows.forEach(function (row, r) {
      for (let missing = widest - columns[r]; missing > 0; missing--) {
        const cell = this.scroll.create(TableCell.blotName, row.children.head ? TableCell.formats(row.children.head.domNode) : undefined);
        row.appendChild(cell);
        cell.optimize();
      }
    }, this);
  };

  window.ValfardTableSpans = { columnsOf: columnsOf };
})();
