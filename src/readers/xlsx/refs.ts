/** A1 cell references: "B7" ↔ 0-based (row 6, col 1); ranges "A1:F20"; sheet-qualified "'My Sheet'!B7". */

export interface CellPos {
  row: number;
  col: number;
}

const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/** "B7" → { row: 6, col: 1 }; null when the text is no A1 reference. */
export function parseRef(ref: string): CellPos | null {
  const m = REF.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 ? { row: row - 1, col: col - 1 } : null;
}

/** "A1:F20" (or a single "B7") → its corners, top-left first. */
export function parseRange(range: string): { from: CellPos; to: CellPos } | null {
  const [a, b] = range.split(":");
  const from = a === undefined ? null : parseRef(a);
  const to = b === undefined ? from : parseRef(b);
  if (!from || !to) return null;
  return {
    from: { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col) },
    to: { row: Math.max(from.row, to.row), col: Math.max(from.col, to.col) },
  };
}

export function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function formatRef(pos: CellPos): string {
  return `${columnName(pos.col)}${pos.row + 1}`;
}

export function formatRange(from: CellPos, to: CellPos): string {
  const a = formatRef(from);
  const b = formatRef(to);
  return a === b ? a : `${a}:${b}`;
}

/** Excel's formula syntax: a sheet name that is not a plain word is quoted, a quote inside doubled. */
export function qualifiedRef(sheet: string, ref: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${ref}`;
}
