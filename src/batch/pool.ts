/**
 * A pool of worker threads running extractFile, one document per worker at a time. Parsing is CPU-bound, so
 * threads — not promises — are what spread it over cores. Each document has a wall-clock timeout and each worker
 * a heap ceiling; a worker that overruns either is terminated and replaced, and its document gets a typed error
 * (timeout / too_large) while the batch goes on.
 *
 * Memory stays flat over long runs because a worker is also recycled (ended and replaced, between documents) when
 * its committed V8 heap after a document is above `recycleHeapMb`, or after `recycleAfterDocs` documents: V8 gives
 * freed heap back to the OS reluctantly, and a fresh isolate is the only sure way to shed what one big document grew.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExtractFailure, ExtractOutcome, ExtractTask, WorkerMessage } from "./messages.js";

export interface PoolOptions {
  size: number;
  /** Per-document wall-clock limit. */
  timeoutMs: number;
  /** Old-generation heap ceiling of each worker (Worker resourceLimits.maxOldGenerationSizeMb). */
  maxWorkerMb: number;
  /** Young-generation size of each worker; V8's default (48 MB) is mostly garbage held as resident memory. */
  maxYoungMb?: number;
  /** Recycle a worker whose committed heap is above this after a document. */
  recycleHeapMb?: number;
  /** Recycle a worker after this many documents (a backstop for memory held outside the V8 heap). */
  recycleAfterDocs?: number;
}

/**
 * 8 MB: on 120 mixed documents, GC pauses 1.25 s instead of 1.03 s with 16 MB (+2% of the run's CPU, --trace-gc),
 * for 10–25 MB less resident memory per worker (64 PDFs with 2 workers: peak 217 vs 233 MB).
 */
export const DEFAULT_MAX_YOUNG_MB = 8;
export const DEFAULT_RECYCLE_HEAP_MB = 96;
/** Heap ceiling per worker. The largest corpus document (a 3.6 MB 烟台 PDF) needs 256–512 MB; twice that is room. */
export const DEFAULT_MAX_WORKER_MB = 1024;
export const DEFAULT_RECYCLE_AFTER_DOCS = 2000;

interface WorkerLimits {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
}

interface Job {
  task: ExtractTask;
  resolve: (outcome: ExtractOutcome) => void;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** performance.now() when the current job was sent. */
  started: number;
  lastError: Error | null;
  /** Documents the current worker has finished. */
  docs: number;
  /** Its worker is being ended to be replaced: the slot is not free for a new worker meanwhile. */
  retiring: boolean;
}

/**
 * Built JS (dist/) runs worker.js directly. From TypeScript sources (tsx, vitest) the worker is worker.ts, loaded
 * through tsx's API: Node 20 ignores `--import` in a Worker's execArgv, so a small bootstrap registers tsx first.
 */
