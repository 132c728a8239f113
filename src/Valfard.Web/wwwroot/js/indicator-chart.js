// Draws the indicator chart from the data the server put on the canvas. The same numbers are in the table below it;
// lines differ by dash pattern and point shape as well as colour, so colour never carries the meaning alone.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  document.querySelectorAll("canvas[data-chart]").forEach(draw);

  function draw(canvas) {
  const data = JSON.parse(canvas.dataset.chart);
  const colours = { own: "#0b5cad", county: "#b35c00", member: "#6b4c9a", country: "#3d4a57", chosen: "#1d6b3a" };
  const dashes = { own: [], county: [8, 4], member: [2, 3], country: [12, 4, 2, 4], chosen: [4, 2] };
  const points = { Total: "circle", Female: "triangle", Male: "rect" };
  // The indicator's own decimals when Sotkanet gives them; otherwise the value as given, never rounded away.
  const format = typeof data.decimals === "number"
    ? new Intl.NumberFormat(data.lang, { minimumFractionDigits: data.decimals, maximumFractionDigits: data.decimals })
    : new Intl.NumberFormat(data.lang, { maximumFractionDigits: 15 });

  new Chart(canvas, {
    type: "line",
    data: {
      labels: data.years,
      datasets: data.series.map(function (series) {
        return {
          label: series.label,
          data: series.values,
          borderColor: colours[series.kind] || "#3d4a57",
          backgroundColor: colours[series.kind] || "#3d4a57",
          borderDash: dashes[series.kind] || [],
          pointStyle: points[series.gender] || "circle",
          pointRadius: 4,
          borderWidth: series.gender === "Total" ? 3 : 1.5,
          spanGaps: false, // a missing year is a gap in the line, never a zero
          hidden: series.gender !== "Total" && data.series.length > 6,
        };
      }),
    },
    options: {
      responsive: true,
      animation: false,
      interaction: { mode: "index", intersect: false },
      plugins: {
        legend: { position: "bottom", labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: function (context) {
              return context.dataset.label + ": " + (context.parsed.y === null ? "–" : format.format(context.parsed.y) + " " + data.unit);
            },
          },
        },
      },
      scales: { y: { title: { display: true, text: data.unit } } },
    },
  });
  }
})();
