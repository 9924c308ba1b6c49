import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { load } from "cheerio";
import iconv from "iconv-lite";
import { decodeHtml, positionedFragments, readHtml, sniffHtml, type HtmlReadResult } from "../../src/readers/html/index.js";
import { fragmentLines } from "../../src/readers/html/positioned.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import type { ParagraphBlock, RawTableBlock, ReaderBlock } from "../../src/model/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const samples = path.join(repoRoot, "samples");
const fixtures = path.join(repoRoot, "tests/fixtures/html");
const shared = path.resolve(repoRoot, "../shared");
const corpus = path.join(shared, "corpus/calinchow-del+renwu");

const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(file));
const read = (file: string): Promise<HtmlReadResult> =>
  readHtml(bytesOf(file), { path: file, limits: DEFAULT_LIMITS }) as Promise<HtmlReadResult>;
const paragraphs = (blocks: ReaderBlock[]): ParagraphBlock[] => blocks.filter((b): b is ParagraphBlock => b.type === "paragraph");
const texts = (blocks: ReaderBlock[]): string[] => paragraphs(blocks).map((p) => p.text);
const allText = (blocks: ReaderBlock[]): string =>
  blocks.map((b) => (b.type === "paragraph" ? b.text : b.rows.map((r) => r.cells.map((c) => c.text).join("|")).join("\n"))).join("\n");

const NARRATIVE = "2015年收入预算共安排国库拨款资金923.1961万元。其中：财政拨款869.6461万元。";

describe("decodeHtml", () => {
  it("decodes GBK declared as gb2312", () => {
    const d = decodeHtml(bytesOf(path.join(fixtures, "gbk-meta-gb2312.html")));
    expect(d.encoding).toBe("gb18030");
    expect(d.text).toContain(NARRATIVE);
    expect(d.replacements).toBe(0);
  });
  it("decodes GBK bytes labelled UTF-8 by the bytes, not the label", () => {
    const d = decodeHtml(bytesOf(path.join(fixtures, "gbk-labelled-utf8.html")));
    expect(d.encoding).toBe("gb18030");
    expect(d.text).toContain(NARRATIVE);
  });
  it("sniffs pages without a declaration", () => {
    expect(decodeHtml(bytesOf(path.join(fixtures, "gbk-no-charset.html")))).toMatchObject({ encoding: "gb18030", replacements: 0 });
    expect(decodeHtml(bytesOf(path.join(fixtures, "utf8-no-charset.html")))).toMatchObject({ encoding: "utf-8", replacements: 0 });
    expect(decodeHtml(bytesOf(path.join(fixtures, "gbk-no-charset.html"))).text).toContain(NARRATIVE);
  });
  it("lets a UTF-8 BOM win over a stale gb2312 meta and strips it", () => {
    const d = decodeHtml(bytesOf(path.join(fixtures, "utf8-bom.html")));
    expect(d.encoding).toBe("utf-8");
    expect(d.text.startsWith("<!DOCTYPE")).toBe(true);
    expect(d.text).toContain(NARRATIVE);
  });
  it("reads a gb2312-labelled page whose bytes are UTF-8 as UTF-8", () => {
    const html = `<html><head><meta charset="gb2312"></head><body><p>${NARRATIVE}</p></body></html>`;
    const d = decodeHtml(new Uint8Array(Buffer.from(html, "utf8")));
    expect(d.encoding).toBe("utf-8");
    expect(d.text).toContain(NARRATIVE);
  });
  it("counts undecodable bytes instead of throwing", () => {
    const d = decodeHtml(bytesOf(path.join(fixtures, "gbk-bad-bytes.html")));
    expect(d.text).toContain(NARRATIVE);
    expect(d.replacements).toBeGreaterThan(0);
    expect(() => decodeHtml(new Uint8Array([0xff, 0xfe, 0x00]))).not.toThrow();
    expect(decodeHtml(new Uint8Array([0x80, 0x81, 0xfe, 0xff, 0xc3]))).toHaveProperty("text");
  });
});

