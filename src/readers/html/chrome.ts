import type { Element } from "domhandler";

/** Elements whose content is never page text. */
export const NON_TEXT_TAGS = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math",
  "select", "option", "button", "input", "textarea", "map", "area", "audio", "video", "head", "title", "img",
]);

/** Semantic chrome: site navigation and page furniture around an article. */
const CHROME_TAGS = new Set(["nav", "aside"]);
const CHROME_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "menubar", "menu"]);

/**
 * Class/id names (whole name, or a - or _ separated part of it) that CMS templates use for chrome:
 * menus, breadcrumbs, share bars, print/close buttons, font-size switches, prev/next pagers, footers.
 */
const CHROME_NAME =
  /^(?:.*[-_])?(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|currentpath|position|location|footer|foot|copyright|share|bdshare|jiathis|fenxiang|print|dayin|fontsize|zihao|toolbar|qrcode|ewm|pager|prevnext|pre-next|related|xgxx|friendlink|flinks)(?:[-_].*)?$/i;

function namesOf(el: Element): string[] {
  const names = (el.attribs["class"] ?? "").split(/\s+/).filter(Boolean);
  const id = el.attribs["id"];
  if (id) names.push(id);
  return names;
}

/** Is this element page chrome (navigation, footer, share bar …) rather than article content? */
export function isChromeElement(el: Element): boolean {
  if (CHROME_TAGS.has(el.name)) return true;
  const role = el.attribs["role"];
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  // <header> is left alone: inside an article it holds the article's own title.
  if (el.name === "footer") return true;
  return namesOf(el).some((n) => CHROME_NAME.test(n));
}

/** Short lines that are page furniture even when they sit inside the article container. */
const CHROME_LINE =
  /^(?:【?\s*(?:上一篇|下一篇|上一条|下一条|打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|返回顶部)\s*】?|分享到|字号|【字体|网站地图|当前位置|您现在的位置|您当前所在位置|扫一扫|浏览次数)/;

export function isChromeLine(text: string): boolean {
  if (text.length > 60) return false;
  return CHROME_LINE.test(text) || /版权所有|Copyright|©/i.test(text);
}
