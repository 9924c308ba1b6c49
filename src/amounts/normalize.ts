/**
 * A same-length view of a text for scanning: full-width ASCII (０-９ ． ， ％ （ ） －) and the ideographic
 * space become their ASCII forms. Every replacement is one UTF-16 unit for one, so offsets found in the
 * view are offsets into the original text.
 */
export function scanView(text: string): string {
  // One regex replace yields a flat string; concatenating pieces would give a rope that indexes slowly.
  return text.replace(/[\uff01-\uff5e\u3000\u00a0\u2212]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return c === "\u2212" ? "-" : " ";
  });
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}
