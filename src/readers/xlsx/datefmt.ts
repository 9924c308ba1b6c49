/**
 * A date serial printed through a date/time format: "yyyy-mm-dd" → "2026-01-15", 'yyyy"年"m"月"' → "2026年1月".
 * Serials count days from 1900-01-00 with Excel's phantom 1900-02-29 (serial 60), or from 1904-01-01.
 */
import { toNumber, type Decimal } from "./decimal.js";
import type { Token } from "./format-code.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

interface Parts {
  y: number;
  m: number;
  d: number;
  weekday: number;
  H: number;
  M: number;
  S: number;
  /** Whole seconds since the serial's epoch, for elapsed [h]/[mm]/[ss]. */
  totalSeconds: number;
}

const DAY_MS = 86_400_000;

/** Serial → calendar parts; null outside Excel's range (before the epoch or past 9999-12-31). */
export function serialToParts(serial: number, date1904: boolean): Parts | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465.99999) return null;
  const totalSeconds = Math.round(serial * 86400);
  let days = Math.floor(totalSeconds / 86400);
  const secs = totalSeconds - days * 86400;
  const time = { H: Math.floor(secs / 3600), M: Math.floor((secs % 3600) / 60), S: secs % 60, totalSeconds };
  if (!date1904 && days === 60) return { y: 1900, m: 2, d: 29, weekday: 3, ...time };
  if (!date1904 && days < 60) days += 1; // before the phantom leap day, serial 1 is 1900-01-01
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const at = new Date(epoch + days * DAY_MS);
  return { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate(), weekday: at.getUTCDay(), ...time };
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");

/** "m" is minutes after an hour or before a second, else the month. */
function isMinute(tokens: Token[], i: number): boolean {
  const dates = (from: number, step: number): string | undefined => {
    for (let j = from; j >= 0 && j < tokens.length; j += step) {
      const t = tokens[j]!;
      if (t.t === "date") return t.s;
    }
    return undefined;
  };
  const before = dates(i - 1, -1);
  const after = dates(i + 1, 1);
  return (before !== undefined && /^\[?h/.test(before)) || (after !== undefined && /^\[?s/.test(after));
}

function part(tok: string, p: Parts, minute: boolean, twelve: boolean): string {
  const h12 = p.H % 12 === 0 ? 12 : p.H % 12;
  switch (tok) {
    case "y": case "yy": return pad(p.y % 100, 2);
    case "yyy": case "yyyy": return String(p.y);
    case "m": return String(minute ? p.M : p.m);
    case "mm": return pad(minute ? p.M : p.m, 2);
    case "mmm": return MONTHS[p.m - 1]!.slice(0, 3);
    case "mmmmm": return MONTHS[p.m - 1]!.slice(0, 1);
    case "d": return String(p.d);
    case "dd": return pad(p.d, 2);
    case "ddd": return DAYS[p.weekday]!.slice(0, 3);
    case "h": return String(twelve ? h12 : p.H);
    case "hh": return pad(twelve ? h12 : p.H, 2);
    case "s": return String(p.S);
    case "ss": return pad(p.S, 2);
    case "[h]": case "[hh]": return String(Math.floor(p.totalSeconds / 3600));
    case "[m]": case "[mm]": return String(Math.floor(p.totalSeconds / 60));
    case "[s]": case "[ss]": return String(p.totalSeconds);
    default:
      if (tok.startsWith("mmmm")) return MONTHS[p.m - 1]!;
      if (tok.startsWith("dddd")) return DAYS[p.weekday]!;
      if (tok.startsWith("yyy")) return String(p.y);
      return tok;
  }
}

function ampm(tok: string, p: Parts): string {
  const pm = p.H >= 12;
  if (tok === "上午/下午") return pm ? "下午" : "上午";
  if (tok.toLowerCase() === "a/p") return pm ? "P" : "A";
  return pm ? "PM" : "AM";
}

/** The serial through a date section's tokens; null when the serial is no date Excel can show. */
export function formatDate(serial: Decimal, tokens: Token[], date1904: boolean): string | null {
  const p = serialToParts(serial.negative ? -toNumber(serial) : toNumber(serial), date1904);
  if (!p || serial.negative) return null;
  const twelve = tokens.some((t) => t.t === "ampm");
  let out = "";
  for (const [i, tok] of tokens.entries()) {
    if (tok.t === "lit") out += tok.s;
    else if (tok.t === "date") out += part(tok.s, p, (tok.s === "m" || tok.s === "mm") && isMinute(tokens, i), twelve);
    else if (tok.t === "ampm") out += ampm(tok.s, p);
    else if (tok.t === "point" || tok.t === "digit") out += tok.t === "point" ? "." : "0"; // fractional seconds: not kept
  }
  return out.trim();
}
