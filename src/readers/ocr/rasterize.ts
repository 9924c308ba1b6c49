import { spawn, spawnSync } from "node:child_process";
import { decodePgm } from "./pnm.js";
import { OcrTimeout } from "./tesseract.js";
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
    new Promise((resolve, reject) => {
      const args = ["-r", String(dpi), "-gray", "-f", String(page), "-l", String(page), "-"];
      const child = spawn(process.env["PDFTOPPM_BIN"] ?? "pdftoppm", args, { stdio: ["pipe", "pipe", "pipe"] });
      const out: Buffer[] = [];
      let err = "";
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new OcrTimeout(timeoutMs));
      }, timeoutMs);
      child.stdout.on("data", (d: Buffer) => out.push(d));
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        if (code !== 0) return reject(new Error(`pdftoppm exited ${code}: ${err.trim().slice(0, 300)}`));
        try {
          resolve(decodePgm(Buffer.concat(out), dpi));
        } catch (e) {
          reject(e);
        }
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    });
}
