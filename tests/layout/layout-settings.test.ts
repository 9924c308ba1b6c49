import { describe, expect, it } from "vitest";
import type { ParagraphBlock, RawTableBlock, ReaderBlock } from "../../src/model/index.js";
import { DEFAULT_LAYOUT_SETTINGS, layoutPages, layoutSettings, type LayoutSettings } from "../../src/readers/layout/index.js";
import type { PageFragments, TextFragment } from "../../src/readers/layout/types.js";
import { BlockIds } from "../../src/readers/types.js";

const SIZE = 10;
function run(text: string, x: number, y: number): TextFragment {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return { text, x, y, width: ems * SIZE, height: SIZE };
}
const page = (fragments: TextFragment[], lines?: PageFragments["lines"]): PageFragments => ({ page: 1, width: 600, height: 800, fragments, ...(lines ? { lines } : {}) });
const texts = (blocks: ReaderBlock[]): string[] => blocks.filter((b): b is ParagraphBlock => b.type === "paragraph").map((b) => b.text);
const layout = (p: PageFragments, s: Partial<LayoutSettings> = {}): ReaderBlock[] => layoutPages([p], new BlockIds(), s).blocks;

describe("LayoutSettings: one object for every layout tolerance, overridable per call", () => {
  // Two statements 25 pt apart on one 10 pt line: 2.5 em, wider than the default 1.8 em segment gap.
  const spread = page([run("编制单位：某局", 100, 100), run("单位：元", 100 + 70 + 25, 100)]);

  it("by default a 2.5 em gap splits a line into two statements", () => {
    expect(texts(layout(spread))).toEqual(["编制单位：某局", "单位：元"]);
  });

  it("segmentGapEms 3 keeps the same line as one run of text", () => {
    expect(texts(layout(spread, { segmentGapEms: 3 }))).toEqual(["编制单位：某局单位：元"]);
  });

  it("ruleStraightness decides whether a slightly slanted border still separates two rows", () => {
    // A 2×2 ruled table whose middle rule drops 1.5 pt over its length (a scanned-and-vectorised border).
    const lines = [
      { x1: 100, y1: 100, x2: 300, y2: 100 },
      { x1: 100, y1: 129.25, x2: 300, y2: 130.75 },
      { x1: 100, y1: 160, x2: 300, y2: 160 },
      { x1: 100, y1: 100, x2: 100, y2: 160 },
      { x1: 200, y1: 100, x2: 200, y2: 160 },
      { x1: 300, y1: 100, x2: 300, y2: 160 },
    ];
    const p = page([run("项目", 110, 110), run("1.00", 210, 110), run("合计", 110, 140), run("2.00", 210, 140)], lines);
    const grid = (s: Partial<LayoutSettings>): string[][][] =>
      layout(p, s).filter((b): b is RawTableBlock => b.type === "table").map((t) => t.rows.map((r) => r.cells.map((c) => c.text)));
    expect(grid({})).toEqual([[["项目合计", "1.002.00"]]]);
    expect(grid({ ruleStraightness: 2 })).toEqual([[["项目", "1.00"], ["合计", "2.00"]]]);
  });

  it("layoutSettings keeps the defaults it is not given and rejects unknown or negative values", () => {
    const s = layoutSettings({ furnitureBand: 0.12 });
    expect(s.furnitureBand).toBe(0.12);
    expect(s.segmentGapEms).toBe(DEFAULT_LAYOUT_SETTINGS.segmentGapEms);
    expect(() => layoutSettings({ segmentGap: 2 } as unknown as Partial<LayoutSettings>)).toThrow(/unknown layout setting segmentGap/);
    expect(() => layoutSettings({ ruleSnap: -1 })).toThrow(RangeError);
    expect(Object.isFrozen(DEFAULT_LAYOUT_SETTINGS)).toBe(true);
  });
});
