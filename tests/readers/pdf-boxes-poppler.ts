/**
 * An independent reading of where a figure is printed: poppler's pdftotext. `-bbox` gives word boxes; a word that
 * is more than the figure (Chinese prose has no spaces, so a whole phrase is one word) is measured by cropping:
 * `pdftotext -x -y -W -H` keeps every character that overlaps the crop, so counting the word's characters left and
 * right of the box tells whether the figure's characters lie inside it.
 */
import { execFileSync } from "node:child_process";

export const SLACK_PT = 2;
/** Crops are given in pixels at this resolution: 0.1 pt steps. */
const DPI = 720;
const PX = DPI / 72;

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const decode = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

const wordCache = new Map<string, Word[]>();
function words(file: string, page: number): Word[] {
  const key = `${file}#${page}`;
  let list = wordCache.get(key);
  if (!list) {
    const html = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
    list = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      text: decode(m[5] ?? ""),
    }));
    wordCache.set(key, list);
  }
  return list;
}

/** Non-blank characters poppler finds overlapping the crop [x0, x1] × [y0, y1] (points). */
function charsIn(file: string, page: number, x0: number, y0: number, x1: number, y1: number): number {
  if (x1 <= x0) return 0;
  const px = (v: number): string => String(Math.round(v * PX));
  const args = ["-f", String(page), "-l", String(page), "-r", String(DPI), "-x", px(x0), "-y", px(y0), "-W", px(x1 - x0), "-H", px(y1 - y0), file, "-"];
  return Array.from(execFileSync("pdftotext", args, { encoding: "utf8" }).replace(/\s+/g, "")).length;
}

/** The printed figure a quote stands for: its longest run of digits (with separators). */
export function figureOf(quote: string): string | undefined {
  const runs = quote.replace(/\s+/g, "").match(/\d[\d,，.]*\d|\d/g) ?? [];
  return runs.sort((a, b) => b.length - a.length)[0];
}

/**
 * Word sequences of one printed line that contain the figure: a producer that overlaps its glyph runs makes poppler
 * cut "3,252.59" into "3,252" + ".59", so the figure may span consecutive words.
 */
function spansWith(list: readonly Word[], figure: string): Word[] {
  const lines: Word[][] = [];
  for (const w of [...list].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const line = lines.find((l) => Math.abs((l[0]?.y0 ?? 0) - w.y0) < 1 && Math.abs((l[0]?.y1 ?? 0) - w.y1) < 1);
    if (line) line.push(w);
    else lines.push([w]);
  }
  const out: Word[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x0 - b.x0);
    for (let i = 0; i < line.length; i++) {
      let span = line[i]!;
      for (let j = i; j < line.length; j++) {
        if (j > i) span = { text: span.text + line[j]!.text, x0: span.x0, y0: span.y0, x1: Math.max(span.x1, line[j]!.x1), y1: span.y1 };
        if (span.text.includes(figure)) {
          out.push(span);
          break;
        }
        if (span.text.length > figure.length * 4 + 40) break;
      }
    }
  }
  return out;
}

/** Does the box contain the figure as poppler places it (some occurrence on its line), within SLACK_PT? */
export function boxHoldsFigure(file: string, page: number, box: readonly number[], figure: string): boolean {
  const [bx0 = 0, by0 = 0, bx1 = 0, by1 = 0] = box;
  const s = SLACK_PT;
  for (const w of spansWith(words(file, page), figure)) {
    if (w.y0 < by0 - s || w.y1 > by1 + s || w.x1 < bx0 - s || w.x0 > bx1 + s) continue;
    const chars = Array.from(w.text);
    for (let k = w.text.indexOf(figure); k >= 0; k = w.text.indexOf(figure, k + 1)) {
      if (w.text === figure) {
        if (w.x0 >= bx0 - s && w.x1 <= bx1 + s) return true;
        continue;
      }
      // Characters of the word overlapping the strips left and right of the box must all precede / follow the figure.
      const before = Array.from(w.text.slice(0, k)).length;
      const after = chars.length - before - Array.from(figure).length;
      // The crop spans the word's line box: poppler keeps a character by its baseline, which lies inside it.
      const left = charsIn(file, page, w.x0 + 0.1, w.y0, bx0 - s, w.y1);
      const right = charsIn(file, page, bx1 + s, w.y0, w.x1 - 0.1, w.y1);
      if (left <= before && right <= after) return true;
    }
  }
  return false;
}
