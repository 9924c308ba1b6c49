/**
 * Reading a PDF must not change the process's built-ins. pdf.js's legacy build bundles core-js, which on Node 20
 * replaces Array.prototype.push and JSON.parse with slower polyfills when imported; readers/pdf/pdfjs-runtime.ts
 * loads it between a snapshot and a restore. This file imports nothing of pdf.js statically, so the built-ins
 * captured first are the natives.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { samples } from "../helpers.js";

const natives = { push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString, withResolvers: (Promise as { withResolvers?: unknown }).withResolvers };

describe("pdf.js leaves the built-ins alone", () => {
  it("keeps the native Array.prototype.push, JSON.parse and Function.prototype.toString through a PDF extraction", async () => {
    const { readPdf } = await import("../../src/readers/pdf/index.js");
    const { restoredBuiltins } = await import("../../src/readers/pdf/pdfjs-runtime.js");
    const file = samples("putuo-fuliyuan-2024-unit-budget.pdf");
    const result = await readPdf(new Uint8Array(readFileSync(file)), { path: file, limits: DEFAULT_LIMITS });
    expect(result.blocks.length).toBeGreaterThan(20);
    expect(Array.prototype.push).toBe(natives.push);
    expect(JSON.parse).toBe(natives.parse);
    expect(Function.prototype.toString).toBe(natives.toString);
    // What core-js only adds stays (pdf.js calls it); Node 20 has no Promise.withResolvers of its own.
    if (natives.withResolvers === undefined) expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe("function");
    // On Node 20 the import did replace push (what this guard is for); a newer Node may have nothing to restore.
    if (process.versions.node.startsWith("20.")) expect(restoredBuiltins).toContain("push");
  });
});
