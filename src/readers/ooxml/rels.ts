/** Package relationships (a part's _rels/*.rels), shared by the Word and the spreadsheet readers. */
import { descendants, type XmlElement } from "./xml.js";

/** A relationship target relative to the folder of part `base` ("embeddings/x.xlsx" from word/document.xml) or absolute ("/xl/…"), as a part name. */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The .rels part of `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationship id → target as written, from a parsed .rels tree; `internalOnly` leaves out TargetMode="External" ones. */
export function relationshipTargets(rels: XmlElement | undefined, options: { internalOnly?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rels ? descendants(rels, "Relationship") : []) {
    const id = r.attrs["Id"];
    const target = r.attrs["Target"];
    if (id && target && !(options.internalOnly && r.attrs["TargetMode"] === "External")) out.set(id, target);
  }
  return out;
}
