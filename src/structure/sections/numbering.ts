// The helpers live in src/text/numbering.ts so readers can use them without depending on structure.
export { asciiDigits, chineseOrdinal, parseLabel, styleOfLabel, type ParsedLabel } from "../../text/numbering.js";
