/** Generated disclosures for the review checks: a complete 部门预算 whose tables and narrative agree, and its variants. */
import { extractBytes } from "../../src/extract.js";
import type { ExtractedDocument, Validation } from "../../src/model/index.js";

export interface TableSpec {
  caption: string;
  /** Cells as "text|colspan|rowspan". */
  rows: string[][];
  /** A paragraph printed under the table (a 空表 note). */
  note?: string;
}

const cellHtml = (c: string) => {
  const [text, colspan, rowspan] = c.split("|");
  return `<td${colspan ? ` colspan="${colspan}"` : ""}${rowspan ? ` rowspan="${rowspan}"` : ""}>${text}</td>`;
};

export function disclosureHtml(title: string, paragraphs: string[], tables: TableSpec[]): string {
  const body = tables
    .map((t) => `<p>${t.caption}</p>\n<p>单位：万元</p>\n<table border="1">\n${t.rows.map((r) => `<tr>${r.map(cellHtml).join("")}</tr>`).join("\n")}\n</table>${t.note ? `\n<p>${t.note}</p>` : ""}`)
    .join("\n");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>\n<p>${title}</p>\n${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}\n${body}\n</body></html>`;
}

export const extractHtml = (html: string): Promise<ExtractedDocument> => extractBytes(Buffer.from(html, "utf8"), { path: "fixture.html" });

/** The statements a 部门预算's 说明 must make, each with figures the tables below agree with. */
export const NARRATIVE = [
  "一、部门收支总体情况",
  "2026年收入预算120.00万元，支出预算120.00万元，其中：基本支出80.00万元，项目支出40.00万元。",
  "二、“三公”经费预算情况",
  "2026年“三公”经费预算3.00万元，比上年减少1.00万元，下降25%，主要原因是压减公务接待。其中：因公出国（境）费0.00万元，公务用车购置及运行费2.00万元，公务接待费1.00万元。",
  "三、机关运行经费",
  "2026年机关运行经费10.00万元。",
  "四、政府采购情况",
  "2026年政府采购预算5.00万元。",
  "五、国有资产占有使用情况",
  "截至2025年底，本部门共有车辆2辆。",
  "六、绩效目标设置情况",
  "2026年项目支出均实行绩效目标管理。",
  "七、名词解释",
  "基本支出：指为保障机构正常运转而发生的支出。",
];

const FUND_EMPTY = (name: string): string[][] => [
  ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
  ["", "合计", "", "", ""],
];

/** The nine tables of the national set, agreeing with each other and with NARRATIVE. */
export function standardTables(): TableSpec[] {
  return [
    { caption: "收支总表", rows: [["收入", "预算数", "支出", "预算数"], ["一般公共预算拨款收入", "100.00", "一般公共服务支出", "120.00"], ["事业收入", "20.00", "", ""], ["本年收入合计", "120.00", "本年支出合计", "120.00"], ["收入总计", "120.00", "支出总计", "120.00"]] },
    { caption: "收入总表", rows: [["科目编码", "科目名称", "合计", "一般公共预算拨款收入", "事业收入"], ["201", "一般公共服务支出", "120.00", "100.00", "20.00"], ["", "合计", "120.00", "100.00", "20.00"]] },
    { caption: "支出总表", rows: [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["201", "一般公共服务支出", "120.00", "80.00", "40.00"], ["", "合计", "120.00", "80.00", "40.00"]] },
    { caption: "财政拨款收支总表", rows: [["收入", "预算数", "支出", "预算数"], ["一般公共预算拨款", "100.00", "一般公共服务支出", "100.00"], ["本年收入合计", "100.00", "本年支出合计", "100.00"]] },
    { caption: "一般公共预算支出表", rows: [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["201", "一般公共服务支出", "100.00", "70.00", "30.00"], ["", "合计", "100.00", "70.00", "30.00"]] },
    { caption: "一般公共预算基本支出表", rows: [["科目编码", "科目名称", "合计", "人员经费", "公用经费"], ["301", "工资福利支出", "60.00", "60.00", ""], ["302", "商品和服务支出", "10.00", "", "10.00"], ["", "合计", "70.00", "60.00", "10.00"]] },
    { caption: "一般公共预算“三公”经费支出表", rows: [["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"], ["3.00", "0.00", "2.00", "1.00"]] },
    { caption: "政府性基金预算支出表", rows: FUND_EMPTY("政府性基金"), note: "本部门无政府性基金预算财政拨款收支，本表为空表。" },
    { caption: "国有资本经营预算支出表", rows: FUND_EMPTY("国有资本经营"), note: "本部门无国有资本经营预算财政拨款收支，本表为空表。" },
  ];
}

export const budgetDoc = (paragraphs: string[] = NARRATIVE, tables: TableSpec[] = standardTables()) => extractHtml(disclosureHtml("某某局2026年部门预算", paragraphs, tables));

export const check = (doc: ExtractedDocument, rule: string): Validation | undefined => doc.validations.find((v) => v.rule === rule);
export const failedOf = (doc: ExtractedDocument, family: string) => doc.validations.filter((v) => v.status === "fail" && v.rule.startsWith(`${family}:`)).map((v) => v.rule);

/** A table of the set with one cell replaced: (table caption prefix, row, col) → text. */
export function withCell(tables: TableSpec[], caption: string, row: number, col: number, text: string): TableSpec[] {
  return tables.map((t) => (t.caption.startsWith(caption) ? { ...t, rows: t.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? text : c)) : r)) } : t));
}
