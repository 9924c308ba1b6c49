/** A part's title printed on the line after its bare label is a heading, even when a table follows at once. */
import { describe, expect, test } from "vitest";
import { extractBytes } from "../../src/extract.js";

const page = (lines: string[]) =>
  `<html><head><meta charset="utf-8"></head><body>${lines.map((l) => `<p>${l}</p>`).join("")}` +
  `<table><tr><td>2016年收入支出决算表</td></tr><tr><td>项目</td><td>决算数</td></tr><tr><td>本年收入合计</td><td>100.00</td></tr></table>` +
  `<p>第三部分</p><p>某某局2016年部门决算情况说明</p><p>一、收入决算总体情况。</p></body></html>`;

describe("a part title on the line after its label", () => {
  test("stays the part's heading in the section tree and is no caption of the table below it", async () => {
    const doc = await extractBytes(new TextEncoder().encode(page(["第一部分", "某某局部门概况", "一、本部门职责。", "第二部分", "某某局2016年部门决算表"])));
    expect(doc.sections.map((s) => `${s.label ?? ""}${s.title ?? ""}`)).toEqual(["第一部分某某局部门概况", "第二部分某某局2016年部门决算表", "第三部分某某局2016年部门决算情况说明"]);
    const caption = doc.blocks.find((b) => b.type === "paragraph" && b.text === "某某局2016年部门决算表");
    expect(caption && "role" in caption ? caption.role : undefined).toBeUndefined();
  });
});
