export { TABLE_CATALOG, tableKindSpec, type FactReading, type TableKindSpec } from "./tables.js";
export { classifyTable, classifyTables, kindOfTitle, signatureCells, type TableKind } from "./classify.js";
export { FUNCTION_CLASS_NAMES } from "./classes.js";
export { TABLE_CONTENT, listsEconomicClasses, type TableContent } from "./content.js";
