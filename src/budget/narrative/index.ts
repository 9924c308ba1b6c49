/** Facts stated in the narrative: each paragraph read with its sections' context. */
import type { AmountSpan, Fact, Fund, ParagraphBlock } from "../../model/index.js";
import type { FactMention } from "../facts.js";
import { countFacts } from "./counts.js";
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
}

export function narrativeFacts(input: NarrativeInput): FactMention[] {
  const out: FactMention[] = [];
  for (const p of input.paragraphs) {
    const all = input.spansByBlock.get(p.id) ?? [];
    const titles = input.sectionTitles.get(p.id) ?? [];
    const context = [...titles, p.text].join("\n");
    const sectionFund = fundOfSections(titles);
    const heading = titles.at(-1);
    out.push(...countFacts(p, all));
    out.push(...zeroStatements(p, context));
    const money = all.filter((s) => s.kind === "money" && s.yuan !== undefined && !s.range);
    const reader = new ParagraphReader(p, money, {
      context,
      ...(heading ? { heading } : {}),
      ...(sectionFund ? { sectionFund } : {}),
      ...(input.basis ? { basis: input.basis } : {}),
      ...(input.entity ? { entity: input.entity } : {}),
    });
    out.push(...reader.read());
  }
  return out;
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
