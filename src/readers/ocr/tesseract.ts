import { spawnSync } from "node:child_process";
import { runChild } from "./child.js";
import { ExtractError } from "../../errors.js";

export const ENGINE = "tesseract";

/** How to get the recognizer, for the error that names what is missing. */
const INSTALL_HINT = "install it (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim), or run with --ocr never";

let probed: { version: string; langs: Set<string> } | Error | undefined;

/** Tesseract's version and installed languages, probed once per process. */
export function tesseractInfo(): { version: string; langs: Set<string> } | Error {
  if (probed) return probed;
  const bin = process.env["TESSERACT_BIN"] ?? "tesseract";
  const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
  const langs = spawnSync(bin, ["--list-langs"], { encoding: "utf8" });
  if (version.error || langs.error || version.status !== 0) {
    probed = new Error(String(version.error ?? langs.error ?? version.stderr));
  } else {
    const first = `${version.stdout}${version.stderr}`.split("\n")[0]?.trim() ?? "tesseract";
    probed = { version: first, langs: new Set(langs.stdout.split("\n").slice(1).map((l) => l.trim()).filter(Boolean)) };
  }
  return probed;
}

/** Throws the typed error a user can act on when Tesseract or a needed language model is missing. */
export function requireTesseract(langs: readonly string[], path: string): void {
  const info = tesseractInfo();
  if (info instanceof Error) {
    throw new ExtractError("no_text_layer", `${path}: the PDF has no text layer and OCR needs Tesseract, which is not installed: ${INSTALL_HINT}.`, { ocr: "tesseract_missing" });
  }
  const missing = langs.filter((l) => !info.langs.has(l));
  if (missing.length > 0) {
    throw new ExtractError("no_text_layer", `${path}: the PDF has no text layer and Tesseract lacks the language model(s) ${missing.join(", ")}: ${INSTALL_HINT}.`, { ocr: "tesseract_language_missing", missing });
  }
}

export interface TesseractRun {
  /** Image file path, a list file of image paths, or "stdin" with `input` bytes. */
  image: string;
  input?: Buffer;
  lang: string;
  psm: number;
  dpi: number;
  config?: Record<string, string>;
  timeoutMs: number;
  /** Output format: word boxes (tsv, the default) or plain text (orientation detection's report). */
  output?: "tsv" | "text";
}

/** Runs Tesseract once and returns its TSV output (or text). One thread per process: parallelism comes from pages. */
export function runTesseract(run: TesseractRun): Promise<string> {
  const bin = process.env["TESSERACT_BIN"] ?? "tesseract";
  const args = [run.image, "stdout", "-l", run.lang, "--psm", String(run.psm), "--dpi", String(run.dpi)];
  for (const [k, v] of Object.entries(run.config ?? {})) args.push("-c", `${k}=${v}`);
  if (run.output !== "text") args.push("tsv");
  return runChild({ bin, args, env: { ...process.env, OMP_THREAD_LIMIT: "1" }, ...(run.input ? { input: run.input } : {}), timeoutMs: run.timeoutMs }).then((out) =>
    out.toString("utf8"),
  );
}

export { OcrTimeout } from "./child.js";
