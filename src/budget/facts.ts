import type { AmountSpan, Evidence, Fact, Fund, ParagraphBlock } from "../model/index.js";
import { yuanMultiplier } from "../model/constants.js";
import { abs, add, compare, halfUlp, neg, sub, sum } from "../util/decimal.js";
import { CHANGE_KEY_OF, factOfLabel, normalizeLabel, type LabelFact } from "./vocabulary.js";
import { fundKey, keyTakesFund } from "./keys.js";

export interface NarrativeInput {
  paragraphs: ParagraphBlock[];
  spansByBlock: ReadonlyMap<string, AmountSpan[]>;
  /** Titles of the sections enclosing each block, outermost first. */
  sectionTitles: ReadonlyMap<string, string[]>;
  basis?: Fact["basis"];
  /** The publishing body: "上海市普陀区社会福利院收入预算…" names the entity before the label. */
  entity?: string;
}

/** A fact as found once, before facts stated in several places are merged. */
export interface FactMention {
  key: string;
  name?: string;
  yuan: string;
  raw: string;
  unit: string | null;
  evidence: Evidence;
  /** Printed decimals and multiplier of the figure: the rounding tolerance of checks. */
  decimals: number;
  multiplier: string;
  /** The funds the figure covers where its key does not fix them (absent: the whole department). */
  fund?: Fund;
  /** The figure this one is a part of: "X元，其中：A…，B…" makes X the parent of A and B. */
  parent?: FactMention;
}

const CLAUSE_END = /[。；;！!？?\n]/;

/**
 * Facts stated in the narrative. Each money figure is named by its label ("一般公共预算收入340.77万元"); a 增加/减少
 * figure is a change of the subject it follows; figures listed after a project total ("主要为网络宣传管理33万元，…")
 * are the named projects, until they add up to the total or another known figure starts.
 */
export function narrativeFacts(input: NarrativeInput): FactMention[] {
  const out: FactMention[] = [];
  for (const p of input.paragraphs) {
    const all = input.spansByBlock.get(p.id) ?? [];
    out.push(...countFacts(p, all));
    const spans = all.filter((s) => s.kind === "money" && s.yuan !== undefined && !s.range);
    const titles = input.sectionTitles.get(p.id) ?? [];
    // A section about the 政府性基金/国有资本经营 budget or the 一般公共预算/财政拨款 part states that part's own totals and
    // basic/project split: they are facts of that fund, not the department's.
    const fundSection = sectionFund(titles);
    const context = [...titles, p.text].join("\n");
    let project: { total: string; items: FactMention[] } | null = null;
    let lastSubject: LabelFact | undefined;
    let parent: FactMention | undefined;
    let parentSentence = -1;
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i]!;
      // The recognizer's label stops at quotes and brackets (“三公”经费, 因公出国（境）费); the clause before the
      // figure is the fallback name.
      const clause = clauseBefore(p.text, s.start);
      const raw = s.label && s.label.text.length > 2 ? s.label.text : clause;
      const label = input.entity && raw.includes(input.entity) ? raw.slice(raw.indexOf(input.entity) + input.entity.length) : raw;
      const mention = (key: string, yuan = s.yuan!, name?: string): FactMention => ({
        key,
        ...(name ? { name } : {}),
        yuan,
        raw: s.text,
        unit: s.unit,
        evidence: { kind: "text", blockId: p.id, start: s.start, end: s.end, quote: s.text },
        decimals: decimalsOf(s.text),
        multiplier: multiplierOf(s),
      });
      // "增加基本支出844.15万元": the change word before the label makes it a change of that subject.
      const changeBefore = !s.change && s.label ? /(增加|减少|增长|下降|降低)$/.exec(p.text.slice(Math.max(0, s.label.start - 3), s.label.start)) : null;
      if (changeBefore) {
        const change = changeOf(factOfLabel(s.label!.text, context), fundSection);
        if (change) out.push(withFund(mention(change.key, /减少|下降|降低/.test(changeBefore[1]!) ? neg(s.yuan!) : s.yuan!), change.fund));
        continue;
      }
      if (s.change) {
        // The subject is the label, else the clause before the figure ("其中：基本支出增加77.8万元"), else the figure
        // the sentence is about ("2020年收支安排340.77万元，较2019年增加191.49万元").
        const subject = (s.label ? normalizeLabel(s.label.text) : clause).replace(/(?:较|比|与)(?:上年|\d{4}年).*$|(?:增加|减少|增长|下降)$/, "");
        const change = changeOf(subject ? factOfLabel(subject, context) : lastSubject, fundSection);
        if (change) out.push(withFund(mention(change.key, s.change === "decrease" ? neg(s.yuan!) : s.yuan!), change.fund));
        continue;
      }
      // "2026年拟安排该项目一般公共预算X万元（含上年结转Y万元）": a project's own figures, not the department's.
      if (PROJECT_SCOPE.test(clause)) continue;
      // A 决算 states its budget beside the outturn ("支出预算为76.43万元，支出决算为46.21万元"): only the outturn is its fact.
      if (input.basis === "final" && isBudgetFigure(clause)) continue;
      const sentence = sentenceBefore(p.text, s.start);
      if (sentenceStart(p.text, s.start) !== parentSentence) parent = undefined;
      const named = factOfLabel(label, `${context}\n${sentence}`);
      const key = named?.key;
      // "X，其中：" — X is the parent of the figures that follow in its sentence, whether or not X has a key.
      const opensList = /^[^。；;]{0,12}其中/.test(p.text.slice(s.end, spans[i + 1]?.start ?? p.text.length));
      if (project && (!key || key === "expenditure.project")) {
        const name = normalizeLabel(label);
        if (name && compare(sum(project.items.map((m) => m.yuan)), project.total) < 0) {
          project.items.push(mention("expenditure.project.item", s.yuan!, name));
          continue;
        }
      }
      if (!key) {
        if (opensList) {
          parent = mention("(unnamed)");
          parentSentence = sentenceStart(p.text, s.start);
        }
        continue;
      }
      lastSubject = named;
      const m = mention(key);
      // The label's own fund, else the fund of the figure it is listed under ("财政拨款收入X，其中：上年结转…"), else
      // the section's.
      const fund = named?.fund ?? (keyTakesFund(key) ? parent?.fund ?? fundSection : undefined);
      if (fund) m.fund = fund;
      if (parent) m.parent = parent;
      out.push(m);
      if (opensList) {
        parent = m;
        parentSentence = sentenceStart(p.text, s.start);
      }
      if (project) {
        out.push(...project.items);
        project = null;
      }
      if (key === "expenditure.project" && compare(s.yuan!, "0") > 0) project = { total: s.yuan!, items: [] };
    }
    if (project) out.push(...project.items);
  }
  return out;
}