function createWorker(resourceLimits: WorkerLimits): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return new Worker(new URL("./worker.js", import.meta.url), { resourceLimits });
  const workerUrl = pathToFileURL(path.join(path.dirname(here), "worker.ts")).href;
  const tsxPackage = createRequire(import.meta.url).resolve("tsx/package.json");
  const tsxApi = pathToFileURL(path.join(path.dirname(tsxPackage), "dist/esm/api/index.mjs")).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}))`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

export class WorkerPool {
  private readonly options: PoolOptions;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closing = false;
  /** Set when a worker dies before it ever became ready: respawning would loop forever. */
  private startupError: Error | null = null;
  private startupFailures = 0;
  /** Workers replaced after a timeout, an out-of-memory end or a crash. */
  replaced = 0;
  /** Workers ended on purpose between documents to give their memory back. */
  recycled = 0;
  private readonly recycleHeapMb: number;
  private readonly recycleAfterDocs: number;

  constructor(options: PoolOptions) {
    this.options = options;
    this.recycleHeapMb = options.recycleHeapMb ?? DEFAULT_RECYCLE_HEAP_MB;
    this.recycleAfterDocs = options.recycleAfterDocs ?? DEFAULT_RECYCLE_AFTER_DOCS;
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, ready: false, job: null, timer: null, started: 0, lastError: null, docs: 0, retiring: false }));
  }

  run(task: Omit<ExtractTask, "id">): Promise<ExtractOutcome> {
    return new Promise((resolve) => {
      const job = { task: { ...task, id: this.nextId++ }, resolve };
      if (this.startupError) return resolve(failure(job.task.id, "internal", `The extraction worker could not start: ${this.startupError.message}`));
      this.queue.push(job);
      this.startMore();
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        const w = slot.worker;
        slot.worker = null;
        if (slot.timer) clearTimeout(slot.timer);
        if (w) await w.terminate();
      }),
    );
  }

  /**
   * Workers start on the first task (a resumed run with nothing to do pays no start-up), one at a time: the next
   * starts when the previous is ready. Workers loading their modules all at once were a long run's memory peak.
   */
  private startMore(): void {
    if (this.closing || this.startupError || this.queue.length === 0) return;
    if (this.slots.some((sl) => sl.worker !== null && !sl.ready)) return;
    const idle = this.slots.find((sl) => sl.worker === null && !sl.retiring);
    if (idle) this.spawn(idle);
  }

  private spawn(slot: Slot): void {
    if (this.closing || this.startupError) return;
    const worker = createWorker({
      maxOldGenerationSizeMb: this.options.maxWorkerMb,
      maxYoungGenerationSizeMb: this.options.maxYoungMb ?? DEFAULT_MAX_YOUNG_MB,
    });
    slot.worker = worker;
    slot.ready = false;
    slot.lastError = null;
    slot.docs = 0;
    worker.on("message", (m: WorkerMessage) => {
      if (slot.worker !== worker) return;
      if (m.type === "ready") {
        slot.ready = true;
        this.startupFailures = 0;
        this.startMore();
        this.pump();
        return;
      }
      slot.docs++;
      const recycle = slot.docs >= this.recycleAfterDocs || m.heapMb > this.recycleHeapMb;
      // Retired before the next job is handed out, so that job goes to the fresh worker.
      if (recycle) {
        this.recycled++;
        // The replacement starts once the old isolate is gone, so the two never hold memory at the same time.
        this.retire(slot, worker, () => this.spawn(slot));
      }
      this.finish(slot, m.outcome);
    });
    worker.on("error", (e) => {
      if (slot.worker === worker) slot.lastError = e;
    });
    worker.on("exit", () => {
      if (slot.worker !== worker) return; // retired on purpose (timeout, close)
      slot.worker = null;
      if (!slot.ready && !slot.job) {
        // A worker can die while starting (e.g. GC pressure right at the heap ceiling); a few retries, then give up.
        if (++this.startupFailures >= 3) {
          this.failStartup(slot.lastError ?? new Error("the worker exited during startup"));
          return;
        }
        this.spawn(slot);
        return;
      }
      const job = slot.job;
      if (job) {
        const oom = (slot.lastError as NodeJS.ErrnoException | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";
        const outcome = oom
          ? failure(job.task.id, "too_large", `Extraction needed more than ${this.options.maxWorkerMb} MB of heap (raise it with --max-worker-mb).`)
          : failure(job.task.id, "internal", `The extraction worker crashed: ${slot.lastError?.message ?? "exited unexpectedly"}. Please report it with the input file.`);
        this.finish(slot, outcome, false);
      }
      this.replaced++;
      this.spawn(slot);
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.worker || !slot.ready || slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      const worker = slot.worker;
      slot.started = performance.now();
      slot.timer = setTimeout(() => this.timeOut(slot, worker), this.options.timeoutMs);
      worker.postMessage(job.task);
    }
  }

  /** Ends `worker` on purpose: its exit event is ignored (slot.worker no longer points to it). */
  private retire(slot: Slot, worker: Worker, then?: () => void): void {
    slot.worker = null;
    slot.ready = false;
    if (!then) {
      void worker.terminate();
      return;
    }
    slot.retiring = true;
    const next = () => {
      slot.retiring = false;
      then();
    };
    worker.terminate().then(next, next);
  }

  private timeOut(slot: Slot, worker: Worker): void {
    if (slot.worker !== worker || !slot.job) return;
    const job = slot.job;
    this.retire(slot, worker);
    this.finish(slot, failure(job.task.id, "timeout", `Extraction took longer than ${this.options.timeoutMs} ms and was stopped (raise it with --timeout-ms).`), false);
    this.replaced++;
    this.spawn(slot);
  }

  private finish(slot: Slot, outcome: ExtractOutcome, pump = true): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    // Crashes and timeouts are timed here; a worker's own answer carries its measured duration.
    job?.resolve({ ...outcome, id: job.task.id, durationMs: outcome.durationMs || performance.now() - slot.started });
    if (pump) this.pump();
  }

  private failStartup(error: Error): void {
    this.startupError = error;
    for (const job of this.queue.splice(0)) job.resolve(failure(job.task.id, "internal", `The extraction worker could not start: ${error.message}`));
  }
}

function failure(id: number, code: ExtractFailure["error"]["code"], message: string): ExtractFailure {
  return { id, ok: false, error: { code, message }, format: null, durationMs: 0 };
}
