import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appendRows } from "../../src/writers/db/append.js";
import { fitsDecimal, scaledDecimal } from "../../src/writers/db/decimal.js";
import { ddl, type Row } from "../../src/writers/db/schema.js";

const fact = (yuan: string): Row<"facts"> => ({ sha256: "s", key: "income.total", fund: "all", basis: null, name: null, entity: null, yuan, unit: "元", raw: yuan, evidence: "[]" });
/** DuckDB prints DECIMAL(20,4) with its scale: "12.5000" → "12.5", "-0.0000" cannot occur, "7.0000" → "7". */
const canonical = (s: string) => {
  const [int, frac = ""] = s.replace(/^(-?)0+(?=\d)/, "$1").split(".");
  const f = frac.replace(/0+$/, "");
  const out = f ? `${int}.${f}` : int!;
  return out === "-0" ? "0" : out;
};

describe("decimal strings into DECIMAL(20,4)", () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    conn = await instance.connect();
    for (const s of ddl()) await conn.run(s);
  });
  afterAll(() => {
    conn.closeSync();
    instance.closeSync();
  });

  test("a figure scales to ten-thousandths exactly; more than 4 decimals or 16 integer digits does not fit", () => {
    expect(scaledDecimal("-1914923.1")).toBe(-19149231000n);
    expect(scaledDecimal("1234567890123456.78")).toBe(12345678901234567800n);
    expect(scaledDecimal("0.015")).toBe(150n);
    expect(scaledDecimal("12.34000")).toBe(123400n); // trailing zeros are not precision
    expect(scaledDecimal("12.34567")).toBeNull();
    expect(scaledDecimal("12345678901234567")).toBeNull();
    expect(scaledDecimal("1e5")).toBeNull();
    expect(fitsDecimal(null)).toBe(true);
  });

  test("every decimal that fits reads back from DuckDB as the same number; one that does not is NULL", async () => {
    const fitting = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9999 }))
      .map(([neg, int, scale, frac]) => `${neg ? "-" : ""}${int}${scale > 0 ? `.${String(frac).padStart(4, "0").slice(0, scale)}` : ""}`);
    const values = [...fc.sample(fitting, { numRuns: 500, seed: 15 }), "9999999999999999.9999", "-9999999999999999.9999", "0.0001", "0"];
    await conn.run("DELETE FROM facts");
    await appendRows(conn, "facts", [...values.map(fact), fact("0.00001"), fact("10000000000000000")]);
    const back = (await conn.runAndReadAll("SELECT raw, yuan::VARCHAR AS yuan FROM facts")).getRowObjectsJson();
    expect(back).toHaveLength(values.length + 2);
    for (const r of back) {
      if (r.raw === "0.00001" || r.raw === "10000000000000000") expect(r.yuan, String(r.raw)).toBeNull();
      else expect(canonical(String(r.yuan)), String(r.raw)).toBe(canonical(String(r.raw)));
    }
    // Sums are exact too: no float between the strings and the column.
    const [sum] = (await conn.runAndReadAll("SELECT sum(yuan)::VARCHAR AS s FROM facts WHERE raw IN ('0.0001', '9999999999999999.9999')")).getRowObjectsJson();
    expect(sum!.s).toBe("10000000000000000.0000");
  });
});