const FUND_SECTIONS: [RegExp, Fund][] = [
  [/政府性?基金/, "government_fund"],
  [/国有资本经营/, "state_capital"],
  [/一般公共预算/, "general_budget"],
  [/财政拨款(?!.{0,4}三公)/, "fiscal"],
];

/** The fund the innermost section about one names (titles outermost first). */
function sectionFund(titles: readonly string[]): Fund | undefined {
  for (let i = titles.length - 1; i >= 0; i--) {
    const hit = FUND_SECTIONS.find(([re]) => re.test(titles[i]!));
    if (hit) return hit[1];
  }
  return undefined;
}

// Counts and areas the vocabulary keeps: "车辆合计20辆", "办公用房1200平方米".
const COUNT_KEYS: { key: string; unit: RegExp; label: RegExp }[] = [
  { key: "assets.vehicles", unit: /^(?:辆|台)$/, label: /保有量|实有|车辆(?:合计|总数|数量)?$|车辆数/ },
  { key: "assets.housing_m2", unit: /^(?:平方米|㎡|m2)$/, label: /房屋|办公用房|用房|建筑面积/ },
];

function countFacts(p: ParagraphBlock, spans: AmountSpan[]): FactMention[] {
  const out: FactMention[] = [];
  for (const s of spans) {
    if (s.kind !== "number" || !s.unit || s.range || s.change) continue;
    const label = s.label?.text ?? clauseBefore(p.text, s.start);
    // "车辆编制16辆，实有车辆5辆": authorized, bought or disposed counts are not the fleet.
    if (/编制|购置|超编|新增|报废|处置|出租/.test(label)) continue;
    const k = COUNT_KEYS.find((c) => c.unit.test(s.unit!) && c.label.test(label));
    if (!k) continue;
    out.push({ key: k.key, yuan: s.value, raw: s.text, unit: s.unit, evidence: { kind: "text", blockId: p.id, start: s.start, end: s.end, quote: s.text }, decimals: decimalsOf(s.text), multiplier: "1" });
  }
  return out;
}

const PROJECT_SCOPE = /该项目|本项目|此项目/;

/** The change fact of a subject ("财政拨款支出增加X"): its key, with the subject's fund (its label's or its section's). */
function changeOf(subject: LabelFact | undefined, sectionFund: Fund | undefined): LabelFact | undefined {
  const key = subject ? CHANGE_KEY_OF[subject.key] : undefined;
  if (!key) return undefined;
  const fund = subject!.fund ?? (keyTakesFund(subject!.key) ? sectionFund : undefined);
  return fund ? { key, fund } : { key };
}

