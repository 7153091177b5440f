"""The fixed CSS and script of the HTML report. Kept apart so html.py stays about
structure; both strings are hashed into the page's Content-Security-Policy, so neither
may contain anything generated from a backlog."""

from __future__ import annotations

# Colours shared by the stylesheet and the SVG charts (which set `fill` directly so a
# chart copied out of the page keeps its colours).
CATEGORY_COLORS = {
    "solution detail": "#7c3aed",
    "missing pieces": "#0d9488",
    "clarity": "#ea8a1a",
}
OTHER_COLOR = "#64748b"

CSS = """
:root {
  --bg: #f6f7fb; --card: #ffffff; --text: #1e293b; --muted: #64748b; --line: #e2e8f0;
  --accent: #4338ca; --error: #dc2626; --warning: #b45309; --info: #2563eb; --ok: #15803d;
  --error-bg: #fee2e2; --warning-bg: #fef3c7; --info-bg: #dbeafe; --ok-bg: #dcfce7;
  --mark-error: #fecaca; --mark-warning: #fde68a; --mark-info: #bfdbfe;
  --solution: #7c3aed; --missing: #0d9488; --clarity: #ea8a1a; --other: #64748b;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f172a; --card: #1e293b; --text: #e2e8f0; --muted: #94a3b8; --line: #334155;
    --accent: #a5b4fc; --error: #f87171; --warning: #fbbf24; --info: #60a5fa; --ok: #4ade80;
    --error-bg: #450a0a; --warning-bg: #451a03; --info-bg: #172554; --ok-bg: #052e16;
    --mark-error: #7f1d1d; --mark-warning: #78350f; --mark-info: #1e3a8a;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
}
a { color: var(--accent); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.9em; }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 20px; }
header.top { background: linear-gradient(120deg, #312e81, #4338ca 55%, #7c3aed);
  color: #fff; padding: 28px 0 22px; }
header.top h1 { margin: 0; font-size: 28px; letter-spacing: -0.01em; }
header.top p { margin: 4px 0 0; opacity: 0.85; }
header.top nav { margin-top: 14px; display: flex; gap: 18px; flex-wrap: wrap; }
header.top nav a { color: #fff; opacity: 0.9; text-decoration: none; font-weight: 600;
  font-size: 14px; border-bottom: 2px solid transparent; }
header.top nav a:hover { border-bottom-color: #fff; }
main { padding: 28px 0 40px; }
section.block { margin: 0 0 28px; }
h2 { font-size: 20px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px;
  padding: 16px 18px; box-shadow: 0 1px 2px rgba(15, 23, 42, 0.05); }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
  gap: 14px; }
.stat .value { font-size: 34px; font-weight: 700; line-height: 1.1; }
.stat .label { color: var(--muted); font-size: 13px; text-transform: uppercase;
  letter-spacing: 0.04em; font-weight: 600; }
.stat .sub { color: var(--muted); font-size: 13px; margin-top: 4px; }
.meter { height: 8px; background: var(--line); border-radius: 99px; overflow: hidden;
  margin-top: 10px; }
.meter svg { display: block; width: 100%; height: 8px; }
.sev-list { display: flex; gap: 14px; flex-wrap: wrap; margin-top: 6px; font-size: 14px; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin-right: 5px; vertical-align: baseline; }
.dot.error { background: var(--error); } .dot.warning { background: var(--warning); }
.dot.info { background: var(--info); }
.charts { display: grid; grid-template-columns: 3fr 2fr; gap: 14px; }
@media (max-width: 820px) { .charts { grid-template-columns: 1fr; } }
.chart { display: block; width: 100%; height: auto; color: var(--text); }
.chart text { fill: currentColor; font-size: 13px; font-family: inherit; }
.chart a text { fill: var(--accent); }
.chart .value { font-weight: 700; }
.chart a:hover rect { opacity: 0.8; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; color: var(--muted); font-size: 13px;
  margin-top: 8px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px;
  margin-right: 5px; }
.swatch.solution { background: var(--solution); } .swatch.missing { background: var(--missing); }
.swatch.clarity { background: var(--clarity); } .swatch.other { background: var(--other); }
.notice { border-left: 4px solid var(--error); }
.notice.ok { border-left-color: var(--ok); }
.notice ul { margin: 6px 0 0; padding-left: 20px; }
.group { margin-bottom: 20px; }
.group > header { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap;
  margin-bottom: 8px; }
.group > header h3 { font-size: 17px; }
.kind { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.05em; color: var(--muted); border: 1px solid var(--line);
  border-radius: 6px; padding: 0 6px; background: var(--bg); }
.count { font-size: 13px; color: var(--muted); }
.item { margin-bottom: 10px; }
.item > .head { display: flex; justify-content: space-between; gap: 12px;
  align-items: baseline; flex-wrap: wrap; }
.item .title { font-weight: 600; }
.where { font-size: 13px; color: var(--muted); }
.context { margin: 10px 0 4px; padding: 10px 12px; border-radius: 8px; background: var(--bg);
  white-space: pre-wrap; overflow-wrap: anywhere; }
.context .field { display: block; font-size: 11px; text-transform: uppercase;
  letter-spacing: 0.05em; color: var(--muted); font-weight: 700; margin-bottom: 2px; }
mark { border-radius: 3px; padding: 0 2px; color: inherit; }
mark.error { background: var(--mark-error); } mark.warning { background: var(--mark-warning); }
mark.info { background: var(--mark-info); }
ul.findings { list-style: none; margin: 6px 0 0; padding: 0; }
ul.findings > li { padding: 6px 0; border-top: 1px dashed var(--line); }
ul.findings > li:first-child { border-top: 0; }
.pill { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.04em; border-radius: 99px; padding: 1px 8px; margin-right: 6px; }
.pill.error { color: var(--error); background: var(--error-bg); }
.pill.warning { color: var(--warning); background: var(--warning-bg); }
.pill.info { color: var(--info); background: var(--info-bg); }
.pill.ok { color: var(--ok); background: var(--ok-bg); }
.rule-name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 13px; }
details.help { margin: 4px 0 0; font-size: 14px; }
details.help summary, details.clean summary, details.rule summary { cursor: pointer;
  color: var(--accent); font-size: 13px; font-weight: 600; }
details.help > div { margin-top: 6px; padding: 8px 12px; border-radius: 8px;
  background: var(--bg); }
details.help p, details.rule p { margin: 0 0 6px; }
details.clean { margin-top: 4px; }
details.clean ul { margin: 6px 0 0; padding-left: 20px; color: var(--muted); }
.controls { display: flex; gap: 10px; flex-wrap: wrap; align-items: center;
  margin-bottom: 10px; }
.controls input, .controls select { font: inherit; padding: 6px 10px; border-radius: 8px;
  border: 1px solid var(--line); background: var(--card); color: var(--text); }
.controls input { flex: 1 1 240px; }
.table-wrap { overflow-x: auto; padding: 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { position: sticky; top: 0; background: var(--card); font-size: 12px;
  text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
th button { all: inherit; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
tbody tr:hover { background: var(--bg); }
details.rule { border-top: 1px solid var(--line); padding: 10px 0; }
details.rule:first-of-type { border-top: 0; }
details.rule summary { font-size: 15px; color: var(--text); }
details.rule .body { margin: 8px 0 0 18px; }
details.rule h4 { margin: 8px 0 2px; font-size: 13px; text-transform: uppercase;
  letter-spacing: 0.04em; color: var(--muted); }
footer { color: var(--muted); font-size: 13px; padding: 10px 0 30px; }
@media print {
  body { background: #fff; }
  header.top { background: #312e81; -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  .controls, header.top nav { display: none !important; }
  .card { box-shadow: none; break-inside: avoid; }
}
"""

