/**
 * Classification codes (功能分类 类/款/项 = 3/5/7 digits, 经济分类 3/5): in a code column, split over
 * 类|款|项 columns with parents left blank on child rows, or glued to the name ("2010101行政运行",
 * "201 一般公共服务支出", "210 07 17 计划生育服务", "[2011105]派驻派出机构").
 */
import { compact } from "./text.js";

/**
 * A code at the start of a name. The code must be followed by a name that does not start like a
 * quantity ("2019年", "20万元"), so years and figures are never read as codes.
 */
export const GLUED_CODE = /^(\d{3})(?:[\s\-－]*(\d{2}))?(?:[\s\-－]*(\d{2}))?(?![\d.,%．，])\s*(?![年月日万元亿千个人次辆台套%％])(\S.*)$/s;

/** A code alone in a cell: "2010101", "201-01-01", "201 01 01". */
export function parseCodeCell(text: string): string | null {
  const t = compact(text).replace(/[-－—.．]/g, "");
  return /^\d{3}(?:\d{2}){0,2}$/.test(t) ? t : null;
}

/** A code in brackets before the name, as 广州 and 珠海 print it: "[2011105]派驻派出机构", "【30101】基本工资". */
const BRACKETED_CODE = /^[[［【]\s*(\d{3}(?:\d{2}){0,2})\s*[\]］】]\s*(?![年月日万元亿千个人次辆台套%％])(\S.*)$/s;

export function splitGluedCode(text: string): { code: string; name: string } | null {
  const t = text.trim();
  const b = BRACKETED_CODE.exec(t);
  if (b?.[1] && b[2] !== undefined) return { code: b[1], name: b[2].trim() };
  const m = GLUED_CODE.exec(t);
  if (!m || m[4] === undefined) return null;
  return { code: `${m[1]}${m[2] ?? ""}${m[3] ?? ""}`, name: m[4].trim() };
}

/** Carries the parent 类 and 款 down rows where the split columns leave them blank. */
export class SplitCodeReader {
  private lei = "";
  private kuan = "";

  /** parts: the 类, 款, 项 cell texts of one row ("" where blank or covered). */
  read(parts: readonly [string, string, string]): string | null {
    const [l, k, x] = parts.map((p) => compact(p).replace(/[-－]/g, "")) as [string, string, string];
    // A whole code written into one of the split cells.
    const whole = [l, k, x].find((p) => /^\d{5}(\d{2})?$/.test(p));
    if (whole) {
      this.lei = whole.slice(0, 3);
      this.kuan = whole.slice(3, 5);
      return whole;
    }
    if (/^\d{3}$/.test(l)) {
      this.lei = l;
      this.kuan = "";
      if (!k) return l;
    }
    if (/^\d{2}$/.test(k)) {
      this.kuan = k;
      if (!x) return this.lei ? this.lei + k : null;
    }
    if (/^\d{2}$/.test(x) && this.lei && this.kuan) return this.lei + this.kuan + x;
    return null;
  }
}
