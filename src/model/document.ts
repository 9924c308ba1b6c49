import { z } from "zod";
import { Block } from "./blocks.js";
import { Section } from "./section.js";
import { Table } from "./table.js";
import { DocumentAmount } from "./amount.js";
import { Fact, LineItem, Meta, Validation, Warning } from "./budget.js";

import { SCHEMA_VERSION } from "./constants.js";

export { SCHEMA_VERSION };

export const SourceFormat = z.enum(["docx", "doc", "html", "pdf", "text", "xlsx", "xls", "rtf", "zip", "ole", "unknown"]);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const Source = z
  .object({
    path: z.string(),
    /** Detected from the bytes, not the file name. */
    format: SourceFormat,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    /** Text encoding where the format has one (HTML, text): "utf-8", "gb18030" … */
    encoding: z.string().optional(),
  })
  .strict();

/** A page of a paged source (PDF): its size in points, the coordinates of every `bbox`. */
export const Page = z
  .object({ number: z.number().int().positive(), width: z.number().positive(), height: z.number().positive() })
  .strict();
export type Page = z.infer<typeof Page>;

export const ExtractedDocument = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    parserVersion: z.string(),
    source: Source,
    /** PDF: each page's size, once (README "Evidence boxes"). */
    pages: z.array(Page).optional(),
    meta: Meta,
    blocks: z.array(Block),
    sections: z.array(Section),
    tables: z.array(Table),
    amounts: z.array(DocumentAmount),
    facts: z.array(Fact),
    /** Every data row of a classification table, per money column (README, "Line items"). */
    lineItems: z.array(LineItem),
    validations: z.array(Validation),
    warnings: z.array(Warning),
  })
  .strict();
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;

/** The JSON Schema of the output, generated from the zod schema (the single source of truth). */
export function outputJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ExtractedDocument, { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
  return {
    $id: `https://disclosure-extract.invalid/schema/${SCHEMA_VERSION}.json`,
    title: "disclosure-extract document",
    ...schema,
  };
}
