import { open, readFile } from "node:fs/promises";
import path from "node:path";
import { extractFileIsolated } from "../batch/isolated.js";
import { EXIT, ExtractError, isExtractError, outputError, toExtractError } from "../errors.js";
import type { ExtractedDocument } from "../model/index.js";
import { detectFormat } from "../readers/detect.js";
import { sha256 } from "../util/hash.js";
import { terminalSafe, terminalSafeDeep, terminalSafeJson } from "../util/terminal.js";
import { PAGE_SETTINGS, PAGES_MODES, renderReportPages, writePageImages, writeReport, type PagesMode } from "../writers/report/index.js";
import { renderSummary, useColor } from "../writers/summary.js";
import { parseCommandArgs, UsageError, withUsage } from "./args.js";
import { limitsFromFlags, LIMIT_FLAGS, workerFlag, ocrFlag } from "./limit-flags.js";

const HELP = `Usage: disclosure-extract inspect FILE [options]

Spot-check one document: prints a summary of what was read — source and format, meta, the section outline, tables,
facts with their printed text, failed checks with both sides, warnings.

Options:
      --html FILE      also write a self-contained HTML report (no network; open it from disk) with every amount
                       highlighted and each fact and check linked to its evidence
      --pages MODE     PDF pages shown in the report, with a box around each piece of evidence: evidence (default:
                       the pages that hold evidence), all, none (${PAGE_SETTINGS.htmlDpi} dpi, embedded)
      --page-images DIR
                       also write each evidence page of a PDF as a PNG with the boxes drawn in (page-003.png …,
                       ${PAGE_SETTINGS.imageDpi} dpi): for pasting into a review
      --json           print the extracted document as JSON instead of the summary
      --color          colours even when stdout is not a terminal (NO_COLOR still wins)
${LIMIT_FLAGS}
${workerFlag.help}
${ocrFlag.help}
  -h, --help           this help

Colours are used on a terminal only, and never when NO_COLOR is set. Control characters from the document (ESC,
BEL …) are printed as visible symbols (␛, ␇), never sent to the terminal.
On failure prints {"error": {"code", "message", "path"}} on stderr and exits 1, or 3 when --html or --page-images
cannot be written (output_error). --page-images on a document that is not a PDF is a usage error (exit 2).`;

export function inspectCommand(argv: string[]): Promise<number> {
  return withUsage(HELP, async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      html: { type: "string" },
      pages: { type: "string" },
      "page-images": { type: "string" },
      json: { type: "boolean" },
      color: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      ...limitsFromFlags.options,
      ...workerFlag.options,
      ...ocrFlag.options,
    });
    if (values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError("inspect takes exactly one FILE.");
    if (values.html === "") throw new UsageError("--html needs a file name.");
    const file = positionals[0]!;
    const pagesMode = parsePagesMode(values.pages, typeof values.html === "string");
    const pageImages = values["page-images"];
    if (pageImages === "") throw new UsageError("--page-images needs a folder name.");
    if (typeof pageImages === "string" && (await headFormat(file)) !== "pdf") {
      throw new UsageError(`--page-images needs a PDF; ${file} is not one (the report and summary work without it).`);
    }
    const limits = limitsFromFlags.parse(values);
    const ocr = ocrFlag.parse(values);
    const maxWorkerMb = workerFlag.parse(values);
    try {
      const doc = await extractFileIsolated(file, { limits, ...(maxWorkerMb !== undefined ? { maxWorkerMb } : {}), ...(ocr ? { ocr } : {}) });
      await writeSideOutputs(file, doc, {
        ...(typeof values.html === "string" ? { html: values.html } : {}),
        ...(typeof pageImages === "string" ? { pageImages } : {}),
        pagesMode,
      });
      if (values.json) {
        process.stdout.write(`${terminalSafeJson(JSON.stringify(doc, null, 2))}\n`);
      } else {
        const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
        // The document's strings made inert before the summary adds its own colour sequences.
        process.stdout.write(renderSummary(terminalSafeDeep(doc), { color: values.color === true ? !noColor : useColor(process.stdout) }));
      }
      return EXIT.ok;
    } catch (e) {
      return fail(isExtractError(e) ? e : toExtractError(e), file);
    }
  });
}

/** The typed error on stderr, one JSON line; exit 3 when the report could not be written, else 1. */
function fail(err: ExtractError, file: string): number {
  process.stderr.write(`${terminalSafeJson(JSON.stringify({ error: { code: err.code, message: err.message, path: file } }))}\n`);
  return err.code === "output_error" ? EXIT.outputFailed : EXIT.documentFailed;
}

interface SideOutputs {
  html?: string;
  pageImages?: string;
  pagesMode: PagesMode;
}

/** Page images and the report, before anything on stdout: a failure leaves nothing there to mistake for success. */
async function writeSideOutputs(file: string, doc: ExtractedDocument, out: SideOutputs): Promise<void> {
  const wantsPages = out.pageImages !== undefined || (out.html !== undefined && out.pagesMode !== "none");
  const pdf = wantsPages && doc.source.format === "pdf" ? await sameBytes(file, doc) : undefined;
  if (pdf && out.pageImages !== undefined) {
    const written = await writePageImages(pdf, doc, out.pageImages);
    process.stderr.write(`${written.length} page images written to ${terminalSafe(path.resolve(out.pageImages))}\n`);
  }
  if (out.html !== undefined) {
    const report = out.html;
    const pages = pdf ? await renderReportPages(pdf, doc, out.pagesMode) : [];
    await writeReport(doc, report, { pages, ...(doc.pages ? { pageCount: doc.pages.length } : {}) }).catch((e: unknown) => {
      throw outputError(report, e);
    });
    process.stderr.write(`report written to ${terminalSafe(path.resolve(report))}\n`);
  }
}

function parsePagesMode(value: unknown, withHtml: boolean): PagesMode {
  if (value === undefined) return "evidence";
  if (!withHtml) throw new UsageError("--pages chooses the pages of the --html report; add --html FILE.");
  if (!PAGES_MODES.includes(value as PagesMode)) throw new UsageError(`--pages takes ${PAGES_MODES.join(", ")}; got ${String(value)}.`);
  return value as PagesMode;
}

/** The format of the file's first KB (a PDF header lies within it), or undefined when it cannot be read (extraction says why). */
async function headFormat(file: string): Promise<string | undefined> {
  try {
    const handle = await open(file, "r");
    try {
      const head = new Uint8Array(1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return detectFormat(head.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** The PDF's bytes for rendering, read again: they must be the bytes that were extracted, or boxes would lie. */
async function sameBytes(file: string, doc: ExtractedDocument): Promise<Uint8Array> {
  const bytes = new Uint8Array(await readFile(file));
  if (sha256(bytes) !== doc.source.sha256) throw new ExtractError("io_error", `${file} changed while it was read; run inspect again.`);
  return bytes;
}
