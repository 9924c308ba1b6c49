import type { AnyNode, Element } from "domhandler";

/** script and style elements carry their own node types in domhandler; all three are elements. */
export function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

export function elementChildren(el: { children: AnyNode[] }): Element[] {
  return el.children.filter(isElement);
}

/** Text content without recursion, so pathological nesting cannot overflow the stack. */
export function textContent(root: AnyNode): string {
  const out: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") out.push(node.data);
    else if (isElement(node) && node.type === "tag") {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    } else if (node.type === "root") {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return out.join("");
}

/** Parsed inline style declarations, property names lower-cased. */
export function parseStyle(style: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (!style) return map;
  for (const decl of style.split(";")) {
    const colon = decl.indexOf(":");
    if (colon <= 0) continue;
    map.set(decl.slice(0, colon).trim().toLowerCase(), decl.slice(colon + 1).trim());
  }
  return map;
}

/** A CSS length in pt or px (unit ignored: one page uses one unit); null for auto or anything else. */
export function cssLength(value: string | undefined): number | null {
  if (!value) return null;
  const m = /^(-?\d+(?:\.\d+)?)(?:pt|px)?$/i.exec(value.trim());
  return m ? Number(m[1]) : null;
}

const SAFE_ID = /^[A-Za-z][\w-]*$/;

/**
 * CSS-like element paths ("html>body>div#content>p:nth-of-type(3)"), cached per element and per parent so
 * that a parent with 100 000 children costs one pass, not one pass per child.
 */
export class ElementPaths {
  private readonly paths = new WeakMap<Element, string>();
  private readonly siblingInfo = new WeakMap<object, { nth: Map<Element, number>; counts: Map<string, number> }>();

  private info(parent: { children: AnyNode[] }): { nth: Map<Element, number>; counts: Map<string, number> } {
    let info = this.siblingInfo.get(parent);
    if (!info) {
      const nth = new Map<Element, number>();
      const counts = new Map<string, number>();
      for (const child of parent.children) {
        if (!isElement(child)) continue;
        const n = (counts.get(child.name) ?? 0) + 1;
        counts.set(child.name, n);
        nth.set(child, n);
      }
      info = { nth, counts };
      this.siblingInfo.set(parent, info);
    }
    return info;
  }

  private segment(el: Element): string {
    const id = el.attribs["id"];
    if (id && SAFE_ID.test(id)) return `${el.name}#${id}`;
    const parent = el.parent;
    if (!parent) return el.name;
    const info = this.info(parent);
    if ((info.counts.get(el.name) ?? 1) <= 1) return el.name;
    return `${el.name}:nth-of-type(${info.nth.get(el) ?? 1})`;
  }

  of(el: Element): string {
    const cached = this.paths.get(el);
    if (cached !== undefined) return cached;
    // Iterative walk up: collect uncached ancestors, then fill the cache top-down.
    const chain: Element[] = [];
    let cur: Element | null = el;
    let prefix = "";
    while (cur) {
      const known = this.paths.get(cur);
      if (known !== undefined) {
        prefix = known;
        break;
      }
      chain.push(cur);
      const parent: AnyNode | null = cur.parent;
      cur = parent && isElement(parent) ? parent : null;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      prefix = prefix ? `${prefix}>${this.segment(node)}` : this.segment(node);
      this.paths.set(node, prefix);
    }
    return prefix;
  }
}
