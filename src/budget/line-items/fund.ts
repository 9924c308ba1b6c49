/** The funds a line item's figure covers: its table's, narrowed when the column header names a fund. */
import type { Fund, TableColumn } from "../../model/index.js";

// Narrower first: a column "一般公共预算 / 财政拨款" is the 一般公共预算 part. 非财政拨款 is not 财政拨款.
const COLUMN_FUNDS: readonly [RegExp, Fund][] = [
  [/政府性基金/, "government_fund"],
  [/国有资本经营/, "state_capital"],
  [/一般公共预算/, "general_budget"],
  [/(?<!非)财政拨款/, "fiscal"],
];

const BREADTH: Readonly<Record<Fund, number>> = { all: 2, fiscal: 1, general_budget: 0, government_fund: 0, state_capital: 0 };

export function columnFund(tableFund: Fund, column: TableColumn): Fund {
  const header = column.path.join("").replace(/\s+/g, "");
  const named = COLUMN_FUNDS.find(([re]) => re.test(header))?.[1];
  // A column only narrows: a 一般公共预算 table's "财政拨款" column is still 一般公共预算 money.
  return named !== undefined && BREADTH[named] <= BREADTH[tableFund] ? named : tableFund;
}
