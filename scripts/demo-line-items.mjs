// `npm run demo`, last step: a few line items of each sample, read from the batch's outputs (output/line-items.csv
// holds them all, one row each).
import { readFileSync } from "node:fs";
import path from "node:path";

const out = process.argv[2] ?? "output";
const perDocument = Number(process.argv[3] ?? 4);
const records = readFileSync(path.join(out, "manifest.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
for (const r of records) {
  if (!r.output) continue;
  const doc = JSON.parse(readFileSync(path.join(out, r.output), "utf8"));
  if (!doc.lineItems?.length) continue;
  console.log(`${r.path}: ${doc.lineItems.length} line items, e.g.`);
  for (const li of doc.lineItems.slice(0, perDocument)) {
    console.log(`  ${li.tableKind.padEnd(22)} ${(li.code ?? "—").padEnd(8)} ${li.level} ${li.name} | ${li.measure} | ${li.fund} | ${li.yuan} 元`);
  }
}
console.log(`All of them: ${path.join(out, "line-items.csv")}`);
