import { OCR_SETTINGS } from "./settings.js";

/** One recognized word of Tesseract's TSV, in pixels. */
export interface OcrWord {
  /** Index of the image in a multi-image run (the digit pass), 0-based. */
  image: number;
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–1. */
  confidence: number;
  text: string;
}

/** A run of words on one line, joined as the layout engine would see one text run. */
export interface OcrRun {
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
  /** Character-weighted mean of the words' confidences, 0–1. */
  confidence: number;
  chars: number;
  /** The words the run was joined from (and a blank between Latin words), left to right: each glyph's box comes from its word's. */
  spans: RunSpan[];
}

/** A piece of a run's text with the horizontal extent of the word it was read as, in pixels. */
export interface RunSpan {
  text: string;
  left: number;
  width: number;
}

/** Words (level 5) of Tesseract's TSV output; line boxes (level 4) give each word its line's height. */
export interface ParsedTsv {
  words: OcrWord[];
  lineBoxes: Map<string, LineBox>;
}

/** A recognized line's box, in pixels. */
export interface LineBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function parseTsv(tsv: string): ParsedTsv {
  const words: OcrWord[] = [];
  const lineBoxes = new Map<string, LineBox>();
  for (const row of tsv.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f.length < 12) continue;
    const [level, page, block, par, line, , left, top, width, height, conf] = f.slice(0, 11).map(Number);
    const key = `${page}:${block}:${par}:${line}`;
    if (level === 4) lineBoxes.set(key, { left: left ?? 0, top: top ?? 0, width: width ?? 0, height: height ?? 0 });
    const text = f.slice(11).join("\t").trim();
    if (level !== 5 || !text || (conf ?? -1) < 0) continue;
    words.push({ image: (page ?? 1) - 1, line: key, left: left ?? 0, top: top ?? 0, width: width ?? 0, height: height ?? 0, confidence: (conf ?? 0) / 100, text });
  }
  return { words, lineBoxes };
}

/**
 * Join the words of each line into runs: Tesseract splits Chinese text and figures into pieces ("27," "664." "22")
 * that belong together. Words stay apart across a wide gap or a vertical rule (the next table cell).
 */
export function joinRuns(parsed: ParsedTsv, ruleXs: readonly number[] = []): OcrRun[] {
  const byLine = new Map<string, OcrWord[]>();
  for (const w of parsed.words.flatMap((w) => splitAtRule(w, ruleXs))) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const runs: OcrRun[] = [];
  for (const [key, unsorted] of byLine) {
    const box = parsed.lineBoxes.get(key);
    const words = fullWidthParens([...unsorted].sort((a, b) => a.left - b.left));
    const height = box?.height ?? Math.max(...words.map((w) => w.height));
    let run: OcrRun | undefined;
    for (const w of words) {
      const gap = run ? w.left - (run.left + run.width) : Infinity;
      const ruled = run !== undefined && ruleXs.some((x) => x > run!.left + run!.width - 1 && x < w.left + 1);
      const limit = run && continuesFigure(run.text, w.text) ? OCR_SETTINGS.figureJoinGapEms : OCR_SETTINGS.joinGapEms;
      if (run && gap <= height * limit && !ruled) {
        appendWord(run, w, gap);
      } else {
        if (run) runs.push(run);
        const chars = Array.from(w.text).length;
        run = { left: w.left, top: w.top, width: w.width, height: w.height, text: w.text, confidence: w.confidence, chars, spans: [spanOf(w)] };
      }
    }
    if (run) runs.push(run);
  }
  return labelColons(runs.map((r) => pageNumberDashes(stripBorders(r))).filter((r) => r.text !== ""));
}

/**
 * A page number between dashes ("— 8 —") comes back with the dashes read as 一 and a stray bracket ("一8一", "一1]一"):
 * a number flanked by 一 is no Chinese text, and with real dashes the layout engine knows it for page furniture.
 */
const DASHED_NUMBER_RE = /^[一—–-]\s*(\d{1,4})[\]|丨]?\s*[一—–-]$/;

function pageNumberDashes(run: OcrRun): OcrRun {
  const m = DASHED_NUMBER_RE.exec(run.text);
  return m ? { ...run, text: `— ${m[1]} —` } : run;
}

/**
 * A figure printed up against a cell's border loses its last digits to the next cell's word ("27,664.2" +
 * "2一、一般公共服务支出" across the rule): the digits of a word that straddles a vertical rule, left of it, are cut
 * off as a word of their own, which then joins the figure before the rule.
 */
