/**
 * `npm run bench:pdf`: the PDF engine against poppler, in one run, on the same files.
 *
 * Per file, interleaved so machine load hits all alike (wall-clock ms; the machine is shared, so compare ratios
 * from one run, never figures from two):
 *   poppler      `pdftotext -bbox-layout FILE -` (a child process: text with word boxes, the practical floor)
 *   pdf.js read  text items + operator-list rules (the backend until issue #17)
 *   PDFium read  per-character text + path objects + visibility policy (src/readers/pdf/pdfium-pages.ts)
 *   extraction   extractBytes (read + layout + tables + amounts + facts + checks), once with each backend
 * Then, unless --no-rss, one child process per backend extracts every file on its own and reports its peak RSS:
 * what one batch worker holds.
 *
 * Options: --files=N (first N files), --no-rss, --compare (instead of timing: lay out every page read by each
 * backend alone, the visibility policy off, and list the pages whose blocks differ). Samples always; the corpus's
 * PDFs when ../shared is present.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractBytes } from "../src/extract.js";
import { readPdfPages, setPdfBackend, type PdfBackend } from "../src/readers/pdf/index.js";
import { layoutPages } from "../src/readers/layout/index.js";
import { readDocumentPages, withPdfiumDocument } from "../src/readers/pdf/pdfium-pages.js";
import { readPdfjs } from "../src/readers/pdf/pdfjs-pages.js";
import { BlockIds } from "../src/readers/types.js";

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "..");
const corpus = path.resolve(root, "../shared/corpus");
const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const limit = Number(arg("files") ?? Infinity);
const files = [
  ...readdirSync(path.join(root, "samples")).filter((f) => f.endsWith(".pdf")).map((f) => path.join(root, "samples", f)),
  ...(existsSync(corpus) ? (readdirSync(corpus, { recursive: true }) as string[]).filter((f) => f.endsWith(".pdf")).sort().map((f) => path.join(corpus, f)) : []),
].slice(0, limit);

/** Child mode: extract every file with one backend, print pages and peak RSS as JSON. */
async function child(b: PdfBackend): Promise<void> {
  setPdfBackend(b);
  let pages = 0;
  const started = performance.now();
  for (const f of files) {
    try {
      const doc = await extractBytes(new Uint8Array(readFileSync(f)), { path: f });
      pages += doc.blocks.reduce((m, x) => Math.max(m, x.provenance.page ?? 0), 0);
    } catch {
      // typed errors (scans) count no pages
    }
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ backend: b, pages, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function hasPoppler(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T | null]> {
  const t = performance.now();
  try {
    const v = await fn();
    return [performance.now() - t, v];
  } catch {
    return [performance.now() - t, null];
  }
}

interface Totals {
  poppler: number;
  pdfjsRead: number;
  pdfiumRead: number;
  extractPdfjs: number;
  extractPdfium: number;
}

async function main(): Promise<void> {
  const childBackend = arg("child");
  if (childBackend) return child(childBackend as PdfBackend);
  if (process.argv.includes("--compare")) return compare();
  if (!existsSync(corpus)) console.log("../shared/corpus is absent: samples only");
  const poppler = hasPoppler();
  if (!poppler) console.log("pdftotext not found (apt-get install poppler-utils): poppler column skipped");
  const t: Totals = { poppler: 0, pdfjsRead: 0, pdfiumRead: 0, extractPdfjs: 0, extractPdfium: 0 };
  let pages = 0;
  let timedFiles = 0;
  // Warm-up: PDFium's wasm compile and pdf.js's import are once per worker, not per document.
  const warm = new Uint8Array(readFileSync(files[0] ?? path.join(root, "samples", "jiangsu-renda-2019-tables.pdf")));
  await readPdfPages(warm, "warm").catch(() => undefined);
  await readPdfjs(warm, "warm").catch(() => undefined);
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const [pdfiumMs, read] = await timed(() => readPdfPages(bytes, f));
    if (!read || read.pages.every((p) => p.fragments.length === 0)) continue; // refused or a scan: not timed
    const [pdfjsMs] = await timed(() => readPdfjs(bytes, f));
    const popplerMs = poppler ? timeChild("pdftotext", ["-bbox-layout", f, "-"]) : 0;
    setPdfBackend("pdfium");
    const [exPdfium] = await timed(() => extractBytes(bytes, { path: f }));
    setPdfBackend("pdfjs");
    const [exPdfjs] = await timed(() => extractBytes(bytes, { path: f }));
    setPdfBackend("pdfium");
    pages += read.pages.length;
    timedFiles++;
    t.poppler += popplerMs;
    t.pdfjsRead += pdfjsMs;
    t.pdfiumRead += pdfiumMs;
    t.extractPdfium += exPdfium;
    t.extractPdfjs += exPdfjs;
  }
  report(t, pages, timedFiles, poppler);
  if (!process.argv.includes("--no-rss")) rss();
}

function timeChild(cmd: string, args: string[]): number {
  const t = performance.now();
  spawnSync(cmd, args, { stdio: ["ignore", "ignore", "ignore"], maxBuffer: 1 << 30 });
  return performance.now() - t;
}

function report(t: Totals, pages: number, timedFiles: number, poppler: boolean): void {
  const rate = (ms: number): string => (ms > 0 ? (pages / (ms / 1000)).toFixed(1) : "—").padStart(7);
  const vsPoppler = (ms: number): string => (poppler && t.poppler > 0 ? `${(ms / t.poppler).toFixed(2)}× poppler's time` : "");
  console.log(`files timed: ${timedFiles} of ${files.length} (refused and scanned files not timed); pages: ${pages}; wall-clock`);
  if (poppler) console.log(`poppler pdftotext -bbox-layout    ${rate(t.poppler)} pages/s`);
  console.log(`pdf.js read (text + rules)        ${rate(t.pdfjsRead)} pages/s   ${vsPoppler(t.pdfjsRead)}`);
  console.log(`PDFium read (text + rules)        ${rate(t.pdfiumRead)} pages/s   ${vsPoppler(t.pdfiumRead)}`);
  console.log(`whole extraction, pdf.js          ${rate(t.extractPdfjs)} pages/s   ${vsPoppler(t.extractPdfjs)}`);
  console.log(`whole extraction, PDFium          ${rate(t.extractPdfium)} pages/s   ${vsPoppler(t.extractPdfium)}   ${(t.extractPdfjs / t.extractPdfium).toFixed(2)}× pdf.js's pages/s`);
}

/** Peak RSS of one worker-like process per backend (each extracts every file alone). */
function rss(): void {
  for (const b of ["pdfium", "pdfjs"] as const) {
    const r = spawnSync(process.execPath, [...process.execArgv, here, `--child=${b}`, ...process.argv.filter((a) => a.startsWith("--files="))], { encoding: "utf8", maxBuffer: 1 << 24 });
    const line = r.stdout.trim().split("\n").pop() ?? "";
    try {
      const j = JSON.parse(line) as { pages: number; ms: number; maxRssMb: number };
      console.log(`one process, ${b.padEnd(6)} extraction alone: peak RSS ${j.maxRssMb.toFixed(0)} MB, ${(j.pages / (j.ms / 1000)).toFixed(1)} pages/s (incl. start-up)`);
    } catch {
      console.log(`one process, ${b}: no result (${r.stderr.slice(0, 200)})`);
    }
  }
}

/** Page-by-page comparison of the two backends' layouts (visibility policy off: both read everything drawn). */
async function compare(): Promise<void> {
  let same = 0;
  let pages = 0;
  const blocksOf = (p: Parameters<typeof layoutPages>[0][number] | undefined): string[] =>
    p ? layoutPages([p], new BlockIds()).blocks.map((b) => JSON.stringify({ ...b, id: "" })) : [];
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const [, a] = await timed(() => readPdfjs(bytes, f));
    const [, b] = await timed(() => withPdfiumDocument(bytes, f, (d) => readDocumentPages(d, { visibility: false })));
    if (!a || !b) {
      console.log(`${path.basename(f)}: ${a ? "" : "pdf.js refused it "}${b ? "" : "PDFium refused it"}`);
      continue;
    }
    for (let i = 0; i < Math.max(a.pages.length, b.pages.length); i++) {
      pages++;
      const [x, y] = [blocksOf(a.pages[i]), blocksOf(b.pages[i])];
      if (JSON.stringify(x) === JSON.stringify(y)) {
        same++;
        continue;
      }
      const only = (p: string[], q: string[]): string[] => p.filter((v) => !q.includes(v)).map((v) => v.slice(0, 160));
      console.log(`${path.relative(corpus, f)} page ${i + 1}\n  pdf.js only: ${only(x, y).join("\n               ")}\n  PDFium only: ${only(y, x).join("\n               ")}`);
    }
  }
  console.log(`${same} of ${pages} pages lay out identically from both backends`);
}

await main();
