import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, test } from "vitest";
import type { ExtractedDocument } from "../../src/model/index.js";
import { AnchorIndex, flattenSections, renderReportHtml, reportOrder, safeId, writeReport } from "../../src/writers/report/index.js";
import { renderTable } from "../../src/writers/report/table.js";
import { extractFailingSeed, extractHostileSeed, extractSeed, fixedAssetsTable, HOSTILE_LINE, procurementTable, withHandTables } from "./fixtures.js";

let seed: ExtractedDocument;
let $: cheerio.CheerioAPI;
beforeAll(async () => {
  seed = await extractSeed();
  $ = cheerio.load(renderReportHtml(seed));
});

describe("report HTML for the seed", () => {
  test("the navigation lists every section of the tree, with labels", () => {
    expect(flattenSections(seed.sections)).toHaveLength(29);
    const links = $("nav .sections a");
    expect(links).toHaveLength(29);
    expect(links.first().text()).toBe("一、部门职责及机构设置情况");
    // Each link lands on the heading of its section.
    for (const a of links.toArray()) expect($(`[id="${$(a).attr("href")!.slice(1)}"]`).is("h2,h3,h4,h5,h6")).toBe(true);
  });

  test("every recognized amount is one focusable <mark> with kind, value in 元, unit and label", () => {
    const marks = $("mark.amt");
    expect(marks).toHaveLength(seed.amounts.length);
    const income = $(`#s-p16-21-29`);
    expect(income.text()).toBe("340.77万元");
    expect(income.attr("tabindex")).toBe("0");
    expect(income.attr("title")).toBe("金额 money\n= 3,407,700 元\n单位 unit: 万元\n标签 label: 预算收入");
  });

  test("every fact and meta evidence link lands on an element of the page", () => {
    const ids = new Set($("[id]").toArray().map((e) => $(e).attr("id")));
    const hrefs = $("#facts a, header.doc a").toArray().map((a) => $(a).attr("href")!);
    expect(hrefs.length).toBeGreaterThanOrEqual(seed.facts.length + 6);
    // Every internal link of the page (nav, checks, facts, meta, warnings) has its target.
    for (const h of $("a").toArray().map((a) => $(a).attr("href")!)) expect(ids.has(h.slice(1)), h).toBe(true);
    // Each evidence of each fact links to the element holding its quote: a <mark> in the text or a table cell.
    const rows = $("#facts tbody tr").toArray();
    expect(rows).toHaveLength(seed.facts.length);
    seed.facts.forEach((fact, i) => {
      const links = $(rows[i]).find(".ev-links a").toArray();
      expect(links).toHaveLength(fact.evidence.length);
      fact.evidence.forEach((ev, j) => {
        const target = $(`[id="${$(links[j]).attr("href")!.slice(1)}"]`);
        expect(target.is(ev.kind === "text" ? "mark" : "td, th"), `${fact.key} ${ev.kind}`).toBe(true);
        expect(target.text()).toContain(ev.quote);
      });
    });
    // The seed's 固定资产 total is read from its table (七、国有资产信息): at least one fact cites a cell.
    expect(seed.facts.some((f) => f.evidence.some((e) => e.kind === "cell" && e.tableId === "t11"))).toBe(true);
    expect($("#c-t11-3-2").text()).toBe("9.3342");
  });

  test("meta spans that are not amounts are marked too, so their links have a target", () => {
    expect($("#s-p0-0-7").is("mark.ev")).toBe(true);
    expect($("#s-p0-0-7").text()).toBe("栾城区委网信办");
  });

  test("self-contained: no external resource, and only the report's own script may run", () => {
    const html = renderReportHtml(seed);
    expect($("link, iframe, object, embed, img[src]")).toHaveLength(0);
    for (const el of $("[src],[href]").toArray()) {
      const url = $(el).attr("src") ?? $(el).attr("href")!;
      expect(url.startsWith("#"), url).toBe(true);
    }
    const script = $("script").text();
    const hash = createHash("sha256").update(script).digest("base64");
    expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain('"Noto Sans CJK SC"');
  });
});

describe("validation failures", () => {
  test("come first in their family, with both sides of the equation and a link to every term", async () => {
    const doc = await extractFailingSeed();
    const page = cheerio.load(renderReportHtml(doc));
    expect(page("#validations tbody tr.check")).toHaveLength(doc.validations.length);
    const rows = page("#checks-sum tr.check");
    const first = rows.first();
    expect(first.hasClass("status-fail")).toBe(true);
    expect(first.find("code").text()).toBe("expenditure.basic.personnel+public=basic");
    const nums = first.find("td.num").toArray().map((td) => page(td).text());
    expect(nums).toEqual(["1,571,200 元", "1,581,200 元", "10,000 元", "150 元"]);
    const links = first.find(".ev-links a").toArray();
    expect(links.map((a) => page(a).text())).toEqual(["1. 157.12万元", "2. 143.16万元", "3. 14.96万元"]);
    for (const a of links) expect(page(page(a).attr("href")!).is("mark.amt")).toBe(true);
    expect(rows.slice(1).toArray().every((tr) => !page(tr).hasClass("status-fail"))).toBe(true);
  });

  test("are grouped by family (the rule's prefix), families in order, each with its counts in the heading and the nav", async () => {
    const doc = await extractFailingSeed();
    const page = cheerio.load(renderReportHtml(doc));
    const families = page("#validations tbody.family").toArray().map((b) => page(b).attr("data-family"));
    expect(families).toEqual(["completeness", "cross", "change", "sum"]);
    for (const b of page("#validations tbody.family").toArray()) {
      const family = page(b).attr("data-family")!;
      const rules = page(b).find("tr.check code").toArray().map((c) => page(c).text());
      expect(rules.every((r) => (r.includes(":") ? r.startsWith(`${family}:`) : family === "sum")), family).toBe(true);
      const failed = page(b).find("tr.status-fail").length;
      expect(page(b).find("tr.family-head").text()).toContain(`${failed} 未通过 failed · ${rules.length} checks`);
    }
    // The seed is a 情况说明 whose nine standard tables are not in it: completeness fails nine times, the sum once;
    // cross and change find nothing to compare (one skipped check each).
    expect(page("#checks-completeness tr.status-fail")).toHaveLength(9);
    expect(page("nav .families a").toArray().map((a) => page(a).text())).toEqual(["completeness 9", "cross (1)", "change (1)", "sum 1"]);
    expect(page("nav .bad").first().text()).toBe("10 未通过 failed");
    // Rows in report order: by family, failures first within each.
    expect(page("#validations tr.check code").toArray().map((c) => page(c).text())).toEqual(reportOrder(doc.validations).map((v) => v.rule));
  });
});

