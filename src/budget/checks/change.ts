/**
 * change: year-on-year statements ("2026年“三公”经费预算27.22万元，比上年减少3.4万元，下降11.1%") agree with
 * themselves — the stated rate is the change over last year's figure (this year's less the change), the rate's word
 * goes the change's way — and with last year's figure where the sentence prints it ("比上年预算30.62万元减少3.4万元").
 * domain.md §4.3 N3.
 */
import type { AmountSpan, ParagraphBlock, Validation } from "../../model/index.js";
import { abs, add, compare, halfUlp, mul, neg, parseDecimal, sub, formatDecimal } from "../../util/decimal.js";
import { spanMention } from "../narrative/text.js";
import { sumTerms } from "./compare.js";
import type { CheckInput } from "./context.js";

// The words that put a figure against last year's: 比上年, 较2025年年初预算, 同比, 与上年相比.
const AGAINST = /(?:比|较|同比|与)[^，,。；;]{0,16}$|同比$/;
const PERCENT_DECIMALS_OF = (s: AmountSpan) => (/[.．](\d+)/.exec(s.value)?.[1]?.length ?? 0);

/** a / b to `places` decimals, rounded half away from zero; exact BigInt work, no float. */
export function divide(a: string, b: string, places = 6): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  // a/b = (x.units / 10^x.scale) / (y.units / 10^y.scale); scaled by 10^places.
  const num = x.units * 10n ** BigInt(places + y.scale) * 2n;
  const den = y.units * 10n ** BigInt(x.scale);
  let q = num / den;
  q = q >= 0n ? (q + 1n) / 2n : (q - 1n) / 2n;
  return formatDecimal({ units: q, scale: places });
}

interface YoY {
  p: ParagraphBlock;
  current: AmountSpan;
  delta: AmountSpan;
  percent?: AmountSpan;
  prior?: AmountSpan;
}

/** The year-on-year statements of a paragraph: a figure, then 比上年 增加/减少 Δ, then 增长/下降 Y% (and a printed prior). */
export function yearOnYear(p: ParagraphBlock, spans: readonly AmountSpan[]): YoY[] {
  const out: YoY[] = [];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  sorted.forEach((d, i) => {
    if (d.kind !== "money" || !d.change || d.yuan === undefined) return;
    const before = sorted.slice(0, i).filter((s) => !/[。；;]/.test(p.text.slice(s.end, d.start)));
    const current = [...before].reverse().find((s) => s.kind === "money" && !s.change && s.yuan !== undefined && AGAINST.test(p.text.slice(s.end, d.start).replace(/\d[\d,.，．]*\s*(?:亿元|万元|元)/g, "")));
    if (!current) return;
    const prior = before.find((s) => s.start > current.end && s.kind === "money" && !s.change && s.yuan !== undefined);
    const next = sorted[i + 1];
    const percent = next && next.kind === "percent" && next.start - d.end <= 8 && !/[。；;]/.test(p.text.slice(d.end, next.start)) ? next : undefined;
    out.push({ p, current, delta: d, ...(percent ? { percent } : {}), ...(prior ? { prior } : {}) });
  });
  return out;
}

export function checkChange(input: CheckInput): Validation[] {
  const out: Validation[] = [];
  for (const p of input.paragraphs) {
    for (const y of yearOnYear(p, input.spansByBlock.get(p.id) ?? [])) {
      if (y.percent) out.push(percentRule(y));
      if (y.prior) out.push(priorRule(y));
    }
  }
  return out;
}

const label = (y: YoY) => y.current.label?.text.slice(-16) ?? y.current.text;

function percentRule(y: YoY): Validation {
  const rule = `change:percent [${label(y)}]`;
  const [c, d, pct] = [spanMention(y.p, y.current, "(this year)"), spanMention(y.p, y.delta, "(change)"), y.percent!];
  const evidence = [c.evidence, d.evidence, { kind: "text" as const, blockId: y.p.id, start: pct.start, end: pct.end, quote: pct.text }];
  if (pct.change && pct.change !== y.delta.change) {
    return { rule, status: "fail", message: `the change is stated as ${y.delta.change === "increase" ? "增加" : "减少"} ${y.delta.text} but its rate as ${pct.change === "increase" ? "增长" : "下降"} ${pct.text}`, evidence };
  }
  const signed = y.delta.change === "decrease" ? neg(d.yuan) : d.yuan;
  const prior = sub(c.yuan, signed);
  // "0万元，比上年增加0万元，增长0%": nothing changed, and the rate says so.
  if (compare(d.yuan, "0") === 0 && compare(pct.value, "0") === 0) return { rule, status: "pass", message: `no change (${y.delta.text}), stated rate ${pct.text}`, evidence };
  if (compare(prior, "0") <= 0) {
    return { rule, status: "fail", message: `${y.current.text} ${y.delta.change === "increase" ? "增加" : "减少"} ${y.delta.text} leaves last year at ${prior} 元: a rate is not defined (无可比性), yet ${pct.text} is stated`, evidence };
  }
  const computed = divide(mul(d.yuan, "100"), prior, 4);
  // The rate as printed rounds to its last digit; the figures it comes from round too (first order in each).
  const hc = halfUlp(c.decimals, c.multiplier);
  const hd = halfUlp(d.decimals, d.multiplier);
  const spread = divide(mul(add(hd, divide(mul(d.yuan, add(hc, hd)), prior, 6)), "100"), prior, 6);
  const tol = add(halfUlp(PERCENT_DECIMALS_OF(pct)), spread);
  const diff = sub(pct.value, computed);
  const ok = compare(abs(diff), tol) <= 0;
  // A rate cut off at its last digit (36.586% printed 36.58%) is told apart from a wrong one in the message.
  const truncated = !ok && compare(diff, "0") < 0 && compare(abs(diff), add(tol, tol)) <= 0 ? " — the computed rate truncated, not rounded" : "";
  const what = `${y.delta.text} over last year's ${prior} 元 (${y.current.text} ${y.delta.change === "increase" ? "−" : "+"} ${y.delta.text}) is ${computed}%`;
  return { rule, status: ok ? "pass" : "fail", message: ok ? `${what}, stated ${pct.text}` : `${what}, but the document states ${pct.text} (tolerance ±${tol.replace(/(\.\d{4})\d+$/, "$1")}%)${truncated}`, evidence };
}

function priorRule(y: YoY): Validation {
  const c = spanMention(y.p, y.current, "(this year)");
  const prior = spanMention(y.p, y.prior!, "(last year)");
  const d = spanMention(y.p, y.delta, "(change)");
  const signed = { ...d, yuan: y.delta.change === "decrease" ? neg(d.yuan) : d.yuan };
  return sumTerms(`change:prior [${label(y)}]`, { what: "this year's", m: c }, [{ what: "last year's", m: prior }, { what: y.delta.change === "increase" ? "增加" : "减少", m: signed }]);
}
