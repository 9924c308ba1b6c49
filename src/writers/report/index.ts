/** The HTML spot-check report: render a document to one self-contained page, or write it atomically. */
export { renderReportHtml, orderValidations, reportOrder, flattenSections, type ReportOptions } from "./html.js";
export { FAMILY_TITLES, groupValidations, type FamilyGroup } from "./families.js";
export { writeReport } from "./write.js";
export { AnchorIndex, safeId } from "./anchors.js";
export { BoxIndex, citations, evidencePages, type DrawnBox } from "./boxes.js";
export { renderReportPages, writePageImages, pageImageName, pixelFrame, pagesFor, type PageImage } from "./page-images.js";
export { PAGE_SETTINGS, PAGES_MODES, type PagesMode } from "./settings.js";
export { escapeHtml } from "./escape.js";
export { groupThousands, formatYuan } from "./format.js";
