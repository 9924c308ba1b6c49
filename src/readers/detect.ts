import type { SourceFormat } from "../model/index.js";
import { sniffHtml } from "./html/sniff.js";

/**
 * Format detection from the bytes alone: file names lie in real archives (.doc saved as .docx, PDFs named .html).
 */
export function detectFormat(bytes: Uint8Array): SourceFormat {
  if (bytes.length === 0) return "unknown";
  // Word saves RTF under .doc names; as text it would read as control words ("{\rtf1\ansi…").
  if (isRtf(bytes)) return "rtf";
  const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
  // PDF allows junk before the header; readers accept it within the first KB.
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(bytes);
  if (looksLikeHtml(bytes) || sniffHtml(bytes)) return "html";
  if (looksLikeText(bytes)) return "text";
  return "unknown";
}


/** "{\rtf" after an optional UTF-8 BOM and whitespace: how every RTF writer starts the file. */
export function isRtf(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return latin1(bytes, i, Math.min(bytes.length, i + 5)) === "{\\rtf";
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}

function contains(bytes: Uint8Array, needle: string | Buffer): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** Zip entry names are stored uncompressed in local and central headers. */
function zipKind(bytes: Uint8Array): SourceFormat {
  if (contains(bytes, "word/document.xml")) return "docx";
  if (contains(bytes, "xl/workbook.xml")) return "xlsx";
  return "zip";
}

/** OLE/CFB directory entries store stream names in UTF-16LE. */
function oleKind(bytes: Uint8Array): SourceFormat {
  const utf16 = (s: string) => Buffer.from(s, "utf16le");
  if (contains(bytes, utf16("WordDocument"))) return "doc";
  if (contains(bytes, utf16("Workbook")) || contains(bytes, utf16("Book"))) return "xls";
  return "ole";
}

/** True when the OLE container is an encrypted OOXML package (password-protected .docx/.xlsx). */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  return contains(bytes, Buffer.from("EncryptedPackage", "utf16le"));
}

const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|br|script|style|link|center|font|h[1-6])[\s>/]/i;

function looksLikeHtml(bytes: Uint8Array): boolean {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const s = Buffer.from(bytes.subarray(2, Math.min(bytes.length, 2050)));
    const text = bytes[0] === 0xff ? s.toString("utf16le") : s.swap16().toString("utf16le");
    return HTML_START.test(text) || /<html[\s>]/i.test(text);
  }
  const head = latin1(bytes, start, Math.min(bytes.length, start + 4096));
  if (HTML_START.test(head)) return true;
  // Server-side templates (JSP/PHP/ASP) put directives before the markup.
  return /^\s*<[%?]/.test(head) && /<html[\s>]|<body[\s>]/i.test(head + latin1(bytes, 0, Math.min(bytes.length, 65536)));
}

/** Text: few control characters, decodable as UTF-8/UTF-16 or a legacy CJK encoding. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n < 0.01;
}
