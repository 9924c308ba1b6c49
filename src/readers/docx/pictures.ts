/**
 * Pictures and embedded objects in a Word body. A table pasted as a picture has no text in document.xml; the reader
 * names it in an `image_not_read` warning (the HTML reader's code), so a later check can tell "printed as a picture"
 * from "not printed". An embedded Excel sheet is read instead (embedded.ts); other embedded objects, and a sheet
 * whose part cannot be read, are named here by their ProgID and preview picture. Shapes and text boxes are not
 * pictures (their text is read).
 */
import type { Warning } from "../../model/index.js";
import { descendants, type XmlElement } from "../ooxml/xml.js";
import { IMAGE_SETTINGS, notReadWarning } from "../html/images.js";

export interface Picture {
  /** The relationship's target (media/image1.png), or its id when the part does not say. */
  source: string;
  /** The ProgID of an embedded object (Excel.Sheet.12): its content is not read either. */
  object?: string;
}

const EMU_PER_PX = 9525;

/** "width:591.95pt;height:650.45pt" → px. */
function styleSize(style: string | undefined): { width?: number; height?: number } {
  const size: { width?: number; height?: number } = {};
  for (const m of (style ?? "").matchAll(/(width|height)\s*:\s*([\d.]+)\s*(pt|px|in)?/gi)) {
    const n = Number(m[2]);
    size[m[1]!.toLowerCase() as "width" | "height"] = m[3] === "px" ? n : m[3] === "in" ? n * 96 : n * IMAGE_SETTINGS.pxPerPt;
  }
  return size;
}

/** Its size in px as the document declares it: DrawingML wp:extent (EMU), VML v:shape style (pt). */
function declaredSize(el: XmlElement): { width?: number; height?: number } {
  const extent = descendants(el, "extent").find((e) => e.attrs["cx"] !== undefined);
  if (extent) return { width: Number(extent.attrs["cx"]) / EMU_PER_PX, height: Number(extent.attrs["cy"]) / EMU_PER_PX };
  return styleSize(descendants(el, "shape")[0]?.attrs["style"]);
}

const isIconSized = (s: { width?: number; height?: number }): boolean =>
  (s.width !== undefined && s.width < IMAGE_SETTINGS.minWidthPx) || (s.height !== undefined && s.height < IMAGE_SETTINGS.minHeightPx);

/** The pictures of one w:drawing / w:pict / w:object run element (none for a shape or a text box). */
export function picturesIn(el: XmlElement, rels: ReadonlyMap<string, string>): Picture[] {
  const ids = [
    ...descendants(el, "blip").map((b) => b.attrs["r:embed"] ?? b.attrs["r:link"]),
    ...descendants(el, "imagedata").map((d) => d.attrs["r:id"]),
  ].filter((id): id is string => !!id);
  if (ids.length === 0 || isIconSized(declaredSize(el))) return [];
  const object = descendants(el, "OLEObject")[0]?.attrs["ProgID"];
  return ids.slice(0, 1).map((id) => ({ source: rels.get(id) ?? id, ...(object ? { object } : {}) }));
}

/** One warning per run of pictures anchored on the same block (the block before; the first block at the start). */
export function pictureWarning(pictures: Picture[], blockId: string | undefined, blockText: string | undefined): Warning {
  const named = pictures.slice(0, IMAGE_SETTINGS.maxSourcesNamed).map((p) => (p.object ? `an embedded ${p.object} object shown as ${p.source}` : p.source));
  const what = pictures.length === 1 ? "A picture in the document's body was" : `${pictures.length} pictures in the document's body were`;
  const mayBe = "a table or a page printed as a picture, or an embedded sheet,";
  return notReadWarning({ what, mayBe, named, count: pictures.length, blockId, blockText, placeWords: "At" });
}
