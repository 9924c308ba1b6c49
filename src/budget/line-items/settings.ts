/** Limits of the line-item stage, in one place. */
export const LINE_ITEM_SETTINGS = {
  /** Search steps per block of a names-only table, over all its attempts, before giving up on it: the sums prune
   * hard, so a real block needs a few hundred. */
  levelSearchSteps: 50000,
} as const;