function splitAtRule(w: OcrWord, ruleXs: readonly number[]): OcrWord[] {
  const inset = OCR_SETTINGS.ruleStraddleInsetPx;
  const rule = ruleXs.find((x) => x > w.left + inset && x < w.left + w.width - inset);
  const m = rule === undefined ? null : /^([\d.,，．]+)(\D.*)$/.exec(w.text);
  if (rule === undefined || !m) return [w];
  const cut = Math.round(rule);
  return [
    { ...w, text: m[1]!, width: cut - w.left },
    { ...w, text: m[2]!, left: cut + 1, width: w.left + w.width - cut - 1 },
  ];
}

/** Look-alikes Tesseract reads for the full-width opening parenthesis "（". */
const OPEN_LOOKALIKES = new Set(["〈", "【", "《"]);
const CLOSERS = new Set([")", "）"]);
const BRACKETS = new Set(["〈", "【", "《", "〉", "】", "》", "(", "（", ")", "）"]);

/**
 * The full-width opening parenthesis comes back as a look-alike ("〈功能科目)", "【〈经济科目)") while its closing
 * one is read right: a look-alike closed by a parenthesis later on the line, no other bracket between, is a
 * parenthesis. Works on the line's words, as the pair is often split across runs ("支出预算表〈功能" "科目)").
 */
function fullWidthParens(words: OcrWord[]): OcrWord[] {
  const chars = words.flatMap((w, i) => Array.from(w.text).map((ch) => ({ ch, word: i })));
  let changed = false;
  for (let i = 0; i < chars.length; i++) {
    if (!OPEN_LOOKALIKES.has(chars[i]!.ch)) continue;
    let open = i;
    while (OPEN_LOOKALIKES.has(chars[open + 1]?.ch ?? "")) open++;
    let close = open + 1;
    while (close < chars.length && !BRACKETS.has(chars[close]!.ch)) close++;
    if (close >= chars.length || !CLOSERS.has(chars[close]!.ch)) continue;
    for (let k = i; k < open; k++) chars[k]!.ch = "";
    chars[open]!.ch = "（";
    chars[close]!.ch = "）";
    changed = true;
    i = close;
  }
  if (!changed) return words;
  return words.map((w, i) => ({ ...w, text: chars.filter((c) => c.word === i).map((c) => c.ch).join("") })).filter((w) => w.text !== "");
}

/** Caption labels whose colon Tesseract reads as a semicolon ("单位;万元", "部门;…"). */
const LABEL_RE = /(单位|部门|单位名称|部门名称|编制单位)$/;

/** "单位;万元" → "单位：万元", also when the label and the rest came out as two runs ("单位" ";万元"). */
function labelColons(runs: OcrRun[]): OcrRun[] {
  return runs.map((r, i) => {
    let text = r.text.replace(/(单位|部门|单位名称|部门名称|编制单位)[;；]/g, "$1：");
    const prev = runs[i - 1];
    if (/^[;；]/.test(text) && prev && Math.abs(prev.top - r.top) < r.height / 2 && LABEL_RE.test(prev.text)) text = `：${text.slice(1)}`;
    return text === r.text ? r : { ...r, text };
  });
}

/**
 * A table border the recognizer read as a glyph ("1,200,000|", "| 合计") is not text. Figures are never touched here.
 */
function stripBorders(run: OcrRun): OcrRun {
  const text = run.text
    .replace(/^[|｜丨]+\s*/, "")
    .replace(/\s*[|｜丨]+$/, "");
  return text === run.text ? run : { ...run, text };
}

/** "5." + "2%", "27," + "664": a figure cut after its separator, which SimSun prints half an em wide. */
function continuesFigure(left: string, right: string): boolean {
  return (/\d[.,，．]$/.test(left) && /^\d/.test(right)) || (/\d$/.test(left) && /^[.,，．]\d/.test(right));
}

function spanOf(w: OcrWord): RunSpan {
  return { text: w.text, left: w.left, width: w.width };
}

function appendWord(run: OcrRun, w: OcrWord, gap: number): void {
  const chars = Array.from(w.text).length;
  // Only Latin words keep a space; Chinese and figures are glued back ("27," + "664.22").
  const latin = /[A-Za-z]$/.test(run.text) && /^[A-Za-z]/.test(w.text) && gap > 0;
  if (latin) run.spans.push({ text: " ", left: run.left + run.width, width: gap });
  run.spans.push(spanOf(w));
  run.text += latin ? ` ${w.text}` : w.text;
  run.confidence = (run.confidence * run.chars + w.confidence * chars) / (run.chars + chars);
  run.chars += chars;
  run.width = w.left + w.width - run.left;
  // The run's box is its words' ink, as a text layer boxes its glyphs (Tesseract's line box is up to 4 pt looser).
  const bottom = Math.max(run.top + run.height, w.top + w.height);
  run.top = Math.min(run.top, w.top);
  run.height = bottom - run.top;
}
