import { describe, expect, test } from "vitest";
import { formatNumber, formatText } from "../../src/readers/xlsx/numfmt.js";
import { serialToParts } from "../../src/readers/xlsx/datefmt.js";

const ACCOUNTING = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ';

describe("a stored number prints through its number format as Excel shows it", () => {
  test.each([
    ["1234.56", "#,##0.00", "1,234.56"],
    // Excel stores the double's 17 digits and shows 15: the float noise never reaches the text.
    ["1234.5600000000001", "#,##0.00", "1,234.56"],
    ["4345599.9999999991", "#,##0.00", "4,345,600.00"],
    ["1234.5", "#,##0.00", "1,234.50"],
    ["-1234.5", "#,##0.00", "-1,234.50"],
    ["1234567.891", "#,##0", "1,234,568"],
    ["2.5", "0", "3"],
    ["-2.5", "0", "-3"],
    ["0.004", "0.00", "0.00"],
    ["-0.004", "0.00", "0.00"],
    ["1.23E-3", "0.000", "0.001"],
    ["12345", "#,##0.00,", "12.35"],
    ["0.5", "#.00", ".50"],
    ["3", "0.0#", "3.0"],
    ["3.14159", "0.0#", "3.14"],
    ["1234.5", '#,##0.00"万元"', "1,234.50万元"],
    ["1234.5", "[$¥-804]#,##0.00", "¥1,234.50"],
    ["1234.56", "#,##0.00_ ", "1,234.56"],
    ["-5", "#,##0.00;(#,##0.00)", "(5.00)"],
    ["-5", "#,##0.00;[Red]-#,##0.00", "-5.00"],
    ["0", ACCOUNTING, "-"],
    ["12.5", ACCOUNTING, "12.50"],
    ["-12.5", ACCOUNTING, "-12.50"],
    ["0", "0;-0;;@", ""],
    ["0.125", "0.0%", "12.5%"],
    ["0.9876", "0.00%", "98.76%"],
    ["100", "[Red][>50]0.0;0", "100.0"],
    ["1234.567", "General", "1234.567"],
    ["0.1", "General", "0.1"],
    ["123", "@", "123"],
  ])("%s through %s → %s", (stored, code, shown) => {
    expect(formatNumber(stored, code)).toBe(shown);
  });
});

describe("a date serial prints as a date", () => {
  test.each([
    ["46037", 'yyyy"年"m"月"d"日"', "2026年1月15日"],
    ["46037", "yyyy-mm-dd", "2026-01-15"],
    ["46037", "yyyy\\年m\\月;@", "2026年1月"],
    ["46037.5", "yyyy-mm-dd h:mm", "2026-01-15 12:00"],
    ["46037.75", "h:mm AM/PM", "6:00 PM"],
    ["46037.25", '上午/下午h"时"mm"分"', "上午6时00分"],
    ["1.5", "[h]:mm", "36:00"],
    ["61", "yyyy-mm-dd", "1900-03-01"],
    ["59", "yyyy-mm-dd", "1900-02-28"],
  ])("%s through %s → %s", (serial, code, shown) => {
    expect(formatNumber(serial, code)).toBe(shown);
  });

  test("Excel's phantom 1900-02-29 is serial 60, and the 1904 date system counts from 1904-01-01", () => {
    expect(serialToParts(60, false)).toMatchObject({ y: 1900, m: 2, d: 29 });
    expect(formatNumber("0", "yyyy-mm-dd", true)).toBe("1904-01-01");
    // The two systems are 1,462 days apart: serial 44575 in 1904 is serial 46037 in 1900.
    expect(formatNumber("44575", "yyyy-mm-dd", true)).toBe("2026-01-15");
  });
});

describe("text cells", () => {
  test("the text section of a format wraps the text; General leaves it alone", () => {
    expect(formatText("abc", '0;-0;0;"（"@"）"')).toBe("（abc）");
    expect(formatText("abc", "General")).toBe("abc");
  });
});
