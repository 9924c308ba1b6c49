// Meta is read by the modules of ./meta/ (candidates, weights, cover, fields); this path stays for its importers.
export { readMeta, type MetaInput } from "./meta/index.js";
