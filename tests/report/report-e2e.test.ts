/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core, opened from file:// with every
 * non-file request refused and recorded. Screenshots for humans land in output/report/; with
 * REPORT_DOCS_SCREENSHOT=1 the PDF page-box screenshot also replaces docs/report-page-boxes.png (the README's).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { AnchorIndex, flattenSections, PAGE_SETTINGS, renderReportPages, reportOrder, writeReport, type PageImage, type ReportOptions } from "../../src/writers/report/index.js";
import { corpus, hasShared, repoRoot, samples, SKIP_SHARED } from "../helpers.js";
import { extractFailingSeed, extractHostileSeed, extractSeed, withHandTables } from "./fixtures.js";
import { extractPutuo, putuoBytes, withFailedCheck } from "./pdf-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it)`);

const OUT = path.join(repoRoot, "output", "report");
const YANTAI = "calinchow-del+renwu/烟台市退役军人事务局2026年部门预算_yantai.gov.cn.html";
/** Its facts table was 150 px wider than the column at 1400 px before evidence links could wrap. */
const XIAN = "calinchow-del+renwu/2026-pdf/020_西安_政府办公厅_2026年部门预算.pdf";
/** The :target highlight of the report's CSS (--hit). */
const HIT = "rgb(255, 212, 59)";

describe.skipIf(!hasChromium)("HTML report in headless Chromium", () => {
  let context: BrowserContext;
  let userDataDir: string;
  const offline: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    userDataDir = mkdtempSync(path.join(os.tmpdir(), "report-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1366, height: 860 },
    });
    // The report must need nothing but its own file.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      offline.push(url);
      return route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    expect(offline).toEqual([]);
  });

  async function open(doc: ExtractedDocument, name: string, options: ReportOptions = {}, on: BrowserContext = context): Promise<Page> {
    const file = path.join(OUT, `${name}.html`);
    await writeReport(doc, file, options);
    const page = await on.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    expect(errors).toEqual([]);
    return page;
  }

  /** Clicks a link and checks that its target became :target, lies in the viewport and wears the highlight. */
  async function followsTo(page: Page, link: string, targetId: string): Promise<void> {
    await page.locator(link).click();
    await page.waitForFunction((id) => location.hash === `#${id}`, targetId);
    const state = await page.evaluate(() => {
      const el = document.querySelector(":target");
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { id: el.id, inView: r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0, background: getComputedStyle(el).backgroundColor };
    });
    expect(state).toEqual({ id: targetId, inView: true, background: HIT });
  }

  /** Every cell of every table is in the page with the rowspan/colspan of the model. */
  async function spansMatch(page: Page, doc: ExtractedDocument): Promise<number> {
    const want = doc.tables.flatMap((t) => t.cells.map((c) => ({ id: `c-${new AnchorIndex(doc).targetOf({ kind: "cell", tableId: t.id, row: c.row, col: c.col, quote: "" })!.slice(2)}`, rowSpan: c.rowSpan, colSpan: c.colSpan })));
    const got = await page.evaluate((ids) => ids.map((id) => {
      const el = document.getElementById(id) as HTMLTableCellElement | null;
      return { id, rowSpan: el?.rowSpan ?? 0, colSpan: el?.colSpan ?? 0 };
    }), want.map((w) => w.id));
    expect(got).toEqual(want);
    return want.filter((w) => w.rowSpan > 1 || w.colSpan > 1).length;
  }

  async function navSectionCount(page: Page): Promise<number> {
    return page.locator("nav .sections a").count();
  }

  test("seed: navigation, a fact's text and cell evidence, merged cells, tooltips", async () => {
    const doc = await extractSeed();
    const page = await open(doc, "seed");
    expect(await navSectionCount(page)).toBe(29);
    expect(flattenSections(doc.sections)).toHaveLength(29);
    await page.screenshot({ path: path.join(OUT, "seed-top.png") });

    const anchors = new AnchorIndex(doc);
    const income = doc.facts.findIndex((f) => f.key === "income.total");
    expect(income).toBeGreaterThanOrEqual(0);
    await followsTo(page, `#fact-${income} a.fact-link`, anchors.targetOf(doc.facts[income]!.evidence[0]!)!);
    expect(await page.locator(":target").textContent()).toBe("340.77万元");
    await page.screenshot({ path: path.join(OUT, "seed-evidence.png") });

    const cellFact = doc.facts.findIndex((f) => f.evidence.some((e) => e.kind === "cell"));
    expect(cellFact).toBeGreaterThanOrEqual(0);
    const cellEv = doc.facts[cellFact]!.evidence.findIndex((e) => e.kind === "cell");
    const cellTarget = anchors.targetOf(doc.facts[cellFact]!.evidence[cellEv]!)!;
    await followsTo(page, `#fact-${cellFact} .ev-links a >> nth=${cellEv}`, cellTarget);
    expect(await page.evaluate(() => document.querySelector(":target")!.tagName)).toBe("TD");

    // The extracted seed tables (text reader → table layer) keep their merges; 单位政府采购预算 has one.
    expect(await spansMatch(page, doc)).toBeGreaterThan(0);

    // Keyboard focus on an amount shows kind, value in 元, unit and label.
    await page.focus("#s-p16-21-29");
    const tip = await page.evaluate(() => getComputedStyle(document.querySelector("#s-p16-21-29")!, "::after").content);
    expect(tip).toBe('"金额 money\\a = 3,407,700 元\\a 单位 unit: 万元\\a 标签 label: 预算收入"');
  });

  test("hand-transcribed seed tables: rowspan and colspan lay out as merges", async () => {
    const doc = withHandTables(await extractSeed());
    const page = await open(doc, "seed-hand-tables");
    expect(await spansMatch(page, doc)).toBeGreaterThanOrEqual(9);
    const box = async (id: string) => (await page.locator(`#${id}`).boundingBox())!;
    // 采购物品名称 spans both header rows; 政府采购金额 spans the six columns under it; the title row spans the table.
    const tall = await box("c-t10-0-2");
    const below = await box("c-t10-1-1");
    expect(Math.abs(tall.y + tall.height - (below.y + below.height))).toBeLessThan(2);
    const wide = await box("c-t10-0-7");
    const [first, last] = [await box("c-t10-1-7"), await box("c-t10-1-12")];
    expect(Math.abs(wide.x - first.x)).toBeLessThan(2);
    expect(Math.abs(wide.x + wide.width - (last.x + last.width))).toBeLessThan(2);
    const title = await box("c-t11-0-0");
    const value = await box("c-t11-3-2");
    expect(Math.abs(title.x + title.width - (value.x + value.width))).toBeLessThan(2);
    expect(await page.locator("#t-t11 thead th").allTextContents()).toEqual(["项目", "数量", "价值（金额单位：万元）"]);
    await page.locator("#t-t10").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, "seed-tables.png") });
  });

  test("a failed check is listed first in its family and links to the evidence of every term", async () => {
    const doc = await extractFailingSeed();
    const page = await open(doc, "seed-failing-check");
    // The document's own arithmetic (family sum): its one failure heads the family's rows.
    const first = page.locator("#checks-sum tr.check").first();
    expect(await first.getAttribute("class")).toBe("check status-fail");
    const failed = doc.validations.find((v) => v.status === "fail" && v.rule === "expenditure.basic.personnel+public=basic")!;
    const anchors = new AnchorIndex(doc);
    for (const [i, ev] of failed.evidence.entries()) {
      await followsTo(page, `#checks-sum tr.check >> nth=0 >> .ev-links a >> nth=${i}`, anchors.targetOf(ev)!);
      expect(await page.locator(":target").textContent()).toBe(ev.quote);
      await page.goBack();
    }
    // The filter (JS only) hides passing checks.
    await page.locator("#checks-failed-only").check();
    const failures = doc.validations.filter((v) => v.status === "fail").length;
    expect(await page.locator("#validations tr.check:visible").count()).toBe(failures);
  });

  test("markup in a document renders as text and runs nothing", async () => {
    const page = await open(await extractHostileSeed(), "seed-hostile");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("#b-p3").textContent()).toContain("<script>window.__pwned = 1</script><img src=x");
  });

  test("a real HTML disclosure (samples/kunming-shenji-2026-budget.html)", async () => {
    const doc = await extractFile(samples("kunming-shenji-2026-budget.html"));
    const page = await open(doc, "kunming");
    const sections = flattenSections(doc.sections).length;
    // 一、…九、 with their （一）… children (tests/core/real-trees.test.ts asserts the tree itself).
    expect(sections).toBeGreaterThan(20);
    expect(await navSectionCount(page)).toBe(sections);
    expect(await page.locator("mark.amt").count()).toBe(doc.amounts.length);
    await spansMatch(page, doc);
    const anchors = new AnchorIndex(doc);
    await followsTo(page, "#fact-0 a.fact-link", anchors.targetOf(doc.facts[0]!.evidence[0]!)!);
    // Checks appear by family, failures first within each.
    const shown = await page.locator("#validations tr.check").evaluateAll((trs) => trs.map((tr) => tr.className));
    expect(shown).toEqual(reportOrder(doc.validations).map((v) => `check status-${v.status}`));
    // This page states its 一般公共预算 income as two different figures: the consistency family leads with that failure.
    const consistent = await page.locator("#checks-consistent tr.check").evaluateAll((trs) => trs.map((tr) => tr.className));
    expect(consistent[0]).toBe("check status-fail");
    await page.screenshot({ path: path.join(OUT, "kunming-evidence.png") });
  });

  test.skipIf(!hasShared)(`a corpus document: ${YANTAI}`, async () => {
    const doc = await extractFile(corpus(YANTAI));
    const page = await open(doc, "yantai");
    expect(await navSectionCount(page)).toBe(flattenSections(doc.sections).length);
    // Positioned pages come out with tables, so table cells carry marks too.
    expect(await page.locator("mark.amt").count()).toBe(doc.amounts.length);
    await spansMatch(page, doc);
    const anchors = new AnchorIndex(doc);
    const last = doc.facts.length - 1;
    await followsTo(page, `#fact-${last} a.fact-link`, anchors.targetOf(doc.facts[last]!.evidence[0]!)!);
  });

  describe("a PDF: its pages with a box around every piece of evidence", () => {
    let doc: ExtractedDocument;
    let pages: PageImage[];
    beforeAll(async () => {
      doc = await extractPutuo();
      pages = await renderReportPages(putuoBytes(), doc, "evidence");
    });

    test("clicking a fact scrolls to its page and highlights its boxes over the page image; the box leads to the cell and back", async () => {
      const page = await open(doc, "putuo-pages", { pages, pageCount: 16 });
      await page.setViewportSize({ width: 1400, height: 900 });
      const fact = doc.facts.findIndex((f) => f.key === "income.total");
      const link = page.locator(`#fact-${fact} a.fact-link`);
      const ids = (await link.getAttribute("data-boxes"))!.split(" ");
      // 收入总计 on 收支总表 (p7), the narrative's 收入预算 (p6) and 收入总表 (p8).
      expect(ids).toHaveLength(3);
      await link.click();
      await page.waitForFunction((id) => location.hash === `#${id}`, ids[0]);
      const ev = doc.facts[fact]!.evidence[0]!;
      const first = await boxOverImage(page, ids[0]!);
      expect(first).toMatchObject({ inImage: true, inView: true, onTop: true, loaded: true, highlighted: true, outline: "rgb(232, 89, 12)" });
      // Drawn where the evidence's bbox is on the page (the box is the bbox grown by its margin), to a pixel.
      const size = doc.pages!.find((p) => p.number === ev.page)!;
      const m = PAGE_SETTINGS.marginPt;
      const want = [(ev.bbox![0] - m) / size.width, (ev.bbox![1] - m) / size.height, (ev.bbox![2] + m) / size.width, (ev.bbox![3] + m) / size.height];
      first.rel.forEach((v, i) => expect(Math.abs(v - want[i]!) * (i % 2 === 0 ? first.imageWidth : first.imageHeight)).toBeLessThan(1));
      // The script marks every box of the fact, on every page.
      for (const id of ids) expect(await page.locator(`#${id}`).getAttribute("class")).toContain("hl");
      // For people: the whole page with its boxes, the clicked fact's box highlighted.
      await page.locator(`#page-${ev.page}`).evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: path.join(OUT, "pdf-page-boxes.png") });
      if (process.env.REPORT_DOCS_SCREENSHOT === "1") await page.screenshot({ path: path.join(repoRoot, "docs", "report-page-boxes.png") });

      const cell = new AnchorIndex(doc).targetOf(ev)!;
      await followsTo(page, `#${ids[0]}`, cell);
      await page.locator(`#${cell} a.to-page`).click();
      await page.waitForFunction((id) => location.hash === `#${id}`, ids[0]);
      expect(await boxOverImage(page, ids[0]!)).toMatchObject({ inView: true, highlighted: true });
    });

    test("a line item and a failed check's term lead to their boxes too", async () => {
      const { doc: failing, rule } = withFailedCheck(doc);
      const page = await open(failing, "putuo-failing-check", { pages });
      await page.locator("#line-items summary").click();
      const item = page.locator("#item-0 a.item-link");
      const itemBox = (await item.getAttribute("href"))!.slice(1);
      await item.click();
      await page.waitForFunction((id) => location.hash === `#${id}`, itemBox);
      expect(await boxOverImage(page, itemBox)).toMatchObject({ inImage: true, inView: true, onTop: true, highlighted: true });

      const term = page.locator("#validations tr.status-fail").filter({ hasText: rule }).locator(".ev-links a").first();
      const termBox = (await term.getAttribute("href"))!.slice(1);
      await term.click();
      await page.waitForFunction((id) => location.hash === `#${id}`, termBox);
      expect(await boxOverImage(page, termBox)).toMatchObject({ inImage: true, inView: true, onTop: true, highlighted: true });
      expect(await page.locator(`#${termBox}`).getAttribute("class")).toContain("fail");
      expect(await page.locator(`#${itemBox}`).getAttribute("class")).not.toContain("hl");
    });

    test("without JavaScript the pages and boxes show, and a fact's link still lands on its box", async () => {
      const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
      try {
        const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 900 } });
        await noScript.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : (offline.push(route.request().url()), route.abort())));
        const page = await open(doc, "putuo-no-script", { pages }, noScript);
        // The filter controls stay hidden: only the script shows them, so it did not run.
        expect(await page.locator("p.filter").first().isHidden()).toBe(true);
        await page.locator("#page-16 img").scrollIntoViewIfNeeded();
        const ids = await page.locator("#page-16 .box").evaluateAll((els) => els.map((e) => e.id));
        expect(ids.length).toBeGreaterThan(10);
        for (const id of ids) expect(await boxOverImage(page, id), id).toMatchObject({ inImage: true, visible: true, loaded: true });
        const fact = doc.facts.findIndex((f) => f.key === "assets.vehicles");
        expect(await page.locator(`#fact-${fact} td.num`).textContent()).toBe("2 辆");
        await page.locator(`#fact-${fact} a.fact-link`).click();
        const target = (await page.locator(`#fact-${fact} a.fact-link`).getAttribute("href"))!.slice(1);
        await page.waitForURL((url) => url.hash === `#${target}`);
        expect(await boxOverImage(page, target)).toMatchObject({ inView: true, onTop: true, highlighted: true, outline: "rgb(232, 89, 12)" });
      } finally {
        await browser.close();
      }
    });

    test.each([["samples/putuo-fuliyuan-2024-unit-budget.pdf"], [XIAN]])("at 1400 px no part needs a horizontal scrollbar, the facts' evidence column shows whole: %s", async (rel) => {
      if (rel === XIAN && !hasShared) return console.warn(SKIP_SHARED);
      const file = rel === XIAN ? corpus(XIAN) : path.join(repoRoot, rel);
      const d = rel === XIAN ? await extractFile(file) : doc;
      const bytes = new Uint8Array(readFileSync(file));
      const page = await open(d, `fit-1400-${rel === XIAN ? "xian" : "putuo"}`, { pages: await renderReportPages(bytes, d, "evidence") });
      await page.setViewportSize({ width: 1400, height: 900 });
      const fit = await page.evaluate(() => {
        const root = document.documentElement;
        const facts = document.querySelector("#facts")!;
        const evidenceRight = Math.max(...Array.from(document.querySelectorAll("#facts td.evidence")).map((td) => td.getBoundingClientRect().right));
        return {
          page: root.scrollWidth <= root.clientWidth,
          factsFit: facts.scrollWidth <= facts.clientWidth,
          evidenceInside: evidenceRight <= facts.getBoundingClientRect().right + 0.5,
          overflowing: Array.from(document.querySelectorAll("main section.part")).filter((s) => s.scrollWidth > s.clientWidth).map((s) => s.id),
        };
      });
      expect(fit).toEqual({ page: true, factsFit: true, evidenceInside: true, overflowing: [] });
    });
  });

  /** Where a box is drawn: inside its page image, on top at its centre, visible, highlighted, in % of the image. */
  async function boxOverImage(page: Page, boxId: string) {
    await page.waitForFunction((id) => {
      const img = document.getElementById(id)?.parentElement?.querySelector("img");
      return !!img && img.complete && img.naturalWidth > 0;
    }, boxId);
    return page.evaluate((id) => {
      const box = document.getElementById(id)!;
      const img = box.parentElement!.querySelector("img")!;
      const b = box.getBoundingClientRect();
      const r = img.getBoundingClientRect();
      const style = getComputedStyle(box);
      return {
        inImage: b.left >= r.left - 0.5 && b.right <= r.right + 0.5 && b.top >= r.top - 0.5 && b.bottom <= r.bottom + 0.5,
        inView: b.top >= 0 && b.bottom <= window.innerHeight,
        visible: b.width > 2 && b.height > 2 && style.visibility === "visible" && style.display !== "none" && style.borderTopWidth === "2px",
        onTop: document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2) === box,
        loaded: img.complete && img.naturalWidth > 0,
        highlighted: box.classList.contains("hl") || box.matches(":target"),
        outline: style.outlineColor,
        rel: [(b.left - r.left) / r.width, (b.top - r.top) / r.height, (b.right - r.left) / r.width, (b.bottom - r.top) / r.height],
        imageWidth: r.width,
        imageHeight: r.height,
      };
    }, boxId);
  }

  if (!hasShared) console.warn(SKIP_SHARED);
});
