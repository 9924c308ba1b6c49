import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ParagraphBlock, RawTableBlock, ReaderBlock } from "../../src/model/index.js";
import { layoutPages } from "../../src/readers/layout/index.js";
import type { PageFragments, RulingLine, TextFragment } from "../../src/readers/layout/types.js";
import { BlockIds } from "../../src/readers/types.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const file = path.resolve(repoRoot, "../shared/corpus/calinchow-del+renwu/烟台市退役军人事务局2026年部门预算_yantai.gov.cn.html");
const present = existsSync(file);

/**
 * A deliberately small extraction of the converter's markup (the HTML reader owns the real one): each
 * div.page is a page, div.p a text run at top/left with its font size, div.r a border line.
 */
function pagesOf(html: string): PageFragments[] {
  const pt = (style: string, key: string): number => Number(new RegExp(`${key}:(-?[\\d.]+)pt`).exec(style)?.[1] ?? 0);
  return html
    .split('<div class="page"')
    .slice(1)
    .map((part, i) => {
      const fragments: TextFragment[] = [...part.matchAll(/<div class="p" style="([^"]*)">([^<]*)<\/div>/g)].map((m) => ({
        text: (m[2] ?? "").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&"),
        x: pt(m[1] ?? "", "left"),
        y: pt(m[1] ?? "", "top"),
        height: pt(m[1] ?? "", "font-size"),
      }));
      const lines: RulingLine[] = [...part.matchAll(/<div class="r" style="([^"]*)">/g)].map((m) => {
        const s = m[1] ?? "";
        const [x, y, w, h] = [pt(s, "left"), pt(s, "top"), pt(s, "width"), pt(s, "height")];
        return w >= h ? { x1: x, y1: y + h, x2: x + w, y2: y + h } : { x1: x + w, y1: y, x2: x + w, y2: y + h };
      });
      return { page: i + 1, width: 595, height: 842, fragments, lines };
    });
}

function tableAfter(blocks: ReaderBlock[], title: string): RawTableBlock {
  const i = blocks.findIndex((b) => b.type === "paragraph" && b.text === title);
  const t = blocks.slice(i + 1).find((b): b is RawTableBlock => b.type === "table");
  if (i < 0 || !t) throw new Error(`no table after ${title}`);
  return t;
}

describe.skipIf(!present)("layoutPages on the 烟台 2026 positioned-div HTML (skipped when ../shared is absent)", () => {
  let blocks: ReaderBlock[];
  beforeAll(() => {
    blocks = layoutPages(pagesOf(readFileSync(file, "utf8")), new BlockIds()).blocks;
  });

  it("rebuilds the title and the 目录 from single-character runs", () => {
    const paras = blocks.filter((b): b is ParagraphBlock => b.type === "paragraph");
    expect(paras[0]?.text).toBe("2026年烟台市退役军人事务局部门预算");
    expect(paras[1]).toMatchObject({ text: "目录", role: "toc" });
    expect(paras.filter((p) => p.role === "toc").map((p) => p.text)).toContain("七、一般公共预算“三公”经费支出情况表");
  });

  it("finds all 12 公开表, each followed by its unit line and a table", () => {
    const numbers = new Set(
      blocks.filter((b): b is ParagraphBlock => b.type === "paragraph" && /^公开表\d+$/.test(b.text)).map((b) => b.text),
    );
    expect(numbers.size).toBe(12);
    const i = blocks.findIndex((b) => b.type === "paragraph" && b.text === "公开表1");
    expect(blocks.slice(i, i + 5).map((b) => (b.type === "paragraph" ? b.text : "TABLE"))).toEqual([
      "公开表1",
      "收支总体情况表",
      "部门（单位）：烟台市退役军人事务局",
      "单位：万元",
      "TABLE",
    ]);
  });

  it("reads the 收支总体情况表 totals and the 三公 table cells", () => {
    const total = tableAfter(blocks, "收支总体情况表");
    expect(total.provenance.page).toBe(7);
    expect(total.rows.at(-1)?.cells.map((c) => c.text)).toEqual(["收入总计", "35,874.49", "支出总计", "35,874.49"]);
    const sangong = tableAfter(blocks, "一般公共预算“三公”经费支出情况表");
    expect(sangong.rows[0]?.cells.map((c) => [c.text, c.colSpan])).toEqual([
      ["2025年预算数", 6],
      ["2026年预算数", 6],
    ]);
    expect(sangong.rows[3]?.cells.map((c) => c.text)).toEqual(["28.10", "", "19.90", "", "19.90", "8.20", "25.02", "", "17.40", "", "17.40", "7.62"]);
  });
});
