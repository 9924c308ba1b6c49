#!/usr/bin/env node
// Harvests the 功能分类 code–name pairs the documents print, for src/budget/line-items/function-pairs.ts.
// Usage: node scripts/harvest-function-pairs.mjs <batch output folder> [more folders…]
// (a folder written by `batch … -o <folder>`; every document JSON in it is read, the manifest is not).
// Prints one line per code: code, tab, its names as printed, each with (documents printing it, latest fiscal year),
// most-printed first — the first name is the one to keep, later ones go after "|".
import fs from "node:fs";
import path from "node:path";

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error("usage: node scripts/harvest-function-pairs.mjs <batch output folder> [more folders…]");
  process.exit(2);
}

// The key two printings of one name share (as src/budget/meta/names.ts printedNameKey).
const norm = (s) => s.replace(/[\s\u3000]+/g, "").replace(/（/g, "(").replace(/）/g, ")");

function* documentFiles(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* documentFiles(p);
    else if (e.name.endsWith(".json")) yield p;
  }
}

const byCode = new Map();
for (const folder of folders) {
  for (const file of documentFiles(folder)) {
    const doc = JSON.parse(fs.readFileSync(file, "utf8"));
    for (const item of doc.lineItems ?? []) {
      if (item.classification !== "function" || !item.code) continue;
      if (!byCode.has(item.code)) byCode.set(item.code, new Map());
      const names = byCode.get(item.code);
      const name = norm(item.name);
      const seen = names.get(name) ?? { docs: new Set(), year: 0 };
      seen.docs.add(doc.source?.path ?? file);
      seen.year = Math.max(seen.year, doc.meta?.fiscalYear ?? 0);
      names.set(name, seen);
    }
  }
}

const out = [];
for (const code of [...byCode.keys()].sort()) {
  const names = [...byCode.get(code)].sort((a, b) => b[1].docs.size - a[1].docs.size || b[1].year - a[1].year);
  out.push(`${code}\t${names.map(([n, e]) => `${n}(${e.docs.size},${e.year})`).join(" / ")}`);
}
console.log(out.join("\n"));
