/**
 * One paragraph's facts. Each money figure is named by its label ("一般公共预算收入340.77万元"); a 增加/减少 figure is
 * a change of the subject it follows; "X，其中：A，B" makes X the parent of A and B (whose fund they share); figures
 * listed after a project total ("主要为网络宣传管理33万元，…") are the named projects, until they add up to the total
 * or another known figure starts.
 */
import type { AmountSpan, Fact, Fund, ParagraphBlock } from "../../model/index.js";
import { compare, neg, sum } from "../../util/decimal.js";
import { parseLabel } from "../../structure/sections/numbering.js";
import type { FactMention } from "../facts.js";
import { keyTakesFund } from "../keys.js";
import { CHANGE_KEY_OF, factOfLabel, isPartLabel, normalizeLabel, type LabelFact } from "../vocabulary.js";
import { clauseBefore, sentenceBefore, sentenceStart, spanMention } from "./text.js";

export interface ParagraphContext {
  /** Section titles and the paragraph: what disambiguates a label (政府采购 parts). */
  context: string;
  /** The innermost enclosing section title: the subject of a figure named only "预算数". */
  heading?: string;
  /** The fund the enclosing section is about (一般公共预算 …), for figures whose label names none. */
  sectionFund?: Fund;
  basis?: Fact["basis"];
  /** The publishing body: "上海市普陀区社会福利院收入预算…" names the entity before the label. */
  entity?: string;
  fiscalYear?: number;
}

const PROJECT_SCOPE = /该项目|本项目|此项目/;
const CLASSIFICATION_ITEM = /[（(][类款项][）)]/;
/** A label that says only "the total" ("预算支出合计"), whose subject is the paragraph's: "检察（款）：2018年预算支出合计…". */
const GENERIC_TOTAL = /^(?:预算|决算)?(?:支出|收入)?(?:预算|决算)?(?:合计|总计|数)?$/;
const THIS_YEAR = /(?:本年|当年)$/;
const REASON = /主要原因|原因(?:是|为|在于)|主要是由于/;
/** A label that says only which figure (支出, 决算数), not of what. */
const BARE_MEASURE = /^(?:支出|收入)?(?:决算|预算|执行)数?(?:为|是)?$/;
const CHANGE_BEFORE = /(增加|减少|增长|下降|降低)$/;
const CHANGE_INSIDE = /(增加|减少|下降|降低)([^增减，,、；;：:]{2,12})$/;
const CHANGE_TAIL = /(?:较|比|与)(?:上年|\d{4}年).*$|(?:增加|减少|增长|下降)$/;

/** The year nearest before the figure in its own phrase ("2016年度部门支出预算安排为"), unless a comparison follows it. */
const PHRASE_YEAR = /(?<!\d)(\d{4})年(?!.*(?:相比|对比|比较))(?!.*\d{4}年)/;
/** A stock is stated at a date, in a budget usually last year's end: "2019年末固定资产金额为9.3342万元" is the 2020 fact. */
const AT_A_DATE = /(?<!\d)\d{4}年(?:度)?(?:末|底|\d{1,2}月)|截[至止]/;

/** Does the sentence at `start` open with 其中? Sticky at `start`: a long sentence is not rescanned per figure. */
const QIZHONG = /\s*其中/y;
function opensWithQizhong(text: string, start: number, at: number): boolean {
  QIZHONG.lastIndex = start;
  const m = QIZHONG.exec(text);
  return m !== null && m.index + m[0].length <= at;
}

function datedToOtherYear(clause: string, fiscalYear: number | undefined): boolean {
  const year = fiscalYear === undefined || AT_A_DATE.test(clause) ? undefined : PHRASE_YEAR.exec(clause)?.[1];
  return year !== undefined && Number(year) !== fiscalYear;
}

export class ParagraphReader {
  private readonly out: FactMention[] = [];
  private project: { total: string; items: FactMention[] } | null = null;
  private lastSubject: LabelFact | undefined;
  private parent: FactMention | undefined;
  private parentSentence = -1;
  private sentenceSubject: { start: number; fact: LabelFact } | undefined;
  /** The last named figure and where it ends: a next sentence opening with 其中 lists its parts. */
  private lastNamed: { mention: FactMention; end: number } | undefined;
  /** Where the paragraph first names a classification item ("行政运行（项）"), once: -1 when it names none. */
  private readonly firstItemAt: number;

  constructor(
    private readonly p: ParagraphBlock,
    private readonly spans: readonly AmountSpan[],
    private readonly ctx: ParagraphContext,
  ) {
    this.firstItemAt = p.text.search(CLASSIFICATION_ITEM);
  }

