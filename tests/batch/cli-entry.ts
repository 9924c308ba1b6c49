/** Runs `batch` from the TypeScript sources (tests spawn it with `node --import tsx`), independent of dist/. */
import { batchCommand } from "../../src/cli/batch.js";

batchCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`batch: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
