/**
 * Render a list counter in a Word number format (w:numFmt), the way Word draws it.
 * Formats not listed fall back to decimal, which is what Word does for formats it cannot draw.
 */

const CN_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const CN_LEGAL_DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const CN_UNITS = ["", "十", "百", "千"];
const CN_LEGAL_UNITS = ["", "拾", "佰", "仟"];
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

/** Positional Chinese numeral below 10 000 with zero-collapsing: 101 → 一百〇一, 110 → 一百一十. */
function chinesePositional(n: number, digits: string[], units: string[], zero: string, shortTen: boolean): string {
  if (n === 0) return zero;
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    const highText = chinesePositional(high, digits, units, zero, shortTen) + (units === CN_LEGAL_UNITS ? "萬" : "万");
    if (low === 0) return highText;
    return highText + (low < 1000 ? zero : "") + chinesePositional(low, digits, units, zero, false);
  }
  const s = String(n);
  let out = "";
  let pendingZero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = s.length - 1 - i;
    if (d === 0) {
      pendingZero = out !== "";
      continue;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    // 十一 not 一十一: the leading 一 before 十 is dropped in everyday (non-legal) numerals.
    if (!(shortTen && d === 1 && unit === 1 && s.length === 2)) out += digits[d];
    out += units[unit];
  }
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word: a … z, aa … zz, aaa …: the letter repeats once per pass through the alphabet.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  const s = letter.repeat(Math.floor((n - 1) / 26) + 1);
  return upper ? s.toUpperCase() : s;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
    [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table) while (rest >= v) {
    out += s;
    rest -= v;
  }
  return out;
}

function mapDigits(n: number, zeroCodePoint: number): string {
  return [...String(n)].map((d) => String.fromCodePoint(zeroCodePoint + Number(d))).join("");
}

/** The formats this module draws natively (others fall back to decimal). */
export const SUPPORTED_NUM_FORMATS = [
  "decimal", "decimalZero", "decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth",
  "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "decimalEnclosedFullstop", "decimalEnclosedParen",
  "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
  "ideographZodiac", "ideographDigital", "japaneseCounting", "taiwaneseCountingThousand",
  "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "none", "bullet",
] as const;

export function formatCounter(n: number, numFmt: string): string {
  if (n < 0) return String(n);
  switch (numFmt) {
    case "none":
    case "bullet":
      return "";
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return mapDigits(n, 0xff10);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return circled(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : String(n);
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : String(n);
    case "chineseCounting":
      // Word counts 1–99 with 十 (十一, 二十); from 100 on it writes digit by digit (101 → 一〇一).
      return n < 100 ? chinesePositional(n, CN_DIGITS, CN_UNITS, "〇", true) : mapDigitsCn(n);
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCountingThousand":
      return chinesePositional(n, CN_DIGITS, CN_UNITS, "〇", true);
    case "chineseLegalSimplified":
      return chinesePositional(n, CN_LEGAL_DIGITS, CN_LEGAL_UNITS, "零", false);
    case "ideographTraditional":
      return n >= 1 ? HEAVENLY_STEMS[(n - 1) % 10]! : String(n);
    case "ideographZodiac":
      return n >= 1 ? EARTHLY_BRANCHES[(n - 1) % 12]! : String(n);
    case "ideographDigital":
      return mapDigitsCn(n);
    case "lowerLetter":
      return n >= 1 ? letters(n, false) : String(n);
    case "upperLetter":
      return n >= 1 ? letters(n, true) : String(n);
    case "lowerRoman":
      return n >= 1 ? roman(n) : String(n);
    case "upperRoman":
      return n >= 1 ? roman(n).toUpperCase() : String(n);
    default:
      return String(n);
  }
}

/** ① … ⑳ (U+2460), ㉑ … ㉟ (U+3251), ㊱ … ㊿ (U+32B1) as LibreOffice draws them; past 50 plain digits. */
function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
}

function mapDigitsCn(n: number): string {
  return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join("");
}
