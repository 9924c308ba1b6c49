import { z } from "zod";
import { Box } from "./provenance.js";

/** A decimal written exactly, e.g. "-1914923.1"; never a binary float. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "exact decimal string");

export const AmountKind = z.enum(["money", "number", "percent"]);

/** One amount, number or percentage recognized in a text. */
export const AmountSpan = z
  .object({
    /** UTF-16 offsets into the text, end exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    text: z.string(),
    kind: AmountKind,
    /** The figure as printed, in its own unit, exact and signed ("340.77" for 340.77万元). */
    value: DecimalString,
    /** The unit as printed (元, 万元, 亿元, %, 个百分点 …) or null. */
    unit: z.string().nullable(),
    /** For money: the value in 元, exact. */
    yuan: DecimalString.optional(),
    approx: z.enum(["about", "more_than", "less_than", "at_least", "at_most"]).optional(),
    /**
     * A range (500—1000元, 三五百块) or a bound (大于20: min only). min/max as printed in the span's unit,
     * minYuan/maxYuan for money. An absent end is open; inclusivity is stated only when the text says it.
     */
    range: z
      .object({
        min: DecimalString.optional(),
        max: DecimalString.optional(),
        minYuan: DecimalString.optional(),
        maxYuan: DecimalString.optional(),
        minInclusive: z.boolean().optional(),
        maxInclusive: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /**
     * A figure written as a fraction (三分之一, 十一又十四分之一): numerator (signed) over denominator, reduced. When
     * the quotient does not terminate, `value` is it rounded to 12 decimals and `approx` is "about".
     */
    fraction: z
      .object({ numerator: z.string().regex(/^-?\d+$/), denominator: z.string().regex(/^[1-9]\d*$/) })
      .strict()
      .optional(),
    /** A change word next to an unsigned figure: 增加/增长/上升 → increase, 减少/下降/降低 → decrease. */
    change: z.enum(["increase", "decrease"]).optional(),
    /** The narrative label the figure belongs to ("一般公共预算收入"). */
    label: z
      .object({ text: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
      .strict()
      .optional(),
  })
  .strict();
export type AmountSpan = z.infer<typeof AmountSpan>;

/** An amount found in the document, located in a paragraph or a table cell. */
export const DocumentAmount = AmountSpan.extend({
  id: z.string(),
  blockId: z.string(),
  /** When found in a table cell: which one (grid coordinates). */
  cell: z.object({ tableId: z.string(), row: z.number().int(), col: z.number().int() }).strict().optional(),
  /** PDF: the page and box of the span's characters (of the cell, for an amount in a cell). */
  page: z.number().int().positive().optional(),
  bbox: Box.optional(),
}).strict();
export type DocumentAmount = z.infer<typeof DocumentAmount>;
