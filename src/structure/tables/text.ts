/** Small text predicates shared by the table layer. */

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff（）：、";

/** Collapse whitespace, and drop it between CJK characters ("栏 次" → "栏次", "计量  单位" → "计量单位"). */
export function tidy(text: string): string {
  return text
    .replace(/[\u00a0\u3000\s]+/g, " ")
    .trim()
    .replace(new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, "g"), "");
}

/** All whitespace removed: for comparing labels. */
export function compact(text: string): string {
  return text.replace(/[\u00a0\u3000\s]+/g, "");
}

/** An official table number at the start of a line: 公开01表, 表3-1, 表一, 附表2, 附件1. */
export const TABLE_NUMBER = /^(公开\s*\d+\s*表|公开\s*表\s*[\d一二三四五六七八九十]+|附\s*表\s*[\d一二三四五六七八九十]*(?:[-－—]\d+)?|表\s*[\d一二三四五六七八九十]+(?:[-－—.．]\d+)*|附件\s*[\d一二三四五六七八九十]+)[：:\s]*/;

/** A 续表 marker: "续表", "续表2", "（续表）", "续：". */
export const CONTINUATION = /^[（(]?\s*续\s*表\s*[\d一二三四五六七八九十]*\s*[）)]?\s*[：:]?$|^续[：:]?$/;

/** Leading enumerators of narrative headings: 一、 （一） 1、 1. 第一部分. */
export const ENUMERATOR = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+(?:部分|章|节))/;

/** What a table's title line ends with. */
export const TITLE_ENDING = /(表|情况|预算|决算|明细|清单|一览|汇总|目录)(?:[（(][^（()）]*[）)])?$/;

/** Lines inside a table's top rows that are metadata, not header or data. */
export const META_LINE = /^(编制(?:部门|单位)|填报单位|报送单位|部门名称|单位名称|截止(?:时间|日期)|预算年度|年度|时间|日期)\s*[：:；;]/;

/** Words header cells are made of; used only where a table has no numbers to separate header from data. */
export const HEADER_WORD =
  /(名称|性质|规格|形式|编码|代码|科目|项目|指标|依据|描述|值|金额|数量|单价|单位|合计|小计|总计|预算数|决算数|执行数|收入|支出|序号|行次|栏次|^类$|^款$|^项$|来源|拨款|资金|经费|说明|备注|年度|数|额|率|费|内容|目标|类别|用途|方式|时间|人数|比例)$/;

export function stripParens(text: string): string {
  return text.replace(/[（(][^（()）]*[）)]/g, "");
}
