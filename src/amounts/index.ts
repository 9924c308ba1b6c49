/** Amount recognition: money, plain numbers and percentages in Chinese budget text. */
export { recognizeAmounts } from "./recognize.js";
export type { MoneyUnitLike, RecognizeOptions } from "./recognize.js";
export { parseChineseNumber } from "./chinese.js";