  read(): FactMention[] {
    for (let i = 0; i < this.spans.length; i++) this.readSpan(this.spans[i]!, this.spans[i + 1], this.spans[i - 1]);
    this.closeProjectItems();
    return this.out;
  }

  private readSpan(s: AmountSpan, next: AmountSpan | undefined, prev: AmountSpan | undefined): void {
    const text = this.p.text;
    // The recognizer's label stops at quotes and brackets (“三公”经费, 因公出国（境）费); the clause before the
    // figure is the fallback name — never reaching back past the figure before it ("收入总计X万元、支出总计Y万元").
    const clause = sinceFigure(clauseBefore(text, s.start), s.start, prev);
    const sentence = sentenceBefore(text, s.start);
    const reason = REASON.test(sentence);
    if (this.readChange(s, clause, reason)) return;
    // "主要原因是新增…专项经费280万元": figures that explain a change are not the budget's own.
    if (reason) return;
    // "该项目批复的年初预算数为1018.00万元，其中…上年结转120.00万元": one project's money, not the department's.
    if (PROJECT_SCOPE.test(sentence)) return;
    // "（2016年度部门支出预算安排为8,648.07万元）" in a 2017 budget: last year's figure, quoted for the comparison.
    if (datedToOtherYear(clause, this.ctx.fiscalYear)) return;
    const label = this.labelOf(s, clause);
    const start = sentenceStart(text, s.start);
    if (start !== this.parentSentence) this.parent = undefined;
    this.continueList(start, s.start);
    const named = this.nameOf(label, s, clause, sentence, start);
    // A 决算 states its budget beside the outturn ("支出预算为76.43万元，支出决算为46.21万元"): only the outturn is its fact.
    if (this.ctx.basis === "final" && isBudgetFigure(clause)) return;
    // "X，其中：" — X is the parent of the figures that follow in its sentence, whether or not X has a key.
    const opensList = /^[^。；;]{0,12}其中/.test(text.slice(s.end, next?.start ?? text.length));
    if (this.readProjectItem(s, named, label)) return;
    if (!named) {
      if (opensList) this.openList(spanMention(this.p, s, "(unnamed)"), s);
      return;
    }
    this.addNamed(s, named, opensList);
  }

  private labelOf(s: AmountSpan, clause: string): string {
    // The recognizer leaves 本年/当年 out of a label as a time word; here it is part of the name (本年收入合计).
    const thisYear = s.label ? THIS_YEAR.exec(this.p.text.slice(Math.max(0, s.label.start - 2), s.label.start))?.[0] ?? "" : "";
    const raw = s.label && s.label.text.length > 2 ? thisYear + s.label.text : clause;
    const entity = this.ctx.entity;
    return entity && raw.includes(entity) ? raw.slice(raw.indexOf(entity) + entity.length) : raw;
  }

  /**
   * The fact a label names; a label that is only a measure word ("2026年预算数166.98万元") takes its subject from the
   * heading it is printed under: the paragraph's lead-in ("（一）因公出国（境）费用。") or the enclosing section.
   */
  private nameOf(label: string, s: AmountSpan, clause: string, sentence: string, start: number): LabelFact | undefined {
    const context = `${this.ctx.context}\n${sentence}`;
    const bare = BARE_MEASURE.test(label.replace(/\s+/g, "")) || GENERIC_TOTAL.test(normalizeLabel(label));
    // "一般公共服务（类）信访事务（款）行政运行（项）。年初预算为…，支出决算为…": the figures of a classification item.
    if (bare && this.firstItemAt >= 0 && this.firstItemAt < s.start) return undefined;
    // "“三公”经费支出预算为76.43万元，支出决算为46.21万元": a bare 支出决算 is the sentence's subject again.
    if (BARE_MEASURE.test(label.replace(/\s+/g, "")) && this.sentenceSubject?.start === start) return this.sentenceSubject.fact;
    const named = factOfLabel(label, context);
    if (named) this.sentenceSubject = { start, fact: named };
    // Only a printed measure word defers to a heading: a figure with no label at all names nothing.
    if (named || label.trim() === "" || normalizeLabel(label) !== "") return named;
    // "公务用车购置费2026年预算数667.10万元": the subject before the year, in the figure's own clause.
    const subject = [clause, leadHeading(this.p.text, s.start), this.ctx.heading].find((t) => t && factOfLabel(t, context));
    return subject ? factOfLabel(subject, context) : undefined;
  }

