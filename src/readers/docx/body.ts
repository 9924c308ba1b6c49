import type { ParagraphBlock, RawCell, RawRow, RawTableBlock, ReaderBlock, Warning } from "../../model/index.js";
import { ExtractError } from "../../errors.js";
import type { Limits } from "../../limits.js";
import type { BlockIds } from "../types.js";
import { child, elements, isOn, val, type XmlElement } from "../ooxml/xml.js";
import type { Numbering, RenderedNumber } from "./numbering.js";
import type { Styles } from "./styles.js";
import { pictureWarning, picturesIn, type Picture } from "./pictures.js";
import { sheetObjectRelId, type EmbeddedSheet } from "./embedded.js";
import { DOCUMENT_PART } from "./parts.js";

export { DOCUMENT_PART };

/** Inline elements that hold no text of the paragraph (properties, deleted text, marks, references). */
const NOT_TEXT_INLINE = new Set([
  "w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:delText", "w:bookmarkStart", "w:bookmarkEnd", "w:proofErr",
  "w:commentRangeStart", "w:commentRangeEnd", "w:footnoteReference", "w:endnoteReference", "w:commentReference",
  "w:lastRenderedPageBreak",
]);

/** Inline elements that render characters (renderedChars). */
const TEXT_INLINE = new Set(["w:t", "m:t", "w:tab", "w:ptab", "w:br", "w:cr", "w:noBreakHyphen", "w:sym"]);

/** The characters a TEXT_INLINE element renders ("" for a page break). */
function renderedChars(c: XmlElement): string {
  switch (c.name) {
    case "w:t":
    case "m:t":
      return c.children.filter((s): s is string => typeof s === "string").join("");
    case "w:tab":
    case "w:ptab":
      return "\t";
    case "w:br": {
      const type = c.attrs["w:type"];
      return type !== "page" && type !== "column" ? "\n" : "";
    }
    case "w:cr":
      return "\n";
    case "w:noBreakHyphen":
      return "-";
    case "w:sym": {
      const code = Number.parseInt(c.attrs["w:char"] ?? "", 16);
      // Symbol-font code points (F0xx) are glyph indexes, not characters.
      return Number.isFinite(code) && !(code >= 0xf000 && code <= 0xf0ff) ? String.fromCodePoint(code) : "";
    }
    default:
      return "";
  }
}

/** An open complex field (w:fldChar begin … separate … end); fields nest and span paragraphs. */
interface OpenField {
  instr: string;
  inResult: boolean;
}

/** What one w:p yields before the caller decides where it goes (body, cell). */
interface ParagraphContent {
  index: number;
  text: string;
  numbering?: RenderedNumber;
  styleId?: string;
  headingLevel?: number;
  isToc: boolean;
  /** w:txbxContent found in the paragraph's drawings, read after it (as Word users read them). */
  textboxes: XmlElement[];
  pictures: Picture[];
  /** Excel sheets embedded in the paragraph, read (their blocks follow it). */
  sheets: EmbeddedSheet[];
}

/** Per-paragraph flags gathered while walking runs. */
interface InlineState {
  text: string;
  textboxes: XmlElement[];
  pictures: Picture[];
  sheets: EmbeddedSheet[];
  sawTocField: boolean;
  sawPageRef: boolean;
  sawTocLink: boolean;
}

const TOC_INSTR = /^\s*TOC\b/i;
const PAGEREF_INSTR = /^\s*PAGEREF\b/i;
/** A typed table-of-contents line: dot/ellipsis leader (or a tab) then a page number. */
const TOC_LEADER_LINE = /(?:[.．。·…‥_\-]{3,}|…+|\t)\s*\d{1,4}\s*$/;

/**
 * Walks word/document.xml's body once and produces paragraphs and raw tables in reading order,
 * with Word's auto-numbering materialized and the constructs mammoth drops (gridBefore/After,
 * DrawingML text boxes, w:fldSimple, TOC fields) handled.
 */
