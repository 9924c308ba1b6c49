/** Sheets → reader blocks, shared by the .xlsx and .xls readers: hidden sheets skipped with a warning, ids across sheets. */
import type { ReaderBlock, Warning } from "../../model/index.js";
import { BlockIds } from "../types.js";
import { sheetBlocks } from "./layout.js";
import type { SheetData } from "./sheet.js";
import { visibleSheet } from "./visible.js";

export class WorkbookBlocks {
  readonly blocks: ReaderBlock[] = [];
  readonly warnings: Warning[] = [];
  private readonly ids = new BlockIds();
  private readonly counter = { paragraph: 0, table: 0 };
  private visible = 0;

  /** `maxCells`: --max-cells, which also bounds each sheet's positions and each table's grid. */
  constructor(private readonly maxCells: number) {}

  /** False when the sheet is hidden (it is skipped and a warning says so): its cells need not be read. */
  wants(name: string, hidden: boolean): boolean {
    if (!hidden) return true;
    this.warnings.push({ code: "xlsx_hidden_sheet", message: `sheet "${name}" is hidden in the workbook and was skipped` });
    return false;
  }

  add(name: string, part: string, data: SheetData): void {
    this.visible++;
    if (data.uncachedFormulas > 0) {
      this.warnings.push({
        code: "xlsx_formula_uncached",
        message: `sheet "${name}": ${data.uncachedFormulas} formula cell(s) have no saved result and read as empty (formulas are never evaluated); open and save the file in Excel/WPS to store them`,
      });
    }
    const sheet = visibleSheet(data, name, part, this.warnings, this.maxCells);
    this.blocks.push(...sheetBlocks(sheet, this.ids, this.counter, this.maxCells));
  }

  finish(path: string): { blocks: ReaderBlock[]; warnings: Warning[] } {
    if (this.visible === 0) this.warnings.push({ code: "xlsx_no_visible_sheet", message: `${path}: no visible worksheet; nothing was read` });
    return { blocks: this.blocks, warnings: this.warnings };
  }
}
