/**
 * The levels of a classification table that prints names only. The national classification is a tree printed in
 * order (a 类, its first 款, that 款's 项 …), and a parent's figure is the sum of its children's: so the rows below a
 * 类 split into 款 and 项 in the one way their figures add up. Names the national list knows fix their level (a 类
 * name is always 类; 行政运行 is always a 项); the others take the level the sums give. Each 类 starts a block; a
 * block is read to the deepest level at which all its rows fit, else the longest run of its rows that fits, and
 * rows left over (a unit's name between blocks) are no classification rows.
 */
import { abs, add, compare, sub } from "../../util/decimal.js";
import { LINE_ITEM_SETTINGS } from "./settings.js";

export interface LevelRow {
  /** 1 = 类, 2 = 款, 3 = 项 when the name alone fixes it; null when the sums decide. */
  fixed: 1 | 2 | 3 | null;
  /** The row's figure in 元 (the table's first money column; a blank cell is 0) and its rounding, half an ulp. */
  yuan: string;
  halfUlp: string;
}

export interface Levels {
  /** Level (1-based) of each row, null for rows outside every block. */
  levels: (number | null)[];
  /** Whether the row's level came from names alone (its block's sums were not used to place it). */
  byName: boolean[];
}

/** rows[i].fixed === 1 starts a block. */
export function solveLevels(rows: readonly LevelRow[], maxDepth: number): Levels {
  const levels: (number | null)[] = rows.map(() => null);
  const byName = rows.map(() => false);
  const starts = rows.flatMap((r, i) => (r.fixed === 1 ? [i] : []));
  starts.forEach((s, n) => {
    const end = starts[n + 1] ?? rows.length;
    const block = rows.slice(s, end);
    const named = block.every((r) => r.fixed !== null && r.fixed <= maxDepth);
    const got = named ? block.map((r) => r.fixed!) : solveBlock(rows, s, end, maxDepth) ?? [1];
    got.forEach((level, i) => {
      levels[s + i] = level;
      byName[s + i] = named;
    });
  });
  return { levels, byName };
}

/** The block's levels: the whole block at the deepest depth that fits, else its longest fitting head. */
function solveBlock(rows: readonly LevelRow[], start: number, end: number, maxDepth: number): number[] | null {
  const budget = { steps: LINE_ITEM_SETTINGS.levelSearchSteps };
  for (let stop = end; stop > start; stop--) {
    for (let depth = maxDepth; depth >= 1; depth--) {
      const got = new BlockSolver(rows, depth, budget).solve(start, stop);
      if (got) return got;
    }
  }
  return null;
}

class BlockSolver {
  private readonly levels: number[] = [];
  constructor(private readonly rows: readonly LevelRow[], private readonly depth: number, private readonly budget: { steps: number }) {}

  solve(start: number, stop: number): number[] | null {
    const ok = this.node(start, 1, (j) => j === stop);
    return ok ? this.levels.slice(start, stop) : null;
  }

  private allows(i: number, d: number): boolean {
    const fixed = this.rows[i]!.fixed;
    return (fixed === null || fixed === d) && (d === 1) === (fixed === 1);
  }

  /** Row i as a node of depth d, its subtree to full depth; then the continuation from the row after it. */
  private node(i: number, d: number, then: (j: number) => boolean): boolean {
    if (i >= this.rows.length || !this.allows(i, d) || --this.budget.steps < 0) return false;
    this.levels[i] = d;
    if (d === this.depth) return then(i + 1);
    const parent = this.rows[i]!;
    return this.children(i + 1, d + 1, parent.yuan, parent.halfUlp, then);
  }

  /** One or more nodes of depth d from row i whose figures add up to `remaining`, within the summed rounding. */
  private children(i: number, d: number, remaining: string, tol: string, then: (j: number) => boolean): boolean {
    if (i >= this.rows.length) return false;
    const row = this.rows[i]!;
    const left = sub(remaining, row.yuan);
    const tolNow = add(tol, row.halfUlp);
    // A child larger than what is left (beyond rounding) cannot be one.
    if (compare(sub("0", left), tolNow) > 0) return false;
    return this.node(i, d, (j) => {
      const done = compare(abs(left), tolNow) <= 0;
      if (done && then(j)) return true;
      return compare(left, sub("0", tolNow)) >= 0 && j < this.rows.length && this.children(j, d, left, tolNow, then);
    });
  }
}
