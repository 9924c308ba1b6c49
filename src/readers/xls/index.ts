/**
 * Excel 97-2003 (.xls). BIFF8 (Excel 97 and later, WPS) is read here: the OLE container, then the workbook stream's
 * records, into the same sheet data as the .xlsx reader, so both share number formats, layout and references.
 * Why not LibreOffice, as for .doc: LibreOffice recalculates every formula when it loads an .xls (measured: a BIFF
 * FORMULA record saved with result 999 for =B1+B2 came out as 3), and the cached result is what the department
 * published. Why not SheetJS: its last npm release (xlsx 0.18.5, 2022) is unmaintained, with advisories fixed only
 * off npm. Older BIFF5/BIFF7 workbooks (Excel 5/95, a "Book" stream) still go through LibreOffice Calc, with a warning.
 */
import type { ReadContext, Reader, ReadResult } from "../types.js";
import { ExtractError } from "../../errors.js";
import { readXlsx } from "../xlsx/index.js";
import { WorkbookBlocks } from "../xlsx/workbook-blocks.js";
import { findSoffice, sofficeMissingError } from "../doc/soffice.js";
import { convertBytes, type Conversion } from "../doc/convert.js";
import { CompoundFile } from "./cfb.js";
import { NotBiff8, readBiff } from "./workbook.js";

const WORKBOOK_STREAM = "Workbook";

const XLS: Conversion = {
  from: "xls",
  to: ["xlsx", "xlsx:Calc MS Excel 2007 XML"],
  noOutput: "the .xls is damaged, password-protected or not an Excel workbook. Open it in Excel/WPS, remove any password and save it as .xlsx.",
};

function readBiff8(bytes: Uint8Array, ctx: ReadContext): ReadResult | null {
  const cfb = new CompoundFile(bytes);
  const stream = cfb.stream(WORKBOOK_STREAM);
  if (!stream) return null;
  let book;
  try {
    book = readBiff(stream, ctx.limits);
  } catch (e) {
    if (e instanceof NotBiff8) return null;
    throw e;
  }
  const blocks = new WorkbookBlocks(ctx.limits.maxCells);
  for (const s of book.sheets) if (blocks.wants(s.name, s.state !== 0)) blocks.add(s.name, WORKBOOK_STREAM, s.data);
  return blocks.finish(ctx.path);
}

/** Pre-BIFF8 workbooks: LibreOffice converts them to .xlsx (its formula results, recalculated, are what is read). */
async function readOlder(locate: () => string | null, bytes: Uint8Array, ctx: ReadContext): Promise<ReadResult> {
  const soffice = locate();
  if (!soffice) throw sofficeMissingError("Excel 5/95 (BIFF5) workbooks", "calc");
  const xlsx = await convertBytes(soffice, bytes, ctx, XLS);
  const read = await readXlsx(xlsx, { ...ctx, path: `${ctx.path} (converted by LibreOffice)` });
  const warning = { code: "xls_converted", message: `${ctx.path} is an Excel 5/95 workbook, read through LibreOffice Calc, which recalculates its formulas` };
  return { ...read, warnings: [warning, ...read.warnings] };
}

/** readXls with the LibreOffice lookup injected (tests simulate a machine without it). */
export function readXlsWith(locate: () => string | null): Reader {
  return async (bytes, ctx) => {
    let native: ReadResult | null;
    try {
      native = readBiff8(bytes, ctx);
    } catch (e) {
      if (e instanceof ExtractError) throw e;
      throw new ExtractError("corrupt", `${ctx.path}: the .xls workbook cannot be read (${(e as Error).message}); the file is damaged. Re-save it from Excel/WPS.`);
    }
    return native ?? readOlder(locate, bytes, ctx);
  };
}

export const readXls: Reader = readXlsWith(findSoffice);
