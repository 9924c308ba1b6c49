import type { Fact, ReaderBlock, Table, Warning } from "../model/index.js";
import { disclosesNoFigure } from "./checks/empty.js";

// A figure with a money unit, or a number with two decimals, as budget tables and narratives print them.
const MONEY = /\d[\d,，]*(?:[.．]\d+)?\s*(?:亿元|万元|千元|元)|\d[.．]\d{2}(?!\d)/;
const VOCABULARY = /预算|决算|收入|支出|经费/;

/**
 * A landing page that only links to an attachment, a catalogue of links, or an error page is not a budget with zero
 * in every line: it gets a warning so a batch user can find and fetch the real document.
 */
export function checkDisclosureContent(blocks: ReaderBlock[]): Warning | null {
  const texts = blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text))));
  if (texts.some((t) => MONEY.test(t)) && texts.some((t) => VOCABULARY.test(t))) return null;
  const empty = texts.every((t) => t.trim() === "");
  return {
    code: "no_disclosure_content",
    message: empty
      ? "The document has no text. If it is a scan or a page that loads its content by script, fetch the real document."
      : "No budget figures were found: this looks like a landing or catalogue page that links to the disclosure. Fetch the linked attachment and extract that.",
  };
}

/**
 * Figures and budget words alone are not a disclosure: a statistical report (福州 物流业运行情况报告: 业务收入1891.31亿元)
 * or a notice with a fee has both. A disclosure states budget facts or prints tables of the national set.
 */
export function checkBudgetContent(facts: readonly Fact[], tables: readonly Table[]): Warning | null {
  const standard = tables.filter((t) => t.kind !== undefined && t.kind !== "other");
  if (facts.length === 0 && standard.length === 0) {
    return {
      code: "no_disclosure_content",
      message: "No budget facts and no standard budget tables were found: this does not look like a budget or final-account disclosure (a report, notice or form saved under a budget's name). If it is one, its tables may be images: check the file.",
    };
  }
  // A blank template prints the national set but not one figure other than zero (普陀区2026单位预算模板.xls).
  if (disclosesNoFigure(facts, tables)) {
    return {
      code: "no_disclosure_content",
      message: `The ${standard.length} standard tables print no figure and the document states no amount other than zero: this looks like a blank template or form, not a disclosure. Fetch the filled-in document.`,
    };
  }
  return null;
}
