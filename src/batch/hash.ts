/** sha256 of a file: read whole when small (one buffer, little garbage), streamed when large (constant memory). */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";

/** Files up to this size are read in one piece. */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;

export async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const fh = await open(file, "r");
  let size: number;
  try {
    size = (await fh.stat()).size;
    if (size <= WHOLE_READ_BYTES) {
      // One read and one buffer instead of a stream's chunks and events: the common case in an archive of small files.
      const bytes = await fh.readFile();
      return { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
    }
  } finally {
    await fh.close();
  }
  return sha256Stream(file);
}

function sha256Stream(file: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    let bytes = 0;
    createReadStream(file)
      .on("data", (chunk) => {
        bytes += chunk.length;
        hash.update(chunk);
      })
      .on("error", reject)
      .on("end", () => resolve({ sha256: hash.digest("hex"), bytes }));
  });
}
