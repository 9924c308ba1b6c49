import type { AmountSpan, Fact, LineItem, Meta, ParagraphBlock, Section, Table, Validation, Warning } from "../model/index.js";
import { tableFacts } from "./table-facts.js";
import { mergeMentions, narrativeFacts } from "./facts.js";
import { readMeta } from "./meta.js";
import { validateFacts } from "./validations.js";
import { classifyTables } from "./catalog/index.js";
import { readLineItems } from "./line-items.js";
import { nameKey } from "./meta/names.js";
import { reviewChecks } from "./checks/index.js";

export { checkBudgetContent, checkDisclosureContent } from "./disclosure-content.js";

export interface BudgetInput {
  paragraphs: ParagraphBlock[];
  sections: Section[];
  spansByBlock: ReadonlyMap<string, AmountSpan[]>;
  containerTitle?: string;
  /** Caption paragraphs of tables: a table-only edition's year and publisher are printed there. */
  captions?: ParagraphBlock[];
  /** Running headers/footers, cover and TOC paragraphs: meta is printed there too. */
  furniture?: ParagraphBlock[];
  sourcePath?: string;
  /** Tables whose standard rows and columns state facts (cell evidence), merged with the narrative's. */
  tables?: Table[];
  /** The reader's image_not_read warnings: pictures in the body whose content is not read (a table printed as a GIF). */
  imagesNotRead?: Warning[];
}

/** The budget layer: meta, facts with evidence, and the document's arithmetic checked. */
export function analyzeBudget(input: BudgetInput): { meta: Meta; facts: Fact[]; lineItems: LineItem[]; validations: Validation[] } {
  // Kinds first: meta and facts both read the standard tables by what they are.
  const tables = input.tables ?? [];
  classifyTables(tables);
  const meta = readMeta({
    paragraphs: input.paragraphs,
    captions: input.captions ?? [],
    furniture: input.furniture ?? [],
    tables,
    ...(input.containerTitle ? { containerTitle: input.containerTitle } : {}),
    ...(input.sourcePath ? { sourcePath: input.sourcePath } : {}),
  });
  const basis: Fact["basis"] | undefined = meta.docKind === "final_account" ? "final" : meta.docKind === "budget" ? "budget" : undefined;
  const sectionTitles = titlesByBlock(input.sections);
  const mentions = [...narrativeFacts({ paragraphs: input.paragraphs, spansByBlock: input.spansByBlock, sectionTitles, ...(basis ? { basis } : {}), ...(meta.entity ? { entity: meta.entity } : {}), ...(meta.fiscalYear !== undefined ? { fiscalYear: meta.fiscalYear } : {}) }), ...tableFacts(tables, { ...(meta.fiscalYear !== undefined ? { fiscalYear: meta.fiscalYear } : {}), ...(basis === "final" || basis === "budget" ? { basis } : {}) }, unitOfTable(meta))];
  const { facts, groups } = mergeMentions(mentions, basis);
  // The review checks read the document's own statements: a bundle unit's tables are that unit's.
  const review = reviewChecks({
    meta,
    tables,
    paragraphs: input.paragraphs,
    captions: input.captions ?? [],
    furniture: input.furniture ?? [],
    spansByBlock: input.spansByBlock,
    mentions: mentions.filter((m) => !m.entity),
    imagesNotRead: input.imagesNotRead ?? [],
  });
  const items = readLineItems(tables);
  return { meta, facts, lineItems: items.items, validations: [...validateFacts(groups), ...review, ...items.checks] };
}

/** The bundle's unit a table is printed for (its entity is one of meta.units), if any. */
function unitOfTable(meta: Meta): (t: Table) => string | undefined {
  const units = new Map((meta.units ?? []).map((u) => [nameKey(u), u]));
  return (t) => (t.entity && units.size ? units.get(nameKey(t.entity)) : undefined);
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
