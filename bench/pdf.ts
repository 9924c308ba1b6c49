/**
 * `npm run bench:pdf`: pages/s of readPdf (text + ruling lines + layout) against pdf.js getTextContent alone, on the
 * same files in the same run, and of the whole extraction (readPdf + tables + amounts + facts). Samples always; the
 * research corpus's PDFs too when ../shared is present. Interleaved per file so machine load hits both alike.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openPdf } from "../src/readers/pdf/pdfjs.js";
import { readPdf } from "../src/readers/pdf/index.js";
import { extractBytes } from "../src/extract.js";
import { DEFAULT_LIMITS } from "../src/limits.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(root, "../shared/corpus");
const limit = Number(process.argv.find((a) => a.startsWith("--files="))?.slice(8) ?? Infinity);
const files = [
  ...readdirSync(path.join(root, "samples")).filter((f) => f.endsWith(".pdf")).map((f) => path.join(root, "samples", f)),
  ...(existsSync(corpus) ? (readdirSync(corpus, { recursive: true }) as string[]).filter((f) => f.endsWith(".pdf")).sort().map((f) => path.join(corpus, f)) : []),
].slice(0, limit);
if (!existsSync(corpus)) console.log("../shared/corpus is absent: samples only");

const cpu = () => process.cpuUsage();
const ms = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

let pages = 0;
let textMs = 0;
let readMs = 0;
let extractMs = 0;
let failed = 0;
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(f));
  let t = cpu();
  let n: number;
  try {
    const doc = await openPdf(bytes, f);
    n = doc.numPages;
    for (let i = 1; i <= n; i++) {
      const page = await doc.getPage(i);
      await page.getTextContent();
      page.cleanup();
    }
    await doc.destroy();
  } catch {
    failed++;
    continue;
  }
  const text = ms(t);
  t = cpu();
  try {
    await readPdf(bytes, { path: f, limits: DEFAULT_LIMITS });
  } catch {
    failed++; // typed errors (scans without a text layer) are not timed
    continue;
  }
  const read = ms(t);
  t = cpu();
  await extractBytes(bytes, { path: f });
  const extract = ms(t);
  pages += n;
  textMs += text;
  readMs += read;
  extractMs += extract;
}
const rate = (p: number, m: number) => (p / (m / 1000)).toFixed(1);
console.log(`files timed: ${files.length - failed} of ${files.length} (typed errors not timed: ${failed}); pages: ${pages}; CPU time`);
console.log(`pdf.js getTextContent alone     ${rate(pages, textMs).padStart(7)} pages/s`);
console.log(`readPdf (text + rules + layout) ${rate(pages, readMs).padStart(7)} pages/s   ${(readMs / textMs).toFixed(2)}× pdf.js text time`);
console.log(`whole extraction                ${rate(pages, extractMs).padStart(7)} pages/s   ${(extractMs / textMs).toFixed(2)}× pdf.js text time`);
