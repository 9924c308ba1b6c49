/**
 * The catalogue of hostile inputs: each case writes its file into a temp dir and states the outcome it must have.
 * Shared by the per-case tests (child process, bounded heap) and the batch test (one error record per bad input).
 */
import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import iconv from "iconv-lite";
import type { ErrorCode } from "../../src/errors.js";
import type { Limits } from "../../src/limits.js";
import { findSoffice } from "../../src/readers/doc/index.js";
import { samples } from "../helpers.js";
import {
  deflateZeros,
  deflatedEntry,
  docxPackage,
  documentXml,
  encryptedOoxml,
  nestedTables,
  para,
  randomBytes,
  writeCfb,
  writePdf,
  writeZip,
} from "./build.js";

export type Expected =
  | { kind: "error"; code: ErrorCode }
  | {
      kind: "document";
      /** Warning codes the document must carry. */
      warnings?: string[];
      /** Strings that must appear in the output JSON (proves the content was read). */
      contains?: string[];
    };

export interface HostileCase {
  name: string;
  /** File name as an archive would have it (the extension may lie). */
  fileName: string;
  write(file: string): Promise<void>;
  expect: Expected;
  limits?: Partial<Limits>;
  /** Strings that must never appear in the output or the error (e.g. the contents of /etc/passwd). */
  forbidden?: string[];
  /** Heap cap for the child process (MB) and the peak RSS it must stay under. */
  heapMb: number;
  maxRssMb: number;
}

const MB = 1024 * 1024;
const bytes = (b: Uint8Array | string) => async (file: string) => writeFile(file, b);

const BILLION_LAUGHS =
  '<!DOCTYPE w:document [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
  "]>";
const XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

/** A disclosure-looking paragraph, so a case that reads fine also shows the content came through. */
const GOOD_TEXT = "一、收入预算：2020年收入预算340.77万元。";

/**
 * A minified page on one line, as CMS exports are: styled paragraphs with a small table every 50 of them.
 * Sized by bytes so a test can compare the cost of 1 MB and 4 MB (linear time).
 */
export function singleLineHtml(targetBytes: number): string {
  const paragraph = `<p style="text-indent:2em;line-height:28px;margin:0"><span style="font-family:仿宋_GB2312;font-size:16pt">${GOOD_TEXT}</span></p>`;
  const table = "<table border=\"1\"><tr><td>项目</td><td>金额</td></tr><tr><td>工资福利支出</td><td>12.50</td></tr></table>";
  const unit = paragraph.repeat(50) + table;
  const count = Math.max(1, Math.round(targetBytes / Buffer.byteLength(unit)));
  return `<html><head><meta charset="utf-8"><title>部门预算</title></head><body>${unit.repeat(count)}</body></html>`;
}

