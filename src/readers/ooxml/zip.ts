/**
 * The zip layer of every OOXML reader (.docx, .xlsx): sizes and compression ratios are checked from the central
 * directory before anything is inflated, and every inflate stops at the entry's declared size.
 */
import JSZip from "jszip";
import { ExtractError } from "../../errors.js";
import type { Limits } from "../../limits.js";

/** The size fields jszip keeps from the central directory (not in its public typings). */
interface EntrySizes {
  _data?: { uncompressedSize?: number; compressedSize?: number };
}
/** jszip's chunked reader (StreamHelper), used to stop inflating at a cap. */
interface InternalStream {
  on(event: "data", fn: (chunk: Uint8Array) => void): InternalStream;
  on(event: "error", fn: (e: Error) => void): InternalStream;
  on(event: "end", fn: () => void): InternalStream;
  pause(): void;
  resume(): void;
}

/** Which kind of package is open, for messages: what to call it and which program re-saves it. */
export interface PackageKind {
  /** "This .docx", "This .xlsx". */
  what: string;
  /** "Word/WPS", "Excel/WPS". */
  app: string;
}

export const DOCX_PACKAGE: PackageKind = { what: "This .docx", app: "Word/WPS" };
export const XLSX_PACKAGE: PackageKind = { what: "This .xlsx", app: "Excel/WPS" };

/** Below this size a high ratio is harmless (a page of spaces compresses 500×); bombs need volume. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

export class OoxmlPackage {
  private constructor(
    private readonly zip: JSZip,
    private readonly limits: Limits,
    private readonly app: string,
    /** Sum of every entry's declared uncompressed size: what an embedded package's own budget is taken from. */
    readonly declaredTotal: number,
  ) {}

  /**
   * Open the zip and check every entry's declared size and compression ratio BEFORE anything is
   * inflated, so a zip bomb costs nothing. Reads later also stop at the declared size in case it lies.
   */
  static async open(bytes: Uint8Array, limits: Limits, kind: PackageKind = DOCX_PACKAGE): Promise<OoxmlPackage> {
    const { what, app } = kind;
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new ExtractError(
        "corrupt",
        `${what} is not a readable zip package (${why}); the file is truncated or damaged. Download it again or re-save it from ${app}.`,
      );
    }
    let total = 0;
    for (const [name, file] of Object.entries(zip.files)) {
      if (file.dir) continue;
      const sizes = (file as unknown as EntrySizes)._data;
      const uncompressed = sizes?.uncompressedSize ?? 0;
      const compressed = sizes?.compressedSize ?? 0;
      total += uncompressed;
      if (total > limits.maxUncompressedBytes) {
        throw new ExtractError(
          "too_large",
          `${what} declares more than ${limits.maxUncompressedBytes} bytes uncompressed (at entry ${name}); raise --max-uncompressed-bytes if the file is trusted.`,
          { entry: name, maxUncompressedBytes: limits.maxUncompressedBytes },
        );
      }
      if (uncompressed >= RATIO_CHECK_MIN_BYTES && uncompressed > limits.maxCompressionRatio * Math.max(compressed, 1)) {
        throw new ExtractError(
          "too_large",
          `${what}: zip entry ${name} expands ${Math.round(uncompressed / Math.max(compressed, 1))}× (limit ${limits.maxCompressionRatio}×), which looks like a zip bomb; raise --max-compression-ratio if the file is trusted.`,
          { entry: name, maxCompressionRatio: limits.maxCompressionRatio },
        );
      }
    }
    return new OoxmlPackage(zip, limits, app, total);
  }

  has(name: string): boolean {
    const f = this.zip.file(name);
    return f !== null && !f.dir;
  }

  /** Every file entry's name (folders left out), in the zip's order. */
  names(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  /** Inflate one entry as text, never past its declared size (a lying header cannot blow memory). */
  async text(name: string): Promise<string | undefined> {
    const bytes = await this.bytes(name);
    return bytes === undefined ? undefined : decodeXmlBytes(bytes);
  }

  /**
   * Inflate one entry's bytes (an embedded workbook, a picture), with the guards of text(): never past the entry's
   * declared size nor --max-uncompressed-bytes.
   */
  async bytes(name: string): Promise<Uint8Array | undefined> {
    const app = this.app;
    const file = this.zip.file(name);
    if (!file || file.dir) return undefined;
    const declared = (file as unknown as EntrySizes)._data?.uncompressedSize ?? this.limits.maxUncompressedBytes;
    const cap = Math.min(declared, this.limits.maxUncompressedBytes);
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      const stream = (file as unknown as { internalStream(type: "uint8array"): InternalStream }).internalStream("uint8array");
      stream.on("data", (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > cap) {
          stream.pause();
          reject(
            new ExtractError("too_large", `Zip entry ${name} inflates past its declared size of ${declared} bytes; the file is damaged or hostile. Re-save it from ${app} if the source is trusted.`, {
              entry: name,
            }),
          );
          return;
        }
        chunks.push(chunk);
      });
      stream.on("error", (e: Error) =>
        reject(new ExtractError("corrupt", `Zip entry ${name} cannot be inflated (${e.message}); the file is damaged. Re-save it from ${app}.`)),
      );
      stream.on("end", () => resolve(Buffer.concat(chunks)));
      stream.resume();
    });
  }
}

/** XML parts are UTF-8 unless a BOM says UTF-16. */
function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}
