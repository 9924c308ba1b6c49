/**
 * Builds samples/luancheng-wangxin-2020-budget.docx from the seed text (a text export of the
 * department's Word file) as a real Word document: 一、/（一）/1、/1）/第X部分 come from Word
 * auto-numbering (numbering.xml, not typed), tables are real w:tbl with the merges the original has
 * (机构设置 with a two-row header, the 绩效目标表 goal cell spanning five columns, the 13-column 政府采购
 * header with gridSpan/vMerge, the 固定资产占用情况表 with its spanning title row).
 * Usage: npx tsx scripts/make-seed-docx.ts [seed.txt] [out.docx]
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { abstractNum, buildDocx, escapeXml, num, tbl, type CellSpec } from "../tests/fixtures/docx/build.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seedPath = process.argv[2] ?? path.join(repoRoot, "samples/luancheng-wangxin-2020-budget.txt");
const outPath = process.argv[3] ?? path.join(repoRoot, "samples/luancheng-wangxin-2020-budget.docx");

/** The lists: 1 = 一、/（一）/1、 outline; 2 = 第X部分; 3 = 1、 lists under 第二部分 and 名词解释; 4 = 1） duties. */
const NUMBERING =
  abstractNum(1, [
    { fmt: "chineseCounting", text: "%1、", start: 1, suff: "nothing" },
    { fmt: "chineseCounting", text: "（%2）", start: 1, suff: "nothing" },
    { fmt: "decimal", text: "%3、", start: 1, suff: "nothing" },
  ]) +
  abstractNum(2, [{ fmt: "chineseCounting", text: "第%1部分", start: 1, suff: "space" }]) +
  abstractNum(3, [{ fmt: "decimal", text: "%1、", start: 1, suff: "nothing" }]) +
  abstractNum(4, [{ fmt: "decimal", text: "%1）", start: 1, suff: "space" }]) +
  num(1, 1) +
  num(2, 2) +
  num(3, 3) +
  num(4, 3, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>') +
  num(5, 4);

let bookmarkId = 0;

function para(text: string, opts: { numId?: number; ilvl?: number; bookmark?: string; center?: boolean; bold?: boolean } = {}): string {
  let pPr = "";
  if (opts.numId !== undefined) pPr += `<w:numPr><w:ilvl w:val="${opts.ilvl ?? 0}"/><w:numId w:val="${opts.numId}"/></w:numPr>`;
  if (opts.center) pPr += '<w:jc w:val="center"/>';
  const rPr = opts.bold ? "<w:rPr><w:b/></w:rPr>" : "";
  const bm = opts.bookmark ? `<w:bookmarkStart w:id="${bookmarkId}" w:name="${opts.bookmark}"/><w:bookmarkEnd w:id="${bookmarkId++}"/>` : "";
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${bm}<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

interface SeedTable {
  rows: string[][];
}

/** Seed lines → blocks: tab-led lines are cells, blank lines end rows, untabbed lines inside a cell continue it. */
function parseSeed(lines: string[]): Array<{ kind: "p"; text: string; bookmark?: string } | { kind: "t"; table: SeedTable }> {
  const out: Array<{ kind: "p"; text: string; bookmark?: string } | { kind: "t"; table: SeedTable }> = [];
  let table: SeedTable | null = null;
  let row: string[] = [];
  const endRow = (): void => {
    if (table && row.length > 0) table.rows.push(row);
    row = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.startsWith("\t")) {
      if (!table) {
        table = { rows: [] };
        out.push({ kind: "t", table });
      }
      row.push(raw.slice(1));
      continue;
    }
    if (table) {
      if (raw.trim() === "") {
        endRow();
        continue;
      }
      if (row.length > 0) {
        row[row.length - 1] += `\n${raw}`;
        continue;
      }
      // A line after a finished row that is not a cell: the table is over.
      table = null;
    }
    if (raw.trim() === "") continue;
    const m = /^\[bookmark: (_\w+)\](.*)$/.exec(raw);
    out.push(m ? { kind: "p", text: m[2]!, bookmark: m[1]! } : { kind: "p", text: raw });
  }
  return out;
}

function cellsXml(cells: CellSpec[]): string {
  return cells
    .map((c) => {
      let tcPr = "";
      if (c.span && c.span > 1) tcPr += `<w:gridSpan w:val="${c.span}"/>`;
      if (c.vMerge === "restart") tcPr += '<w:vMerge w:val="restart"/>';
      if (c.vMerge === "continue") tcPr += "<w:vMerge/>";
      const paras = c.text.split("\n").map((line) => para(line)).join("");
      return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${paras}</w:tc>`;
    })
    .join("");
}

function row(cells: CellSpec[]): string {
  return `<w:tr>${cellsXml(cells)}</w:tr>`;
}

/** Rows narrower than the table: the last cell spans the rest (the goal cell, title rows). */
function genericTable(t: SeedTable): string {
  // Blank lines inside a cell split a row in the text export: join short neighbours back up.
  const width = Math.max(...t.rows.map((r) => r.length));
  const rows: string[][] = [];
  for (const r of t.rows) {
    const last = rows[rows.length - 1];
    if (last && last.length < width && last.length + r.length === width && last.length > 2) last.push(...r);
    else rows.push([...r]);
  }
  return tbl(
    width,
    rows.map((r) => row(r.map((text, i) => ({ text, span: i === r.length - 1 ? width - r.length + 1 : 1 })))),
  );
}

function orgTable(t: SeedTable): string {
  // Header over two rows: the export shows the second header row as empty (vMerge continuations).
  const [header, , ...data] = t.rows;
  return tbl(4, [
    row(header!.map((text) => ({ text, vMerge: "restart" as const }))),
    row(header!.map(() => ({ text: "", vMerge: "continue" as const }))),
    ...data.map((r) => row(r.map((text) => ({ text })))),
  ]);
}

function procurementTable(t: SeedTable): string {
  const [top, second] = t.rows;
  const sub = second!.filter((s) => s !== "");
  return tbl(13, [
    row([
      { text: top![0]!, span: 2 },
      ...top!.slice(1, 6).map((text) => ({ text, vMerge: "restart" as const })),
      { text: top![6]!, span: 6 },
    ]),
    row([{ text: sub[0]! }, { text: sub[1]! }, ...Array.from({ length: 5 }, () => ({ text: "", vMerge: "continue" as const })), ...sub.slice(2).map((text) => ({ text }))]),
    row(Array.from({ length: 13 }, () => ({ text: "" }))),
  ]);
}

/** Which list a line belongs to, from its typed label (the label itself is then left to Word). */
function numbered(text: string, context: { underPart2: boolean; glossary: boolean }): { numId: number; ilvl: number; rest: string } | null {
  let m = /^[一二三四五六七八九十]+、(.*)$/.exec(text);
  if (m) return { numId: 1, ilvl: 0, rest: m[1]! };
  m = /^（[一二三四五六七八九十]+）(.*)$/.exec(text);
  if (m) return { numId: 1, ilvl: 1, rest: m[1]! };
  m = /^第[一二三四五六七八九十]+部分\s*(.*)$/.exec(text);
  if (m) return { numId: 2, ilvl: 0, rest: m[1]! };
  m = /^\d+）\s*(.*)$/.exec(text);
  if (m) return { numId: 5, ilvl: 0, rest: m[1]! };
  m = /^\d+、(.*)$/.exec(text);
  if (m) {
    if (context.glossary) return { numId: 4, ilvl: 0, rest: m[1]! };
    if (context.underPart2) return { numId: 3, ilvl: 0, rest: m[1]! };
    return { numId: 1, ilvl: 2, rest: m[1]! };
  }
  return null;
}

const lines = readFileSync(seedPath, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
const blocks = parseSeed(lines);
const body: string[] = [];
const context = { underPart2: false, glossary: false };
let titleLines = 0;
for (const b of blocks) {
  if (b.kind === "t") {
    const first = b.table.rows[0]?.[0] ?? "";
    body.push(first === "单位名称" ? orgTable(b.table) : first === "政府采购项目来源" ? procurementTable(b.table) : genericTable(b.table));
    continue;
  }
  const text = b.text;
  if (titleLines < 2) {
    body.push(para(text, { center: true, bold: true }));
    titleLines++;
    continue;
  }
  const n = numbered(text.trimStart(), context);
  if (n) {
    if (n.numId === 2 && /预算项目/.test(n.rest)) context.underPart2 = true;
    if (n.numId === 1 && n.ilvl === 0) {
      context.underPart2 = false;
      context.glossary = /名词解释/.test(n.rest);
    }
    const opts: { numId: number; ilvl: number; bookmark?: string } = { numId: n.numId, ilvl: n.ilvl };
    if (b.bookmark) opts.bookmark = b.bookmark;
    body.push(para(n.rest, opts));
  } else {
    body.push(para(text, b.bookmark ? { bookmark: b.bookmark } : {}));
  }
}

writeFileSync(outPath, await buildDocx({ body: body.join(""), numbering: NUMBERING, title: "栾城区委网信办2020年部门预算信息公开情况说明" }));
console.log(`wrote ${path.relative(repoRoot, outPath)} (${blocks.filter((b) => b.kind === "t").length} tables)`);
