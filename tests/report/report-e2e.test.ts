/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core, opened from file:// with every
 * non-file request refused and recorded. Screenshots for humans land in output/report/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { extractFile } from "../../src/extract.js";
import type { ExtractedDocument } from "../../src/model/index.js";
import { AnchorIndex, flattenSections, reportOrder, writeReport } from "../../src/writers/report/index.js";
import { corpus, hasShared, repoRoot, samples, SKIP_SHARED } from "../helpers.js";
import { extractFailingSeed, extractHostileSeed, extractSeed, withHandTables } from "./fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it)`);

const OUT = path.join(repoRoot, "output", "report");
const YANTAI = "calinchow-del+renwu/烟台市退役军人事务局2026年部门预算_yantai.gov.cn.html";
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

  async function open(doc: ExtractedDocument, name: string): Promise<Page> {
    const file = path.join(OUT, `${name}.html`);
    await writeReport(doc, file);
    const page = await context.newPage();
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
  if (!hasShared) console.warn(SKIP_SHARED);
});
