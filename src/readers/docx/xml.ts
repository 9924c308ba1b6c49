import { SaxesParser } from "saxes";
import { ExtractError } from "../../errors.js";

/** A light element tree: enough for OOXML, far cheaper than a DOM. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const WORDML_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);

export interface ParseXmlOptions {
  /** Part name, for messages. */
  part: string;
  maxDepth: number;
  /** Elements whose character data is kept; all other text (indentation, mostly) is dropped. */
  keepTextIn: ReadonlySet<string>;
}

/**
 * Parse one package part with saxes. saxes never reads a DTD, so no entity expansion and no external
 * fetch can happen on untrusted input; undefined entities are a well-formedness error (→ "corrupt").
 * Element and attribute names keep their prefix, except that whatever prefix the document binds to
 * the WordprocessingML namespace is renamed to the conventional "w:".
 */
export function parseXml(xml: string, opts: ParseXmlOptions): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let wPrefix: string | null = null;
  let keepDepth = 0;

  const rename = (name: string): string =>
    wPrefix !== null && name.startsWith(wPrefix) ? `w:${name.slice(wPrefix.length)}` : name;

  parser.on("opentag", (tag) => {
    if (stack.length === 1) {
      for (const [k, v] of Object.entries(tag.attributes)) {
        if (k.startsWith("xmlns:") && WORDML_NAMESPACES.has(v as string) && k !== "xmlns:w") wPrefix = `${k.slice(6)}:`;
      }
    }
    if (stack.length > opts.maxDepth) {
      throw new ExtractError(
        "too_large",
        `${opts.part} nests elements deeper than ${opts.maxDepth} levels; raise --max-xml-depth if the file is trusted.`,
        { part: opts.part, maxDepth: opts.maxDepth },
      );
    }
    let attrs = tag.attributes as Record<string, string>;
    if (wPrefix !== null) {
      const renamed: Record<string, string> = {};
      for (const [k, v] of Object.entries(attrs)) renamed[rename(k)] = v;
      attrs = renamed;
    }
    const el: XmlElement = { name: rename(tag.name), attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
    if (opts.keepTextIn.has(el.name)) keepDepth++;
  });
  parser.on("closetag", () => {
    const el = stack.pop()!;
    if (opts.keepTextIn.has(el.name)) keepDepth--;
  });
  const onText = (text: string): void => {
    if (keepDepth > 0) stack[stack.length - 1]!.children.push(text);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);

  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ExtractError(
      "corrupt",
      `${opts.part} is not well-formed XML (${why.slice(0, 200)}). The file is damaged: re-save it from Word/WPS, or convert it with LibreOffice, and try again.`,
      { part: opts.part },
    );
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new ExtractError("corrupt", `${opts.part} has no root element; the file is damaged. Re-save it from Word/WPS and try again.`);
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
