/** The HTML pre-scan: flattens over-deep block containers (text kept), refuses over-long text runs, leaves the rest alone. */
import { describe, expect, it } from "vitest";
import { ExtractError } from "../../src/errors.js";
import { prescanHtml } from "../../src/readers/html/prescan.js";

const limits = { maxXmlDepth: 8, maxParagraphChars: 1000 };

describe("prescanHtml", () => {
  it("returns an ordinary page unchanged", () => {
    const html = '<html><body><div class="a>b"><p>一、收入预算</p><div>二、支出</div></div></body></html>';
    expect(prescanHtml(html, limits)).toEqual({ html, flattened: 0, maxContainers: 4 });
  });

  it("flattens containers past half the depth limit into <br>, keeping every text", () => {
    const html = `<body>${"<div>".repeat(10)}深处${"</div>".repeat(10)}尾</body>`;
    const r = prescanHtml(html, limits);
    expect(r.flattened).toBe(12); // 6 start tags and their 6 end tags past depth 4
    expect(r.html).toBe(`<body>${"<div>".repeat(4)}${"<br>".repeat(6)}深处${"<br>".repeat(6)}${"</div>".repeat(4)}尾</body>`);
  });

  it("does not count markup inside scripts, comments or quoted attribute values", () => {
    const html = `<body><script>var s = "${"<div>".repeat(50)}";</script><!-- ${"<div>".repeat(50)} --><p title='${"<div>".repeat(50)}'>x</p></body>`;
    expect(prescanHtml(html, limits).flattened).toBe(0);
  });

  it("closes implicitly: an end tag closes the containers left open inside it", () => {
    // Unclosed <ul>s inside each <div> must not pile up into a false depth.
    const html = `<body>${"<div><ul><li>项</div>".repeat(100)}</body>`;
    expect(prescanHtml(html, limits).flattened).toBe(0);
  });

  it("refuses a text run longer than the paragraph limit, with the flag to raise", () => {
    let error: unknown;
    try {
      prescanHtml(`<p>${"收".repeat(1001)}</p>`, limits);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).code).toBe("too_large");
    expect((error as ExtractError).message).toContain("--max-paragraph-chars");
    // Whitespace does not count, and a run split by markup is several runs.
    expect(prescanHtml(`<p>${" ".repeat(5000)}</p><p>${"收".repeat(900)}<b>${"收".repeat(900)}</b></p>`, limits).flattened).toBe(0);
  });

  // Not timed (speed belongs to benchmarks): a quadratic pass over 400,000 nested divs would run for hours — parse5
  // alone takes minutes on 100,000 — so a regression fails by the test timeout.
  it("flattens 400,000 nested divs within the test timeout", { timeout: 60_000 }, () => {
    const n = 400_000;
    const html = `<body>${"<div>".repeat(n)}x${"</div>".repeat(n)}</body>`;
    const r = prescanHtml(html, { maxXmlDepth: 256, maxParagraphChars: 5_000_000 });
    expect(r.flattened).toBe(2 * (n - 128));
  });
});
