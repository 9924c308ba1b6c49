// `npm run demo`, last step: one query on the archive database the batch wrote (--db output/archive.duckdb) —
// each document's headline facts by entity and key, exact 元 as DuckDB stores them (DECIMAL(20,4)).
import { queryArchive } from "../dist/writers/db/query.js";

const file = process.argv[2] ?? "output/archive.duckdb";
const SQL = `
SELECT f.entity, d.fiscal_year AS year,
       max(f.yuan) FILTER (WHERE f.key = 'income.total')        AS income,
       max(f.yuan) FILTER (WHERE f.key = 'expenditure.total')   AS expenditure,
       max(f.yuan) FILTER (WHERE f.key = 'expenditure.basic')   AS basic,
       max(f.yuan) FILTER (WHERE f.key = 'expenditure.project') AS project,
       max(f.yuan) FILTER (WHERE f.key = 'three_public.total')  AS three_public
FROM facts f JOIN documents d USING (sha256)
WHERE d.status = 'ok' AND f.fund = 'all' AND f.basis IN ('budget', 'final')
  AND f.key IN ('income.total', 'expenditure.total', 'expenditure.basic', 'expenditure.project', 'three_public.total')
GROUP BY ALL ORDER BY ALL`;
const COLUMNS = ["income", "expenditure", "basic", "project", "three_public"];

const rows = await queryArchive(file, SQL);
console.log(`\n${file}: facts by entity and key, in 元 (${rows.length} rows)`);
console.log(SQL.trim().replace(/^/gm, "  "));
// Chinese characters take two columns in a terminal.
const cjkWidth = (s) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const width = Math.max(...rows.map((r) => cjkWidth(String(r.entity ?? ""))), 6);
const pad = (s) => s + " ".repeat(Math.max(0, width - cjkWidth(s)));
// DECIMAL(20,4) prints its scale; the figures are exact either way.
const money = (v) => (v === null ? "—" : String(v).replace(/\.?0+$/, "")).padStart(14);
console.log(`\n  ${pad("entity")} year ${COLUMNS.map((c) => c.padStart(14)).join(" ")}`);
for (const r of rows) console.log(`  ${pad(String(r.entity ?? ""))} ${r.year ?? "    "} ${COLUMNS.map((c) => money(r[c])).join(" ")}`);
console.log(`\nOpen it yourself: duckdb ${file}   (or in Python: duckdb.connect("${file}").sql("…").df())`);
