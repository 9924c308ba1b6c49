/**
 * A same-length view of a text for scanning: full-width ASCII (０-９ ． ， ％ （ ） －) and the ideographic
 * space become their ASCII forms. Every replacement is one UTF-16 unit for one, so offsets found in the
 * view are offsets into the original text.
 */
export function scanView(text: string): string {
  if (!NEEDS_MAPPING.test(text)) return text;
  // Map code units into a typed array and decode once: a replace() callback per match is slow on HTML
  // text full of &nbsp; and ideographic spaces.
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 || c === 0xa0 ? 0x20 : c === 0x2212 ? 0x2d : c;
  }
  return UTF16.decode(codes);
}

const NEEDS_MAPPING = /[\uff01-\uff5e\u3000\u00a0\u2212]/;
const UTF16 = new TextDecoder("utf-16le");

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}
