/**
 * Generates a benchmark archive of N documents by replicating and varying real inputs: samples/*, the .docx set
 * (docxSources), and ../shared/corpus when asked and present. Every copy gets distinct bytes (so the batch's
 * same-sha256 de-duplication does not skip it) without changing what it says:
 *   .docx: an extra zip entry (bench/variant.txt); PDF, .doc, HTML, text: a trailing comment/line.
 *
 *   npx tsx bench/make-archive.ts OUTDIR [N]       (default N = 1000)
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import JSZip from "jszip";
import { findSoffice } from "../src/readers/doc/soffice.js";
import { detectFormat } from "../src/readers/detect.js";
import { buildDocx } from "../tests/fixtures/docx/build.js";
import { ALL_FIXTURES } from "../tests/fixtures/docx/fixtures.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface SourceDoc {
  name: string;
  bytes: Buffer;
  format: string;
}

function filesIn(dir: string, recursive = false): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive }) as string[])
    .map((n) => path.join(dir, n))
    .filter((f) => statSync(f).isFile() && !path.basename(f).startsWith(".") && !/\.(md|tsv)$/i.test(f));
}

function sourceOf(file: string): SourceDoc {
  const bytes = readFileSync(file);
  return { name: path.basename(file), bytes, format: detectFormat(bytes) };
}

/**
 * The .doc sample converted to .docx by LibreOffice (the one real multi-page Word document we have besides the
 * seed's), cached by content hash in the temp directory; null without LibreOffice.
 */
function convertedDoc(): SourceDoc | null {
  const doc = path.join(repoRoot, "samples/taiyuan-fagai-2016-final.doc");
  const soffice = findSoffice();
  if (!existsSync(doc) || !soffice) return null;
  const bytes = readFileSync(doc);
  const cacheDir = path.join(os.tmpdir(), `disclosure-extract-bench-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}`);
  const out = path.join(cacheDir, "taiyuan-fagai-2016-final.docx");
  if (!existsSync(out)) {
    try {
      execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(path.join(cacheDir, "profile")).href}`, "--headless", "--convert-to", "docx", "--outdir", cacheDir, doc], { stdio: "ignore", timeout: 120_000 });
    } catch {
      return null;
    }
  }
  return existsSync(out) ? { ...sourceOf(out), name: "taiyuan-fagai-2016-final.converted.docx" } : null;
}

/** The .docx set: samples/*.docx, the generated fixtures of tests/fixtures/docx, and the converted .doc sample. */
export async function docxSources(options: { convertDoc?: boolean } = {}): Promise<SourceDoc[]> {
  const docs = filesIn(path.join(repoRoot, "samples")).filter((f) => f.endsWith(".docx")).map(sourceOf);
  for (const [name, parts] of Object.entries(ALL_FIXTURES)) docs.push({ name: `fixture-${name}.docx`, bytes: Buffer.from(await buildDocx(parts)), format: "docx" });
  const converted = options.convertDoc === false ? null : convertedDoc();
  if (converted) docs.push(converted);
  return docs;
}

/** Real inputs to replicate: samples/ and the .docx set; the corpus only when asked and beside the checkout. */
export async function benchSources(options: { corpus?: boolean; docx?: boolean } = {}): Promise<SourceDoc[]> {
  const samples = filesIn(path.join(repoRoot, "samples")).map(sourceOf);
  const docx = options.docx === false ? [] : (await docxSources()).filter((d) => !samples.some((s) => s.name === d.name));
  const corpus = options.corpus ? filesIn(path.resolve(repoRoot, "../shared/corpus"), true).map(sourceOf) : [];
  return [...samples, ...docx, ...corpus];
}

/** The bytes of copy `i` of a source: same content, distinct sha256. */
export async function variant(src: SourceDoc, i: number): Promise<Buffer> {
  if (src.format === "docx") {
    const zip = await JSZip.loadAsync(src.bytes);
    zip.file("bench/variant.txt", `copy ${i}`);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }
  const tail = src.format === "html" ? `\n<!-- bench copy ${i} -->\n` : src.format === "pdf" ? `\n%bench copy ${i}\n` : `bench copy ${i}`;
  if (src.format === "text") return Buffer.concat([src.bytes, Buffer.from(`\n附注：副本${i}。\n`)]);
  return Buffer.concat([src.bytes, Buffer.from(tail)]);
}

/** Writes n documents under outDir/<format>/<k>/, round-robin over the sources; returns the files written. */
export async function makeArchive(outDir: string, n: number, sources: SourceDoc[]): Promise<string[]> {
  if (sources.length === 0) throw new Error("no source documents (samples/ is empty?)");
  const written: string[] = [];
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length]!;
    const dir = path.join(outDir, src.format, String(Math.floor(i / 100)).padStart(3, "0"));
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${String(i).padStart(5, "0")}-${src.name}`);
    writeFileSync(file, await variant(src, i));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, n] = process.argv.slice(2);
  if (!outDir) {
    process.stderr.write("Usage: npx tsx bench/make-archive.ts OUTDIR [N]\n");
    process.exit(2);
  }
  const files = await makeArchive(path.resolve(outDir), Number(n ?? 1000), await benchSources({ corpus: true }));
  process.stdout.write(`${files.length} documents written under ${outDir}\n`);
}
