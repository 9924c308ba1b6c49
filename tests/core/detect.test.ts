import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { detectFormat } from "../../src/readers/index.js";
import { extractBytes } from "../../src/extract.js";
import { ExtractError } from "../../src/errors.js";
import { samples } from "../helpers.js";

const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe("format detection from bytes, not names", () => {
  test.each([
    ["chongqing-jiaotong-2018-budget.html", "html"],
    ["kunming-shenji-2026-budget.html", "html"],
    ["swu-2024-landing.html", "html"],
    ["taiyuan-fagai-2016-final.doc", "doc"],
    ["putuo-fuliyuan-2024-unit-budget.pdf", "pdf"],
    ["jiangsu-renda-2019-tables.pdf", "pdf"],
    ["luancheng-wangxin-2020-budget.txt", "text"],
  ])("%s → %s", (file, format) => {
    expect(detectFormat(readFileSync(samples(file)))).toBe(format);
  });

  test("generated signatures", () => {
    expect(detectFormat(bytes("%PDF-1.7\n"))).toBe("pdf");
    expect(detectFormat(bytes("PK\u0003\u0004....word/document.xml...."))).toBe("docx");
    expect(detectFormat(bytes("PK\u0003\u0004....xl/workbook.xml"))).toBe("xlsx");
    expect(detectFormat(bytes("PK\u0003\u0004....other.txt"))).toBe("zip");
    const ole = (stream: string) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from(`....${stream}`, "utf16le")]);
    expect(detectFormat(ole("WordDocument"))).toBe("doc");
    expect(detectFormat(ole("Workbook"))).toBe("xls");
    expect(detectFormat(ole("Book"))).toBe("xls");
    expect(detectFormat(ole("Other"))).toBe("ole");
    // Word saves RTF under .doc names: it is RTF, not text.
    expect(detectFormat(bytes("{\\rtf1\\ansi\\ansicpg936 一、部门职责\\par}"))).toBe("rtf");
    expect(detectFormat(bytes("\ufeff<!DOCTYPE html><html><body>x</body></html>"))).toBe("html");
    expect(detectFormat(bytes("<%@ page contentType=\"text/html\" %>\n<html><body></body></html>"))).toBe("html");
    expect(detectFormat(bytes("一、部门职责\n二、收支预算\n"))).toBe("text");
    expect(detectFormat(new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]))).toBe("unknown");
    expect(detectFormat(new Uint8Array(0))).toBe("unknown");
  });
});

describe("typed errors instead of crashes", () => {
  test("empty input", async () => {
    await expect(extractBytes(new Uint8Array(0))).rejects.toMatchObject({ code: "empty" });
  });
  test("unsupported format names the detected format", async () => {
    const err = await extractBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from("....Other", "utf16le")])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect(err).toMatchObject({ code: "unsupported_format", details: { format: "ole" } });
    expect((err as Error).message).toContain("ole");
  });
  test("a cut-off .xlsx (no central directory) is corrupt, not unsupported", async () => {
    await expect(extractBytes(bytes("PK\u0003\u0004....xl/workbook.xml"))).rejects.toMatchObject({ code: "corrupt" });
  });
  test("over the input size limit", async () => {
    await expect(extractBytes(bytes("一、部门职责\n"), { limits: { maxInputBytes: 4 } })).rejects.toMatchObject({ code: "too_large" });
  });
});
