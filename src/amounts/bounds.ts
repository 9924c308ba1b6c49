/**
 * Inequalities over recognized figures: 大于20 (a lower bound), 小于等于三十五 (an upper bound), 大于10小于20 and
 * 20和30之间 (two-sided). A bound is a range with one open end; the comparison words are part of its span
 * because they are its content — 大于20 is not the figure 20. Hedges common in budget prose (超过, 不超过,
 * 以上, 左右) are not bounds: they keep the figure and set `approx`.
 */
import type { AmountSpan } from "../model/amount.js";
import { compare } from "../util/decimal.js";
import { findLabel } from "./label.js";
import { WordIndex } from "./wordindex.js";

type Side = "lower" | "upper" | "exact";

/** Longer words first within a final character: 大于等于 before 等于, 不小于 before 小于. */
const COMPARATORS = new WordIndex<readonly [Side, boolean]>([
  ["大于或者等于", ["lower", true]], ["大于或等于", ["lower", true]], ["大于等于", ["lower", true]], ["不小于", ["lower", true]],
  ["≥", ["lower", true]], [">=", ["lower", true]],
  ["小于或者等于", ["upper", true]], ["小于或等于", ["upper", true]], ["小于等于", ["upper", true]], ["不大于", ["upper", true]],
  ["≤", ["upper", true]], ["<=", ["upper", true]],
  ["大于", ["lower", false]], ["小于", ["upper", false]], ["等于", ["exact", true]],
]);

/** What may join a lower and an upper bound into one range: 大于10小于20, 大于4865并少于…, 大于二十的同时小于… */
const JOINERS = new Set(["", "并", "且", "并且", "而且", "的同时", ",", ", "]);
/** What joins the two figures of a between-range (20和30之间). */
const BETWEEN_JOINERS = new Set(["和", "与", "與"]);
const BETWEEN_WORDS = ["之间", "之間", "间", "間"];
const BETWEEN_BEFORE = ["位于", "在"];

const TRIGGER = /[于於≥≤<>间間]/;

/** Turn figures after comparison words into bounds and join bound pairs. Spans stay sorted and disjoint. */
export function applyBounds(text: string, v: string, spans: AmountSpan[]): AmountSpan[] {
  if (spans.length === 0 || !TRIGGER.test(v)) return spans;
  const out: AmountSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    const floor = prev ? prev.end : 0;
    if (s.range || s.change || (s.kind !== "number" && s.kind !== "money")) {
      out.push(s);
      continue;
    }
    // 20和30之间: the previous plain figure, a joiner, this figure, then 之间.
    if (prev && s.start - prev.end <= 3 && !prev.range && prev.kind === s.kind && BETWEEN_JOINERS.has(v.slice(prev.end, s.start).trim())) {
      const after = BETWEEN_WORDS.find((w) => v.startsWith(w, s.end));
      if (after) {
        const lead = BETWEEN_BEFORE.find((w) => v.startsWith(w, prev.start - w.length) && prev.start - w.length >= (out[out.length - 2]?.end ?? 0));
        const start = lead ? prev.start - lead.length : prev.start;
        const end = s.end + after.length;
        out[out.length - 1] = withRange(text, v, prev, start, end, {
          ...ends(prev, "min"),
          ...ends(s, "max"),
          minInclusive: true,
          maxInclusive: false,
        }, out[out.length - 2]?.end ?? 0);
        continue;
      }
    }
    let k = s.start;
    if (k - 1 >= floor && v.charCodeAt(k - 1) === 32) k--;
    const cmp = COMPARATORS.endingAt(v, k, floor);
    if (!cmp) {
      out.push(s);
      continue;
    }
    const [side, inclusive] = cmp[1];
    const start = k - cmp[0].length;
    const range: NonNullable<AmountSpan["range"]> =
      side === "lower"
        ? { ...ends(s, "min"), minInclusive: inclusive }
        : side === "upper"
          ? { ...ends(s, "max"), maxInclusive: inclusive }
          : { ...ends(s, "min"), ...ends(s, "max"), minInclusive: true, maxInclusive: true };
    // 大于10小于20, 不大于50不小于20: opposite bounds side by side (min below max) are one range.
    const open = prev?.range;
    const joinable =
      open !== undefined &&
      prev!.kind === s.kind &&
      start - prev!.end <= 3 &&
      JOINERS.has(v.slice(prev!.end, start)) &&
      ((side === "upper" && open.max === undefined && open.min !== undefined && compare(open.min, s.value) < 0) ||
        (side === "lower" && open.min === undefined && open.max !== undefined && compare(s.value, open.max) < 0));
    if (prev && open && joinable) {
      const merged = side === "upper" ? { ...open, ...range } : { ...range, ...open };
      out[out.length - 1] = withRange(text, v, prev, prev.start, s.end, merged, out[out.length - 2]?.end ?? 0);
      continue;
    }
    out.push(withRange(text, v, s, start, s.end, range, floor));
  }
  return out;
}

function ends(s: AmountSpan, side: "min" | "max"): NonNullable<AmountSpan["range"]> {
  const value = s.range?.[side] ?? s.value;
  const yuan = s.range?.[side === "min" ? "minYuan" : "maxYuan"] ?? s.yuan;
  if (side === "min") return yuan !== undefined ? { min: value, minYuan: yuan } : { min: value };
  return yuan !== undefined ? { max: value, maxYuan: yuan } : { max: value };
}

function withRange(text: string, v: string, s: AmountSpan, start: number, end: number, range: NonNullable<AmountSpan["range"]>, floor: number): AmountSpan {
  const out: AmountSpan = { start, end, text: text.slice(start, end), kind: s.kind, value: range.min ?? range.max ?? s.value, unit: s.unit };
  if (s.kind === "money") out.yuan = range.minYuan ?? range.maxYuan ?? s.yuan ?? out.value;
  out.range = range;
  const label = findLabel(text, v, start, floor);
  if (label) out.label = label;
  return out;
}
