/** The publisher fields printed on covers and above tables: "预算单位：…", "部门（单位）：…", "编制部门：…". */
import { PUBLISHER_LABEL_WORDS } from "../../structure/tables/text.js";
import { isName } from "./names.js";

export interface PublisherField {
  /** The label as printed ("预算主管部门"). */
  label: string;
  /** The name after the colon: offsets into the line. */
  start: number;
  end: number;
  /** What the label's own word says about the document: a 部门 label on a department's, a 单位 one on a unit's. */
  scope?: "department" | "unit";
}

const FIELD = new RegExp(`^[\\s\\u3000]*(${PUBLISHER_LABEL_WORDS})\\s*[：:]\\s*`);
// Another field printed on the same line ("部门名称：XX局      单位：万元"), or a date after spaces.
const NEXT_FIELD = /[\s\u3000]+\S{1,6}\s*[：:]|(?:金额|计量)?单位\s*[：:]|[\s\u3000]+(?=\d)/;
// Labels whose word is generic (编制单位 is "compiling unit" on departments' tables too).
const NEUTRAL = /^(?:编制单位|填报单位|报送单位|部门\s*[（(]\s*单位\s*[）)]|单位\s*[（(]\s*部门\s*[）)])$/;

/** The publisher field of a line, or null (a "单位：万元" unit line is not one). */
export function readField(text: string): PublisherField | null {
  const m = FIELD.exec(text);
  if (!m) return null;
  const start = m[0].length;
  const next = NEXT_FIELD.exec(text.slice(start));
  let end = next ? start + next.index : text.length;
  while (end > start && /[\s\u3000]/.test(text[end - 1]!)) end--;
  if (!isName(text.slice(start, end), false)) return null;
  const label = m[1]!;
  const field: PublisherField = { label, start, end };
  if (!NEUTRAL.test(label)) field.scope = label.includes("部门") ? "department" : "unit";
  return field;
}
