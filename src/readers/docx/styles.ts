import { child, elements, val, type XmlElement } from "../ooxml/xml.js";

/** What the body reader needs from one w:style. */
export interface StyleDef {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  /** w:pPr/w:numPr of the style itself (not inherited). */
  numId?: string;
  ilvl?: number;
  /** w:pPr/w:outlineLvl of the style itself, 0-based (9 = body text). */
  outlineLvl?: number;
}

export class Styles {
  private readonly byId = new Map<string, StyleDef>();
  private defaultParagraphStyleId: string | undefined;

  constructor(root: XmlElement | undefined) {
    if (!root) return;
    for (const s of elements(root, "w:style")) {
      const id = s.attrs["w:styleId"];
      if (id === undefined) continue;
      const pPr = child(s, "w:pPr");
      const numPr = child(pPr, "w:numPr");
      const ilvl = val(numPr, "w:ilvl");
      const outline = val(pPr, "w:outlineLvl");
      const def: StyleDef = { id, name: val(s, "w:name") ?? id, type: s.attrs["w:type"] ?? "paragraph" };
      const basedOn = val(s, "w:basedOn");
      if (basedOn !== undefined) def.basedOn = basedOn;
      const numId = val(numPr, "w:numId");
      if (numId !== undefined) def.numId = numId;
      if (ilvl !== undefined) def.ilvl = Number(ilvl);
      if (outline !== undefined) def.outlineLvl = Number(outline);
      this.byId.set(id, def);
      if (def.type === "paragraph" && (s.attrs["w:default"] === "1" || s.attrs["w:default"] === "true")) {
        this.defaultParagraphStyleId = id;
      }
    }
  }

  get(id: string | undefined): StyleDef | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The paragraph's style, or the document's default paragraph style when it names none. */
  paragraphStyle(id: string | undefined): StyleDef | undefined {
    return this.get(id ?? this.defaultParagraphStyleId);
  }

  /** The style and its w:basedOn ancestors, nearest first (cycles cut). */
  chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = this.get(id);
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      out.push(cur);
      cur = this.get(cur.basedOn);
    }
    return out;
  }

  /** Numbering a paragraph inherits from its style chain: the nearest numPr with a numId. */
  inheritedNumbering(id: string | undefined): { numId: string; ilvl?: number; styleId: string } | undefined {
    for (const s of this.chain(id)) {
      if (s.numId !== undefined) {
        const out: { numId: string; ilvl?: number; styleId: string } = { numId: s.numId, styleId: s.id };
        if (s.ilvl !== undefined) out.ilvl = s.ilvl;
        return out;
      }
    }
    return undefined;
  }

  /** Outline level through the style chain, 0-based. */
  inheritedOutlineLevel(id: string | undefined): number | undefined {
    for (const s of this.chain(id)) if (s.outlineLvl !== undefined) return s.outlineLvl;
    return undefined;
  }

  /** Heading level 1–9 from a heading style's id or name (Heading 1, heading 1, 标题 1 …), else undefined. */
  headingLevelOfStyle(id: string | undefined): number | undefined {
    const s = this.get(id);
    if (!s) return undefined;
    for (const candidate of [s.name, s.id]) {
      const m = /^(?:heading|标题)\s*([1-9])$/i.exec(candidate.trim());
      if (m) return Number(m[1]);
    }
    return undefined;
  }

  /** TOC 1–9 / 目录 1–9 styles (Word's table-of-contents entry styles). */
  isTocStyle(id: string | undefined): boolean {
    const s = this.get(id);
    if (!s) return false;
    return [s.name, s.id].some((c) => /^(?:toc|目录)\s*[1-9]$/i.test(c.trim()));
  }
}