export class BodyReader {
  readonly blocks: ReaderBlock[] = [];
  readonly warnings: Warning[] = [];
  private paragraphCount = 0;
  private tableCount = 0;
  private cellCount = 0;
  private readonly fields: OpenField[] = [];
  /** Depth of w:sdt content controls marked as a table of contents. */
  private tocSdtDepth = 0;
  private readonly warned = new Set<string>();
  /** Pictures not read, by the block they are at (the paragraph, the table whose cell holds them, or the one before). */
  private readonly pictureRuns: { at: ReaderBlock | undefined; pictures: Picture[] }[] = [];

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly limits: Limits,
    private readonly ids: BlockIds,
    /** Relationship id → target (media/image1.png), to name pictures. */
    private readonly rels: ReadonlyMap<string, string> = new Map(),
    /** Embedded Excel sheets already read, by their OLE object's relationship id. */
    private readonly sheets: ReadonlyMap<string, EmbeddedSheet> = new Map(),
  ) {}

  readBody(body: XmlElement): void {
    this.readBlockLevel(body);
    for (const run of this.pictureRuns) {
      const at = run.at ?? this.blocks[0];
      this.warnings.push(pictureWarning(run.pictures, at?.id, at?.type === "paragraph" ? at.text : undefined));
    }
  }

  /** Pictures at the last block emitted: one run per block. */
  private notePictures(pictures: Picture[]): void {
    if (pictures.length === 0) return;
    const at = this.blocks[this.blocks.length - 1];
    const last = this.pictureRuns[this.pictureRuns.length - 1];
    if (last && last.at === at) last.pictures.push(...pictures);
    else this.pictureRuns.push({ at, pictures: [...pictures] });
  }

  private warnOnce(code: string, message: string): void {
    if (this.warned.has(code)) return;
    this.warned.add(code);
    this.warnings.push({ code, message });
  }

  private checkBlockCount(): void {
    if (this.blocks.length >= this.limits.maxBlocks) {
      throw new ExtractError("too_large", `The document has more than ${this.limits.maxBlocks} blocks; raise --max-blocks if it is genuine.`);
    }
  }

  /** Counts `n` more table cells (the body's and its embedded sheets'), against --max-cells. */
  private countCells(n: number): void {
    this.cellCount += n;
    if (this.cellCount > this.limits.maxCells) {
      throw new ExtractError("too_large", `The document has more than ${this.limits.maxCells} table cells; raise --max-cells if it is genuine.`);
    }
  }

  private readBlockLevel(container: XmlElement): void {
    for (const el of container.children) {
      if (typeof el === "string") continue;
      switch (el.name) {
        case "w:p":
          this.emitParagraph(this.readParagraph(el));
          break;
        case "w:tbl":
          this.emitTable(el);
          break;
        case "w:sdt": {
          const isToc = isTocSdt(el);
          if (isToc) this.tocSdtDepth++;
          const content = child(el, "w:sdtContent");
          if (content) this.readBlockLevel(content);
          if (isToc) this.tocSdtDepth--;
          break;
        }
        case "w:customXml":
        case "w:ins":
        case "w:moveTo":
        case "w:smartTag":
          this.readBlockLevel(el);
          break;
        case "mc:AlternateContent": {
          const chosen = chooseAlternate(el);
          if (chosen) this.readBlockLevel(chosen);
          break;
        }
        case "w:altChunk":
          this.warnOnce("docx_alt_chunk", "The document embeds content from another file (w:altChunk); that content was not read.");
          break;
        default:
          break;
      }
    }
  }

  private emitParagraph(p: ParagraphContent): void {
    if (p.text.trim() !== "") {
      this.checkBlockCount();
      const block: ParagraphBlock = {
        id: this.ids.paragraph(),
        type: "paragraph",
        text: p.text,
        provenance: { part: DOCUMENT_PART, paragraphIndex: p.index },
      };
      if (p.numbering) {
        block.numbering = { label: p.numbering.label, numId: p.numbering.numId, level: p.numbering.level, format: p.numbering.format };
      }
      const styleName = this.styles.get(p.styleId)?.name;
      if (styleName !== undefined) block.style = styleName;
      if (p.isToc) block.role = "toc";
      else if (p.headingLevel !== undefined) block.headingLevel = p.headingLevel;
      this.blocks.push(block);
    }
    this.notePictures(p.pictures);
    this.emitSheets(p.sheets);
    for (const box of p.textboxes) this.readBlockLevel(box);
  }

  /** An embedded sheet's blocks where its object stands, numbered in the body's order; its cells count too. */
  private emitSheets(sheets: EmbeddedSheet[]): void {
    for (const sheet of sheets) {
      this.countCells(sheet.cells);
      for (const b of sheet.blocks) {
        this.checkBlockCount();
        this.blocks.push({ ...b, id: b.type === "table" ? this.ids.table() : this.ids.paragraph() });
      }
    }
  }

  /** Read one w:p: its rendered text (label included), style, heading level and TOC role. */
  private readParagraph(p: XmlElement): ParagraphContent {
    const index = this.paragraphCount++;
    const pPr = child(p, "w:pPr");
    const styleId = val(pPr, "w:pStyle");
    const effectiveStyle = this.styles.paragraphStyle(styleId)?.id;
    const tocAtStart = this.tocSdtDepth > 0 || this.fields.some((f) => TOC_INSTR.test(f.instr));

    const state: InlineState = { text: "", textboxes: [], pictures: [], sheets: [], sawTocField: false, sawPageRef: false, sawTocLink: false };
    this.readInline(p, state);
    if (state.text.length > this.limits.maxParagraphChars) {
      throw new ExtractError("too_large", `A paragraph is longer than ${this.limits.maxParagraphChars} characters; raise --max-paragraph-chars if it is genuine.`);
    }

    const rendered = this.numberParagraph(pPr, effectiveStyle);
    const text = rendered && rendered.label !== "" ? rendered.label + rendered.suffix + state.text : state.text;

    const isToc =
      tocAtStart ||
      state.sawTocField ||
      this.styles.isTocStyle(effectiveStyle) ||
      (state.sawTocLink && (state.sawPageRef || /\d\s*$/.test(state.text))) ||
      /^\s*目\s*录\s*$/.test(state.text) ||
      (state.sawPageRef && TOC_LEADER_LINE.test(state.text));

    const out: ParagraphContent = { index, text, isToc, textboxes: state.textboxes, pictures: state.pictures, sheets: state.sheets };
    if (rendered && rendered.label !== "") out.numbering = rendered;
    if (styleId !== undefined) out.styleId = styleId;
    const headingLevel = this.headingLevel(pPr, effectiveStyle);
    if (headingLevel !== undefined) out.headingLevel = headingLevel;
    return out;
  }

  /** Direct numPr wins; else the style chain's; numId 0 switches numbering off. */
  private numberParagraph(pPr: XmlElement | undefined, styleId: string | undefined): RenderedNumber | undefined {
    const numPr = child(pPr, "w:numPr");
    const directNumId = val(numPr, "w:numId");
    const directIlvl = val(numPr, "w:ilvl");
    const inherited = this.styles.inheritedNumbering(styleId);
    const numId = directNumId ?? inherited?.numId;
    if (numId === undefined || numId === "0") return undefined;
    let ilvl: number;
    if (directIlvl !== undefined) ilvl = Number(directIlvl);
    else if (directNumId !== undefined || !inherited) ilvl = 0;
    else ilvl = inherited.ilvl ?? this.numbering.levelForStyle(numId, inherited.styleId) ?? 0;
    if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) ilvl = 0;
    const rendered = this.numbering.next(numId, ilvl);
    if (!rendered) {
      this.warnOnce("docx_numbering_missing", `A paragraph uses list ${numId}, which numbering.xml does not define; its label is missing.`);
    }
    return rendered;
  }

  /** Outline level on the paragraph, then a Heading/标题 N style, then the style chain's outline level. */
  private headingLevel(pPr: XmlElement | undefined, styleId: string | undefined): number | undefined {
    const direct = val(pPr, "w:outlineLvl");
    if (direct !== undefined) return outlineToHeading(Number(direct));
    const byName = this.styles.headingLevelOfStyle(styleId);
    if (byName !== undefined) return byName;
    const inherited = this.styles.inheritedOutlineLevel(styleId);
    return inherited === undefined ? undefined : outlineToHeading(inherited);
  }

  /** Runs formatted as hidden (w:vanish): Word does not draw them, but their field characters still count. */
  private hiddenRuns = 0;

  private visible(): boolean {
    if (this.hiddenRuns > 0) return false;
    for (const f of this.fields) if (!f.inResult) return false;
    return true;
  }

  private readInline(el: XmlElement, state: InlineState): void {
    for (const c of el.children) {
      if (typeof c === "string" || NOT_TEXT_INLINE.has(c.name)) continue;
      if (TEXT_INLINE.has(c.name)) {
        if (this.visible()) state.text += renderedChars(c);
      } else if (!this.readFieldPart(c, state)) {
        this.readInlineContainer(c, state);
      }
    }
  }

  /** Field characters, instructions and TOC links; false for anything else. */
  private readFieldPart(c: XmlElement, state: InlineState): boolean {
    switch (c.name) {
      case "w:fldChar":
        this.fieldChar(c, state);
        return true;
      case "w:instrText": {
        const top = this.fields[this.fields.length - 1];
        if (top && !top.inResult) for (const s of c.children) if (typeof s === "string") top.instr += s;
        return true;
      }
      case "w:fldSimple": {
        const instr = c.attrs["w:instr"] ?? "";
        if (TOC_INSTR.test(instr)) state.sawTocField = true;
        if (PAGEREF_INSTR.test(instr)) state.sawPageRef = true;
        // mammoth drops w:fldSimple with its cached result; the result runs are the visible text.
        this.readInline(c, state);
        return true;
      }
      case "w:hyperlink":
        if ((c.attrs["w:anchor"] ?? "").startsWith("_Toc")) state.sawTocLink = true;
        this.readInline(c, state);
        return true;
      default:
        return false;
    }
  }

  /** Runs, ruby, pictures and objects, alternate content, and every other wrapper of inline content. */
  private readInlineContainer(c: XmlElement, state: InlineState): void {
    switch (c.name) {
      case "w:r": {
        const hidden = isOn(child(child(c, "w:rPr"), "w:vanish"));
        if (hidden) this.hiddenRuns++;
        this.readInline(c, state);
        if (hidden) this.hiddenRuns--;
        break;
      }
      case "w:ruby": {
        const base = child(c, "w:rubyBase");
        if (base) this.readInline(base, state);
        break;
      }
      case "w:drawing":
      case "w:pict":
      case "w:object": {
        collectTextboxes(c, state.textboxes);
        if (!this.visible()) break;
        const sheet = this.sheets.get(sheetObjectRelId(c) ?? "");
        if (sheet) state.sheets.push(sheet);
        else state.pictures.push(...picturesIn(c, this.rels));
        break;
      }
      case "mc:AlternateContent": {
        // Take the Choice (modern DrawingML), never both: the Fallback repeats the same text box as VML.
        const chosen = chooseAlternate(c);
        if (chosen) this.readInline(chosen, state);
        break;
      }
      default:
        // w:ins, w:moveTo, w:smartTag, w:customXml, w:sdt/w:sdtContent, w:dir, w:bdo, m:oMath …
        this.readInline(c, state);
    }
  }

  private fieldChar(c: XmlElement, state: InlineState): void {
    const type = c.attrs["w:fldCharType"];
    if (type === "begin") {
      this.fields.push({ instr: "", inResult: false });
    } else if (type === "separate") {
      const top = this.fields[this.fields.length - 1];
      if (top) {
        top.inResult = true;
        if (TOC_INSTR.test(top.instr)) state.sawTocField = true;
        if (PAGEREF_INSTR.test(top.instr)) state.sawPageRef = true;
      }
    } else if (type === "end") {
      const top = this.fields.pop();
      if (top && TOC_INSTR.test(top.instr)) state.sawTocField = true;
    }
  }

  private emitTable(tbl: XmlElement): void {
    this.checkBlockCount();
    const tableIndex = this.tableCount++;
    const id = this.ids.table();
    const block: RawTableBlock = { id, type: "table", rows: [], provenance: { part: DOCUMENT_PART, tableIndex } };
    // Reserve the table's place before its cells are read: text boxes in cells emit blocks of their own.
    this.blocks.push(block);
    block.rows = this.readRows(tbl);
  }

  private readRows(tbl: XmlElement): RawRow[] {
    const rows: RawRow[] = [];
    /** The cell a vertical merge would continue, by grid column. */
    const openByCol = new Map<number, RawCell>();
    for (const tr of unwrap(tbl, "w:tr")) {
      const trPr = child(tr, "w:trPr");
      if (child(trPr, "w:del")) continue;
      const row: RawRow = { cells: [] };
      if (isOn(child(trPr, "w:tblHeader"))) row.isHeaderHint = true;
      let col = intVal(trPr, "w:gridBefore") ?? 0;
      let previous: RawCell | undefined;
      for (const tc of unwrap(tr, "w:tc")) {
        const tcPr = child(tc, "w:tcPr");
        const span = Math.max(1, intVal(tcPr, "w:gridSpan") ?? 1);
        const vMerge = child(tcPr, "w:vMerge");
        const hMerge = val(tcPr, "w:hMerge");
        const text = this.readCellText(tc);
        if (hMerge === "continue" && previous) {
          // Legacy horizontal merge: widen the previous cell instead of adding one.
          previous.colSpan += span;
          col += span;
          continue;
        }
        const continues = vMerge !== undefined && (vMerge.attrs["w:val"] ?? "continue") === "continue";
        const above = continues ? openByCol.get(col) : undefined;
        if (above) {
          above.rowSpan += 1;
          previous = undefined;
        } else {
          this.countCells(1);
          const cell: RawCell = { text, colSpan: span, rowSpan: 1, col };
          row.cells.push(cell);
          openByCol.set(col, cell);
          previous = cell;
        }
        col += span;
      }
      rows.push(row);
    }
    return rows;
  }

  /** A cell's paragraphs joined by "\n"; nested tables flattened (cells by tab, rows by newline). */
  private readCellText(tc: XmlElement): string {
    const lines: string[] = [];
    this.collectCellLines(tc, lines);
    return lines.join("\n");
  }

  private collectCellLines(container: XmlElement, lines: string[]): void {
    for (const el of container.children) {
      if (typeof el === "string") continue;
      if (el.name === "w:p") {
        const p = this.readParagraph(el);
        if (p.text.trim() !== "") lines.push(p.text);
        // The table is reserved before its cells are read: a picture in a cell is at the table, a sheet after it.
        this.notePictures(p.pictures);
        this.emitSheets(p.sheets);
        for (const box of p.textboxes) this.collectCellLines(box, lines);
      } else if (el.name === "w:tbl") {
        for (const row of this.readRows(el)) lines.push(row.cells.map((c) => c.text.replace(/\n/g, " ")).join("\t"));
      } else if (el.name === "w:sdt") {
        const content = child(el, "w:sdtContent");
        if (content) this.collectCellLines(content, lines);
      } else if (el.name === "w:customXml" || el.name === "w:ins" || el.name === "w:moveTo") {
        this.collectCellLines(el, lines);
      } else if (el.name === "mc:AlternateContent") {
        const chosen = chooseAlternate(el);
        if (chosen) this.collectCellLines(chosen, lines);
      }
    }
  }
}

