import { spawnSync } from "node:child_process";
import { runChild } from "./child.js";
import { decodePgm } from "./pnm.js";
import type { GrayBitmap } from "./types.js";

/**
 * Page images from poppler's pdftoppm, one process per page (it writes a lone page to stdout as PGM). The OCR engine
 * takes any renderer of this shape; this one serves until the PDF reader's own page renderer is wired in.
 */
export type PageRenderer = (page: number, dpi: number, timeoutMs: number) => Promise<GrayBitmap>;

export function hasPdftoppm(): boolean {
  const r = spawnSync(process.env["PDFTOPPM_BIN"] ?? "pdftoppm", ["-v"], { encoding: "utf8" });
  return !r.error;
}

export function pdftoppmRenderer(pdf: Uint8Array): PageRenderer {
  return (page, dpi, timeoutMs) =>
    runChild({
      bin: process.env["PDFTOPPM_BIN"] ?? "pdftoppm",
      args: ["-r", String(dpi), "-gray", "-f", String(page), "-l", String(page), "-"],
      input: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
      timeoutMs,
    }).then((out) => decodePgm(out, dpi));
}