describe("sniffHtml", () => {
  it("recognizes real pages, including a JSP template and a UTF-16 page", () => {
    for (const f of ["chongqing-jiaotong-2018-budget.html", "kunming-shenji-2026-budget.html", "swu-2024-landing.html"]) {
      expect(sniffHtml(bytesOf(path.join(samples, f))), f).toBe(true);
    }
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("<html><body><p>预算</p></body></html>", "utf-16le")]));
    expect(sniffHtml(utf16)).toBe(true);
    expect(decodeHtml(utf16).text).toContain("<p>预算</p>");
  });
  it("rejects text, PDF, zip and empty input", () => {
    expect(sniffHtml(bytesOf(path.join(samples, "luancheng-wangxin-2020-budget.txt")))).toBe(false);
    expect(sniffHtml(new Uint8Array(Buffer.from("%PDF-1.7\n<< /Type /Catalog >>")))).toBe(false);
    expect(sniffHtml(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e]))).toBe(false);
    expect(sniffHtml(new Uint8Array())).toBe(false);
    expect(sniffHtml(new Uint8Array(Buffer.from("收入 < 支出，差额为 3 万元")))).toBe(false);
  });
});

describe("readHtml on generated fixtures", () => {
  it("keeps rowspan/colspan and the multi-row header of a data table", async () => {
    const r = await read(path.join(fixtures, "table-spans.html"));
    const tables = r.blocks.filter((b): b is RawTableBlock => b.type === "table");
    expect(tables).toHaveLength(2);
    const t = tables[0]!;
    expect(t.id).toBe("t0");
    expect(t.provenance).toEqual({ tableIndex: 0, elementPath: "html>body>div#content>table:nth-of-type(1)" });
    expect(t.rows).toHaveLength(6);
    expect(t.rows[0]!.cells).toEqual([
      { text: "科目编码", colSpan: 1, rowSpan: 2 },
      { text: "科目名称", colSpan: 1, rowSpan: 2 },
      { text: "一般公共预算支出", colSpan: 3, rowSpan: 1 },
    ]);
    expect(t.rows[0]!.isHeaderHint).toBe(true);
    expect(t.rows[1]!.cells.map((c) => c.text)).toEqual(["合计", "基本支出", "项目支出"]);
    expect(t.rows[2]!.cells[0]).toEqual({ text: "201", colSpan: 1, rowSpan: 3 });
    expect(t.rows[2]!.isHeaderHint).toBeUndefined();
    expect(t.rows[3]!.cells.map((c) => c.text)).toEqual(["审计事务", "1,154.15", "927.51", "226.64"]);
    expect(t.rows[5]!.cells[0]).toEqual({ text: "合 计", colSpan: 2, rowSpan: 1 });
    // A <br> inside a cell is a line break in the cell text.
    expect(t.rows[5]!.cells[2]!.text).toBe("1,202.53\n（含结转）");
    // The outer single-cell table is layout; the inner one is the data.
    expect(tables[1]!.rows.map((row) => row.cells.map((c) => c.text))).toEqual([["内表甲", "12.5"], ["内表乙", "7.5"]]);
    expect(texts(r.blocks)).toContain("单位：万元");
  });

  it("splits <br> runs into paragraphs and trims &nbsp; and full-width spaces", async () => {
    const r = await read(path.join(fixtures, "br-runs.html"));
    expect(texts(r.blocks).slice(1)).toEqual(["一、单位基本情况", "（一）职能职责。", "１、负责推进综合交通运输体系建设。", "２、负责组织拟订综合交通运输发展战略。"]);
  });

  it("never lets scripts, styles or chrome into the text", async () => {
    const r = await read(path.join(fixtures, "scripts-chrome.html"));
    const text = allText(r.blocks);
    for (const absent of ["脚本", "样式文字", "请启用脚本", "模板文字", "首页", "政务公开", "当前位置", "上一篇", "打印本页", "分享到", "主办单位", "网站地图", "版权所有"]) {
      expect(text, absent).not.toContain(absent);
    }
    expect(texts(r.blocks)).toEqual([
      "市审计局2026年部门预算",
      "一、部门职责",
      "市审计局主管全市审计工作，对市本级预算执行情况进行审计监督。",
      "二、收支预算情况",
      "2026年收支总预算3,163.55万元，比上年减少125.30万元。",
    ]);
    expect(paragraphs(r.blocks)[0]!.headingLevel).toBe(1);
    expect(r.title).toBe("郑州市土地储备中心2015年部门预算");
  });

  it("warns about undecodable bytes", async () => {
    const r = await read(path.join(fixtures, "gbk-bad-bytes.html"));
    expect(r.warnings.map((w) => w.code)).toContain("encoding_replacements");
    expect(texts(r.blocks).join("")).toContain(NARRATIVE);
  });

  it("finishes a 10 MB single-line page", async () => {
    const unit = `<div><p>${NARRATIVE}</p><span>一般公共预算<br>财政拨款</span></div>`;
    const html = `<html><head><meta charset="utf-8"><title>大页面</title></head><body>${unit.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(unit)))}</body></html>`;
    const bytes = new Uint8Array(Buffer.from(html, "utf8"));
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(html.includes("\n")).toBe(false);
    const r = (await readHtml(bytes, { path: "big.html", limits: DEFAULT_LIMITS })) as HtmlReadResult;
    const ps = texts(r.blocks);
    expect(ps.filter((t) => t === NARRATIVE).length).toBe(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(unit)));
    expect(ps.filter((t) => t === "财政拨款").length).toBe(ps.filter((t) => t === NARRATIVE).length);
  }, 120_000);

  it("reads positioned (PDF-to-HTML) pages in reading order and returns their fragments", async () => {
    const file = path.join(fixtures, "positioned.html");
    const pages = positionedFragments(load(readFileSync(file, "utf8")))!;
    expect(pages.map((p) => [p.page, p.width, p.height, p.fragments.length])).toEqual([[1, 595, 842, 131], [2, 595, 842, 131]]);
    expect(pages[0]!.lines).toEqual([{ x1: 42.95, y1: 83.45, x2: 42.95 + 395.96, y2: 83.45 }]);
    expect(fragmentLines(pages[1]!)[0]).toBe("第2页第1行 0.00");
    const r = await read(file);
    expect(r.pages).toHaveLength(2);
    const ps = paragraphs(r.blocks);
    expect(ps.slice(0, 3).map((p) => p.text)).toEqual(["第1页第1行 0.00", "第1页第2行 1.50", "第1页第3行 3.00"]);
    const marker = ps.find((p) => p.text === "— 1 —")!;
    expect(marker.role).toBe("footer");
    expect(ps.find((p) => p.text === "第2页第65行 96.00")!.provenance.page).toBe(2);
    expect(r.warnings.map((w) => w.code)).toContain("positioned_layout");
    // An ordinary page is not positioned.
    expect(positionedFragments(load(readFileSync(path.join(samples, "kunming-shenji-2026-budget.html"), "utf8")))).toBeNull();
  });
});