  /** A 增加/减少 figure: a change of its subject. Returns whether the span was one. */
  private readChange(s: AmountSpan, clause: string, reason: boolean): boolean {
    // "增加基本支出844.15万元": the change word before the label makes it a change of that subject.
    const before = !s.change && s.label ? CHANGE_BEFORE.exec(this.p.text.slice(Math.max(0, s.label.start - 3), s.label.start)) : null;
    // "基本支出增加人员经费1408.29万元": the change word inside the label, the subject after it.
    const inner = !s.change && !before && s.label ? CHANGE_INSIDE.exec(s.label.text) : null;
    if (!before && !inner && !s.change) return false;
    let subject: LabelFact | undefined;
    if (before) subject = factOfLabel(s.label!.text, this.ctx.context);
    else if (inner) subject = factOfLabel(inner[2]!, this.ctx.context);
    else {
      // The subject is the label, else the clause before the figure ("其中：基本支出增加77.8万元"), else the figure
      // the sentence is about ("2020年收支安排340.77万元，较2019年增加191.49万元").
      const name = (s.label ? normalizeLabel(s.label.text) : clause).replace(CHANGE_TAIL, "");
      subject = name ? factOfLabel(name, this.ctx.context) : this.lastSubject;
    }
    const change = changeOf(subject, this.ctx.sectionFund);
    const word = before?.[1] ?? inner?.[1];
    const decrease = word ? /减少|下降|降低/.test(word) : s.change === "decrease";
    // A reason names the changes of the parts ("主要原因是基本支出增加…"); a change of the whole there is one
    // factor's share ("这一因素较上年减少部门支出1,653万元"), not the total's change.
    if (change && !(reason && change.key === "change.total")) this.out.push(withFund(spanMention(this.p, s, change.key, decrease ? neg(s.yuan!) : s.yuan!), change.fund));
    // Named projects follow their total directly; figures after its 比上年 change explain the change.
    this.closeProjectItems();
    return true;
  }

  /** After a project total, unnamed figures are its named projects until they reach it. */
  private readProjectItem(s: AmountSpan, named: LabelFact | undefined, label: string): boolean {
    const project = this.project;
    if (!project || (named && named.key !== "expenditure.project") || isPartLabel(label)) return false;
    const name = normalizeLabel(label);
    if (!name || compare(sum(project.items.map((m) => m.yuan)), project.total) >= 0) return false;
    project.items.push(spanMention(this.p, s, "expenditure.project.item", s.yuan!, name));
    return true;
  }

  /**
   * "…一般公共预算财政拨款支出324970.32万元，比2017年减少145261.52万元。其中：基本支出61042.17万元" (重庆 2018): a
   * sentence that opens with 其中 lists the parts of the last figure named in the sentence before it.
   */
  private continueList(start: number, at: number): void {
    const last = this.lastNamed;
    if (this.parent || !last || !opensWithQizhong(this.p.text, start, at)) return;
    const between = this.p.text.slice(last.end, start);
    if ((between.match(/[。；;]/g) ?? []).length !== 1) return;
    this.parent = last.mention;
    this.parentSentence = start;
  }

  private addNamed(s: AmountSpan, named: LabelFact, opensList: boolean): void {
    this.lastSubject = named;
    const m = spanMention(this.p, s, named.key);
    this.lastNamed = { mention: m, end: s.end };
    // The label's own fund, else the fund of the figure it is listed under ("财政拨款收入X，其中：上年结转…"), else
    // the section's.
    const fund = named.fund ?? (keyTakesFund(named.key) ? this.parent?.fund ?? this.ctx.sectionFund : undefined);
    if (fund) m.fund = fund;
    if (this.parent) m.parent = this.parent;
    this.out.push(m);
    if (opensList) this.openList(m, s);
    this.closeProjectItems();
    if (named.key === "expenditure.project" && compare(s.yuan!, "0") > 0) this.project = { total: s.yuan!, items: [] };
  }

  private closeProjectItems(): void {
    if (this.project) this.out.push(...this.project.items);
    this.project = null;
  }

  private openList(parent: FactMention, s: AmountSpan): void {
    this.parent = parent;
    this.parentSentence = sentenceStart(this.p.text, s.start);
  }
}

/** The part of the clause before `at` that follows the previous figure and the list mark after it (、，和). */
function sinceFigure(clause: string, at: number, prev: AmountSpan | undefined): string {
  const after = prev ? at - prev.end : clause.length;
  return after >= clause.length ? clause : clause.slice(clause.length - after).replace(/^[、，,和及与]/, "");
}

/** "（一）因公出国（境）费用。2026年预算数…": a numbered lead-in sentence before `at`, without its label. */
function leadHeading(text: string, at: number): string | undefined {
  const end = text.search(/[。：:]/);
  if (end < 0 || end >= at || end > 40) return undefined;
  const label = parseLabel(text.slice(0, end));
  return label && !/\d/.test(label.rest) ? label.rest : undefined;
}

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
