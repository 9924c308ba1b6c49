/**
 * The archive-wide long-format files of a batch — `--facts` and `--line-items` — opened before extraction, fed one
 * document at a time as documents finish, and moved into place when the batch ends.
 */
import path from "node:path";
import { ExtractError } from "../errors.js";
import type { Fact, LineItem } from "../model/index.js";
import { FactsWriter } from "../writers/facts.js";
import { LineItemsWriter } from "../writers/line-items.js";
import { longFormatOf, type DocInfo, type LongFormat } from "../writers/long-format.js";

function formatOf(file: string, what: string): LongFormat {
  const format = longFormatOf(file);
  if (!format) throw new ExtractError("io_error", `The ${what} file must end in .csv or .ndjson: ${file}`);
  return format;
}

export class ArchiveFiles {
  private constructor(
    readonly facts: FactsWriter | null,
    readonly lineItems: LineItemsWriter | null,
  ) {}

  /** Resolves and checks both paths; nothing is written until open(). */
  static of(cwd: string, factsFile: string | null | undefined, lineItemsFile: string | null | undefined): ArchiveFiles {
    const f = factsFile ? path.resolve(cwd, factsFile) : null;
    const l = lineItemsFile ? path.resolve(cwd, lineItemsFile) : null;
    if (f && l && f === l) throw new ExtractError("io_error", `--facts and --line-items name the same file: ${f}`);
    return new ArchiveFiles(f ? new FactsWriter(f, formatOf(f, "facts")) : null, l ? new LineItemsWriter(l, formatOf(l, "line-items")) : null);
  }

  /** Opens the temp files; after discovery, which would otherwise take them for inputs. */
  async open(): Promise<void> {
    await this.facts?.open();
    await this.lineItems?.open();
  }

  /** The files discovery must never take as inputs. */
  get paths(): string[] {
    return [this.facts?.file, this.lineItems?.file].filter((p): p is string => p !== undefined);
  }

  get wanted(): boolean {
    return this.facts !== null || this.lineItems !== null;
  }

  async add(doc: DocInfo, facts: readonly Fact[] | null, lineItems: readonly LineItem[] | null): Promise<void> {
    if (facts) await this.facts?.add(doc, facts);
    if (lineItems) await this.lineItems?.add(doc, lineItems);
  }

  async close(): Promise<void> {
    await this.facts?.close();
    await this.lineItems?.close();
  }
}
