/**
 * The XML layer of every OOXML reader (.docx, .xlsx). saxes never reads a DTD, so no entity expansion and no external
 * fetch can happen on untrusted input; undefined entities are a well-formedness error (→ "corrupt"). Nesting deeper
 * than the limit is refused while parsing (→ "too_large").
 */
import { SaxesParser } from "saxes";
import { ExtractError } from "../../errors.js";

/** A light element tree: enough for OOXML, far cheaper than a DOM. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Namespace URI → the prefix its names get whatever prefix a document binds ("w:" for WordprocessingML). */
export type CanonicalPrefixes = ReadonlyMap<string, string>;

export const WORDML_PREFIXES: CanonicalPrefixes = new Map([
  ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w:"],
  ["http://purl.oclc.org/ooxml/wordprocessingml/main", "w:"],
]);

/** SpreadsheetML is usually the default namespace; .NET writers bind it to "x:". Relationship ids are "r:id". */
export const SPREADSHEETML_PREFIXES: CanonicalPrefixes = new Map([
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", ""],
  ["http://purl.oclc.org/ooxml/spreadsheetml/main", ""],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r:"],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", "r:"],
]);

export interface ScanXmlOptions {
  /** Part name, for messages. */
  part: string;
  maxDepth: number;
  /** Default: WordprocessingML → "w:". */
  prefixes?: CanonicalPrefixes;
  /** The program that re-saves a damaged file, for messages (default "Word/WPS"). */
  app?: string;
}

/** Callbacks of a streaming pass; names already carry their canonical prefix. */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, depth: number): void;
  close(name: string): void;
  text(text: string): void;
}

/** Prefix renames declared on the root element: document prefix ("ns0:") → canonical ("w:"). */
function renamesOf(attrs: Record<string, string>, prefixes: CanonicalPrefixes): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(attrs)) {
    const canonical = prefixes.get(v);
    if (canonical === undefined || !k.startsWith("xmlns:")) continue;
    const bound = `${k.slice(6)}:`;
    if (bound !== canonical) out.push([bound, canonical]);
  }
  return out;
}

function renamer(renames: readonly [string, string][]): (name: string) => string {
  return (name) => {
    for (const [from, to] of renames) if (name.startsWith(from)) return to + name.slice(from.length);
    return name;
  };
}

/** One streaming pass over a package part: memory stays flat however large the part (worksheets). */
export function scanXml(xml: string, opts: ScanXmlOptions, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const prefixes = opts.prefixes ?? WORDML_PREFIXES;
  let rename: ((name: string) => string) | null = null;
  let depth = 0;
  parser.on("opentag", (tag) => {
    let attrs = tag.attributes as Record<string, string>;
    if (depth === 0) {
      const renames = renamesOf(attrs, prefixes);
      rename = renames.length > 0 ? renamer(renames) : null;
    }
    if (depth >= opts.maxDepth) {
      throw new ExtractError("too_large", `${opts.part} nests elements deeper than ${opts.maxDepth} levels; raise --max-xml-depth if the file is trusted.`, {
        part: opts.part,
        maxDepth: opts.maxDepth,
      });
    }
    if (rename) {
      const renamed: Record<string, string> = {};
      for (const [k, v] of Object.entries(attrs)) renamed[rename(k)] = v;
      attrs = renamed;
    }
    handlers.open(rename ? rename(tag.name) : tag.name, attrs, depth++);
  });
  parser.on("closetag", (tag) => {
    depth--;
    handlers.close(rename ? rename(tag.name) : tag.name);
  });
  parser.on("text", handlers.text);
  parser.on("cdata", handlers.text);
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ExtractError(
      "corrupt",
      `${opts.part} is not well-formed XML (${why.slice(0, 200)}). The file is damaged: re-save it from ${opts.app ?? "Word/WPS"}, or convert it with LibreOffice, and try again.`,
      { part: opts.part },
    );
  }
}

export interface ParseXmlOptions extends ScanXmlOptions {
  /** Elements whose character data is kept; all other text (indentation, mostly) is dropped. */
  keepTextIn: ReadonlySet<string>;
}

/**
 * Parse one package part into an element tree. Element and attribute names keep their prefix, except that whatever
 * prefix the document binds to a namespace of `prefixes` is renamed to the canonical one ("w:" by default).
 */
export function parseXml(xml: string, opts: ParseXmlOptions): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let keepDepth = 0;
  scanXml(xml, opts, {
    open(name, attrs) {
      const el: XmlElement = { name, attrs, children: [] };
      stack[stack.length - 1]!.children.push(el);
      stack.push(el);
      if (opts.keepTextIn.has(name)) keepDepth++;
    },
    close() {
      const el = stack.pop()!;
      if (opts.keepTextIn.has(el.name)) keepDepth--;
    },
    text(text) {
      if (keepDepth > 0) stack[stack.length - 1]!.children.push(text);
    },
  });
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new ExtractError("corrupt", `${opts.part} has no root element; the file is damaged. Re-save it from ${opts.app ?? "Word/WPS"} and try again.`);
  return top;
}

/** Child elements, optionally only those with one name. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== "string" && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** The w:val attribute of a named child, e.g. val(pPr, "w:pStyle"). */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs["w:val"];
}

/** Concatenated character data of an element (its kept text nodes, recursively). */
export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) s += typeof c === "string" ? c : textOf(c);
  return s;
}

/** An on/off property (w:b, w:isLgl …): present and not "0"/"false"/"off". */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = el.attrs["w:val"];
  return v === undefined || !(v === "0" || v === "false" || v === "off");
}

/** An element name without its prefix ("w:drawing" → "drawing"). */
export const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Every element below `el` (itself included) with one local name, depth first. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  if (localName(el.name) === name) out.push(el);
  for (const c of el.children) if (typeof c !== "string") descendants(c, name, out);
  return out;
}
