/**
 * The report's page view: each shown PDF page as an embedded PNG (data: URI, lazy-loaded) with the evidence boxes
 * as positioned links over it, in % of the page so they scale with the image. Plain HTML and CSS: the boxes show
 * without JavaScript, and a box links back to the reconstructed mark or cell it frames.
 */
import type { BoxIndex, DrawnBox } from "./boxes.js";
import { escapeHtml } from "./escape.js";
import type { PageImage } from "./page-images.js";
import { PAGE_SETTINGS } from "./settings.js";

export const pageAnchor = (page: number): string => `page-${page}`;

const pct = (v: number): string => `${(Math.round(v * 1000) / 1000).toString()}%`;

/** The box element: left/top/width/height in % of the page, grown by the margin so its line stays off the figure. */
function boxHtml(box: DrawnBox, img: PageImage): string {
  const m = PAGE_SETTINGS.marginPt;
  const [x0, y0, x1, y1] = box.bbox;
  const style = `left:${pct(((x0 - m) / img.widthPt) * 100)};top:${pct(((y0 - m) / img.heightPt) * 100)};width:${pct(((x1 - x0 + 2 * m) / img.widthPt) * 100)};height:${pct(((y1 - y0 + 2 * m) / img.heightPt) * 100)}`;
  const tip = escapeHtml([...box.labels.slice(0, 6), ...(box.labels.length > 6 ? [`+${box.labels.length - 6}`] : [])].join("\n"));
  const cls = `box${box.failed ? " fail" : ""}`;
  const attrs = `id="${box.id}" class="${cls}" style="${style}" title="${tip}" aria-label="${tip}" data-page="${box.page}"`;
  return box.target ? `<a ${attrs} href="#${box.target}"></a>` : `<span ${attrs}></span>`;
}

function pageHtml(img: PageImage, boxes: BoxIndex): string {
  const on = boxes.onPage(img.page);
  const src = `data:image/png;base64,${img.png.toString("base64")}`;
  // The sheet keeps the page's proportions before the lazy image arrives, so box positions and scroll targets hold.
  return `<figure class="pdf-page" id="${pageAnchor(img.page)}">
<figcaption>第 ${img.page} 页 page ${img.page} <span class="muted">${on.length} 框 boxes</span></figcaption>
<div class="sheet" style="max-width:${img.widthPx}px;aspect-ratio:${img.widthPx}/${img.heightPx}"><img src="${src}" width="${img.widthPx}" height="${img.heightPx}" loading="lazy" decoding="async" alt="第 ${img.page} 页 page ${img.page}">${on.map((b) => boxHtml(b, img)).join("")}</div>
</figure>`;
}

/** The pages section; empty when no page is shown. */
export function renderPages(images: readonly PageImage[], boxes: BoxIndex, pageCount: number | undefined): string {
  if (images.length === 0) return "";
  const dpi = images[0]?.dpi ?? PAGE_SETTINGS.htmlDpi;
  const of = pageCount !== undefined ? ` / ${pageCount}` : "";
  return `<section id="pages" class="part"><h2>页面 Pages <span class="muted">${images.length}${of} · ${dpi} dpi · ${boxes.size} 框 boxes</span></h2>
<p class="muted legend"><span class="box-key"></span> 证据 evidence <span class="box-key fail"></span> 未通过的核对 failed check — 点击框查看重建的表格或文字 click a box for the reconstructed cell or text.</p>
${images.map((img) => pageHtml(img, boxes)).join("\n")}
</section>`;
}

/** A small link from a reconstructed mark or cell to its box on the page ("p7"; the text comes from CSS). */
export function toPageLink(box: DrawnBox | undefined): string {
  if (!box) return "";
  return `<a class="to-page" href="#${box.id}" data-boxes="${box.id}" data-page="${box.page}" title="第 ${box.page} 页 page ${box.page}" aria-label="第 ${box.page} 页 page ${box.page}"></a>`;
}
