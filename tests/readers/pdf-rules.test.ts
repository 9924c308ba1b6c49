import { describe, expect, it } from "vitest";
import type { RulingLine } from "../../src/readers/layout/types.js";
import { emitStroked, type Point } from "../../src/readers/pdf/rule-geometry.js";

/** A circle of radius r flattened into n straight pieces, as chart exports draw pie slices. */
function flattenedCircle(cx: number, cy: number, r: number, n: number): Point[] {
  return Array.from({ length: n + 1 }, (_, k) => [cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * Math.sin((2 * Math.PI * k) / n)] as Point);
}

describe("ruling lines from stroked paths", () => {
  it("keeps every edge of a cell border drawn as a closed polyline", () => {
    const out: RulingLine[] = [];
    emitStroked({ polylines: [[[100, 100], [300, 100], [300, 120], [100, 120], [100, 100]]], rects: [] }, out);
    expect(out).toEqual([
      { x1: 100, y1: 100, x2: 300, y2: 100 },
      { x1: 300, y1: 100, x2: 300, y2: 120 },
      { x1: 100, y1: 120, x2: 300, y2: 120 },
      { x1: 100, y1: 100, x2: 100, y2: 120 },
    ]);
  });

  it("drops the few level pieces of a flattened curve (a pie chart's outline is no table grid)", () => {
    const circle = flattenedCircle(200, 400, 80, 64);
    const out: RulingLine[] = [];
    emitStroked({ polylines: [circle], rects: [] }, out);
    expect(out).toEqual([]);
    // The same pieces drawn alone, two by two, are still rules: only the curve's context rejects them.
    const level: RulingLine[] = [];
    emitStroked({ polylines: [[[100, 100], [300, 100.5], [300, 200]]], rects: [] }, level);
    expect(level).toHaveLength(2);
  });
});
