/** The report's inline CSS and its optional filtering script (reading never depends on the script). */
import { PAGE_SETTINGS } from "./settings.js";

// The box colours of the PNGs, as "r,g,b" so the CSS gives each use its own alpha: rgba(var(--box), .85).
const BOX_COLOURS = `:root { --box:${PAGE_SETTINGS.colours.evidence.join(",")}; --box-fail:${PAGE_SETTINGS.colours.fail.join(",")}; }`;

export const REPORT_CSS = `
${BOX_COLOURS}
:root { --fg:#1d2330; --muted:#5b6474; --line:#d7dbe3; --bg:#fff; --nav:#f5f6f9; --amt:#fff1b8; --hit:#ffd43b; --fail:#c92a2a; --ok:#2b8a3e; }
* { box-sizing: border-box; }
html { scroll-behavior: auto; }
body { margin:0; color:var(--fg); background:var(--bg); line-height:1.6; font-size:15px;
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", sans-serif; }
.layout { display:grid; grid-template-columns: 300px minmax(0,1fr); }
nav.toc { position:sticky; top:0; height:100vh; overflow:auto; background:var(--nav); border-right:1px solid var(--line); padding:12px 14px; font-size:14px; }
nav.toc h2 { font-size:13px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); margin:14px 0 4px; }
nav.toc ol, nav.toc ul { list-style:none; margin:0; padding-left:0; }
nav.toc ol ol { padding-left:1.1em; }
nav.toc a { color:var(--fg); text-decoration:none; display:block; padding:1px 0; }
nav.toc a:hover, nav.toc a:focus { text-decoration:underline; }
nav.toc .label { color:var(--muted); margin-right:.25em; }
nav.toc .bad { color:var(--fail); font-weight:600; }
main { padding:16px 28px 64px; max-width:1100px; }
header.doc h1 { font-size:22px; margin:0 0 6px; }
dl.meta { display:grid; grid-template-columns:max-content 1fr; gap:2px 14px; margin:8px 0 0; font-size:14px; }
dl.meta dt { color:var(--muted); }
dl.meta dd { margin:0; overflow-wrap:anywhere; }
section.part { margin-top:28px; }
section.part > h2 { font-size:18px; border-bottom:2px solid var(--line); padding-bottom:4px; }
table.list { border-collapse:collapse; width:100%; font-size:14px; }
table.list th, table.list td { border-bottom:1px solid var(--line); padding:4px 8px; text-align:left; vertical-align:top; }
table.list td.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
tr.status-fail td { background:#fff5f5; }
.status { font-weight:600; }
.status.fail { color:var(--fail); } .status.pass { color:var(--ok); } .status.skipped { color:var(--muted); }
.eq { font-variant-numeric:tabular-nums; }
.ev-links a { margin-right:.4em; }
table.list code, table.list td.printed, table.list .msg { overflow-wrap:anywhere; }
.doc-text p, .doc-text .heading { margin:.35em 0; white-space:pre-wrap; overflow-wrap:anywhere; }
.doc-text .heading { font-weight:700; margin-top:1em; }
.doc-text h2.heading { font-size:19px; } .doc-text h3.heading { font-size:17px; } .doc-text h4.heading, .doc-text h5.heading, .doc-text h6.heading { font-size:15px; }
.doc-text .role { color:var(--muted); font-size:13px; }
.doc-text .role::before { content:attr(data-role); font-size:11px; border:1px solid var(--line); border-radius:3px; padding:0 4px; margin-right:6px; }
mark { background:none; color:inherit; }
mark.amt { background:var(--amt); border-radius:2px; padding:0 1px; position:relative; cursor:help; }
mark.amt-percent { background:#d3f9d8; } mark.amt-number { background:#e7f5ff; }
mark.ev { border-bottom:2px dotted #868e96; }
mark.amt:focus { outline:2px solid rgb(var(--box)); }
mark.amt:focus::after { content:attr(data-tip); white-space:pre; position:absolute; left:0; top:1.7em; z-index:5; background:#212529; color:#fff; font-size:12px; line-height:1.4; padding:6px 8px; border-radius:4px; }
:target { scroll-margin-top:30vh; }
mark:target, td:target, th:target, p:target, .heading:target { background:var(--hit) !important; outline:3px solid #e8590c; outline-offset:1px; }
figure.table { margin:14px 0; }
figure.table figcaption { font-weight:600; margin-bottom:4px; }
figure.table .tid, figure.table .size, figure.table .unit { font-weight:400; color:var(--muted); font-size:13px; }
figure.table .unit { color:#862e9c; }
.scroll { overflow-x:auto; }
figure.table table { border-collapse:collapse; font-size:13px; }
figure.table th, figure.table td { border:1px solid #adb5bd; padding:2px 6px; vertical-align:middle; white-space:pre-wrap; }
figure.table thead th { background:#e9ecef; text-align:center; }
figure.table thead tr.row-title td { border:none; text-align:left; color:var(--muted); }
figure.table td.num { text-align:right; font-variant-numeric:tabular-nums; }
figure.table tr.row-total td, figure.table tr.row-subtotal td { font-weight:600; }
figure.table td.void { background:repeating-linear-gradient(45deg,#f8f9fa,#f8f9fa 4px,#fff 4px,#fff 8px); }
.filter { margin:6px 0; }
.filter input[type=search] { font:inherit; padding:3px 6px; width:18em; }
.empty { color:var(--muted); }
.muted { color:var(--muted); font-weight:normal; }
tr.family-head th { background:var(--line); font-weight:600; }
nav.toc ul.families { padding-left:1em; font-size:13px; }
figure.pdf-page { margin:16px 0; }
figure.pdf-page figcaption { font-weight:600; margin-bottom:4px; }
.sheet { position:relative; width:100%; border:1px solid #adb5bd; background:#fff; }
.sheet img { display:block; width:100%; height:auto; }
.sheet .box { position:absolute; display:block; border:2px solid rgba(var(--box),.85); background:rgba(var(--box),.07); border-radius:1px; }
.sheet .box.fail { border-color:rgba(var(--box-fail),.95); background:rgba(var(--box-fail),.08); }
.sheet .box:hover, .sheet .box:focus { background:rgba(var(--box),.25); }
.sheet .box:target, .sheet .box.hl { border-color:#e8590c; background:rgba(255,212,59,.45); outline:3px solid #e8590c; outline-offset:1px; z-index:2; }
.legend .box-key { display:inline-block; width:1.4em; height:.9em; border:2px solid rgba(var(--box),.85); vertical-align:middle; }
.legend .box-key.fail { border-color:rgba(var(--box-fail),.95); }
a.to-page { font-size:11px; color:rgb(var(--box)); text-decoration:none; margin-left:2px; vertical-align:super; line-height:1; }
a.to-page::after { content:"p" attr(data-page); }
nav.toc .page-links { margin:0 0 0 1em; font-size:12px; line-height:1.7; }
nav.toc .page-links a { display:inline; padding:0 2px; }
details > summary { cursor:pointer; color:var(--muted); }
@media (max-width: 900px) { .layout { display:block; } nav.toc { position:static; height:auto; border-right:none; border-bottom:1px solid var(--line); } main { padding:12px; } }
@media print { nav.toc { display:none; } .layout { display:block; } }
`;

