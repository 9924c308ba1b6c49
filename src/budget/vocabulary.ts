/**
 * The fact vocabulary: which narrative label (or table row/column header) names which fact key. Order matters:
 * the first pattern that matches wins, so specific names come before the general ones they contain.
 * Every key is documented in the README ("Fact keys").
 */
import type { Fund } from "../model/index.js";
import { keyTakesFund } from "./keys.js";

export interface KeyPattern {
  key: string;
  re: RegExp;
  /** The funds the label itself names ("财政拨款收入" is the fiscal part of income.total). */
  fund?: Fund;
  /** Only within a section or sentence whose text matches this (e.g. procurement parts). */
  context?: RegExp;
}

/** Counts and areas the vocabulary keeps: "车辆合计20辆", "办公用房1200平方米", and table lines "车辆数合计（辆） | 20". */
export const COUNT_KEYS: readonly { key: string; unit: RegExp; label: RegExp }[] = [
  { key: "assets.vehicles", unit: /^(?:辆|台)$/, label: /保有量|实有|车辆(?:合计|总数|数量)?$|车辆数/ },
  { key: "assets.housing_m2", unit: /^(?:平方米|㎡|m2)$/, label: /房屋|办公用房|用房|建筑面积/ },
];

export const MONEY_KEYS: KeyPattern[] = [
  // 三公 first: "公务用车购置费" must not be read as a generic 购置 expense.
  // 公务用车 is also printed 公务车.
  { key: "three_public.vehicle.purchase", re: /公务用?车购置费|车辆购置费|公务用?车购置(?![及和])|^购置(?:公务)?车辆$/ },
  { key: "three_public.vehicle.operation", re: /公务用?车运行(?:维护)?费|公务用?车运维费|车辆运行(?:维护)?费/ },
  { key: "three_public.vehicle", re: /公务用?车购置[及和]运(?:行)?(?:维护?)?费|公务用?车(?:购置和运行|费用)|公务用?车$/ },
  { key: "three_public.overseas", re: /因公出国[（(]?境?[）)]?(?:经)?费|出国[（(]境[）)]费/ },
  { key: "three_public.reception", re: /公务接待费|公务接待(?:经费)?$/ },
  { key: "three_public.total", re: /三公.{0,3}经费|三公经费/ },
  { key: "operating_cost", re: /机关运行经费|机关运行费|(?:财政拨款|拨款)运行经费$/ },
  // 决算 name the parts after the whole: "政府采购货物支出20.50万元、政府采购工程支出0万元、政府采购服务支出100.00万元".
  { key: "procurement.goods", re: /货物(?:类)?(?:(?:政府)?采购(?:支出)?)?(?:预算)?$|^政府采购货物(?:类)?支出$/, context: /政府采购/ },
  { key: "procurement.works", re: /工程(?:类)?(?:(?:政府)?采购(?:支出)?)?(?:预算)?$|^政府采购工程(?:类)?支出$/, context: /政府采购/ },
  { key: "procurement.services", re: /服务(?:类)?(?:(?:政府)?采购(?:支出)?)?(?:预算)?$|^政府采购服务(?:类)?支出$/, context: /政府采购/ },
  { key: "procurement.total", re: /政府采购(?:项目)?(?:支出)?(?:预算)?(?:总金额|总额|金额|合计)?$/ },
  // 资产总额 (all assets) and 固定资产 (fixed assets) are different figures where a document gives both.
  { key: "assets.total", re: /资产总额$|资产合计$/ },
  { key: "assets.fixed", re: /^(?:年末|期末)?固定资产(?:金额|总额|原值|合计)?$/ },
  // 财政拨款 totals: the fiscal-appropriation part of income/expenditure (一般公共预算 + 政府性基金 + 国有资本经营 …).
  // Not "一般公共预算财政拨款收入": that is one fund's appropriation.
  { key: "income.total", fund: "fiscal", re: /(?<!预算)财政拨款(?:收入)(?:总额|总计|合计)?$/ },
  // A fund's own expenditure total ("一般公共预算支出", "财政拨款安排支出"); the fund is read from the label.
  { key: "expenditure.total", re: /^(?:财政拨款|一般公共预算(?:财政)?(?:拨款)?|政府性基金(?:预算)?(?:拨款)?|国有资本经营预算(?:拨款)?)(?:安排(?:的)?)?支出(?:总额|总计|合计)?$/ },
  { key: "income.general_budget", re: /一般公共预算(?:财政)?(?:拨款)?(?:收入|资金)?$/ },
  { key: "income.government_fund", re: /政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入|资金)?$|基金预算(?:财政)?(?:拨款)?(?:收入)?$/ },
  { key: "income.state_capital", re: /国有资本经营预算(?:财政)?(?:拨款)?(?:收入|资金)?$/ },
  { key: "income.special_account", re: /财政专户(?:核拨|管理资金)?(?:收入)?$/ },
  { key: "income.business", re: /事业收入(?:资金)?$/ },
  // The national source list: 事业单位经营收入 (经营收入 in 决算 tables), 上级补助收入, 附属单位上缴收入.
  { key: "income.operating", re: /经营收入(?:资金)?$/ },
  { key: "income.superior", re: /上级补助收入$/ },
  { key: "income.subsidiary", re: /附属单位上缴收入$/ },
  // 本年收入/支出 leave out what is carried over from last year or into the next: not the 收入总计/支出总计.
  { key: "income.current_year", re: /^(?:本年|当年)收入(?:合计|小计)?$/ },
  { key: "expenditure.current_year", re: /^(?:本年|当年)支出(?:合计|小计)?$/ },
  { key: "expenditure.carryover", re: /年终结转(?:和)?结余$|^结转下年(?:支出|资金)?$|年末(?:财政拨款)?结转(?:和)?结余$/ },
  // "上年结余、结转" (深圳 收支总表) is the same line written the other way round.
  { key: "income.carryover", re: /上年结转(?:和?结余)?(?:资金|收入)?$|年初(?:财政拨款)?结转和结余$|上年结余(?:[、和及]?结转)?$/ },
  // 江苏 收支预算总表 lists its sources as 财政拨款 / 财政专户管理资金 / 其他资金: the last is other income.
  // Not 北京's "本年其他资金收入": the group of every non-fiscal source (财政专户 … 其他收入), whose last line is 其他收入.
  { key: "income.other", re: /(?<!本年)其他(?:来源|资金)?收入$|^其他资金$/ },
  // 人员经费 + 公用经费 is the basic expenditure (西安 收支总表 "人员经费和公用经费支出").
  { key: "expenditure.basic", re: /人员经费[和及与]公用经费(?:支出)?$/ },
  // 在职人员经费 (or 离退休人员经费) alone is a part of 人员经费, not the whole.
  { key: "expenditure.basic.personnel", re: /(?<!在职|离退休|退休)人员(?:经费(?:支出)?|支出)(?:合计)?$/ },
  { key: "expenditure.basic.public", re: /(?:日常)?公用(?:经费(?:支出)?|支出)(?:合计)?$/ },
  { key: "expenditure.basic", re: /基本支出(?:预算)?$/ },
  // 西安 calls the project expenditure 专项业务经费.
  { key: "expenditure.project", re: /项目支出(?:预算)?$|^专项业务经费(?:支出)?$/ },
  // The other uses of the national 支出总表 beside 基本 and 项目.
  { key: "expenditure.operating", re: /^(?:事业单位)?经营支出$/ },
  { key: "expenditure.superior", re: /^上缴上级支出$/ },
  { key: "expenditure.subsidiary", re: /^对附属单位补助支出$/ },
  // 江苏 收支预算总表 lists a third use beside 基本支出 and 项目支出.
  { key: "expenditure.reserve", re: /预留机动经费$|预备费$/ },
  { key: "income.total", re: /^(?:部门|单位)?(?:财务)?(?:预算)?总?收入(?:预算|决算|合计|总计|总额)?$|^收入总计$/ },
  { key: "expenditure.total", re: /^(?:部门|单位)?(?:财务)?(?:预算)?总?支出(?:预算|决算|合计|总计|总额)?$|^支出总计$/ },
  // "部门预算收支安排340.77万元": one figure for both sides of a balanced budget.
  // 决算 write both sides at once: "收、支总计22066.59万元".
  { key: "income_expenditure.total", re: /^(?:部门|单位)?(?:预算)?收(?:入)?[、和与及]?支(?:出)?(?:预算)?(?:总额|总计|安排)?$/ },
];

