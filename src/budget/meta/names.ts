/** What a publisher's name looks like, as printed in titles, fields and headings. */

/**
 * The region a name starts with, up to 省/市/区/县 … ("上海市普陀区社会福利院" → "上海市"); a party organ's 中共 /
 * 中国共产党 comes before it ("中共烟台市委宣传部" → "烟台市").
 */
export const REGION = /^(?:中共|中国共产党)?(.{1,12}?(?:省|自治区|市|自治州|地区|盟|区|县|旗|镇|乡|街道))(?=.)/;

// A name that is only regions ("上海市", "上海市普陀区", "江苏省"): a government's bundle title, not a publisher.
const BARE_REGION = /^(?:[^省市区县旗盟]{1,10}?(?:省|自治区|市|自治州|地区|盟|区|县|旗))+$/;
// Words of a title or a table caption, never of a publisher's name; a template's placeholder ("上海市普陀区XX",
// "××局") is where a name would go, not one.
const NOT_A_NAME = /[XxＸｘ×]{2}|[＊*]{2}|○{2}|^[万千百亿]+元|^元$|预算|决算|收支|收入|支出|拨款|经费|情况|说明|公开|报表|目录|绩效|盖章|^[（(].*[）)]$|^\d|^[本我该][局委办厅院部会处队所站中单部]|[，。；！？、：:,;_|｜]/;
// How the name of an office, institution or government ends (a bracketed 本级/汇总 may follow).
const ORGANIZATION =
  /(?:局|委|办|厅|院|部|会|中心|室|站|所|队|处|馆|校|学|团|社|府|署|联|协|台|园|场|厂|库|司|行|组|科|股|街道|镇|乡|村|监狱|集团|基地|宫|庭|关)(?:[（(][^（()）]{1,8}[）)])?$/;
const CONSOLIDATION = /(?:[（(]\s*(?:部门)?\s*(本级|汇总)\s*[）)]|(本级|汇总))\s*$/;
// 部门/单位 words a title or a heading appends to the name ("上海市财政局（单位）主要职能"); 本级/汇总 stay.
const SCOPE_WORD = /(?:[（(]\s*(?:部门|单位)\s*[）)]|部门|单位)$/;

/** The name without the 部门/单位 words printed after it; spacing inside is dropped (PDF text puts spaces between characters). */
export function cleanName(name: string): string {
  return name.replace(/[\s\u3000]+/g, "").replace(SCOPE_WORD, "");
}

/**
 * A plausible publisher's name: not a region alone, not budget vocabulary, not "本局"/"我单位", and ending like an
 * organization's name — or, where the place already says it is one (a title, a 部门/单位 field), at least five
 * characters long. `strict` (captions, headings, running headers) wants the ending and four characters.
 */
export function isName(name: string, strict: boolean): boolean {
  const n = cleanName(name);
  if (n.length < 2 || n.length > 50 || !/[\u4e00-\u9fff]/.test(n) || NOT_A_NAME.test(n) || BARE_REGION.test(n)) return false;
  if (strict) return n.length >= 4 && ORGANIZATION.test(n);
  return ORGANIZATION.test(n) || (n.length >= 5 && !/[的与及]/.test(n));
}

/** 本级 or 汇总 when the name says so ("深圳市公安局（本级）", "昆明市审计局（汇总）"). */
export function consolidationOf(name: string): "本级" | "汇总" | undefined {
  const m = CONSOLIDATION.exec(name);
  return (m?.[1] ?? m?.[2]) as "本级" | "汇总" | undefined;
}

/** The key two printings of one name share: no spacing, one bracket width ("维修(护)费" is "维修（护）费"). */
export function printedNameKey(name: string): string {
  return name.replace(/[\s\u3000]+/g, "").replace(/（/g, "(").replace(/）/g, ")");
}

/** A publisher's name as a key: its printed key without the 部门/单位 words after it. */
export function nameKey(name: string): string {
  return printedNameKey(cleanName(name));
}