/**
 * Filtering, and highlighting every box of what was clicked (a fact's link goes to its first box; the boxes, and
 * :target on that first one, show without the script).
 */
export const REPORT_JS = `
(function () {
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest ? e.target.closest("a[data-boxes]") : null;
    if (!a) return;
    document.querySelectorAll(".box.hl").forEach(function (b) { b.classList.remove("hl"); });
    a.getAttribute("data-boxes").split(" ").forEach(function (id) {
      var box = document.getElementById(id);
      if (box) box.classList.add("hl");
    });
  });
  var q = document.getElementById("fact-filter");
  var failedOnly = document.getElementById("checks-failed-only");
  document.querySelectorAll(".filter").forEach(function (el) { el.hidden = false; });
  if (q) q.addEventListener("input", function () {
    var needle = q.value.trim().toLowerCase();
    document.querySelectorAll("#facts tbody tr").forEach(function (tr) {
      tr.hidden = needle !== "" && tr.textContent.toLowerCase().indexOf(needle) < 0;
    });
  });
  if (failedOnly) failedOnly.addEventListener("change", function () {
    document.querySelectorAll("#validations tbody tr.check").forEach(function (tr) {
      tr.hidden = failedOnly.checked && !tr.classList.contains("status-fail");
    });
  });
})();
`;
