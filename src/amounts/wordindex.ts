/**
 * Word lists looked up by their first (or last) character, so matching a list at a position costs one map
 * probe plus the few words sharing that character — not a startsWith over the whole list. Within a bucket
 * the list's own order is kept, so "first match in list order" semantics are unchanged.
 */
export class WordIndex<T> {
  private readonly byFirst = new Map<number, Array<readonly [string, T]>>();
  private readonly byLast = new Map<number, Array<readonly [string, T]>>();
  /** Flags by code unit (1 first, 2 last character of some word): most probes miss, and miss with one array read. */
  private readonly ends = new Uint8Array(65536);

  constructor(entries: ReadonlyArray<readonly [string, T]>) {
    for (const entry of entries) {
      const w = entry[0];
      if (w.length === 0) continue;
      push(this.byFirst, w.charCodeAt(0), entry);
      push(this.byLast, w.charCodeAt(w.length - 1), entry);
      this.ends[w.charCodeAt(0)]! |= 1;
      this.ends[w.charCodeAt(w.length - 1)]! |= 2;
    }
  }

  /** The first listed word that starts at `i`, with its tag. */
  at(v: string, i: number): readonly [string, T] | undefined {
    const c = v.charCodeAt(i);
    if (c !== c || (this.ends[c]! & 1) === 0) return undefined;
    const bucket = this.byFirst.get(c);
    if (!bucket) return undefined;
    for (const entry of bucket) if (v.startsWith(entry[0], i)) return entry;
    return undefined;
  }

  /** The first listed word that ends right before `end` and starts at or after `min`. */
  endingAt(v: string, end: number, min: number): readonly [string, T] | undefined {
    if (end <= min) return undefined;
    const c = v.charCodeAt(end - 1);
    if (c !== c || (this.ends[c]! & 2) === 0) return undefined;
    const bucket = this.byLast.get(c);
    if (!bucket) return undefined;
    for (const entry of bucket) {
      const w = entry[0];
      if (end - w.length >= min && v.startsWith(w, end - w.length)) return entry;
    }
    return undefined;
  }
}

/** An index over plain words (no tag). */
export function wordIndex(words: readonly string[]): WordIndex<true> {
  return new WordIndex(words.map((w) => [w, true] as const));
}

function push<T>(m: Map<number, T[]>, k: number, x: T): void {
  const list = m.get(k);
  if (list) list.push(x);
  else m.set(k, [x]);
}
