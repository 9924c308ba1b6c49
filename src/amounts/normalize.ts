/**
 * A same-length view of a text for scanning: full-width ASCII (０-９ ． ， ％ （ ） －) and the ideographic
 * space become their ASCII forms. Every replacement is one UTF-16 unit for one, so offsets found in the
 * view are offsets into the original text.
 */
export function scanView(text: string): string {
  if (!NEEDS_MAPPING.test(text)) return text;
  return scanViewWithCodes(text).view;
}

/**
 * The scan view and its UTF-16 code units. Reading a typed array is one load per character whatever the
 * string's internal representation, where charCodeAt on a mix of one-byte and two-byte strings is not.
 */
export function scanViewWithCodes(text: string): { view: string; codes: Uint16Array } {
  // Rewrite the code units in place in one buffer and decode once: a replace() callback per match is slow
  // on HTML text full of &nbsp;, full-width punctuation and ideographic spaces.
  let buf = Buffer.from(text, "utf16le");
  if (buf.byteOffset % 2 !== 0) buf = Buffer.from(new Uint8Array(buf).buffer); // a 16-bit view needs an even offset
  const codes = new Uint16Array(buf.buffer, buf.byteOffset, text.length);
  let mapped = false;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0xa0) continue;
    if (c >= 0xff01 && c <= 0xff5e) codes[i] = c - 0xfee0;
    else if (c === 0x3000 || c === 0xa0) codes[i] = 0x20;
    else if (c === 0x2212) codes[i] = 0x2d;
    else continue;
    mapped = true;
  }
  return { view: mapped ? buf.toString("utf16le") : text, codes };
}

const NEEDS_MAPPING = /[\uff01-\uff5e\u3000\u00a0\u2212]/;

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}
