import type { AmountSpan, Fact, Meta, ParagraphBlock, Section, Table, Validation } from "../model/index.js";
import { tableFacts } from "./table-facts.js";
import { mergeMentions, narrativeFacts } from "./facts.js";
import { readMeta } from "./meta.js";
import { validateFacts } from "./validations.js";

export { checkDisclosureContent } from "./disclosure-content.js";

export interface BudgetInput {
  paragraphs: ParagraphBlock[];
  sections: Section[];
  spansByBlock: ReadonlyMap<string, AmountSpan[]>;
  containerTitle?: string;
  /** Caption paragraphs of tables: a table-only edition's year and publisher are printed there. */
  captions?: ParagraphBlock[];
  /** Tables whose standard rows and columns state facts (cell evidence), merged with the narrative's. */
  tables?: Table[];
}

/** The budget layer: meta, facts with evidence, and the document's arithmetic checked. */
export function analyzeBudget(input: BudgetInput): { meta: Meta; facts: Fact[]; validations: Validation[] } {
  const meta = readMeta(input.paragraphs, input.containerTitle, input.captions);
  const basis: Fact["basis"] | undefined = meta.docKind === "final_account" ? "final" : meta.docKind === "budget" ? "budget" : undefined;
  const sectionTitles = titlesByBlock(input.sections);
  const mentions = [...narrativeFacts({ paragraphs: input.paragraphs, spansByBlock: input.spansByBlock, sectionTitles, ...(meta.entity ? { entity: meta.entity } : {}) }), ...tableFacts(input.tables ?? [], meta.fiscalYear)];
  const { facts, groups } = mergeMentions(mentions, basis);
  return { meta, facts, validations: validateFacts(groups) };
}

/** blockId → titles of the sections that enclose it, outermost first (the context that disambiguates labels). */
function titlesByBlock(sections: Section[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (ss: Section[], path: string[]) => {
    for (const s of ss) {
      const p = [...path, s.title];
      for (const id of [s.blockId, ...s.blockIds]) out.set(id, p);
      walk(s.children, p);
    }
  };
  walk(sections, []);
  return out;
}
