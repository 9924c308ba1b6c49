/**
 * Issue #22, item 5: extraction cost grows with the length of a paragraph, not its square. A single-line paragraph
 * of amounts ("支出1.0万元，支出38.1万元，…" with no full stop) is extracted at doubling sizes, counting the characters
 * every regex scans (tests/hostile/work.ts): each doubling must about double the work. Before the fix every figure
 * scanned back to the start of its sentence — the whole line — and each doubling quadrupled it (50 KB took 4 s,
 * 158 KB 31 s).
 */
import { describe, expect, it } from "vitest";
import { extractBytes } from "../../src/extract.js";
import { countRegexWork, doublingRatios } from "./work.js";

/** `figures` money amounts on one line, commas between them and no sentence end. */
function amountLine(figures: number): string {
  const parts: string[] = [];
  for (let i = 0; i < figures; i++) parts.push(`支出${((i * 37) % 9999) + 1}.${i % 10}万元，`);
  return `一、收支总体情况\n${parts.join("")}\n`;
}

/** The same line as one HTML paragraph. */
function amountPage(figures: number): string {
  return `<html><head><meta charset="utf-8"><title>收支</title></head><body><p>${amountLine(figures).replace("\n", "</p><p>")}</p></body></html>`;
}

const SIZES = [400, 800, 1600];
/** Linear work doubles (plus the fixed cost of a document, which keeps the ratio below 2); quadratic quadruples. */
const MAX_RATIO = 2.4;

async function workOf(bytes: (n: number) => string): Promise<{ works: number[]; amounts: number[] }> {
  const works: number[] = [];
  const amounts: number[] = [];
  for (const n of SIZES) {
    const { work, result } = await countRegexWork(() => extractBytes(new TextEncoder().encode(bytes(n)), { path: `line-${n}` }));
    works.push(work);
    amounts.push(result.amounts.filter((a) => a.kind === "money").length);
  }
  return { works, amounts };
}

describe("a long single-line paragraph of amounts costs work linear in its length", () => {
  it("plain text: every figure is found, and each doubling of the line at most ~doubles the regex work", async () => {
    const { works, amounts } = await workOf(amountLine);
    expect(amounts).toEqual(SIZES);
    for (const r of doublingRatios(works)) expect(r, `regex work at ${SIZES.join(", ")} figures: ${works.join(", ")}`).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it("HTML: the same line as one <p> is linear too", async () => {
    const { works, amounts } = await workOf(amountPage);
    expect(amounts).toEqual(SIZES);
    for (const r of doublingRatios(works)) expect(r, `regex work at ${SIZES.join(", ")} figures: ${works.join(", ")}`).toBeLessThan(MAX_RATIO);
  }, 120_000);
});
