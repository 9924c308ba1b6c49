/**
 * PDFium (WebAssembly, `@embedpdf/pdfium`), loaded once per thread: the PDF reader's engine for text, ruling
 * lines and page images.
 *
 * Why this package: it ships typed signatures for PDFium's whole C API (per-character boxes and font sizes, page
 * objects with their paths, colours and clips, bitmap rendering), where `@hyzyla/pdfium` types only whole-page
 * text and rendering; both builds ran within noise of each other on the corpus (bench/pdf.ts), and this one
 * initialises faster (≈100 ms against ≈150 ms per worker).
 *
 * Both packages are Emscripten builds with assertions: every export goes through a wrapper that checks its
 * arguments on each call. The readers call PDFium hundreds of thousands of times per document, so they use the
 * raw wasm exports (same functions, same signatures) and fall back to the wrapped ones only if an export is absent.
 *
 * Memory: a PDF is copied into wasm memory for as long as its document is open (PDFium reads it lazily).
 * Wasm memory grows and never shrinks, and it is outside V8's heap limits: `pdfiumMemoryBytes()` reports it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { init, type Methods, type WrappedPdfiumModule } from "@embedpdf/pdfium";

/** The PDFium functions the readers call, with their wrapped signatures. */
export type Pdfium = Methods & {
  malloc(size: number): number;
  free(ptr: number): void;
  /** Views on wasm memory: re-read after any call that may grow it (never hold one across calls). */
  heap(): { u8: Uint8Array; i32: Int32Array; u32: Uint32Array; f32: Float32Array; f64: Float64Array };
  /** Bytes of wasm memory in use by this thread's PDFium (it only grows). */
  memoryBytes(): number;
};

let loading: Promise<Pdfium> | null = null;

/** This thread's PDFium, initialised on first use (one wasm compile per worker thread). */
export function pdfium(): Promise<Pdfium> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/**
 * Forget this thread's PDFium after a wasm trap (an abort leaves the runtime unusable); the next document loads a
 * fresh one.
 */
export function resetPdfium(): void {
  loading = null;
}

/** Wasm memory held by this thread's PDFium, or 0 when it is not loaded. */
export async function pdfiumMemoryBytes(): Promise<number> {
  return loading ? (await loading).memoryBytes() : 0;
}

async function load(): Promise<Pdfium> {
  const require = createRequire(import.meta.url);
  const wasmBinary = readFileSync(require.resolve("@embedpdf/pdfium/pdfium.wasm"));
  // The package's glue prints assertion chatter through these; a reader prints nothing.
  const quiet = { print: () => undefined, printErr: () => undefined };
  const wrapped = await init({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength), ...quiet } as never);
  wrapped.PDFiumExt_Init();
  return rawFunctions(wrapped);
}

function rawFunctions(wrapped: WrappedPdfiumModule): Pdfium {
  const mod = wrapped.pdfium as WrappedPdfiumModule["pdfium"] & Record<string, unknown>;
  const exportsTable = (mod.wasmExports ?? {}) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(wrapped)) {
    if (name === "pdfium") continue;
    const raw = exportsTable[name];
    out[name] = typeof raw === "function" ? raw : (wrapped as unknown as Record<string, unknown>)[name];
  }
  const memory = exportsTable["memory"] as { buffer: ArrayBuffer } | undefined;
  let views: ReturnType<Pdfium["heap"]> | null = null;
  let viewBuffer: ArrayBufferLike | null = null;
  out["malloc"] = mod.wasmExports.malloc;
  out["free"] = mod.wasmExports.free;
  out["heap"] = () => {
    const buffer = memory ? memory.buffer : (mod["HEAPU8"] as Uint8Array).buffer;
    if (!views || viewBuffer !== buffer) {
      views = { u8: new Uint8Array(buffer), i32: new Int32Array(buffer), u32: new Uint32Array(buffer), f32: new Float32Array(buffer), f64: new Float64Array(buffer) };
      viewBuffer = buffer;
    }
    return views;
  };
  out["memoryBytes"] = () => (memory ? memory.buffer.byteLength : (mod["HEAPU8"] as Uint8Array).byteLength);
  return out as unknown as Pdfium;
}

/** FPDF_GetLastError codes (fpdfview.h). */
export const FPDF_ERR = { UNKNOWN: 1, FILE: 2, FORMAT: 3, PASSWORD: 4, SECURITY: 5, PAGE: 6 } as const;

/** An open document: its handle and the wasm copy of its bytes, freed together. */
export interface PdfiumDocument {
  lib: Pdfium;
  doc: number;
  pageCount: number;
  close(): void;
}

/** Open a PDF from bytes; returns the FPDF_GetLastError code instead of a document when PDFium refuses it. */
export function openDocument(lib: Pdfium, bytes: Uint8Array): PdfiumDocument | { error: number } {
  const ptr = lib.malloc(Math.max(1, bytes.byteLength));
  if (!ptr) return { error: FPDF_ERR.UNKNOWN };
  lib.heap().u8.set(bytes, ptr);
  // No password: the raw export takes a null pointer where the wrapped one takes a string.
  const load = lib.FPDF_LoadMemDocument as unknown as (data: number, size: number, password: number) => number;
  const doc = load(ptr, bytes.byteLength, 0);
  if (!doc) {
    const error = lib.FPDF_GetLastError();
    lib.free(ptr);
    return { error };
  }
  let open = true;
  return {
    lib,
    doc,
    pageCount: lib.FPDF_GetPageCount(doc),
    close() {
      if (!open) return;
      open = false;
      lib.FPDF_CloseDocument(doc);
      lib.free(ptr);
    },
  };
}

/** A UTF-16LE string from a PDFium "buffer and length" getter that returns the byte count it needs. */
export function utf16Getter(lib: Pdfium, get: (buf: number, len: number) => number): string {
  const need = get(0, 0);
  if (need <= 2) return "";
  const buf = lib.malloc(need);
  try {
    get(buf, need);
    const u8 = lib.heap().u8;
    return new TextDecoder("utf-16le").decode(u8.subarray(buf, buf + need - 2));
  } finally {
    lib.free(buf);
  }
}

/** The Info dictionary's string for `key` (Title, Producer …), "" when absent. */
export function metaText(lib: Pdfium, doc: number, key: string): string {
  const keyBytes = new TextEncoder().encode(`${key}\0`);
  const keyPtr = lib.malloc(keyBytes.length);
  try {
    lib.heap().u8.set(keyBytes, keyPtr);
    // The raw export takes a pointer for the key where the wrapped one takes a string.
    const get = lib.FPDF_GetMetaText as unknown as (doc: number, key: number, buf: number, len: number) => number;
    return utf16Getter(lib, (buf, len) => get(doc, keyPtr, buf, len));
  } finally {
    lib.free(keyPtr);
  }
}
