/** One external program run for OCR (Tesseract, pdftoppm): its stdout, or an error; killed at its time limit. */
import { spawn } from "node:child_process";

/** A page that ran past its own time limit. */
export class OcrTimeout extends Error {
  constructor(readonly ms: number) {
    super(`OCR of the page took longer than ${Math.round(ms)} ms`);
    this.name = "OcrTimeout";
  }
}

export interface ChildRun {
  bin: string;
  args: string[];
  /** Bytes written to the program's stdin (a page image, a PDF). */
  input?: Buffer;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export function runChild(run: ChildRun): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.bin, run.args, { env: run.env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new OcrTimeout(run.timeoutMs));
    }, run.timeoutMs);
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${run.bin} exited ${code}: ${err.trim().slice(0, 300)}`));
    });
    child.stdin.on("error", () => undefined); // a killed child closes its stdin early
    child.stdin.end(run.input ?? Buffer.alloc(0));
  });
}
