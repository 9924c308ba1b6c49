/**
 * Property-based tests of the section builder over arbitrary paragraph lists: generated Chinese and Arabic outline
 * labels (in and out of sequence, restarted, repeated), heading styles, Word numbering, roles, tables, and arbitrary
 * Unicode. Whatever the input: no throw, each block attributed at most once, child level = parent level + 1, the
 * tree's depth stays bounded, and the same input gives the same tree.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParagraphBlock, RawTableBlock, ReaderBlock, Section } from "../../src/model/index.js";
import { buildSections, chineseOrdinal, parseLabel } from "../../src/structure/sections/index.js";

const DIGITS = "零一二三四五六七八九";
/** 1 … 99 written as outline labels write them: 一, 十, 十一, 二十, 二十三. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

const ordinal = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 99 }));
const label = fc.oneof(
  ordinal.map((n) => `第${chineseNumeral(n)}部分`),
  ordinal.map((n) => `${chineseNumeral(n)}、`),
  ordinal.map((n) => `（${chineseNumeral(n)}）`),
  ordinal.map((n) => `(${chineseNumeral(n)})`),
  ordinal.map((n) => `${n}、`),
  ordinal.map((n) => `${n}.`),
  ordinal.map((n) => `（${n}）`),
  ordinal.map((n) => `${n}）`),
  fc.integer({ min: 1, max: 20 }).map((n) => String.fromCharCode(0x2460 + n - 1)),
);
const title = fc.oneof(
  fc.constantFrom("部门概况", "收入预算", "支出预算", "三公经费", "主要职能", "机构设置", "名词解释", "其他重要事项的情况说明", "目录", ""),
  fc.constantFrom("一般公共预算收入340.77万元。", "基本支出：指为保障机构正常运转的支出。", "收入预算。本部门收入……", "负责全区网络安全工作，"),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);
const text = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(label, fc.constantFrom("", " ", "\u3000"), title).map(([l, s, t]) => `${l}${s}${t}`) },
  { weight: 2, arbitrary: title },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom("目录", "目 录", "一、部门职责……1", "收支总表 .......... 5") },
);

type ParagraphShape = Omit<ParagraphBlock, "id" | "type" | "provenance">;
const paragraphShape: fc.Arbitrary<ParagraphShape> = fc.record(
  {
    text,
    headingLevel: fc.integer({ min: 1, max: 9 }),
    style: fc.constantFrom("Heading 1", "标题 2", "Normal"),
    numbering: fc.record({ label, level: fc.integer({ min: 0, max: 8 }) }, { requiredKeys: ["label"] }),
    role: fc.constantFrom("body", "toc", "header", "footer", "caption", "note"),
  },
  { requiredKeys: ["text"] },
);
const blockShapes = fc.array(fc.oneof({ weight: 9, arbitrary: paragraphShape }, { weight: 1, arbitrary: fc.constant("table" as const) }), {
  maxLength: 80,
});

function toBlocks(shapes: (ParagraphShape | "table")[]): ReaderBlock[] {
  let p = 0;
  let t = 0;
  return shapes.map((s, i): ReaderBlock => {
    if (s === "table") {
      const table: RawTableBlock = { id: `t${t++}`, type: "table", rows: [], provenance: { tableIndex: t } };
      return table;
    }
    return { id: `p${p++}`, type: "paragraph", provenance: { paragraphIndex: i }, ...s };
  });
}

function* walk(sections: Section[], parentLevel = 0): Generator<{ section: Section; parentLevel: number }> {
  for (const s of sections) {
    yield { section: s, parentLevel };
    yield* walk(s.children, s.level);
  }
}

/** Distinct numbering styles (6, each open at most twice) plus nine heading levels. */
const MAX_DEPTH = 6 * 2 + 9;

describe("buildSections over arbitrary paragraph lists (fast-check)", () => {
  it("never throws; attributes each block at most once; child level = parent level + 1; bounded depth", () => {
    fc.assert(
      fc.property(blockShapes, fc.array(fc.nat({ max: 80 }), { maxLength: 3 }), (shapes, skipIdx) => {
        const blocks = toBlocks(shapes);
        const skip = new Set(skipIdx.map((i) => `p${i}`));
        const { sections, tocBlockIds } = buildSections(blocks, skip);
        const ids = new Set(blocks.map((b) => b.id));
        const seen = new Set<string>();
        let lastHeading = -1;
        const position = new Map(blocks.map((b, i) => [b.id, i]));
        for (const { section, parentLevel } of walk(sections)) {
          expect(section.level).toBe(parentLevel + 1);
          expect(section.level).toBeLessThanOrEqual(MAX_DEPTH);
          expect(skip.has(section.blockId) || tocBlockIds.has(section.blockId)).toBe(false);
          // Pre-order of the tree is document order of the headings.
          expect(position.get(section.blockId)!).toBeGreaterThan(lastHeading);
          lastHeading = position.get(section.blockId)!;
          for (const id of [section.blockId, ...section.blockIds]) {
            expect(ids.has(id)).toBe(true);
            expect(seen.has(id), `block ${id} attributed twice`).toBe(false);
            seen.add(id);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same input (and a copy of it) gives the same result", () => {
    fc.assert(
      fc.property(blockShapes, (shapes) => {
        const blocks = toBlocks(shapes);
        const first = buildSections(blocks);
        const again = buildSections(structuredClone(blocks));
        expect(JSON.stringify({ ...again, tocBlockIds: [...again.tocBlockIds] })).toBe(
          JSON.stringify({ ...first, tocBlockIds: [...first.tocBlockIds] }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("a label restarted thousands of times stays a shallow tree", () => {
    // "一、… 二、… 三、…" then "一、" again, 1,000 times, each heading followed by its text.
    const shapes = Array.from({ length: 3000 }, (_, i) => [{ text: `${chineseNumeral((i % 3) + 1)}、收入预算` }, { text: "本年收入预算340.77万元。" }]).flat();
    const { sections } = buildSections(toBlocks(shapes));
    let depth = 0;
    for (const { section } of walk(sections)) depth = Math.max(depth, section.level);
    expect(depth).toBe(2);
    expect([...walk(sections)]).toHaveLength(3000);
  });

  it("the generator's labels are the labels the parser reads (the fixtures exercise real numbering)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        expect(chineseOrdinal(chineseNumeral(n))).toBe(n);
        expect(parseLabel(`（${chineseNumeral(n)}）部门概况`)).toMatchObject({ style: "cn_paren", ordinal: n });
        expect(parseLabel(`${chineseNumeral(n)}、部门概况`)).toMatchObject({ style: "cn_dun", ordinal: n });
      }),
    );
  });
});
