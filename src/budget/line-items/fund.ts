/** The funds a line item's figure covers: its table's, narrowed when the column header names a fund. */
import type { Fund, TableColumn } from "../../model/index.js";
import { fundNamedIn } from "../vocabulary.js";

const BREADTH: Readonly<Record<Fund, number>> = { all: 2, fiscal: 1, general_budget: 0, government_fund: 0, state_capital: 0 };

export function columnFund(tableFund: Fund, column: TableColumn): Fund {
  const header = column.path.join("").replace(/\s+/g, "");
  // Narrowest named first: a column "一般公共预算 / 财政拨款" is the 一般公共预算 part.
  const named = fundNamedIn(header);
  // A column only narrows: a 一般公共预算 table's "财政拨款" column is still 一般公共预算 money.
  return named !== undefined && BREADTH[named] <= BREADTH[tableFund] ? named : tableFund;
}
