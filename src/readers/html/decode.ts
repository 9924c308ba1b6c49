import iconv from "iconv-lite";

/** The decoded page: text, the encoding actually used, and how many U+FFFD the decoding produced. */
export interface DecodedHtml {
  text: string;
  encoding: string;
  replacements: number;
}

/** How far into the bytes a charset declaration is looked for. */
const DECLARATION_WINDOW = 4096;

const GB_FAMILY = new Set(["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "chinese", "iso-ir-58"]);
const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"]);
/** Labels WHATWG maps to windows-1252; Chinese pages so labelled usually hold UTF-8 or GBK. */
const WESTERN = new Set(["iso-8859-1", "latin1", "iso8859-1", "windows-1252", "cp1252", "us-ascii", "ascii"]);

/** Map a declared label to the encoding we decode with (GB family → gb18030, its superset). */
export function normalizeCharset(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (UTF8_LABELS.has(l)) return "utf-8";
  if (GB_FAMILY.has(l)) return "gb18030";
  if (l === "big5" || l === "big5-hkscs" || l === "x-x-big5") return "big5";
  if (WESTERN.has(l)) return "windows-1252";
  // A meta tag cannot really declare UTF-16 (the bytes would not be ASCII-readable); treat as UTF-8.
  if (l.startsWith("utf-16")) return "utf-8";
  return iconv.encodingExists(l) ? l : null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  if (a === 0x84 && b === 0x31 && c === 0x95 && d === 0x33) return { encoding: "gb18030", length: 4 };
  return null;
}

/** The charset a page declares in its first bytes (<meta charset>, http-equiv, XML declaration), raw label. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_WINDOW)).toString("latin1");
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1];
  const xml = /<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (xml?.[1]) return xml[1];
  // JSP/PHP sources keep the content type in a directive rather than a meta tag.
  const directive = /contentType\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  return directive?.[1] ?? null;
}

interface Utf8Check {
  /** Invalid sequences, not counting a sequence cut off by the end of the file. */
  invalid: number;
  /** Well-formed multi-byte characters. */
  multibyte: number;
}

/** Count well-formed and ill-formed UTF-8 sequences in one linear pass. */
export function checkUtf8(bytes: Uint8Array): Utf8Check {
  let invalid = 0;
  let multibyte = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= n) {
      // Truncated at end of file: a cut-off download, not evidence of another encoding.
      const tailOk = bytes.subarray(i + 1).every((x) => (x & 0xc0) === 0x80);
      if (!tailOk) invalid++;
      break;
    }
    let cp = b & (0xff >> (need + 2));
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const cb = bytes[i + k]!;
      if ((cb & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cb & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { invalid, multibyte };
}

/** UTF-8 unless the bytes are clearly not: a stray bad byte in a long UTF-8 page does not flip it to GBK. */
function looksUtf8(bytes: Uint8Array): boolean {
  const { invalid, multibyte } = checkUtf8(bytes);
  if (invalid === 0) return true;
  return multibyte >= 50 && invalid * 200 <= multibyte;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\ufffd"); i !== -1; i = text.indexOf("\ufffd", i + 1)) n++;
  return n;
}

function decodeWith(bytes: Uint8Array, encoding: string): DecodedHtml {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const text = iconv.decode(buf, encoding, { stripBOM: true });
  return { text, encoding, replacements: countReplacements(text) };
}

/**
 * Decode an HTML page: BOM, then the declared charset (validated against the bytes), then sniffing
 * (valid UTF-8, else GB18030). Never throws on bad bytes; they become U+FFFD and are counted.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.encoding);

  const label = declaredCharset(bytes);
  const declared = label ? normalizeCharset(label) : null;
  if (!hasHighBytes(bytes)) return decodeWith(bytes, declared && declared !== "utf-16le" ? declared : "utf-8");

  const utf8 = looksUtf8(bytes);
  if (declared === "utf-8") return decodeWith(bytes, utf8 ? "utf-8" : "gb18030");
  // A GB or Western label on bytes that are valid UTF-8 is a page re-saved without fixing its meta tag.
  if (declared === "gb18030" || declared === "windows-1252") return decodeWith(bytes, utf8 ? "utf-8" : "gb18030");
  if (declared) return decodeWith(bytes, declared);
  return decodeWith(bytes, utf8 ? "utf-8" : "gb18030");
}
