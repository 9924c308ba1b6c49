/**
 * Generates a benchmark archive of N documents by replicating and varying real inputs: samples/*, the generated
 * .docx fixtures (tests/fixtures/docx/out), and ../shared/corpus when present. Every copy gets distinct bytes (so
 * the batch's same-sha256 de-duplication does not skip it) without changing what it says:
 *   .docx: an extra zip entry (bench/variant.txt); PDF, .doc, HTML, text: a trailing comment/line.
 *
 *   npx tsx bench/make-archive.ts OUTDIR [N]       (default N = 1000)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { detectFormat } from "../src/readers/detect.js";

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

/** Real inputs to replicate; the corpus only when it is beside the checkout. */
export function benchSources(options: { corpus?: boolean } = {}): SourceDoc[] {
  const files = [
    ...filesIn(path.join(repoRoot, "samples")),
    ...filesIn(path.join(repoRoot, "tests/fixtures/docx/out")).filter((f) => f.endsWith(".docx")),
    ...(options.corpus === false ? [] : filesIn(path.resolve(repoRoot, "../shared/corpus"), true)),
  ];
  return files.map((f) => {
    const bytes = readFileSync(f);
    return { name: path.basename(f), bytes, format: detectFormat(bytes) };
  });
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
  const files = await makeArchive(path.resolve(outDir), Number(n ?? 1000), benchSources());
  process.stdout.write(`${files.length} documents written under ${outDir}\n`);
}
