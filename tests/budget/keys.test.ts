/**
 * The fact-key registry (src/budget/keys.ts) is the one list of keys: every key the budget layer can emit is in it,
 * and the README's "Fact keys" table documents exactly its keys.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { TABLE_CATALOG } from "../../src/budget/catalog/index.js";
import { FACT_KEYS, factKeySpec, keyTakesFund, LEGACY_KEYS } from "../../src/budget/keys.js";
import { CHANGE_KEY_OF, COUNT_KEYS, MONEY_KEYS } from "../../src/budget/vocabulary.js";
import { repoRoot } from "../helpers.js";

const REGISTERED = new Set(FACT_KEYS.map((k) => k.key));
const source = (rel: string) => readFileSync(path.join(repoRoot, rel), "utf8");

/** The keys of `keys` that the registry lacks, for a message that names them. */
const unregistered = (keys: Iterable<string>) => [...new Set(keys)].filter((k) => !REGISTERED.has(k)).sort();

/** `key: "…"` literals of a source file (for constants the module does not export). */
const keyLiterals = (text: string) => [...text.matchAll(/\bkey:\s*"([^"]+)"/g)].map((m) => m[1]!);

describe("the registry", () => {
  test("lists each key once, each with a meaning and a measure", () => {
    const seen = FACT_KEYS.map((k) => k.key);
    expect(seen.filter((k, i) => seen.indexOf(k) !== i), "keys listed twice").toEqual([]);
    for (const k of FACT_KEYS) {
      expect(k.key, "key shape").toMatch(/^[a-z_]+(?:\.[a-z_0-9]+)*$/);
      expect(k.meaning.trim(), `meaning of ${k.key}`).not.toBe("");
      expect(["money", "count", "area"]).toContain(k.measure);
      expect(factKeySpec(k.key)).toBe(k);
    }
  });

  test("the legacy keys of 0.2.0 are not registered; each maps to a registered key that takes a fund", () => {
    for (const [legacy, { key, fund }] of Object.entries(LEGACY_KEYS)) {
      expect(REGISTERED.has(legacy), `${legacy} is a legacy key`).toBe(false);
      expect(REGISTERED.has(key), `${legacy} → ${key}`).toBe(true);
      expect(keyTakesFund(key), `${key} takes fund ${fund}`).toBe(true);
    }
  });
});

describe("every key the budget layer can emit is registered", () => {
  test("the vocabulary's MONEY_KEYS", () => {
    expect(MONEY_KEYS.length).toBeGreaterThan(0);
    expect(unregistered(MONEY_KEYS.map((k) => k.key)), "MONEY_KEYS keys missing from FACT_KEYS").toEqual([]);
  });

  test("the totalKey of every TABLE_CATALOG entry", () => {
    const totals = TABLE_CATALOG.flatMap((s) => (s.totalKey ? [s.totalKey] : []));
    expect(totals.length).toBeGreaterThan(0);
    expect(unregistered(totals), "TABLE_CATALOG totalKeys missing from FACT_KEYS").toEqual([]);
  });

  test("CHANGE_KEY_OF: its subjects and the change keys they map to", () => {
    expect(unregistered(Object.values(CHANGE_KEY_OF)), "change keys missing from FACT_KEYS").toEqual([]);
    expect(unregistered(Object.keys(CHANGE_KEY_OF)), "change subjects missing from FACT_KEYS").toEqual([]);
  });

  test("partKey's wholes and targets (the PARTS table of vocabulary.ts)", () => {
    const text = source("src/budget/vocabulary.ts");
    const block = /const PARTS\b[\s\S]*?\n\};/.exec(text)?.[0];
    expect(block, "PARTS in src/budget/vocabulary.ts").toBeDefined();
    const keys = [...block!.matchAll(/"([a-z_]+(?:\.[a-z_0-9]+)+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    expect(unregistered(keys), "partKey keys missing from FACT_KEYS").toEqual([]);
  });

  test("the count and area keys (COUNT_KEYS of vocabulary.ts)", () => {
    const keys = COUNT_KEYS.map((k) => k.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(unregistered(keys), "count keys missing from FACT_KEYS").toEqual([]);
    for (const k of keys) expect(factKeySpec(k)?.measure, `${k} is a count or an area`).not.toBe("money");
  });

  test("every key-shaped string literal in src/budget (expenditure.project.item, …)", () => {
    const files = (dir: string): string[] =>
      readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : e.name.endsWith(".ts") ? [`${dir}/${e.name}`] : []));
    // keys.ts names the legacy keys it maps; single words ("income", "three_public") are sides and table kinds.
    const namespaces = new Set(FACT_KEYS.map((k) => k.key.split(".")[0]!));
    const literals = files("src/budget")
      .filter((f) => f !== "src/budget/keys.ts")
      .flatMap((f) => [...source(f).matchAll(/"([a-z_]+(?:\.[a-z_0-9]+)+)"/g)].map((m) => m[1]!))
      .filter((k) => namespaces.has(k.split(".")[0]!) && !/\.(?:ts|js)$/.test(k));
    expect(literals).toContain("expenditure.project.item");
    expect(unregistered(literals), "key literals of src/budget missing from FACT_KEYS").toEqual([]);
  });
});

