import { z } from "zod";
import { Evidence } from "./provenance.js";
import { DecimalString } from "./amount.js";

export const Meta = z
  .object({
    title: z.string().optional(),
    fiscalYear: z.number().int().optional(),
    docKind: z.enum(["budget", "final_account"]).optional(),
    scope: z.enum(["department", "unit"]).optional(),
    entity: z.string().optional(),
    region: z.string().optional(),
    /** Evidence for each field above, by field name. */
    evidence: z.record(z.string(), Evidence).default({}),
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
    basis: z.enum(["budget", "final", "prior_budget", "prior_final"]).optional(),
    /** For keyed lists such as expenditure.project.item. */
    name: z.string().optional(),
    evidence: z.array(Evidence).min(1),
  })
  .strict();
export type Fact = z.infer<typeof Fact>;

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
