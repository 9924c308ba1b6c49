/**
 * Text from documents and file names on a terminal. A document can hold ESC and BEL sequences (an HTML page with
 * "\x1b]0;…\x07" retitles the terminal, "\x1b[2J" clears it) and C1 controls (U+009B is CSI to many terminals):
 * printed raw, they act on the user's terminal. Everything the CLI prints that came from input goes through here.
 */

/** C0 controls except tab and newline (which layout needs), DEL, and the C1 block U+0080–U+009F. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Shown in place of a control: its Unicode control picture (␛ for ESC, ␇ for BEL, ␍ for CR, ␡ for DEL), or U+FFFD
 * for C1. One UTF-16 unit each, so amount offsets into a block's text still point at the same characters.
 */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return "\ufffd";
}

/** `text` with every control character but \t and \n made visible and inert, its length unchanged. */
export function terminalSafe(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROL, visible) : text;
}

/** DEL and C1, which JSON.stringify leaves raw (it escapes only U+0000–U+001F). */
const JSON_RAW_CONTROL = /[\u007f-\u009f]/g;
const HAS_JSON_RAW_CONTROL = /[\u007f-\u009f]/;

/**
 * JSON text safe on a terminal and still the same JSON: DEL and C1 become \u escapes, which every parser reads
 * back as the same characters. (C0 controls are escaped by JSON.stringify already.)
 */
export function terminalSafeJson(json: string): string {
  return HAS_JSON_RAW_CONTROL.test(json) ? json.replace(JSON_RAW_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

/** A copy of `value` with every string in it terminalSafe: a document made fit for a summary printed as text. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === "string") return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => terminalSafeDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, terminalSafeDeep(v)])) as T;
  }
  return value;
}
