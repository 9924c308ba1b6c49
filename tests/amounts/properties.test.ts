import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recognizeAmounts } from "../../src/amounts/index.js";
import { isDecimalString } from "../../src/util/decimal.js";

// Characters the recognizer reacts to, so random strings exercise its branches and not just skip.
const alphabet = "0123456789.,，、%％—-~至到元万亿千百十一二两三五九零壹贰拾佰仟角分毛块钱整负△()（）年月日第表约余多几数以上增加减少个百分点之又打是前“”/／ \n\t１２．人民币幣RMB¥￥";
const charArb = fc.constantFrom(...alphabet.split(""));
const textArb = fc.oneof(fc.string(), fc.string({ unit: charArb, maxLength: 80 }));

describe("recognizeAmounts properties", () => {
  it("never throws; spans are in bounds, sorted, non-overlapping, consistent and deterministic", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const spans = recognizeAmounts(text);
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(isDecimalString(s.value)).toBe(true);
          if (s.yuan !== undefined) expect(isDecimalString(s.yuan)).toBe(true);
          if (s.label) expect(s.label.end).toBeLessThanOrEqual(s.start);
          if (s.fraction) expect(BigInt(s.fraction.denominator) > 0n && s.approx === "about").toBe(true);
          last = s.end;
        }
        expect(recognizeAmounts(text)).toEqual(spans);
      }),
      { numRuns: 3000 },
    );
  });

  it("completes on 1 MB of digits, commas and dotted digits with sane spans", () => {
    for (const unit of ["1", "，", "1.", "一", "1,", "万"]) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const spans = recognizeAmounts(text);
      // One assertion per input, not per span: 500k expect() calls would dominate the run.
      const outOfBounds = spans.filter((s) => s.start < 0 || s.end > text.length || s.end <= s.start);
      expect(outOfBounds).toEqual([]);
      expect(spans.length).toBeLessThan(text.length);
    }
  });
});
