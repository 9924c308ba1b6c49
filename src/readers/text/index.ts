import type { ParagraphBlock, RawRow, RawTableBlock, ReaderBlock } from "../../model/index.js";
import { ExtractError } from "../../errors.js";
import { BlockIds, type Reader } from "../types.js";
import { decodeText } from "./decode.js";

/**
 * Plain text: one paragraph per non-blank line. Text exported from Word (pandoc's plain writer, as the seed was made)
 * writes tables as tab-indented cell lines, a blank line between rows; a line without the tab directly after a cell
 * line continues that cell. "[bookmark: _Toc…]" markers are residue of Word bookmarks and are dropped.
 */
export const readText: Reader = async (bytes, ctx) => {
  const { text, encoding } = decodeText(bytes);
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const ids = new BlockIds();
  const blocks: ReaderBlock[] = [];
  let tableIndex = 0;
  let paragraphIndex = 0;
  let i = 0;
  while (i < lines.length) {
    const line = clean(lines[i]!);
    if (line.startsWith("\t")) {
      const start = i;
      const { rows, next } = readTabTable(lines, i);
      i = next;
      if (rows.length > 0) {
        widenShortRows(rows);
        const table: RawTableBlock = { id: ids.table(), type: "table", rows, provenance: { tableIndex: tableIndex++, line: start + 1 } };
        blocks.push(table);
      }
      continue;
    }
    const body = line.trim();
    if (body) {
      if (body.length > ctx.limits.maxParagraphChars) {
        throw new ExtractError("too_large", `Line ${i + 1} has ${body.length} characters, over the limit of ${ctx.limits.maxParagraphChars}; raise --max-paragraph-chars if the file is trusted.`);
      }
      const p: ParagraphBlock = { id: ids.paragraph(), type: "paragraph", text: body, provenance: { line: i + 1, paragraphIndex: paragraphIndex++ } };
      blocks.push(p);
    }
    i++;
  }
  return { blocks, warnings: [], encoding };
};

function clean(line: string): string {
  return line.replace(/\[bookmark: [^\]]*\]/g, "");
}

/**
 * Reads tab-indented cell lines from `start`. Rows are separated by blank lines; the table ends at a non-cell line
 * that follows a blank line (or at two blank lines followed by a non-cell line).
 */
function readTabTable(lines: string[], start: number): { rows: RawRow[]; next: number } {
  const rows: RawRow[] = [];
  let cells: string[] = [];
  let i = start;
  let lastWasCell = false;
  const endRow = () => {
    if (cells.length > 0) rows.push({ cells: cells.map((text) => ({ text: text.trim(), colSpan: 1, rowSpan: 1 })) });
    cells = [];
  };
  while (i < lines.length) {
    const raw = clean(lines[i]!);
    if (raw.startsWith("\t")) {
      cells.push(raw.slice(1));
      lastWasCell = true;
    } else if (raw.trim() === "") {
      endRow();
      lastWasCell = false;
      // Whitespace-only lines inside a table are layout residue; look ahead for more cell lines.
      let j = i + 1;
      while (j < lines.length && clean(lines[j]!).trim() === "" && !clean(lines[j]!).startsWith("\t")) j++;
      if (j >= lines.length || !clean(lines[j]!).startsWith("\t")) return { rows, next: j };
      i = j;
      continue;
    } else if (lastWasCell && cells.length > 0) {
      cells[cells.length - 1] += `\n${raw.trim()}`;
    } else {
      break;
    }
    i++;
  }
  endRow();
  return { rows, next: i };
}

/**
 * Plain text loses merges; a row with fewer cells than the table is wide was a merged row in the source (a title row,
 * "绩效目标 | <goal over five columns>"), so its last cell spans the remaining columns.
 */
function widenShortRows(rows: RawRow[]): void {
  const width = Math.max(...rows.map((r) => r.cells.length));
  for (const r of rows) {
    const last = r.cells.at(-1);
    if (last && r.cells.length < width) last.colSpan = width - r.cells.length + 1;
  }
}
