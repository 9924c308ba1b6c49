export * from "./provenance.js";
export * from "./blocks.js";
export * from "./section.js";
export * from "./table.js";
export * from "./amount.js";
export * from "./budget.js";
export * from "./document.js";
export * from "./manifest.js";
