import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const samples = (name: string) => path.join(repoRoot, "samples", name);
/** The research corpus beside the checkout; absent in a user's clone, where corpus tests skip. */
export const sharedDir = path.resolve(repoRoot, "../shared");
export const hasShared = existsSync(path.join(sharedDir, "corpus"));
export const corpus = (rel: string) => path.join(sharedDir, "corpus", rel);
export const SKIP_SHARED = "../shared/corpus is absent (a user's clone): corpus tests skipped";
if (!hasShared) console.warn(SKIP_SHARED);