describe("readHtml: pictures in the body (image_not_read)", () => {
  const page = (body: string) => new Uint8Array(Buffer.from(`<html><head><meta charset="utf-8"><title>图片</title></head><body><div id="content">${body}</div></body></html>`, "utf8"));
  const imageWarnings = async (body: string) => ((await readHtml(page(body), { path: "images.html", limits: DEFAULT_LIMITS })) as HtmlReadResult).warnings.filter((w) => w.code === "image_not_read");

  it("names a run of table pictures once, on the block before them", async () => {
    const ws = await imageWarnings(`<p>一、部门预算情况说明</p><p>2018年收入预算324970.32万元。</p><p><img src="/a/01.gif" width="750" height="843"><img src="/a/02.gif" style="width: 750px; height: 789px;"></p><p>附表完</p><p><img src="/a/03.gif" width="559" height="224"></p>`);
    expect(ws).toHaveLength(2);
    expect(ws[0]!.blockId).toBe("p1");
    expect(ws[0]!.message).toContain("2 images in the page's text were not read");
    expect(ws[0]!.message).toContain("/a/01.gif, /a/02.gif");
    expect(ws[1]!.blockId).toBe("p2");
    expect(ws[1]!.message).toContain("/a/03.gif");
  });

  it("puts a picture inside a paragraph after that paragraph, and one at the page's start before the first block", async () => {
    const ws = await imageWarnings(`<img src="/top.png" width="600" height="400"><p>表一<img src="/t1.png" width="600" height="400">收支总表</p>`);
    expect(ws.map((w) => [w.blockId, w.message.includes("before p0")])).toEqual([["p0", true], ["p0", false]]);
    expect(ws[1]!.message).toContain("after p0 (\"表一收支总表\")");
  });

  it("ignores icons, spacers, linked pictures and the file-type icon beside an attachment link", async () => {
    const ws = await imageWarnings(
      `<p>正文<img src="/bullet.gif" width="16" height="16"><img src="/line.gif" width="700" height="2"><a href="/x.pdf"><img src="/button.png" width="300" height="80"></a></p>` +
        `<p><img src="/icon_pdf.gif"><a href="/budget.pdf">2024年度部门预算.pdf</a></p><p><img src="/banner.png" style="width:700.0pt;height:20.0pt"></p>`,
    );
    expect(ws).toEqual([]);
  });

  it("counts the pictures of a table cell after the table, and names at most 20 of a long run", async () => {
    const cells = Array.from({ length: 25 }, (_, i) => `<img src="/p${i}.gif" width="700" height="500">`).join("");
    const ws = await imageWarnings(`<p>附表</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>${cells}</td></tr></table>`);
    expect(ws).toHaveLength(1);
    expect(ws[0]!.blockId).toBe("t0");
    expect(ws[0]!.message).toMatch(/^25 images .*\/p19\.gif and 5 more\./);
  });
});