function outlineToHeading(outline: number): number | undefined {
  return Number.isInteger(outline) && outline >= 0 && outline <= 8 ? outline + 1 : undefined;
}

function intVal(el: XmlElement | undefined, name: string): number | undefined {
  const v = val(el, name);
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** Rows of a table / cells of a row, looking through content controls and custom XML wrappers. */
function unwrap(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of elements(el)) {
    if (c.name === name) out.push(c);
    else if (c.name === "w:sdt") {
      const content = child(c, "w:sdtContent");
      if (content) out.push(...unwrap(content, name));
    } else if (c.name === "w:customXml" || c.name === "w:ins" || c.name === "w:moveTo") out.push(...unwrap(c, name));
  }
  return out;
}

function chooseAlternate(ac: XmlElement): XmlElement | undefined {
  return child(ac, "mc:Choice") ?? child(ac, "mc:Fallback");
}

/** Text box bodies (w:txbxContent) inside a drawing, taking only the Choice of any mc:AlternateContent. */
function collectTextboxes(el: XmlElement, out: XmlElement[]): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === "w:txbxContent") out.push(c);
    else if (c.name === "mc:AlternateContent") {
      const chosen = chooseAlternate(c);
      if (chosen) collectTextboxes(chosen, out);
    } else collectTextboxes(c, out);
  }
}

/** A content control that Word's "Table of Contents" gallery inserted. */
function isTocSdt(sdt: XmlElement): boolean {
  const gallery = val(child(child(sdt, "w:sdtPr"), "w:docPartObj"), "w:docPartGallery");
  return gallery !== undefined && /table of contents/i.test(gallery);
}