# Filtering and sorting for the findings table. It only reads the DOM (textContent and
# data-* attributes written by the formatter) and never builds markup, so nothing from a
# backlog can reach a script context. The page is complete without it.
SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  var controls = document.getElementById("table-controls");
  if (!table || !controls) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var text = document.getElementById("filter-text");
  var severity = document.getElementById("filter-severity");
  var category = document.getElementById("filter-category");
  var count = document.getElementById("filter-count");
  controls.hidden = false;

  function apply() {
    var needle = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!severity.value || row.getAttribute("data-severity") === severity.value) &&
        (!category.value || row.getAttribute("data-category") === category.value) &&
        (!needle || row.textContent.toLowerCase().indexOf(needle) !== -1);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }
  [text, severity, category].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });

  function key(row, index) {
    var cell = row.cells[index];
    var value = cell.getAttribute("data-sort");
    return value === null ? cell.textContent.trim().toLowerCase() : value;
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener("click", function () {
      var descending = th.getAttribute("aria-sort") === "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var numeric = th.hasAttribute("data-numeric");
      rows.sort(function (a, b) {
        var x = key(a, index), y = key(b, index);
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined,
          { numeric: true });
        return descending ? -order : order;
      });
      var body = table.tBodies[0];
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  apply();
})();
"""