describe("readHtml on real pages (samples/)", () => {
  it("重庆交通委 2018: the <br> narrative becomes paragraphs, １、 lines stand alone, no portal text", async () => {
    const r = await read(path.join(samples, "chongqing-jiaotong-2018-budget.html"));
    const ps = texts(r.blocks);
    expect(r.title).toBe("重庆市交通委员会");
    expect(r.encoding).toBe("utf-8");
    expect(ps[0]).toBe("重庆市交通委员会2018年部门预算情况说明");
    expect(ps[1]).toBe("一、单位基本情况");
    expect(ps).toContain("（一）职能职责。");
    expect(ps).toContain("二、部门预算情况说明");
    expect(ps).toContain("三、“三公”经费情况说明");
    expect(ps.filter((t) => /^[１２３４５６７８９]、/.test(t))).toHaveLength(9);
    expect(ps.some((t) => t.startsWith("１、负责推进综合交通运输体系建设"))).toBe(true);
    expect(ps.some((t) => t.startsWith("2018年一般公共预算财政拨款收入324970.32万元"))).toBe(true);
    const text = ps.join("\n");
    for (const absent of ["当前位置", "首页", "更新时间", "${"]) expect(text, absent).not.toContain(absent);
    expect(ps.every((t) => t === t.trim() && !t.startsWith("\u00a0"))).toBe(true);
    expect(paragraphs(r.blocks)[1]!.provenance.elementPath).toBe("html>body>div>div>div>div>div#lH>div:nth-of-type(3)>div:nth-of-type(2)>p:nth-of-type(2)");
  });

  it("重庆交通委 2018: its 8 table GIFs after the 三公 definitions are named in one image_not_read warning", async () => {
    const r = await read(path.join(samples, "chongqing-jiaotong-2018-budget.html"));
    const ws = r.warnings.filter((w) => w.code === "image_not_read");
    expect(ws).toHaveLength(1);
    const at = r.blocks.find((b) => b.id === ws[0]!.blockId) as ParagraphBlock;
    expect(at.text).toMatch(/^（五）“三公”经费：.*公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。$/);
    expect(ws[0]!.message).toContain("8 images in the page's text were not read");
    expect(ws[0]!.message).toContain("http://www.cqjt.gov.cn:8080/resource/textnews/20180307/93721520404823043.gif");
    expect(ws[0]!.message).toContain("20180307/52551520404574394.gif");
  });

  it("西南大学 2024: the PDF icon beside its download link is not a picture of the text", async () => {
    const r = await read(path.join(samples, "swu-2024-landing.html"));
    expect(r.warnings.filter((w) => w.code === "image_not_read")).toEqual([]);
  });

  it("昆明审计局 2026: the article inside the portal, none of the portal's menus", async () => {
    const r = await read(path.join(samples, "kunming-shenji-2026-budget.html"));
    const ps = texts(r.blocks);
    expect(ps[0]).toBe("昆明市审计局（汇总）2026年预算公开");
    expect(ps[1]).toBe("第一部分 昆明市审计局（汇总）2026年部门预算编制说明");
    expect(ps).toContain("昆明市审计局是昆明市人民政府组成部门，为正处级，主要职责是：");
    expect(ps).toContain("所属单位31个，其中：行政单位15个，参公单位0个，事业单位16个。");
    expect(ps).toContain("（一）专业名词解释");
    const text = ps.join("\n");
    for (const absent of ["公务员邮箱", "政府信息公开指南", "无障碍浏览", "当前位置", "友情链接", "昆明市人大常委会", "外交部", "分享到", "字号"]) {
      expect(text, absent).not.toContain(absent);
    }
    expect(r.blocks.map((b) => b.id).slice(0, 3)).toEqual(["p0", "p1", "p2"]);
    expect(paragraphs(r.blocks)[0]!.headingLevel).toBe(3);
  });

  it("郑州国土资源局 2015: article text only", async () => {
    const r = await read(path.join(samples, "zhengzhou-guotu-2015-budget.html"));
    const ps = texts(r.blocks);
    expect(ps[0]).toBe("郑州市国土资源局2015年度部门预算公开情况说明");
    expect(ps[1]).toBe("一、部门概况");
    expect(ps).toContain("2015年收入预算共安排国库拨款资金923.1961万元。其中：财政拨款869.6461万元、国有资源（资产）有偿使用收入53.55万元。");
    expect(ps).toContain("四、“三公经费”增减变化原因说明");
    expect(ps[ps.length - 1]).toBe("2015年3月5日");
    const text = ps.join("\n");
    for (const absent of ["繁體", "登录", "请输入关键字", "主办单位", "豫ICP备", "政府网站找错", "返回顶部"]) expect(text, absent).not.toContain(absent);
  });

  it("西南大学 2024 landing page: just the title and the PDF link", async () => {
    const r = await read(path.join(samples, "swu-2024-landing.html"));
    expect(texts(r.blocks)).toEqual(["西南大学2024年度部门预算", "西南大学2024年度部门预算.pdf"]);
    expect(r.title).toBe("西南大学2024年度部门预算-信息公开");
  });
});