describe("document text is untrusted", () => {
  test("markup in the document renders as text", async () => {
    const doc = await extractHostileSeed();
    const html = renderReportHtml(doc);
    const page = cheerio.load(html);
    expect(page("script")).toHaveLength(1);
    expect(page("img")).toHaveLength(0);
    expect(html).not.toContain("<script>window.__pwned");
    // (the 1 and 2 are recognized numbers, so they sit in marks between the escaped pieces)
    expect(html).toContain("注：&lt;script&gt;window.__pwned = ");
    expect(html).toContain("&lt;img src=x onerror=&quot;window.__pwned = ");
    const p = page("main p").filter((_, el) => page(el).text().startsWith("注：<script>"));
    expect(p.text()).toBe(HOSTILE_LINE);
  });

  test("ids built from document ids stay distinct and attribute-safe", () => {
    expect(safeId("p1")).toBe("p1");
    expect(safeId('t"1 x')).toBe("t_22_1_20_x");
    expect(safeId("a-b")).not.toBe(safeId("a_b"));
  });
});

describe("tables (transcribed by hand from the seed)", () => {
  test("固定资产占用情况表: title rows, a <th> header row, merged cells, unit, cell ids", () => {
    const t = cheerio.load(renderTable(fixedAssetsTable(), []));
    expect(t("thead tr")).toHaveLength(3);
    expect(t("thead th").toArray().map((th) => t(th).text())).toEqual(["项目", "数量", "价值（金额单位：万元）"]);
    expect(t("#c-t11-0-0").attr("colspan")).toBe("3");
    expect(t("#c-t11-1-1").attr("colspan")).toBe("2");
    expect(t("#c-t11-1-1").text()).toBe("截止时间：2019年12月31日");
    expect(t("tbody tr")).toHaveLength(6);
    expect(t("tbody tr").first().hasClass("row-total")).toBe(true);
    expect(t("#c-t11-3-2").attr("title")).toBe("价值（金额单位：万元）\n93,342 元");
    expect(t("figcaption .unit").text()).toBe("价值（金额单位：万元）");
    expect(t("figcaption .size").text()).toBe("9×3");
  });

  test("单位政府采购预算: rowspan and colspan from the cells, covered positions not emitted", () => {
    const table = procurementTable();
    const t = cheerio.load(renderTable(table, []));
    expect(t("#c-t10-0-0").attr("colspan")).toBe("2");
    for (const c of [2, 3, 4, 5, 6]) expect(t(`#c-t10-0-${c}`).attr("rowspan")).toBe("2");
    expect(t("#c-t10-0-7").attr("colspan")).toBe("6");
    expect(t("thead tr").eq(0).children()).toHaveLength(7);
    expect(t("thead tr").eq(1).children().toArray().map((th) => t(th).attr("id"))).toEqual(
      [0, 1, 7, 8, 9, 10, 11, 12].map((c) => `c-t10-1-${c}`),
    );
    // Each row covers all 13 grid columns once its spans are counted.
    const width = (tr: ReturnType<typeof t>) => tr.children().toArray().reduce((n, el) => n + Number(t(el).attr("colspan") ?? 1), 0);
    expect(width(t("thead tr").eq(0))).toBe(13);
    expect(width(t("tbody tr").eq(0))).toBe(13);
  });

  test("cell evidence on a merged position links to the cell's origin", () => {
    const doc = withHandTables(seed);
    const anchors = new AnchorIndex(doc);
    expect(anchors.targetOf({ kind: "cell", tableId: "t10", row: 1, col: 3, quote: "" })).toBe("c-t10-0-3");
    expect(anchors.targetOf({ kind: "cell", tableId: "nope", row: 0, col: 0, quote: "" })).toBeNull();
  });
});

describe("writeReport", () => {
  test("writes the page atomically and leaves no temp file", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "report-write-"));
    const file = path.join(dir, "report.html");
    await writeReport(seed, file);
    expect(readdirSync(dir)).toEqual(["report.html"]);
    expect(readFileSync(file, "utf8")).toBe(renderReportHtml(seed));
  });
});
