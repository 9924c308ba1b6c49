/** Facts stated in the narrative: each paragraph read with its sections' context. */
import type { AmountSpan, Fact, Fund, ParagraphBlock } from "../../model/index.js";
import type { FactMention } from "../facts.js";
import { countFacts } from "./counts.js";
import { ParagraphList } from "./list.js";
import { ParagraphReader } from "./paragraph.js";
import { zeroStatements } from "./zero.js";
import { fundNamedIn } from "../vocabulary.js";

export interface NarrativeInput {
  paragraphs: ParagraphBlock[];
  spansByBlock: ReadonlyMap<string, AmountSpan[]>;
  /** Titles of the sections enclosing each block, outermost first. */
  sectionTitles: ReadonlyMap<string, string[]>;
  basis?: Fact["basis"];
  /** The publishing body: "上海市普陀区社会福利院收入预算…" names the entity before the label. */
  entity?: string;
  /** The document's year: a figure its own phrase dates to another year is that year's, not a fact. */
  fiscalYear?: number;
}

export function narrativeFacts(input: NarrativeInput): FactMention[] {
  const out: FactMention[] = [];
  const list = new ParagraphList();
  for (const p of input.paragraphs) {
    const all = input.spansByBlock.get(p.id) ?? [];
    const titles = input.sectionTitles.get(p.id) ?? [];
    const context = [...titles, p.text].join("\n");
    const sectionFund = fundOfSections(titles);
    const heading = titles.at(-1);
    // A project's own sections and performance review ("项目资金投入: 批复的年初预算数为1018.00万元，其中…上年结转
    // 120.00万元") state the project's money, not the department's.
    if (projectScoped(titles)) continue;
    out.push(...countFacts(p, all));
    out.push(...zeroStatements(p, context));
    const money = all.filter((s) => s.kind === "money" && s.yuan !== undefined && !s.range);
    const reader = new ParagraphReader(p, money, {
      context,
      ...(heading ? { heading } : {}),
      ...(sectionFund ? { sectionFund } : {}),
      ...(input.basis ? { basis: input.basis } : {}),
      ...(input.entity ? { entity: input.entity } : {}),
      ...(input.fiscalYear !== undefined ? { fiscalYear: input.fiscalYear } : {}),
    });
    const read = reader.read();
    list.take(p, money, read);
    out.push(...read);
  }
  return out;
}

/** Sections about one project or its performance review ("项目概况 > 项目资金投入", "项目绩效自评"). */
const PROJECT_SCOPED = /绩效|^项目(?:概况|资金|基本情况|实施|支出情况)/;
const DOCUMENT_TITLE = /部门(?:预算|决算)|单位(?:预算|决算)|预算公开|决算公开|表$/;

/** The innermost two sections decide: a table of contents read as headings can put anything far above a paragraph. */
function projectScoped(titles: readonly string[]): boolean {
  return titles.slice(-2).some((t) => PROJECT_SCOPED.test(t) && !DOCUMENT_TITLE.test(t));
}

// A section about the 政府性基金/国有资本经营 budget or the 一般公共预算/财政拨款 part states that part's own totals and
// basic/project split: they are facts of that fund, not the department's.
// A "财政拨款“三公”经费" section is about the 三公, not about the fiscal fund.
const FISCAL_THREE_PUBLIC = /财政拨款(?=.{0,4}三公)/g;

/** The fund the innermost section about one names (titles outermost first). */
function fundOfSections(titles: readonly string[]): Fund | undefined {
  for (let i = titles.length - 1; i >= 0; i--) {
    const fund = fundNamedIn(titles[i]!.replace(FISCAL_THREE_PUBLIC, ""));
    if (fund) return fund;
  }
  return undefined;
}
