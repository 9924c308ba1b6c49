/**
 * Work counted, not timed: every regular-expression match the process runs (test, exec, match, replace, split,
 * search all go through RegExp.prototype.exec once it is replaced) adds the characters it scanned. Text processing
 * here is regexes over strings, so a stage that rescans a paragraph per figure shows up as scanned characters that
 * grow with the square of the input, whatever the machine's speed.
 */
const originalExec = RegExp.prototype.exec;

/** Characters one exec looked at: up to the end of its match, or (a failed search) to the end of the string. */
function scanned(re: RegExp, input: string, from: number, match: RegExpExecArray | null): number {
  if (match) return Math.max(1, match.index + match[0].length - from);
  return re.sticky ? 1 : Math.max(1, input.length - from);
}

/** Runs `body` with regex work counted; returns the count (characters scanned) and what `body` returned. */
export async function countRegexWork<T>(body: () => Promise<T>): Promise<{ work: number; result: T }> {
  let work = 0;
  RegExp.prototype.exec = function counted(this: RegExp, input: string): RegExpExecArray | null {
    const s = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = originalExec.call(this, s);
    work += scanned(this, s, from, match);
    return match;
  };
  try {
    const result = await body();
    return { work, result };
  } finally {
    RegExp.prototype.exec = originalExec;
  }
}

/** work(2n) / work(n) for each doubling of the sizes given (ascending). Linear work gives ratios near 2, quadratic 4. */
export function doublingRatios(works: readonly number[]): number[] {
  return works.slice(1).map((w, i) => w / works[i]!);
}