/** Parts a fact's sub-headers name by a short word alone ("公务用车购置及运行费 / 购置费 | 运行费"). */
const PARTS: Readonly<Record<string, [RegExp, string][]>> = {
  "three_public.vehicle": [
    [/^购置费?$/, "three_public.vehicle.purchase"],
    [/^运行(?:维护)?费?$/, "three_public.vehicle.operation"],
  ],
};

export function partKey(wholeKey: string, label: string): string | undefined {
  return PARTS[wholeKey]?.find(([re]) => re.test(label))?.[1];
}

/** Change facts exist for these subjects: a 增加/减少 figure of any other subject is not a fact of the vocabulary. */
export const CHANGE_KEY_OF: Record<string, string> = {
  "income.total": "change.total",
  "income.current_year": "change.total",
  "expenditure.current_year": "change.total",
  "expenditure.total": "change.total",
  "income_expenditure.total": "change.total",
  "expenditure.basic": "change.basic",
  "expenditure.project": "change.project",
  "expenditure.reserve": "change.reserve",
};

/** Words that lead into a label and are not part of the name: "其中：", "主要为", "包括" … */
const LEAD = /^(?:(?:19|20)\d{2}\s*年度?|其中[：:]?|包括|主要(?:为|是|用于|包括)?|用于|分别为|一是|二是|三是|四是|五是|我部门|本部门|部门|[，,、：:；;])+/;
// Not the 计 of 小计 ("当年收入小计" is a name of its own).
// 各: "收、支总计各1234.56万元" states one figure for each side.
const TRAIL = /(?:共计|合计|总计|预算安排|安排|预算数|为|是|共|各|(?<![小合总])计|达)+$/;

