import type { RulingLine } from "../layout/types.js";
import { OCR_SETTINGS } from "./settings.js";
import type { GrayBitmap } from "./types.js";

/** An ink run along one pixel row (or column): position across, start and end along. */
interface Run {
  at: number;
  from: number;
  to: number;
}

/** A rule being grown over adjacent rows (its thickness). */
interface Band {
  first: number;
  last: number;
  from: number;
  to: number;
}

/**
 * Table borders printed in the bitmap: long dark horizontal and vertical runs, a few pixels thick. Returned in PDF
 * points (top-left origin), as the layout engine's grid detector takes PDF ruling lines.
 */
export function findRulings(bitmap: GrayBitmap, settings = OCR_SETTINGS): RulingLine[] {
  const px = bitmap.dpi / 72;
  const minH = settings.minHorizontalRule * px;
  const minV = settings.minVerticalRule * px;
  const maxThick = Math.max(2, Math.round(settings.maxRuleThickness * px));
  const toPt = (v: number): number => Math.round((v / px) * 100) / 100;
  const lines: RulingLine[] = [];
  const isolated = (b: Band, along: "row" | "column"): boolean => sideInk(bitmap, b, along, settings) <= settings.maxRuleSideInk;
  for (const b of bands(inkRuns(bitmap, "row", minH, settings), maxThick).filter((b) => isolated(b, "row"))) {
    const y = toPt((b.first + b.last + 1) / 2);
    lines.push({ x1: toPt(b.from), y1: y, x2: toPt(b.to + 1), y2: y });
  }
  for (const b of bands(inkRuns(bitmap, "column", minV, settings), maxThick).filter((b) => isolated(b, "column"))) {
    const x = toPt((b.first + b.last + 1) / 2);
    lines.push({ x1: x, y1: toPt(b.from), x2: x, y2: toPt(b.to + 1) });
  }
  return dropFloatingVerticals(lines, settings);
}

/**
 * A table's vertical border runs from one horizontal border to another. A short vertical ink run that meets none
 * (a stroke of a title or header glyph, "收", "表") is not a rule; long ones stand alone (a page's column rule).
 */
function dropFloatingVerticals(lines: RulingLine[], settings: typeof OCR_SETTINGS): RulingLine[] {
  const hs = lines.filter((l) => l.y1 === l.y2);
  const tol = settings.ruleJoinTolerance;
  const meets = (x: number, y: number): boolean => hs.some((h) => Math.abs(h.y1 - y) <= tol && x >= h.x1 - tol && x <= h.x2 + tol);
  return lines.filter((l) => {
    if (l.y1 === l.y2) return true;
    if (l.y2 - l.y1 >= settings.minFreeVerticalRule) return true;
    return meets(l.x1, l.y1) && meets(l.x1, l.y2);
  });
}

/** Runs of ink at least `min` pixels long along every row or column, bridging gaps of a pixel or two. */
function inkRuns(bitmap: GrayBitmap, along: "row" | "column", min: number, settings: typeof OCR_SETTINGS): Run[][] {
  const { width, height, gray } = bitmap;
  const across = along === "row" ? height : width;
  const length = along === "row" ? width : height;
  const out: Run[][] = [];
  for (let a = 0; a < across; a++) {
    const runs: Run[] = [];
    let start = -1;
    let lastInk = -1;
    for (let i = 0; i <= length; i++) {
      const ink = i < length && (gray[along === "row" ? a * width + i : i * width + a] ?? 255) < settings.inkThreshold;
      if (ink) {
        if (start < 0 || i - lastInk > settings.ruleGapPx + 1) {
          if (start >= 0 && lastInk - start + 1 >= min) runs.push({ at: a, from: start, to: lastInk });
          start = i;
        }
        lastInk = i;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= min) runs.push({ at: a, from: start, to: lastInk });
    out.push(runs);
  }
  return out;
}

/**
 * Runs on adjacent rows that overlap are one rule drawn several pixels thick. A band thicker than a rule is a
 * filled box or a heavy glyph and is dropped.
 */
function bands(rows: Run[][], maxThick: number): Band[] {
  const done: Band[] = [];
  let open: Band[] = [];
  rows.forEach((runs, a) => {
    const next: Band[] = [];
    for (const r of runs) {
      const band = open.find((b) => b.last === a - 1 && r.from <= b.to && r.to >= b.from);
      if (band) {
        open = open.filter((b) => b !== band);
        next.push({ first: band.first, last: a, from: Math.min(band.from, r.from), to: Math.max(band.to, r.to) });
      } else {
        next.push({ first: a, last: a, from: r.from, to: r.to });
      }
    }
    done.push(...open);
    open = next;
  });
  done.push(...open);
  return done.filter((b) => b.last - b.first + 1 <= maxThick);
}

/**
 * Share of ink just beside a band, two pixels off either edge (the worse side). A printed rule has clear paper
 * beside it except where other rules cross; a stroke of a bold title ("收入预算总表", glyphs almost touching) has
 * the glyphs' other strokes all along it.
 */
function sideInk(bitmap: GrayBitmap, b: Band, along: "row" | "column", settings: typeof OCR_SETTINGS): number {
  const at = (across: number, i: number): boolean => {
    if (across < 0 || across >= (along === "row" ? bitmap.height : bitmap.width)) return false;
    return (bitmap.gray[along === "row" ? across * bitmap.width + i : i * bitmap.width + across] ?? 255) < settings.inkThreshold;
  };
  let before = 0;
  let after = 0;
  for (let i = b.from; i <= b.to; i++) {
    if (at(b.first - 2, i)) before++;
    if (at(b.last + 2, i)) after++;
  }
  return Math.max(before, after) / (b.to - b.from + 1);
}

/** A copy of the bitmap with the rules painted white, so the recognizer never reads a border as "1" or "l". */
export function eraseRulings(bitmap: GrayBitmap, lines: readonly RulingLine[]): GrayBitmap {
  const gray = Uint8Array.from(bitmap.gray);
  const px = bitmap.dpi / 72;
  const pad = Math.max(1, Math.round(px * 0.75));
  for (const l of lines) {
    const x0 = Math.max(0, Math.floor(Math.min(l.x1, l.x2) * px) - pad);
    const x1 = Math.min(bitmap.width - 1, Math.ceil(Math.max(l.x1, l.x2) * px) + pad);
    const y0 = Math.max(0, Math.floor(Math.min(l.y1, l.y2) * px) - pad);
    const y1 = Math.min(bitmap.height - 1, Math.ceil(Math.max(l.y1, l.y2) * px) + pad);
    for (let y = y0; y <= y1; y++) gray.fill(255, y * bitmap.width + x0, y * bitmap.width + x1 + 1);
  }
  return { ...bitmap, gray };
}
