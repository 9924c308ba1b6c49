/** Fixed words that are figures without a numeral: 半百 = 50, 半成 = 5%, 半折 = 50%, (打)对折 = 50%. */
import { has, ZHE_VERB } from "../charclass.js";
import { NUMERAL_CLASS } from "../chinese.js";
import { C_BAI, C_BAN, C_CHENG, C_DA, C_DUI, C_DUI_TRAD, C_ZHE } from "../codes.js";


export function readHalfWord(v: string, i: number): { end: number; kind: "number" | "percent"; value: string } | null {
  const c = v.charCodeAt(i);
  const next = v.charCodeAt(i + 1);
  if (c === C_BAN) {
    if (NUMERAL_CLASS[v.charCodeAt(i - 1)]! > 0 || NUMERAL_CLASS[v.charCodeAt(i + 2)]! > 0) return null; // 三成半, 半百万
    if (next === C_BAI) return { end: i + 2, kind: "number", value: "50" };
    if (next === C_CHENG) return { end: i + 2, kind: "percent", value: "5" };
    if (next === C_ZHE && !has(v.charCodeAt(i + 2), ZHE_VERB)) return { end: i + 2, kind: "percent", value: "50" };
    return null;
  }
  // 对折 alone is folding in half; after 打 it is a 50% discount.
  if ((c === C_DUI || c === C_DUI_TRAD) && next === C_ZHE && v.charCodeAt(i - 1) === C_DA) return { end: i + 2, kind: "percent", value: "50" };
  return null;
}
