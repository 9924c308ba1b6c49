/** The HTML spot-check report: render a document to one self-contained page, or write it atomically. */
export { renderReportHtml, orderValidations, reportOrder, flattenSections } from "./html.js";
export { FAMILY_TITLES, groupValidations, type FamilyGroup } from "./families.js";
export { writeReport } from "./write.js";
export { AnchorIndex, safeId } from "./anchors.js";
export { escapeHtml } from "./escape.js";
export { groupThousands, formatYuan } from "./format.js";
