import { z } from "zod";
import { CellEvidence, Evidence, TextEvidence } from "./provenance.js";
import { DecimalString } from "./amount.js";

/**
 * Where a meta field was read: the printed place that decided it. `file_name` is the last resort, used only when the
 * document prints nothing for the field.
 */
export const MetaSource = z.enum(["title", "cover", "caption", "publisher_line", "running_header", "heading", "toc", "container_title", "body", "file_name"]);
export type MetaSource = z.infer<typeof MetaSource>;

export const MetaEvidence = z.discriminatedUnion("kind", [
  TextEvidence.extend({ source: MetaSource.optional() }).strict(),
  CellEvidence.extend({ source: MetaSource.optional() }).strict(),
  z.object({ kind: z.literal("file_name"), source: z.literal("file_name"), quote: z.string() }).strict(),
]);
export type MetaEvidence = z.infer<typeof MetaEvidence>;

/**
 * The funds a figure covers, where its key does not fix them: `all` (the whole department), `fiscal` (财政拨款),
 * `general_budget` (一般公共预算), `government_fund` (政府性基金), `state_capital` (国有资本经营).
 */
export const Fund = z.enum(["all", "fiscal", "general_budget", "government_fund", "state_capital"]);
export type Fund = z.infer<typeof Fund>;

export const Meta = z
  .object({
    title: z.string().optional(),
    fiscalYear: z.number().int().optional(),
    docKind: z.enum(["budget", "final_account"]).optional(),
    scope: z.enum(["department", "unit"]).optional(),
    entity: z.string().optional(),
    region: z.string().optional(),
    /** 本级 (the department's own unit) or 汇总 (the department with its units), when printed. */
    consolidation: z.enum(["本级", "汇总"]).optional(),
    /** The units whose own tables a department's bundle prints after the department's (their facts are not the department's). */
    units: z.array(z.string()).optional(),
    /** Evidence for each field above, by field name, with the place it was read (`source`). */
    evidence: z.record(z.string(), MetaEvidence).default({}),
  })
  .strict();
export type Meta = z.infer<typeof Meta>;

export const Fact = z
  .object({
    /** Key from the fact vocabulary (README), e.g. "income.total", "three_public.vehicle.purchase". */
    key: z.string(),
    /** Exact signed value in 元 (or the count/area for non-money keys). */
    yuan: DecimalString,
    /** The figure as printed, e.g. "340.77万元". */
    raw: z.string(),
    unit: z.string().nullable(),
    /** The funds the figure covers (see Fund); `all` for keys whose meaning fixes them (income.general_budget, three_public.*). */
    fund: Fund,
    basis: z.enum(["budget", "final", "prior_budget", "prior_final"]).optional(),
    /** For keyed lists such as expenditure.project.item. */
    name: z.string().optional(),
    /** A unit of a department's bundle whose own tables state this figure (listed in meta.units); absent: the document's entity. */
    entity: z.string().optional(),
    evidence: z.array(Evidence).min(1),
  })
  .strict();
export type Fact = z.infer<typeof Fact>;

export const Classification = z.enum(["function", "economic_gov", "economic_dept"]);
export type Classification = z.infer<typeof Classification>;

/** One data row × money column of a classification table (功能分类 / 经济分类): what an analyst aggregates. */
export const LineItem = z
  .object({
    tableId: z.string(),
    /** The table's catalog kind (README, "Standard tables"). */
    tableKind: z.string(),
    classification: Classification,
    /**
     * Normalized code: "2110108" from split 类/款/项 columns, "30101" from "30101-基本工资". For a table that prints
     * names only: the national list's code where the name maps to exactly one under its parent, else null.
     */
    code: z.string().nullable(),
    name: z.string(),
    level: z.enum(["类", "款", "项"]),
    /** The column's header as printed (合计, 基本支出, 人员经费 …, 决算数), path joined with " / ". */
    measure: z.string(),
    fund: Fund,
    yuan: DecimalString,
    unit: z.string().nullable(),
    evidence: CellEvidence,
  })
  .strict();
export type LineItem = z.infer<typeof LineItem>;

export const Validation = z
  .object({
    rule: z.string(),
    status: z.enum(["pass", "fail", "skipped"]),
    expected: DecimalString.optional(),
    actual: DecimalString.optional(),
    difference: DecimalString.optional(),
    tolerance: DecimalString.optional(),
    message: z.string().optional(),
    evidence: z.array(Evidence),
  })
  .strict();
export type Validation = z.infer<typeof Validation>;

export const Warning = z
  .object({
    code: z.string(),
    message: z.string(),
    blockId: z.string().optional(),
  })
  .strict();
export type Warning = z.infer<typeof Warning>;
