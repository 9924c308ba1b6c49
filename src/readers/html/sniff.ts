/** Markup that only HTML (not XML data, not plain text with a stray "<") opens with in its first kilobytes. */
const HTML_MARKERS = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]|<table[\s>]|<div[\s>]|<p[\s>]|<br\s*\/?>|<span[\s>]/;

const SNIFF_WINDOW = 4096;

function headText(bytes: Uint8Array): string {
  // UTF-16 pages: read every other byte so the ASCII markup is visible.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    let s = "";
    for (let i = 2; i + 1 < Math.min(bytes.length, SNIFF_WINDOW * 2); i += 2) s += String.fromCharCode(le ? bytes[i]! : bytes[i + 1]!);
    return s;
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.length - start, SNIFF_WINDOW)).toString("latin1");
}

/** Does this look like an HTML page? Used by format detection, after the binary signatures (zip, OLE, %PDF). */
export function sniffHtml(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const head = headText(bytes).toLowerCase();
  // Control bytes mean a binary container (zip, OLE) that merely contains markup.
  if (/[\x00-\x08\x0e-\x1a]/.test(head)) return false;
  const first = head.trimStart();
  if (!first.startsWith("<")) return /<!doctype\s+html|<html[\s>]/.test(head);
  return HTML_MARKERS.test(head);
}
