import { z } from "zod";

/** The numbering families that disclosures use for headings. */
export const NumberingStyle = z.enum([
  "part", // 第一部分 / 第一章 / 第一节
  "cn_dun", // 一、
  "cn_paren", // （一） (一)
  "arabic_dun", // 1、 1. 1．
  "arabic_paren", // （1） (1) 1）
  "circled", // ① ②
  "none", // an unnumbered heading (style, outline level or a known title)
]);
export type NumberingStyle = z.infer<typeof NumberingStyle>;

export const RecognizedBy = z.enum(["style", "outline", "numbering", "pattern"]);

export const Section = z
  .object({
    id: z.string(),
    /** 1-based depth in the tree. */
    level: z.number().int().min(1),
    /** The numbering exactly as printed or rendered: "一、", "（一）", "第一部分", "" when unnumbered. */
    label: z.string(),
    /** Heading text without its label. */
    title: z.string(),
    numberingStyle: NumberingStyle,
    /** The number the label stands for (3 for "三、", "（三）", "③"); absent when unnumbered. */
    ordinal: z.number().int().optional(),
    /** How the heading was recognized: heading style, outline level, Word numbering, or a text pattern. */
    recognizedBy: z.array(RecognizedBy),
    /** The block that is the heading. */
    blockId: z.string(),
    /** Blocks between this heading and the next heading (this section's own content, not its children's). */
    blockIds: z.array(z.string()),
    get children(): z.ZodArray<typeof Section> {
      return z.array(Section);
    },
  })
  .strict();
export type Section = z.infer<typeof Section>;
