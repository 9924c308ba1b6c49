import type { AmountSpan, Evidence, Fact, ParagraphBlock } from "../model/index.js";
import { yuanMultiplier } from "../model/constants.js";
import { abs, add, compare, halfUlp, neg, sub, sum } from "../util/decimal.js";
import { CHANGE_KEY_OF, keyOfLabel, normalizeLabel } from "./vocabulary.js";

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
    // basic/project split; they are not the department's, so only income-source keys are read there.
    const fundSection = titles.some((t) => FUND_SECTION.test(t));
    const context = [...titles, p.text].join("\n");
    let project: { total: string; items: FactMention[] } | null = null;
    let lastSubjectKey: string | undefined;
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
        const subjectKey = keyOfLabel(s.label!.text, context);
        const key = subjectKey ? CHANGE_KEY_OF[subjectKey] : undefined;
        if (key) out.push(mention(key, /减少|下降|降低/.test(changeBefore[1]!) ? neg(s.yuan!) : s.yuan!));
        continue;
      }
      if (s.change) {
        // The subject is the label, else the clause before the figure ("其中：基本支出增加77.8万元"), else the figure
        // the sentence is about ("2020年收支安排340.77万元，较2019年增加191.49万元").
        const subject = (s.label ? normalizeLabel(s.label.text) : clause).replace(/(?:较|比|与)(?:上年|\d{4}年).*$|(?:增加|减少|增长|下降)$/, "");
        const subjectKey = subject ? keyOfLabel(subject, context) : lastSubjectKey;
        const key = subjectKey ? CHANGE_KEY_OF[subjectKey] : undefined;
        if (key) out.push(mention(key, s.change === "decrease" ? neg(s.yuan!) : s.yuan!));
        continue;
      }
      const sentence = sentenceBefore(p.text, s.start);
      if (sentenceStart(p.text, s.start) !== parentSentence) parent = undefined;
      const key = keyOfLabel(label, `${context}\n${sentence}`);
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
      if (fundSection && /^(?:income|expenditure|income_expenditure|change)\./.test(key) && !FUND_KEYS.has(key)) continue;
      lastSubjectKey = key;
      const m = mention(key);
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

const FUND_SECTION = /政府性?基金|国有资本经营|一般公共预算|财政拨款(?!.{0,4}三公)/;
const FUND_KEYS = new Set(["income.general_budget", "income.government_fund", "income.state_capital", "income.fiscal_total", "expenditure.fiscal_total"]);

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

/** Facts stated more than once are one row with every piece of evidence; differing statements are kept apart. */
export function mergeMentions(mentions: FactMention[], basis?: Fact["basis"]): { facts: Fact[]; groups: Map<string, FactMention[]> } {
  const groups = new Map<string, FactMention[]>();
  for (const m of mentions) {
    const id = m.name ? `${m.key}\u0000${m.name}` : m.key;
    const g = groups.get(id);
    if (g) g.push(m);
    else groups.set(id, [m]);
  }
  const facts: Fact[] = [];
  for (const g of groups.values()) {
    const first = g[0]!;
    facts.push({
      key: first.key,
      yuan: first.yuan,
      raw: first.raw,
      unit: first.unit,
      ...(basis ? { basis } : {}),
      ...(first.name ? { name: first.name } : {}),
      evidence: g.filter((m) => agrees(m, first)).map((m) => m.evidence),
    });
  }
  return { facts, groups };
}

/** Two statements of one fact agree when they differ by no more than their printed rounding allows. */
export function agrees(a: FactMention, b: FactMention): boolean {
  return compare(abs(sub(a.yuan, b.yuan)), add(halfUlp(a.decimals, a.multiplier), halfUlp(b.decimals, b.multiplier))) <= 0;
}
