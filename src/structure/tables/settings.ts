/** Tolerances of the table layer, in one place. */
export const TABLE_SETTINGS = {
  /** PDF points two cell edges may differ by and still be one column boundary (rulings drawn a point apart). */
  columnEdgeSlack: 3,
  /** Longest text (characters) of a cell's tail that a page break carried alone to the top of the next page. */
  maxWrappedTail: 3,
} as const;