function withFund(m: FactMention, fund: Fund | undefined): FactMention {
  return fund ? { ...m, fund } : m;
}

/** A clause naming the budget (预算数, 年初预算, 调整预算) and not the outturn; fund names (一般公共预算) aside. */
function isBudgetFigure(clause: string): boolean {
  const c = clause.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, "");
  return /预算/.test(c) && !/决算|实际|支出\d|完成/.test(c);
}

function sentenceStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && !/[。！!？?\n]/.test(text[s - 1]!)) s--;
  return s;
}

function sentenceBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && !CLAUSE_END.test(text[s - 1]!)) s--;
  return text.slice(s, at);
}

function clauseBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && !/[。；;！!？?\n，,]/.test(text[s - 1]!)) s--;
  return text.slice(s, at);
}

/** Decimals as printed ("500.00万元" → 2): the value is canonical ("500"), the precision lives in the text. */
function decimalsOf(printed: string): number {
  const m = /[0-9０-９][.．]\s*([0-9０-９](?:\s*[0-9０-９])*)/.exec(printed);
  return m ? m[1]!.replace(/\s+/g, "").length : 0;
}

function multiplierOf(s: AmountSpan): string {
  return yuanMultiplier(s.unit);
}

/**
 * Facts stated more than once are one row with every agreeing piece of evidence; differing statements are kept apart.
 * The row's figure is the most precise statement (a table's 17,312,300元 over the narrative's 1,731万元).
 */
export function mergeMentions(mentions: FactMention[], basis?: Fact["basis"]): { facts: Fact[]; groups: Map<string, FactMention[]> } {
  const groups = new Map<string, FactMention[]>();
  for (const m of mentions) {
    const id = m.name ? `${fundKey(m)}\u0000${m.name}` : fundKey(m);
    const g = groups.get(id);
    if (g) g.push(m);
    else groups.set(id, [m]);
  }
  const facts: Fact[] = [];
  for (const [id, g] of groups) {
    const ordered = byPrecision(g);
    groups.set(id, ordered);
    const first = ordered[0]!;
    facts.push({
      key: first.key,
      yuan: first.yuan,
      raw: first.raw,
      unit: first.unit,
      fund: first.fund ?? "all",
      ...(basis ? { basis } : {}),
      ...(first.name ? { name: first.name } : {}),
      evidence: ordered.filter((m) => agrees(m, first)).map((m) => m.evidence),
    });
  }
  return { facts, groups };
}

/**
 * The statements of one fact, the one to report first: the most precise among those the others agree with most
 * (a lone misread does not win by being exact); between equals a table cell, whose header says what it is, over a
 * sentence; then reading order.
 */
function byPrecision(g: FactMention[]): FactMention[] {
  // Statements that print the same figure the same way count once, with their number: a page that repeats one
  // sentence ten thousand times costs one comparison, not a hundred million.
  const classes = new Map<string, { m: FactMention; i: number; count: number }>();
  g.forEach((m, i) => {
    const id = `${m.yuan}|${m.decimals}|${m.multiplier}|${m.evidence.kind}`;
    const c = classes.get(id);
    if (c) c.count++;
    else classes.set(id, { m, i, count: 1 });
  });
  if (classes.size < 2 || classes.size > MAX_RANKED) return g;
  const list = [...classes.values()];
  const support = (m: FactMention) => list.reduce((n, o) => n + (agrees(o.m, m) ? o.count : 0), 0);
  const ulp = (m: FactMention) => halfUlp(m.decimals, m.multiplier);
  const text = (m: FactMention) => (m.evidence.kind === "cell" ? 0 : 1);
  const ranked = list.map((c) => ({ ...c, n: support(c.m) })).sort((a, b) => b.n - a.n || compare(ulp(a.m), ulp(b.m)) || text(a.m) - text(b.m) || a.i - b.i);
  const first = ranked[0]!.m;
  return [first, ...g.filter((m) => m !== first)];
}

/** Beyond this many different statements of one fact the reading order stands (no document prints that many). */
const MAX_RANKED = 64;

/** Two statements of one fact agree when they differ by no more than their printed rounding allows. */
export function agrees(a: FactMention, b: FactMention): boolean {
  return compare(abs(sub(a.yuan, b.yuan)), add(halfUlp(a.decimals, a.multiplier), halfUlp(b.decimals, b.multiplier))) <= 0;
}
