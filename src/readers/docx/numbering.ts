import { child, elements, isOn, val, type XmlElement } from "../ooxml/xml.js";
import { formatCounter } from "./numfmt.js";
import type { Styles } from "./styles.js";

/** One w:lvl of numbering.xml. */
interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** 1-based level after which this level restarts; 0 = never; undefined = after any higher level. */
  lvlRestart?: number;
  isLgl: boolean;
  /** What follows the label: Word's default is a tab. */
  suff: "tab" | "space" | "nothing";
  pStyle?: string;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  numStyleLink?: string;
}

interface NumDef {
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

/** A materialized label for one paragraph. */
export interface RenderedNumber {
  label: string;
  numId: string;
  level: number;
  format: string;
  /** The separator Word draws between label and text ("\t", " " or ""). */
  suffix: string;
}

function readLevel(lvl: XmlElement): LevelDef {
  const start = val(lvl, "w:start");
  const restart = val(lvl, "w:lvlRestart");
  const suff = val(lvl, "w:suff");
  const def: LevelDef = {
    start: start !== undefined && /^-?\d+$/.test(start) ? Number(start) : 0,
    numFmt: val(lvl, "w:numFmt") ?? "decimal",
    lvlText: val(lvl, "w:lvlText") ?? "",
    isLgl: isOn(child(lvl, "w:isLgl")),
    suff: suff === "space" || suff === "nothing" ? suff : "tab",
  };
  if (restart !== undefined && /^\d+$/.test(restart)) def.lvlRestart = Number(restart);
  const pStyle = val(lvl, "w:pStyle");
  if (pStyle !== undefined) def.pStyle = pStyle;
  return def;
}

function levelIndex(lvl: XmlElement): number {
  const n = Number(lvl.attrs["w:ilvl"] ?? "0");
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n : 0;
}

/** Private-use bullet glyphs (Symbol/Wingdings) mean nothing outside their font: show a plain bullet. */
function bulletText(text: string): string {
  return text.replace(/[\uF000-\uF0FF]/g, "•");
}

/**
 * numbering.xml plus the running counters of every list, so labels come out as Word draws them.
 * w:num instances that share an abstractNum continue one count (Word and LibreOffice agree);
 * a w:startOverride restarts it at that num's first paragraph; a w:lvlOverride/w:lvl redraws the level.
 */
export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumDef>();
  /** Running counters per abstractNum: w:num instances of one abstractNum continue one list, as in Word. */
  private readonly counters = new Map<AbstractNum, Array<number | undefined>>();
  /** Levels whose w:startOverride has taken effect, per w:num. */
  private readonly startApplied = new Map<string, Set<number>>();

  constructor(
    root: XmlElement | undefined,
    private readonly styles: Styles,
  ) {
    if (!root) return;
    for (const a of elements(root, "w:abstractNum")) {
      const id = a.attrs["w:abstractNumId"];
      if (id === undefined) continue;
      const levels = new Map<number, LevelDef>();
      for (const lvl of elements(a, "w:lvl")) levels.set(levelIndex(lvl), readLevel(lvl));
      const def: AbstractNum = { levels };
      const link = val(a, "w:numStyleLink");
      if (link !== undefined) def.numStyleLink = link;
      this.abstracts.set(id, def);
    }
    for (const n of elements(root, "w:num")) {
      const id = n.attrs["w:numId"];
      const abstractNumId = val(n, "w:abstractNumId");
      if (id === undefined || abstractNumId === undefined) continue;
      const def: NumDef = { abstractNumId, startOverrides: new Map(), levelOverrides: new Map() };
      for (const o of elements(n, "w:lvlOverride")) {
        const ilvl = levelIndex(o);
        const so = val(o, "w:startOverride");
        if (so !== undefined && /^-?\d+$/.test(so)) def.startOverrides.set(ilvl, Number(so));
        const lvl = child(o, "w:lvl");
        if (lvl) def.levelOverrides.set(ilvl, readLevel(lvl));
      }
      this.nums.set(id, def);
    }
  }

  /** The abstractNum behind a num, following w:numStyleLink → numbering style → its num (cycles cut). */
  private abstractOf(numId: string): AbstractNum | undefined {
    let current = this.nums.get(numId);
    for (let hops = 0; current && hops < 8; hops++) {
      const abs = this.abstracts.get(current.abstractNumId);
      if (!abs) return undefined;
      if (abs.numStyleLink === undefined) return abs;
      const linkedNumId = this.styles.get(abs.numStyleLink)?.numId;
      if (linkedNumId === undefined) return abs;
      current = this.nums.get(linkedNumId);
    }
    return undefined;
  }

  private level(numId: string, ilvl: number): LevelDef | undefined {
    return this.nums.get(numId)?.levelOverrides.get(ilvl) ?? this.abstractOf(numId)?.levels.get(ilvl);
  }

  private startOf(numId: string, ilvl: number): number {
    return this.nums.get(numId)?.startOverrides.get(ilvl) ?? this.level(numId, ilvl)?.start ?? 0;
  }

  /** The level a numbering style's paragraphs use when the style names none: the w:lvl whose w:pStyle is that style. */
  levelForStyle(numId: string, styleId: string): number | undefined {
    const abs = this.abstractOf(numId);
    if (!abs) return undefined;
    for (const [ilvl, def] of abs.levels) if (def.pStyle === styleId) return ilvl;
    return undefined;
  }

  /** Advance list `numId` at level `ilvl` and return the label Word draws; undefined when numbering is off. */
  next(numId: string, ilvl: number): RenderedNumber | undefined {
    if (numId === "0") return undefined;
    const num = this.nums.get(numId);
    const abs = this.abstractOf(numId);
    const lvl = this.level(numId, ilvl);
    if (!num || !abs || !lvl) return undefined;
    let counters = this.counters.get(abs);
    if (!counters) {
      counters = [];
      this.counters.set(abs, counters);
    }
    let applied = this.startApplied.get(numId);
    if (!applied) {
      applied = new Set();
      this.startApplied.set(numId, applied);
    }
    const override = num.startOverrides.get(ilvl);
    const current = counters[ilvl];
    if (override !== undefined && !applied.has(ilvl)) {
      // A w:startOverride restarts the shared list once, at the first paragraph of this w:num.
      counters[ilvl] = override;
      applied.add(ilvl);
    } else {
      counters[ilvl] = current === undefined ? this.startOf(numId, ilvl) : current + 1;
    }
    for (let k = ilvl + 1; k < 9; k++) {
      const restartAfter = this.level(numId, k)?.lvlRestart;
      // w:lvlRestart N: restart only when a level 1..N (1-based) advances; 0: never restart.
      if (restartAfter === undefined || ilvl < restartAfter) counters[k] = undefined;
    }
    const label =
      lvl.numFmt === "bullet"
        ? bulletText(lvl.lvlText)
        : lvl.lvlText.replace(/%([1-9])/g, (_m, d: string) => {
            const k = Number(d) - 1;
            const levelDef = this.level(numId, k);
            const value = counters[k] ?? this.startOf(numId, k);
            const fmt = lvl.isLgl ? "decimal" : (levelDef?.numFmt ?? "decimal");
            return formatCounter(value, fmt === "bullet" ? "decimal" : fmt);
          });
    return {
      label,
      numId,
      level: ilvl,
      format: lvl.numFmt,
      suffix: lvl.suff === "tab" ? "\t" : lvl.suff === "space" ? " " : "",
    };
  }
}