export const CASES: HostileCase[] = [
  {
    name: "empty file",
    fileName: "empty.docx",
    write: bytes(new Uint8Array(0)),
    expect: { kind: "error", code: "empty" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "random bytes",
    fileName: "random.pdf",
    write: bytes(randomBytes(256 * 1024)),
    expect: { kind: "error", code: "unsupported_format" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "truncated docx (cut off mid-download)",
    fileName: "truncated.docx",
    write: async (file) => {
      const full = docxPackage(documentXml(para(GOOD_TEXT).repeat(200)));
      await writeFile(file, full.subarray(0, Math.floor(full.length * 0.6)));
    },
    expect: { kind: "error", code: "corrupt" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "zip local header only",
    fileName: "header-only.docx",
    write: async (file) => writeFile(file, docxPackage(documentXml(para(GOOD_TEXT))).subarray(0, 64)),
    expect: { kind: "error", code: "corrupt" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "truncated PDF",
    fileName: "truncated.pdf",
    write: async (file) => {
      const { readFile } = await import("node:fs/promises");
      const pdf = await readFile(samples("jiangsu-renda-2019-tables.pdf"));
      await writeFile(file, pdf.subarray(0, 3000));
    },
    expect: { kind: "error", code: "corrupt" },
    heapMb: 256, maxRssMb: 500,
  },
  {
    name: "PDF named .html",
    fileName: "tables.html",
    write: (file) => copyFile(samples("jiangsu-renda-2019-tables.pdf"), file),
    expect: { kind: "document", contains: ['"format":"pdf"', "一般公共预算"] },
    heapMb: 512, maxRssMb: 900,
  },
  {
    name: "HTML page named .docx",
    fileName: "page.docx",
    write: (file) => copyFile(samples("kunming-shenji-2026-budget.html"), file),
    expect: { kind: "document", contains: ['"format":"html"', "昆明市审计局"] },
    heapMb: 256, maxRssMb: 600,
  },
  {
    name: "text named .pdf",
    fileName: "seed.pdf",
    write: (file) => copyFile(samples("luancheng-wangxin-2020-budget.txt"), file),
    expect: { kind: "document", contains: ['"format":"text"', "网信办"] },
    heapMb: 256, maxRssMb: 600,
  },
  {
    name: "docx named .doc",
    fileName: "seed.doc",
    write: (file) => copyFile(samples("luancheng-wangxin-2020-budget.docx"), file),
    expect: { kind: "document", contains: ['"format":"docx"', "网信办"] },
    heapMb: 256, maxRssMb: 600,
  },
  {
    name: "Word 97 .doc saved as .docx",
    fileName: "final-account.docx",
    write: (file) => copyFile(samples("taiyuan-fagai-2016-final.doc"), file),
    // Read through LibreOffice where it is installed; otherwise the typed error says to install it.
    expect: findSoffice() ? { kind: "document", contains: ['"format":"doc"', "太原市发展和改革委员会"] } : { kind: "error", code: "unsupported_format" },
    heapMb: 512, maxRssMb: 900,
  },
  {
    name: "HTML error page saved as .docx",
    fileName: "error-page.docx",
    write: bytes("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>"),
    expect: { kind: "document", warnings: ["no_disclosure_content"], contains: ['"format":"html"'] },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "xlsx workbook without a sheet list named .docx",
    fileName: "workbook.docx",
    write: async (file) =>
      writeFile(file, writeZip([deflatedEntry("[Content_Types].xml", "<Types/>"), deflatedEntry("xl/workbook.xml", "<workbook/>")])),
    expect: { kind: "error", code: "corrupt" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "Excel 97 workbook (OLE) named .doc",
    fileName: "sheet.doc",
    write: async (file) => writeFile(file, writeCfb([{ name: "Workbook", data: randomBytes(5000, 7) }])),
    expect: { kind: "error", code: "corrupt" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "PNG image named .html",
    fileName: "scan.html",
    write: async (file) => writeFile(file, Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), randomBytes(4096, 3)])),
    expect: { kind: "error", code: "unsupported_format" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "password-protected docx (OLE EncryptedPackage)",
    fileName: "protected.docx",
    write: async (file) => writeFile(file, encryptedOoxml()),
    expect: { kind: "error", code: "encrypted" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "encrypted PDF (/Encrypt with a user password)",
    fileName: "protected.pdf",
    write: async (file) => writeFile(file, writePdf("Budget 2024", { encrypt: true })),
    expect: { kind: "error", code: "encrypted" },
    heapMb: 256, maxRssMb: 500,
  },
  {
    name: "single-entry zip bomb: 1 GiB of zeros as word/document.xml, honest headers",
    fileName: "bomb-honest.docx",
    write: async (file) => {
      const { stored, crc } = await deflateZeros(1024 * MB);
      await writeFile(
        file,
        writeZip([
          deflatedEntry("[Content_Types].xml", "<Types/>"),
          { name: "word/document.xml", stored, method: 8, crc, declaredSize: 1024 * MB },
        ]),
      );
    },
    expect: { kind: "error", code: "too_large" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "single-entry zip bomb whose headers lie (declares 2 KB, inflates to 1 GiB)",
    fileName: "bomb-lying.docx",
    write: async (file) => {
      const { stored, crc } = await deflateZeros(1024 * MB);
      await writeFile(
        file,
        writeZip([
          deflatedEntry("[Content_Types].xml", "<Types/>"),
          { name: "word/document.xml", stored, method: 8, crc, declaredSize: 2048 },
        ]),
      );
    },
    expect: { kind: "error", code: "too_large" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "high-ratio entry under the size limit (100 MiB of zeros in word/media)",
    fileName: "bomb-ratio.docx",
    write: async (file) => {
      const { stored, crc } = await deflateZeros(100 * MB);
      await writeFile(file, docxPackage(documentXml(para(GOOD_TEXT)), [{ name: "word/media/image1.emf", stored, method: 8, crc, declaredSize: 100 * MB }]));
    },
    expect: { kind: "error", code: "too_large" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "overlapping-entry zip bomb (one 64 MiB kernel named 300 times)",
    fileName: "bomb-overlap.docx",
    write: async (file) => {
      const { stored, crc } = await deflateZeros(64 * MB);
      const kernel = { name: "word/media/k0.bin", stored, method: 8 as const, crc, declaredSize: 64 * MB };
      const aliases = Array.from({ length: 300 }, (_, i) => ({ of: 3, name: `word/media/k${i + 1}.bin` }));
      await writeFile(file, docxPackage(documentXml(para(GOOD_TEXT)), [kernel], { aliases }));
    },
    expect: { kind: "error", code: "too_large" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "42.zip-style nested archive (zips of zips, never unpacked)",
    fileName: "42.docx",
    write: async (file) => {
      // Each layer holds 16 deflated copies of the layer below: 16^4 × 256 MiB unpacked at the bottom.
      const { stored, crc } = await deflateZeros(256 * MB);
      let layer = writeZip([{ name: "0.bin", stored, method: 8, crc, declaredSize: 256 * MB }]);
      for (let level = 0; level < 4; level++) {
        const inner = deflatedEntry("x", layer);
        layer = writeZip(Array.from({ length: 16 }, (_, i) => ({ ...inner, name: `${level}-${i}.zip` })));
      }
      await writeFile(file, layer);
    },
    // A zip that is not a Word package is refused by detection, before any entry is inflated.
    expect: { kind: "error", code: "unsupported_format" },
    heapMb: 256, maxRssMb: 500,
  },
  {
    name: "billion laughs in word/document.xml",
    fileName: "laughs.docx",
    write: async (file) => writeFile(file, docxPackage(documentXml(para("&lol9;"), BILLION_LAUGHS))),
    expect: { kind: "error", code: "corrupt" },
    forbidden: ["lollollol"],
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "external entity (file:///etc/passwd) used in word/document.xml",
    fileName: "xxe.docx",
    write: async (file) => writeFile(file, docxPackage(documentXml(para(`${GOOD_TEXT}&xxe;`), XXE))),
    expect: { kind: "error", code: "corrupt" },
    forbidden: ["root:"],
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "external entity declared but unused (ignored, document reads)",
    fileName: "xxe-unused.docx",
    write: async (file) => writeFile(file, docxPackage(documentXml(para(GOOD_TEXT), XXE))),
    expect: { kind: "document", contains: ["340.77"] },
    forbidden: ["root:"],
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "external entity in an HTML page (never resolved)",
    fileName: "xxe.html",
    write: bytes(`<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>${GOOD_TEXT}&xxe;</p></body></html>`),
    expect: { kind: "document", contains: ["340.77"] },
    forbidden: ["root:"],
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "docx table nested 1,000 deep",
    fileName: "nested-tables.docx",
    write: async (file) => writeFile(file, docxPackage(documentXml(nestedTables(1000, GOOD_TEXT)))),
    expect: { kind: "error", code: "too_large" },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "docx table nested 1,000 deep with the depth limit lifted (read, no stack overflow)",
    fileName: "nested-tables-lifted.docx",
    write: async (file) => writeFile(file, docxPackage(documentXml(nestedTables(1000, GOOD_TEXT)))),
    limits: { maxXmlDepth: 1_000_000 },
    expect: { kind: "document", contains: ["340.77"] },
    heapMb: 256, maxRssMb: 600,
  },
  {
    name: "docx table nested 20,000 deep with the depth limit lifted (typed error, not a crash)",
    fileName: "nested-tables-20k.docx",
    write: async (file) => writeFile(file, docxPackage(documentXml(nestedTables(20_000, GOOD_TEXT)))),
    limits: { maxXmlDepth: 1_000_000 },
    expect: { kind: "error", code: "too_large" },
    heapMb: 256, maxRssMb: 600,
  },
  {
    name: "HTML with 100,000 nested divs (flattened, text kept)",
    fileName: "nested-divs.html",
    write: bytes(`<html><body><p>${GOOD_TEXT}</p>${"<div>".repeat(100_000)}支出预算合计1,234.56万元。${"</div>".repeat(100_000)}</body></html>`),
    expect: { kind: "document", warnings: ["html_depth_limit"], contains: ["340.77", "1,234.56"] },
    heapMb: 512, maxRssMb: 900,
  },
  {
    name: "HTML with 12,000 nested divs and the depth limit lifted (typed error, not a crash)",
    fileName: "nested-divs-lifted.html",
    write: bytes(`<html><body><p>${GOOD_TEXT}</p>${"<div>".repeat(12_000)}deep${"</div>".repeat(12_000)}</body></html>`),
    limits: { maxXmlDepth: 1_000_000 },
    expect: { kind: "error", code: "too_large" },
    heapMb: 512, maxRssMb: 900,
  },
  {
    name: "50 MB single-paragraph .txt",
    fileName: "huge-line.txt",
    write: bytes("收入预算340.77万元，".repeat(Math.ceil((50 * MB) / 30))),
    expect: { kind: "error", code: "too_large" },
    heapMb: 512, maxRssMb: 1200,
  },
  {
    name: "50 MB single paragraph in HTML (refused before parsing)",
    fileName: "huge-paragraph.html",
    write: bytes(`<html><body><p>${"收入预算340.77万元，".repeat(Math.ceil((50 * MB) / 30))}</p></body></html>`),
    expect: { kind: "error", code: "too_large" },
    heapMb: 512, maxRssMb: 1200,
  },
  {
    name: "GBK page labelled UTF-8",
    fileName: "gbk-as-utf8.html",
    write: async (file) =>
      writeFile(file, iconv.encode(`<html><head><meta charset="utf-8"><title>部门预算</title></head><body><p>${GOOD_TEXT}</p><p>支出预算合计1,234.56万元。</p></body></html>`, "gbk")),
    expect: { kind: "document", contains: ['"encoding":"gb18030"', "收入预算", "1,234.56"] },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "UTF-8 page whose charset claims gb2312",
    fileName: "utf8-as-gb2312.html",
    write: bytes(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>${GOOD_TEXT}</p></body></html>`),
    expect: { kind: "document", contains: ['"encoding":"utf-8"', "收入预算"] },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "UTF-8 page with an unknown charset label and stray undecodable bytes",
    fileName: "bogus-charset.html",
    write: async (file) =>
      writeFile(
        file,
        Buffer.concat([
          Buffer.from(`<html><head><meta charset="x-no-such-charset"></head><body>${`<p>${GOOD_TEXT}</p>`.repeat(300)}<p>`),
          Buffer.alloc(20, 0xff),
          Buffer.from("</p></body></html>"),
        ]),
      ),
    expect: { kind: "document", warnings: ["encoding_replacements"], contains: ['"encoding":"utf-8"', "收入预算"] },
    heapMb: 256, maxRssMb: 500,
  },
  {
    name: "GBK page labelled big5 (decodes with replacements, never throws)",
    fileName: "gbk-as-big5.html",
    write: async (file) => writeFile(file, iconv.encode(`<html><head><meta charset="big5"></head><body><p>${GOOD_TEXT}</p></body></html>`, "gbk")),
    expect: { kind: "document", contains: ['"encoding":"big5"'] },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "10 MB single-line HTML",
    fileName: "one-line.html",
    write: bytes(singleLineHtml(10 * MB)),
    expect: { kind: "document", contains: ["340.77"] },
    heapMb: 1024, maxRssMb: 1500,
  },
  {
    name: "1 MB of digits on one line (.txt)",
    fileName: "digits.txt",
    write: bytes("1234567890".repeat(100_000)),
    expect: { kind: "document" },
    heapMb: 256, maxRssMb: 600,
  },
  {
    name: "1 MB of punctuation and separators on one line (.txt)",
    fileName: "punctuation.txt",
    write: bytes("1,2.3，4、5。（6）—".repeat(70_000)),
    expect: { kind: "document" },
    heapMb: 256, maxRssMb: 600,
  },
  {
    name: "404 error page saved as .html",
    fileName: "404.html",
    write: bytes("<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>"),
    expect: { kind: "document", warnings: ["no_disclosure_content"] },
    heapMb: 128, maxRssMb: 400,
  },
  {
    name: "landing page that only links to a PDF",
    fileName: "landing.html",
    write: (file) => copyFile(samples("swu-2024-landing.html"), file),
    expect: { kind: "document", warnings: ["no_disclosure_content"] },
    heapMb: 128, maxRssMb: 400,
  },
];

/** Writes every case into `dir`; returns the file path of each, by case name. */
export async function writeCases(dir: string, cases: HostileCase[] = CASES): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const c of cases) {
    const file = path.join(dir, c.fileName);
    await c.write(file);
    files.set(c.name, file);
  }
  return files;
}
