/**
 * A small .xlsx writer for tests: sheets of cells (shared strings, numbers stored as Excel stores them, formulas with
 * cached results), merges, hidden rows/columns/sheets and number formats, zipped with jszip as Excel lays it out.
 */
import JSZip from "jszip";

/** A text cell, a number as stored in <v> ({ n }), or a formula with its cached result ({ f, n }). */
export type FixtureValue = string | { n: string; f?: string; style?: number } | { s: string; style?: number };

export interface FixtureSheet {
  name: string;
  state?: "hidden" | "veryHidden";
  cells: Record<string, FixtureValue>;
  merges?: string[];
  hiddenRows?: number[];
  /** 1-based column numbers. */
  hiddenCols?: number[];
}

export interface FixtureWorkbook {
  sheets: FixtureSheet[];
  /** Custom number formats, id ≥ 164. */
  numFmts?: { id: number; code: string }[];
  /** numFmtId of each cell style; style 0 is General. */
  styles?: number[];
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function rowOf(ref: string): number {
  return Number(/\d+$/.exec(ref)![0]);
}
function colOf(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function cellXml(ref: string, v: FixtureValue, strings: string[]): string {
  if (typeof v === "string" || "s" in v) {
    const text = typeof v === "string" ? v : v.s;
    const style = typeof v === "string" ? 0 : (v.style ?? 0);
    let i = strings.indexOf(text);
    if (i < 0) i = strings.push(text) - 1;
    return `<c r="${ref}"${style ? ` s="${style}"` : ""} t="s"><v>${i}</v></c>`;
  }
  return `<c r="${ref}"${v.style ? ` s="${v.style}"` : ""}>${v.f ? `<f>${esc(v.f)}</f>` : ""}${v.n === "" ? "" : `<v>${v.n}</v>`}</c>`;
}

function sheetXml(sheet: FixtureSheet, strings: string[]): string {
  const byRow = new Map<number, string[]>();
  const refs = Object.keys(sheet.cells).sort((a, b) => rowOf(a) - rowOf(b) || colOf(a) - colOf(b));
  for (const ref of refs) {
    const r = rowOf(ref);
    byRow.set(r, [...(byRow.get(r) ?? []), cellXml(ref, sheet.cells[ref]!, strings)]);
  }
  for (const r of sheet.hiddenRows ?? []) if (!byRow.has(r)) byRow.set(r, []);
  const rows = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => `<row r="${r}"${sheet.hiddenRows?.includes(r) ? ' hidden="1"' : ""}>${byRow.get(r)!.join("")}</row>`);
  const cols = sheet.hiddenCols?.length ? `<cols>${sheet.hiddenCols.map((c) => `<col min="${c}" max="${c}" width="9" hidden="1"/>`).join("")}</cols>` : "";
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${cols}<sheetData>${rows.join("")}</sheetData>${merges}</worksheet>`;
}

function stylesXml(wb: FixtureWorkbook): string {
  const fmts = wb.numFmts ?? [];
  const xfs = [0, ...(wb.styles ?? [])];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${fmts.length ? `<numFmts count="${fmts.length}">${fmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${esc(f.code)}"/>`).join("")}</numFmts>` : ""}<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ""}/>`).join("")}</cellXfs></styleSheet>`;
}

export async function buildXlsx(wb: FixtureWorkbook): Promise<Uint8Array> {
  const zip = new JSZip();
  const strings: string[] = [];
  const sheets = wb.sheets.map((s) => sheetXml(s, strings));
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><sheets>${wb.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  sheets.forEach((xml, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, xml));
  zip.file("xl/styles.xml", stylesXml(wb));
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Style indexes of BUDGET_WORKBOOK. */
export const STYLE = { money: 1, accounting: 2, date: 3, percent: 4 } as const;

/**
 * A department's 2026 budget as a workbook: a 收支总表 under a merged title row, a 编制单位/unit row and a two-level
 * header, money with number formats (a stored 1234.5600000000001, an accounting zero "-"), a hidden row, a formula
 * total with its cached result; a 支出总表 in 元 with codes, a hidden column and merged code/name headers; a hidden
 * sheet; a text sheet with a date and a formula never calculated.
 */
export const BUDGET_WORKBOOK: FixtureWorkbook = {
  numFmts: [
    { id: 164, code: '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ' },
    { id: 165, code: 'yyyy"年"m"月"d"日"' },
  ],
  styles: [4, 164, 165, 10],
  sheets: [
    {
      name: "收支总表",
      merges: ["A1:D1", "A2:B2", "A4:B4", "C4:D4"],
      hiddenRows: [8],
      cells: {
        A1: "2026年部门收支预算总表",
        A2: "编制单位：某市交通运输局",
        D2: "单位：万元",
        A4: "收入",
        C4: "支出",
        A5: "项目",
        B5: "预算数",
        C5: "项目",
        D5: "预算数",
        A6: "一般公共预算拨款收入",
        B6: { n: "1234.5600000000001", style: STYLE.money },
        C6: "一般公共服务支出",
        D6: { n: "1000", style: STYLE.money },
        A7: "政府性基金预算拨款收入",
        B7: { n: "0", style: STYLE.accounting },
        C7: "交通运输支出",
        D7: { n: "434.56", style: STYLE.money },
        A8: "内部核算（隐藏）",
        B8: { n: "999", style: STYLE.money },
        A9: "事业收入",
        B9: { n: "200", style: STYLE.money },
        C9: "住房保障支出",
        D9: { n: "0", style: STYLE.accounting },
        A10: "收入总计",
        B10: { f: "SUM(B6:B7,B9)", n: "1434.56", style: STYLE.money },
        C10: "支出总计",
        D10: { f: "SUM(D6:D9)", n: "1434.56", style: STYLE.money },
      },
    },
    {
      name: "支出总表",
      merges: ["A1:E1", "A3:A4", "B3:B4", "C3:E3", "A5:B5"],
      hiddenCols: [6],
      cells: {
        A1: "2026年部门支出预算总表",
        E2: "单位：元",
        A3: "科目编码",
        B3: "科目名称",
        C3: "支出预算",
        F3: "内部备注（隐藏列）",
        C4: "合计",
        D4: "基本支出",
        E4: "项目支出",
        A5: "合计",
        C5: { f: "SUM(C6:C7)", n: "14345600", style: STYLE.money },
        D5: { f: "SUM(D6:D7)", n: "10000000", style: STYLE.money },
        E5: { f: "SUM(E6:E7)", n: "4345600", style: STYLE.money },
        A6: "201",
        B6: "一般公共服务支出",
        C6: { f: "D6+E6", n: "10000000", style: STYLE.money },
        D6: { n: "10000000", style: STYLE.money },
        E6: { n: "0", style: STYLE.money },
        F6: "不应读出",
        A7: "214",
        B7: "交通运输支出",
        C7: { f: "D7+E7", n: "4345599.9999999991", style: STYLE.money },
        D7: { n: "0", style: STYLE.money },
        E7: { n: "4345600", style: STYLE.money },
      },
    },
    { name: "备用", state: "hidden", cells: { A1: "隐藏工作表不应读出", A2: "第二行", B2: "x" } },
    {
      name: "说明",
      cells: {
        A1: "一、部门职责",
        A2: "负责全市交通运输管理。",
        A4: "编制日期",
        B4: { n: "46037", style: STYLE.date },
        A6: { f: "1+1", n: "" },
        A7: "完成率",
        B7: { n: "0.9876", style: STYLE.percent },
      },
    },
  ],
};

/** A table's grid as text: "↖" for a position covered by a merged cell, "∅" for none. */
export function gridText(grid: readonly (readonly ({ text: string } | { mergedInto: [number, number] } | null)[])[]): string[][] {
  return grid.map((row) => row.map((p) => (p === null ? "∅" : "text" in p ? p.text : "↖")));
}

/** What BUDGET_WORKBOOK reads as, whichever container (.xlsx, or .xls through LibreOffice) carried it. */
export const BUDGET_EXPECTED = {
  summaryGrid: [
    ["2026年部门收支预算总表", "↖", "↖", "↖"],
    ["编制单位：某市交通运输局", "↖", "", "单位：万元"],
    ["收入", "↖", "支出", "↖"],
    ["项目", "预算数", "项目", "预算数"],
    ["一般公共预算拨款收入", "1,234.56", "一般公共服务支出", "1,000.00"],
    ["政府性基金预算拨款收入", "-", "交通运输支出", "434.56"],
    ["事业收入", "200.00", "住房保障支出", "-"],
    ["收入总计", "1,434.56", "支出总计", "1,434.56"],
  ],
  expenditureGrid: [
    ["2026年部门支出预算总表", "↖", "↖", "↖", "↖"],
    ["", "", "", "", "单位：元"],
    ["科目编码", "科目名称", "支出预算", "↖", "↖"],
    ["↖", "↖", "合计", "基本支出", "项目支出"],
    ["合计", "↖", "14,345,600.00", "10,000,000.00", "4,345,600.00"],
    ["201", "一般公共服务支出", "10,000,000.00", "10,000,000.00", "0.00"],
    ["214", "交通运输支出", "4,345,600.00", "0.00", "4,345,600.00"],
  ],
  /** key → 元, exact. */
  facts: {
    "income.general_budget": "12345600",
    "income.business": "2000000",
    "income.total": "14345600",
    "expenditure.total": "14345600",
    "expenditure.basic": "10000000",
    "expenditure.project": "4345600",
  },
  textLines: ["一、部门职责", "负责全市交通运输管理。", "编制日期  2026年1月15日", "完成率  98.76%"],
};
