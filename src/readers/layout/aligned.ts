import type { RawRow } from "../../model/index.js";
import type { LineSegment, TextLine } from "./lines.js";
import { roundBox, unionBox, type PageBox } from "./placed.js";
import type { LayoutSettings } from "./settings.js";

/** A table found from text alignment alone: consecutive lines [start, end) and their rows. */
export interface AlignedTable {
  start: number;
  end: number;
  rows: RawRow[];
}

const NUMERIC_RE = /^[-−－(（]?\d[\d,，]*(\.\d+)?[)）%]?$/;
/** Lines that introduce a table (title, number, unit) stay paragraphs even when spread out. */
const CAPTION_RE = /(单位[：:]|公开\s*\d+\s*表|公开表|^表\s*\d|编制单位|部门[：:])/;

function isTabular(line: TextLine): boolean {
  return line.segments.length >= 2 && !CAPTION_RE.test(line.text);
}

/** The box of a segment's runs. */
function segmentBox(seg: LineSegment): PageBox {
  return [seg.x0, Math.min(...seg.frags.map((f) => f.glyphTop)), seg.x1, Math.max(...seg.frags.map((f) => f.glyphBottom))];
}

/**
 * Runs of lines whose wide gaps line up are a table: column boundaries come from the lines with the most
 * segments (body rows); segments of other lines (group headers) span every column they overlap.
 */
export function findAlignedTables(lines: readonly TextLine[], s: LayoutSettings, page?: number): AlignedTable[] {
  const tables: AlignedTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isTabular(lines[i] as TextLine)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length) {
      const line = lines[j] as TextLine;
      const prev = lines[j - 1] as TextLine;
      if (line.top - prev.bottom > Math.max(line.size, prev.size) * s.alignedRowGapEms) break;
      if (isTabular(line)) {
        j++;
        continue;
      }
      // One wrapped cell line between two table rows stays in the table.
      const next = lines[j + 1];
      if (next && isTabular(next) && line.segments.length === 1 && !CAPTION_RE.test(line.text)) {
        j++;
        continue;
      }
      break;
    }
    const run = lines.slice(i, j);
    const numericRows = run.filter((l) => l.segments.some((s) => NUMERIC_RE.test(s.text.replace(/\s/g, "")))).length;
    if (run.length >= s.alignedMinLines && numericRows >= Math.ceil(run.length * s.alignedNumericShare)) {
      const rows = toRows(run, s.alignedTypicalPercentile, page);
      if (rows) tables.push({ start: i, end: j, rows });
    }
    i = j;
  }
  return tables;
}

/** Rows of cells; given the page, each cell carries the box of its text. */
function toRows(run: readonly TextLine[], typicalPercentile: number, page?: number): RawRow[] | null {
  const counts = run.map((l) => l.segments.length).sort((a, b) => a - b);
  const typical = counts[Math.floor(counts.length * typicalPercentile)] ?? 2;
  const intervals: [number, number][] = [];
  for (const line of run) {
    if (line.segments.length < typical) continue;
    for (const s of line.segments) intervals.push([s.x0, s.x1]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const columns: [number, number][] = [];
  for (const [a, b] of intervals) {
    const last = columns[columns.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else columns.push([a, b]);
  }
  if (columns.length < 2) return null;
  const rows: RawRow[] = [];
  for (const line of run) {
    const cells: RawRow["cells"] = [];
    for (const s of line.segments) {
      const hit = columns
        .map((c, idx) => ({ idx, overlap: Math.min(c[1], s.x1) - Math.max(c[0], s.x0) }))
        .filter((h) => h.overlap > 0);
      let first: number;
      let last: number;
      if (hit.length > 0) {
        first = hit[0]?.idx ?? 0;
        last = hit[hit.length - 1]?.idx ?? first;
      } else {
        // Between columns: the nearest column by centre.
        const mid = (s.x0 + s.x1) / 2;
        let best = 0;
        columns.forEach((c, idx) => {
          const cur = columns[best] as [number, number];
          if (Math.abs((c[0] + c[1]) / 2 - mid) < Math.abs((cur[0] + cur[1]) / 2 - mid)) best = idx;
        });
        first = best;
        last = best;
      }
      const prev = cells[cells.length - 1];
      if (prev && prev.col !== undefined && prev.col + prev.colSpan > first) {
        prev.text = `${prev.text} ${s.text}`;
        if (prev.bbox) prev.bbox = roundBox(unionBox(prev.bbox, segmentBox(s)));
        continue;
      }
      cells.push({ text: s.text, colSpan: last - first + 1, rowSpan: 1, col: first, ...(page !== undefined ? { page, bbox: roundBox(segmentBox(s)) } : {}) });
    }
    rows.push({ cells });
  }
  return rows;
}
