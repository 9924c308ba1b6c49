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

const NUMERAL = "[\\d一二三四五六七八九十]+";
/** 公开/预算/决算 … before the number: 公开01表, 预算01表, 部门公开表9, 财决01表. */
const NUMBER_PREFIX = "(?:部门|单位)?(?:(?:预算|决算)公开|公开|预算|决算|财决|财预)";

/**
 * An official table number at the start of a line: 公开01表, 预算01表, 决算02表, 公开表4, 部门公开表9, 表3-1, 表一,
 * 表01, 附表2, 附件1.
 */
const TABLE_NUMBER_CORE = `${NUMBER_PREFIX}\\s*\\d+\\s*表(?:[-－—]\\d+)?|${NUMBER_PREFIX}?\\s*表\\s*${NUMERAL}(?:[-－—.．]\\d+)*|附\\s*表\\s*${NUMERAL.replace("+", "*")}(?:[-－—]\\d+)?|附件\\s*${NUMERAL}`;
export const TABLE_NUMBER = new RegExp(`^(${TABLE_NUMBER_CORE})[：:\\s]*`);
/** The number printed after the title: "收支总表  预算01表". */
export const TRAILING_TABLE_NUMBER = new RegExp(`(${TABLE_NUMBER_CORE})$`);

/** A 续表 marker: "续表", "续表2", "（续表）", "续：". */
export const CONTINUATION = /^[（(]?\s*续\s*表\s*[\d一二三四五六七八九十]*\s*[）)]?\s*[：:]?$|^续[：:]?$/;

/** Leading enumerators of narrative headings: 一、 （一） 1、 1. 第一部分. */
export const ENUMERATOR = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+(?:部分|章|节))/;

/** What a table's title line ends with. */
export const TITLE_ENDING = /(表|情况|预算|决算|明细|清单|一览|汇总|目录)(?:[（(][^（()）]*[）)])?$/;

/**
 * The label words of a publisher line: 编制单位, 编制部门, 填报单位, 预算单位, 主管部门, 预算主管部门, 部门, 单位, 部门名称,
 * 单位名称, 部门（单位）, 单位（部门）, 部门（单位）名称. Shared by the table captions and the meta reader.
 */
export const PUBLISHER_LABEL_WORDS = String.raw`(?:预算)?(?:编制|填报|报送|预算|主管|申报)(?:部门|单位)(?:名称)?|(?:部门|单位)\s*(?:[（(]\s*(?:部门|单位)\s*[）)])?(?:名称)?`;

/** A publisher line's label with its colon. "单位：万元" shares the label: callers take unit statements first. */
export const PUBLISHER_LABEL = new RegExp(`^(?:${PUBLISHER_LABEL_WORDS})\\s*[：:；;]\\s*`);

/** Lines inside a table's top rows that are metadata, not header or data: a publisher, a date, a year. */
export const META_LINE = new RegExp(`${PUBLISHER_LABEL.source}|^(?:截止(?:时间|日期)|预算年度|年度|时间|日期)\\s*[：:；;]`);

/** An organisation's name ends so: 局, 委员会, 办公室, 中心, 医院, 街道办事处, (本级) …. */
export const ORG_NAME =
  /^[^\s，。；：:]{2,40}?(?:局|委员会|委|办公室|办公厅|办事处|厅|院|所|站|中心|队|处|部|馆|社|校|大学|学院|园|府|署|室|团|会|司|段|场|台|办|集团|公司|街道|镇|乡|监狱|法院|检察院)(?:[（(][^（()）]{1,12}[）)])?$/;

/** Words header cells are made of; used only where a table has no numbers to separate header from data. */
export const HEADER_WORD =
  /(名称|性质|规格|形式|编码|代码|科目|项目|指标|依据|描述|值|金额|数量|单价|单位|合计|小计|总计|预算数|决算数|执行数|收入|支出|序号|行次|栏次|^类$|^款$|^项$|来源|拨款|资金|经费|说明|备注|年度|数|额|率|费|内容|目标|类别|用途|方式|时间|人数|比例)$/;

export function stripParens(text: string): string {
  return text.replace(/[（(][^（()）]*[）)]/g, "");
}
