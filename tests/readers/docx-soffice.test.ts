import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { readDocx } from "../../src/readers/docx/index.js";
import { convertWithSoffice, findSoffice } from "../../src/readers/doc/soffice.js";
import { buildDocx, type DocxParts } from "../fixtures/docx/build.js";
import { numberFormats, numberingLogic, tocAndHeadings } from "../fixtures/docx/fixtures.js";
import { asSofficeLine, paragraphs, readParts } from "../fixtures/docx/helpers.js";

const soffice = findSoffice();

/** Lines where LibreOffice departs from Word (see the recorded expectations): ours → what LibreOffice prints. */
const KNOWN_LIBREOFFICE_DIFFERENCES: Record<string, string> = {
  "（一百〇一） 丙项101": "（一百零一） 丙项101",
  "2.1.2 节B小小": "2.1.1 节B小小",
  "1.1 条款": "一.1 条款",
};

describe.skipIf(!soffice)("docx numbering labels, live against LibreOffice (skipped when soffice is not installed: apt-get install libreoffice-writer-nogui)", () => {
  const fixtures: Record<string, DocxParts> = { numberFormats, numberingLogic, tocAndHeadings };
  const rendered: Record<string, string[]> = {};
  let dir = "";

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "de-docx-live-"));
    const files: string[] = [];
    for (const [name, parts] of Object.entries(fixtures)) {
      const file = path.join(dir, `${name}.docx`);
      writeFileSync(file, await buildDocx(parts));
      files.push(file);
    }
    await convertWithSoffice(soffice!, files, dir, path.join(dir, "profile"), "txt:Text (encoded):UTF8", 110_000);
    for (const name of Object.keys(fixtures)) {
      rendered[name] = readFileSync(path.join(dir, `${name}.txt`), "utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .map((l) => l.trimStart())
        .filter((l) => l !== "");
    }
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the seed .docx (samples/): every auto-numbered paragraph reads as LibreOffice renders it", async () => {
    const seed = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../samples/luancheng-wangxin-2020-budget.docx");
    const out = mkdtempSync(path.join(os.tmpdir(), "de-docx-seed-"));
    try {
      await convertWithSoffice(soffice!, seed, out, path.join(out, "profile"), "txt:Text (encoded):UTF8", 110_000);
      // LibreOffice indents list paragraphs (four spaces per level) in its text export: those are the numbered ones.
      const listLines = readFileSync(path.join(out, "luancheng-wangxin-2020-budget.txt"), "utf8")
        .split(/\r?\n/)
        .filter((l) => l.startsWith("    "))
        .map((l) => l.trimStart());
      const ours = paragraphs((await readDocx(readFileSync(seed), { path: seed, limits: DEFAULT_LIMITS })).blocks)
        .filter((b) => b.numbering)
        .map(asSofficeLine);
      expect(ours).toHaveLength(48);
      expect(ours).toEqual(listLines);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  for (const name of ["numberFormats", "numberingLogic", "tocAndHeadings"]) {
    it(`${name}: every paragraph reads as LibreOffice renders it`, async () => {
      const ours = paragraphs((await readParts(fixtures[name]!)).blocks).map(asSofficeLine);
      const asLibreOffice = ours.map((l) => KNOWN_LIBREOFFICE_DIFFERENCES[l] ?? l);
      expect(asLibreOffice).toEqual(rendered[name]);
    });
  }
});
