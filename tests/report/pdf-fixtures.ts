/**
 * PDF inputs of the page-image tests: samples/putuo-fuliyuan-2024-unit-budget.pdf as extracted (16 landscape A4
 * pages, tables in 元 and a narrative), and variants generated for one feature each (a check made to fail, document
 * text made hostile).
 */
import { readFileSync } from "node:fs";
import { extractFile } from "../../src/extract.js";
import { ExtractedDocument, type Evidence } from "../../src/model/index.js";
import { citations } from "../../src/writers/report/index.js";
import { samples } from "../helpers.js";

export const PUTUO = samples("putuo-fuliyuan-2024-unit-budget.pdf");
export const putuoBytes = (): Uint8Array => new Uint8Array(readFileSync(PUTUO));

let putuo: Promise<ExtractedDocument> | undefined;
/** The sample as extracted; fails loudly when the extractor gives its evidence no boxes (README "Evidence boxes"). */
export function extractPutuo(): Promise<ExtractedDocument> {
  putuo ??= extractFile(PUTUO, { path: "samples/putuo-fuliyuan-2024-unit-budget.pdf" }).then((doc) => {
    const boxed = citations(doc).filter((c) => c.ev.bbox && c.ev.page).length;
    if (boxed === 0) throw new Error("the extractor filled no evidence boxes (page/bbox): the page view has nothing to draw");
    return doc;
  });
  return putuo;
}

/** A copy (the cached document stays as extracted). */
export const clone = (doc: ExtractedDocument): ExtractedDocument => ExtractedDocument.parse(structuredClone(doc));

/** The evidence items of every fact, line item, check and meta field, with their boxes (for expectations). */
export function boxedEvidence(doc: ExtractedDocument): (Evidence & { page: number; bbox: [number, number, number, number] })[] {
  return citations(doc)
    .map((c) => c.ev)
    .filter((e): e is Evidence & { page: number; bbox: [number, number, number, number] } => e.page !== undefined && e.bbox !== undefined);
}

/** The sample with its first check whose terms all have boxes marked failed (its terms must be drawn red). */
export function withFailedCheck(doc: ExtractedDocument): { doc: ExtractedDocument; rule: string } {
  const copy = clone(doc);
  const check = copy.validations.find((v) => v.evidence.length > 1 && v.evidence.every((e) => e.bbox && e.page));
  if (!check) throw new Error("no check with boxed terms in the sample");
  check.status = "fail";
  return { doc: copy, rule: check.rule };
}

export const HOSTILE_NAME = `<img src=x onerror="window.__pwned=1">"名称" & 'x'`;
/** The sample with document text that is markup: a line item's name and a fact's printed text (both reach box tooltips). */
export function withHostileText(doc: ExtractedDocument): ExtractedDocument {
  const copy = clone(doc);
  copy.lineItems[0]!.name = HOSTILE_NAME;
  copy.facts[0]!.raw = `</a></div><script>window.__pwned=2</script>`;
  return copy;
}