// "收入预算总计", "其他资金收入预算": the budget/final wording after a name — but not the 预算 of 一般公共预算 or 基金预算.
// A 决算 names which budget it compares with: "一般公共预算财政拨款支出年初预算为…", "调整预算数".
const KIND_SUFFIX = /(?<!公共|基金|经营|资本|政府性)(?:(?:年初|调整后?)(?:预算数?)?|预算数|预算|决算数|决算)$/;

// "事业收入（不含教育收费）": a bracket that narrows what the label counts, not another figure's name.
const SCOPE_NOTE = /[（(](?:不含|含|包括|不包括)[^（()）]*[）)]$/;

export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, "").replace(/[“”"‘’]/g, "").replace(SCOPE_NOTE, "").replace(LEAD, "").replace(TRAIL, "").replace(KIND_SUFFIX, "").replace(TRAIL, "");
}

/** 功能分类 names carry their level: "公务接待费（款）支出" is a classification line, not the 三公 fact. */
const CLASSIFICATION_NAME = /[（(][类款项][）)]/;
/** "上年结转结余的一般公共预算收入" is carried-over money, whatever source it names. */
const CARRIED_OVER = /结转|结余/;
/** "一般公共预算拨款政府采购": the procurement funded by one source, a part of the department's procurement. */
const FUNDED_PROCUREMENT = /(?:拨款|资金|(?:一般公共|基金|国有资本经营)预算)[^，。；：:]{0,4}政府采购/;

/** "面向中小企业预留政府采购项目预算金额": the share reserved for small firms, not the procurement total. */
const SME_SHARE = /中小企业|小型|微型|小微|预留/;

/** "涉及一般公共预算财政拨款X万元": a figure that names what part of another figure comes from a source. */
const PART_OF = /^(?:其中)?(?:涉及|含|包含)/;

/**
 * The words that name each fund, narrower first: "一般公共预算财政拨款" is the general budget's; 非财政拨款 is no fund.
 * Labels, column headers and section titles all read funds from this one list.
 */
const FUND_NAMES: readonly (readonly [string, Fund])[] = [
  ["政府性?基金", "government_fund"],
  ["国有资本经营", "state_capital"],
  ["一般公共预算", "general_budget"],
  ["(?<!非)财政(?:拨款|资金)", "fiscal"],
];
const FUND_PREFIXES = FUND_NAMES.map(([w, f]) => [new RegExp(`^${w}`), f] as const);
const FUND_ANYWHERE = FUND_NAMES.map(([w, f]) => [new RegExp(w), f] as const);

/** The fund a label names before its subject: "一般公共预算基本支出", "财政拨款安排的项目支出". */
export function fundOfLabel(normalized: string): Fund | undefined {
  return FUND_PREFIXES.find(([re]) => re.test(normalized))?.[1];
}

/** The narrowest fund a header or title names anywhere in it ("资金来源 / 一般公共预算资金"). */
export function fundNamedIn(text: string): Fund | undefined {
  return FUND_ANYWHERE.find(([re]) => re.test(text))?.[1];
}

export interface LabelFact {
  key: string;
  /** Set when the label names a narrower fund than the whole department. */
  fund?: Fund;
}

/** The fact a label names, with the fund it names where its key does not fix it. */
export function factOfLabel(label: string, context: string): LabelFact | undefined {
  return keyedLabel(label, context) ?? arrangedLabel(label, context);
}

/**
 * "预算支出安排一般公共预算财政拨款支出923.1961万元" (郑州 2015): what is arranged names the figure; "收入预算共安排国库
 * 拨款资金923.1961万元": arranged as money from a source, the figure is what is arranged. "X安排的会议费" is the 会议费,
 * never X.
 */
const ARRANGED = /^(.+?)(?:共|合计|总计)?安排(?!的)(.+)$/;
const AS_SOURCE = /(?:资金|拨款)$/;

function arrangedLabel(label: string, context: string): LabelFact | undefined {
  const m = ARRANGED.exec(label.replace(/\s+/g, ""));
  if (!m) return undefined;
  return keyedLabel(m[2]!, context) ?? (AS_SOURCE.test(m[2]!) ? keyedLabel(m[1]!, context) : undefined);
}

function keyedLabel(label: string, context: string): LabelFact | undefined {
  const raw = label.replace(/\s+/g, "");
  const l = normalizeLabel(label);
  if (!l || CLASSIFICATION_NAME.test(l) || PART_OF.test(raw.replace(LEAD_PUNCT, ""))) return undefined;
  for (const k of MONEY_KEYS) {
    if (!k.re.test(l) || (k.context && !k.context.test(context))) continue;
    if (CARRIED_OVER.test(l) && k.key !== "income.carryover" && k.key !== "expenditure.carryover") return undefined;
    if (k.key.startsWith("procurement.") && (FUNDED_PROCUREMENT.test(k.key === "procurement.total" ? l : lastClause(context)) || SME_SHARE.test(l))) return undefined;
    const fund = k.fund ?? (keyTakesFund(k.key) ? fundOfLabel(l) : undefined);
    return fund ? { key: k.key, fund } : { key: k.key };
  }
  return undefined;
}

const LEAD_PUNCT = /^[，,、：:；;]+/;

/** A label that names a part of another figure ("涉及…", "含…"): neither a fact nor a named project. */
export function isPartLabel(label: string): boolean {
  return PART_OF.test(label.replace(/\s+/g, "").replace(LEAD_PUNCT, ""));
}


/** The text after the last sentence or list break: where a figure's own scope is stated. */
function lastClause(context: string): string {
  const i = Math.max(context.lastIndexOf("。"), context.lastIndexOf("；"), context.lastIndexOf("\n"));
  return context.slice(i + 1);
}