const hasCorpus = existsSync(corpus);
const corpusFile = (prefix: string): string => path.join(corpus, readdirSync(corpus).find((f) => f.startsWith(prefix))!);

if (!hasCorpus) console.warn(`html tests: ${corpus} not found — skipping the ../shared/corpus pages (天津, 无锡, 烟台).`);

describe.skipIf(!hasCorpus)("readHtml on ../shared/corpus pages", () => {
  it("天津 catalog: the 10 numbered items of the 公开目录, no portal text", async () => {
    const r = await read(corpusFile("CATALOG_天津"));
    const ps = texts(r.blocks);
    expect(ps[0]).toBe("天津市工业和信息化局");
    expect(ps).toContain("公开目录");
    // The page separates "1." from its title with U+2002, folded to a plain space.
    expect(ps.filter((t) => /^\d+\. \S/.test(t))).toHaveLength(10);
    expect(ps).toContain("1. 预算编制说明");
    expect(ps).toContain("10. 一般公共预算“三公”经费支出情况表");
    expect(ps.join("\n")).not.toMatch(/微信|新浪微博|来源：天津市财政局/);
  });

  it("无锡 landing page: the title and two attachment names", async () => {
    const r = await read(corpusFile("LANDING_无锡"));
    expect(texts(r.blocks)).toEqual([
      "无锡市自然资源和规划局2026年度部门预算公开",
      "无锡市自然资源和规划局2026年度部门预算公开 .docx",
      "无锡市自然资源和规划局2026年政府专项资金明细项目表.xls",
      "来源：无锡市自然资源和规划局",
    ]);
  });

  it("烟台 PDF-to-HTML page: positioned fragments by page, lines in reading order", async () => {
    const r = await read(corpusFile("烟台"));
    expect(r.pages!.length).toBe(53);
    const ps = texts(r.blocks);
    expect(ps.slice(0, 4)).toEqual(["2026年烟台市退役军人事务局", "部门预算", "目 录", "第一部分 部门概况"]);
    expect(ps).toContain("一、财政拨款收入 28,685.65 一、一般公共服务支出");
    expect(ps).toContain("（一）做好退役军人思想政治、管理保障和安置优抚等工作。");
    expect(r.pages!.reduce((n, p) => n + p.fragments.length, 0)).toBeGreaterThan(3000);
    // Table rulings (div.r boxes) come through as lines on the table pages.
    expect(r.pages!.filter((p) => (p.lines?.length ?? 0) > 10).length).toBeGreaterThan(10);
  }, 60_000);
});
