import { spawn } from "node:child_process";
import { accessSync, constants, readdirSync } from "node:fs";
import path from "node:path";
import { ExtractError } from "../../errors.js";

/** The LibreOffice module a conversion needs: Writer for .doc/.rtf, Calc for .xls. */
export type SofficeModule = "writer" | "calc";

function installHint(module: SofficeModule = "writer"): string {
  return `install LibreOffice (apt-get install libreoffice-${module}-nogui, or brew install --cask libreoffice) or set SOFFICE_PATH`;
}
const INSTALL_HINT = installHint();

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where LibreOffice is: $SOFFICE_PATH, then soffice/libreoffice on PATH, then the usual install places.
 * SOFFICE_PATH=none: as if it were not installed (a fresh machine, tests).
 */
export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv === "none") return null;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  const fixed = [
    "/usr/lib/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  ];
  try {
    for (const d of readdirSync("/opt")) if (d.startsWith("libreoffice")) fixed.push(`/opt/${d}/program/soffice`);
  } catch {
    // no /opt: nothing to add
  }
  return fixed.find(isExecutable) ?? null;
}

/** `what`: the files LibreOffice would read, e.g. "Word 97-2003 (.doc) files". */
export function sofficeMissingError(what = "Word 97-2003 (.doc) files", module: SofficeModule = "writer"): ExtractError {
  return new ExtractError("unsupported_format", `${what} are read by converting them with LibreOffice, which is not installed: ${installHint(module)}.`);
}

/**
 * Run `soffice --headless --convert-to <target>` on one or more files. Each run gets its own user profile
 * (-env:UserInstallation) so parallel conversions do not fight over LibreOffice's profile lock, and
 * the whole process group is killed on timeout (soffice is a launcher that forks soffice.bin).
 */
export async function convertWithSoffice(
  soffice: string,
  input: string | string[],
  outDir: string,
  profileDir: string,
  target: string,
  timeoutMs: number,
): Promise<void> {
  const args = [
    `-env:UserInstallation=${pathToFileUrl(profileDir)}`,
    "--headless",
    "--invisible",
    "--nologo",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    target,
    "--outdir",
    outDir,
    ...(Array.isArray(input) ? input : [input]),
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(soffice, args, { stdio: ["ignore", "ignore", "pipe"], detached: process.platform !== "win32" });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // already gone
      }
      reject(new ExtractError("timeout", `LibreOffice did not finish converting within ${timeoutMs} ms; raise --timeout-ms for large files.`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new ExtractError("io_error", `Could not start LibreOffice (${soffice}): ${e.message}; ${INSTALL_HINT}.`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new ExtractError("corrupt", `LibreOffice failed to convert the file (exit ${code}): ${stderr.trim().slice(0, 300)}. The file may be damaged or password-protected.`));
    });
  });
}

function pathToFileUrl(p: string): string {
  // LibreOffice wants a file:// URL; spaces and non-ASCII must be percent-encoded.
  const abs = path.resolve(p).split(path.sep).map(encodeURIComponent).join("/");
  return `file://${abs.startsWith("/") ? "" : "/"}${abs}`;
}
