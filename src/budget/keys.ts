/**
 * The registry of fact keys: every key the tool emits, what it means, what it measures, and whether its meaning fixes
 * the funds it covers. The README's "Fact keys" table is checked against this list (tests/budget/keys.test.ts).
 */
export type KeyMeasure = "money" | "count" | "area";

export interface FactKeySpec {
  key: string;
  /** As printed, in the README's words. */
  meaning: string;
  measure: KeyMeasure;
  /** The key names its fund itself (一般公共预算拨款收入, the 财政拨款 "三公"): its facts carry `fund: "all"`. */
  fundFixed?: boolean;
}

const money = (key: string, meaning: string, fundFixed = false): FactKeySpec => ({ key, meaning, measure: "money", ...(fundFixed ? { fundFixed } : {}) });

export const FACT_KEYS: readonly FactKeySpec[] = [
  money("income.total", "收入总计 (with 上年结转) / 收入合计 / 部门（单位财务）总收入 / 收入预算"),
  money("income.current_year", "本年收入合计 / 当年收入小计 — this year's income, without what is carried over"),
  money("income.general_budget", "一般公共预算（财政）拨款（收入）", true),
  money("income.government_fund", "政府性基金预算（拨款）收入", true),
  money("income.state_capital", "国有资本经营预算收入", true),
  money("income.special_account", "财政专户核拨 / 管理资金收入", true),
  money("income.business", "事业收入", true),
  money("income.operating", "（事业单位）经营收入", true),
  money("income.superior", "上级补助收入", true),
  money("income.subsidiary", "附属单位上缴收入", true),
  money("income.other", "其他（来源）收入", true),
  money("income.carryover", "上年结转（结余）/ 年初结转和结余"),
  money("expenditure.total", "支出总计 / 支出合计 / 部门支出预算"),
  money("expenditure.current_year", "本年支出合计 — this year's expenditure, without 年终结转结余"),
  money("expenditure.carryover", "年终结转结余 / 结转下年"),
  money("income_expenditure.total", "收支总额 / 收支安排 — one figure for both sides of a balanced budget"),
  money("expenditure.basic", "基本支出"),
  money("expenditure.basic.personnel", "人员经费 / 人员支出 (not 在职人员经费 alone)"),
  money("expenditure.basic.public", "（日常）公用经费"),
  money("expenditure.project", "项目支出"),
  money("expenditure.project.item", "one per named project listed after the project total, with `name`"),
  money("expenditure.reserve", "单位预留机动经费 / 预备费 (a third use beside 基本 and 项目)"),
  money("expenditure.operating", "（事业单位）经营支出"),
  money("expenditure.superior", "上缴上级支出"),
  money("expenditure.subsidiary", "对附属单位补助支出"),
  money("change.total", "比上年增减 of the total, signed (增加 +, 减少 −)"),
  money("change.basic", "比上年增减 of 基本支出"),
  money("change.project", "比上年增减 of 项目支出"),
  money("change.reserve", "比上年增减 of 预留机动经费"),
  money("operating_cost", "机关运行经费 (行政经费)", true),
  money("three_public.total", "财政拨款 \"三公\"经费 (the 三公 subtotal where a table adds 会议费 and 培训费 beside it)", true),
  money("three_public.overseas", "因公出国（境）费", true),
  money("three_public.vehicle", "公务用车购置及运行（维护）费", true),
  money("three_public.vehicle.purchase", "公务用车购置费", true),
  money("three_public.vehicle.operation", "公务用车运行（维护）费", true),
  money("three_public.reception", "公务接待费", true),
  money("procurement.total", "政府采购预算 (决算) total", true),
  money("procurement.goods", "政府采购 货物", true),
  money("procurement.works", "政府采购 工程", true),
  money("procurement.services", "政府采购 服务", true),
  money("assets.total", "资产总额", true),
  money("assets.fixed", "固定资产（金额） — kept apart from 资产总额", true),
  { key: "assets.vehicles", meaning: "车辆 count (保有量 / 实有; not 编制 or 购置 counts)", measure: "count", fundFixed: true },
  { key: "assets.housing_m2", meaning: "房屋 / 办公用房 area in 平方米", measure: "area", fundFixed: true },
];

/** Keys of 0.2.0 that encoded a fund scope: read them as the key with that fund (CHANGELOG 0.3.0). */
export const LEGACY_KEYS: Readonly<Record<string, { key: string; fund: "fiscal" }>> = {
  "income.fiscal_total": { key: "income.total", fund: "fiscal" },
  "expenditure.fiscal_total": { key: "expenditure.total", fund: "fiscal" },
  "income.fiscal_carryover": { key: "income.carryover", fund: "fiscal" },
};

const BY_KEY = new Map(FACT_KEYS.map((k) => [k.key, k]));

export function factKeySpec(key: string): FactKeySpec | undefined {
  return BY_KEY.get(key);
}

/** Whether a figure under this key can be narrower than the whole department (its fund is worth recording). */
export function keyTakesFund(key: string): boolean {
  return BY_KEY.get(key)?.fundFixed !== true;
}

/** A figure's key within its fund: "expenditure.basic@general_budget"; the whole department's keys stay bare. */
export function fundKey(m: { key: string; fund?: string | undefined }): string {
  return m.fund && m.fund !== "all" ? `${m.key}@${m.fund}` : m.key;
}