/** The keys of the README's "### Fact keys" table; "`procurement.total`, `.goods`" is procurement.total and procurement.goods. */
function readmeFactKeys(readme: string): string[] {
  const start = readme.search(/^### Fact keys\s*$/m);
  if (start < 0) throw new Error("README.md has no '### Fact keys' section");
  const rest = readme.slice(start);
  // Up to the next heading of the same or a higher level.
  const end = rest.slice(1).search(/\n#{1,3} /);
  const section = end < 0 ? rest : rest.slice(0, end + 1);
  const keys: string[] = [];
  for (const line of section.split("\n")) {
    if (!/^\|\s*`/.test(line)) continue;
    const first = line.split("|")[1]!;
    let base: string | undefined;
    for (const [, k] of first.matchAll(/`([^`]+)`/g)) {
      if (k!.startsWith(".")) {
        if (!base) throw new Error(`README Fact keys: '${k}' has no full key before it in: ${line}`);
        keys.push(base + k);
      } else {
        keys.push(k!);
        base = k!.includes(".") ? k!.slice(0, k!.lastIndexOf(".")) : k!;
      }
    }
  }
  return keys;
}

/** The README's Fact keys rows by key, with the cells under each header ("measures", "fund", …). */
function readmeFactRows(readme: string): Map<string, Record<string, string>> {
  const section = readme.slice(readme.search(/^### Fact keys\s*$/m));
  const lines = section.split("\n");
  const headerAt = lines.findIndex((l) => /^\|\s*key\s*\|/.test(l));
  const out = new Map<string, Record<string, string>>();
  if (headerAt < 0) return out;
  const cells = (l: string) => l.split("|").slice(1, -1).map((c) => c.trim());
  const header = cells(lines[headerAt]!);
  for (const line of lines.slice(headerAt + 2)) {
    if (!line.startsWith("|")) break;
    const row = cells(line);
    const keys = [...row[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    if (keys.length === 1) out.set(keys[0]!, Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""])));
  }
  return out;
}

describe("the README documents the registry", () => {
  test("the reader of the table expands '`procurement.total`, `.goods`' to both keys", () => {
    const md = "### Fact keys\n\n| key | meaning |\n|---|---|\n| `a.total` | x |\n| `procurement.total`, `.goods`, `.works` | y |\n\n### Validations\n| `not.a_key` | z |\n";
    expect(readmeFactKeys(md)).toEqual(["a.total", "procurement.total", "procurement.goods", "procurement.works"]);
  });

  // The README is rewritten to the registry: until then this names the keys to add and to remove.
  test("its 'Fact keys' table lists exactly the registry's keys", () => {
    const documented = readmeFactKeys(source("README.md"));
    const listed = new Set(documented);
    const missing = FACT_KEYS.map((k) => k.key).filter((k) => !listed.has(k));
    const extra = [...listed].filter((k) => !REGISTERED.has(k));
    const twice = documented.filter((k, i) => documented.indexOf(k) !== i);
    expect(
      { missing, extra, twice },
      `README.md "### Fact keys" differs from FACT_KEYS (src/budget/keys.ts):\n  missing from the README: ${missing.join(", ") || "none"}\n  in the README, not registered: ${extra.join(", ") || "none"}\n  listed twice: ${twice.join(", ") || "none"}`,
    ).toEqual({ missing: [], extra: [], twice: [] });
  });

  test("where its table has 'measures' and 'fund' columns, they say what the registry says", () => {
    const rows = readmeFactRows(source("README.md"));
    const wrong: string[] = [];
    for (const spec of FACT_KEYS) {
      const row = rows.get(spec.key);
      if (!row) continue;
      if (row.measures !== undefined && row.measures !== spec.measure) wrong.push(`${spec.key}: measures '${row.measures}', registry '${spec.measure}'`);
      if (row.fund !== undefined && /fixed/.test(row.fund) !== (spec.fundFixed === true)) wrong.push(`${spec.key}: fund '${row.fund}', registry fundFixed ${spec.fundFixed === true}`);
    }
    expect(wrong, "README Fact keys columns that disagree with FACT_KEYS").toEqual([]);
  });
});
