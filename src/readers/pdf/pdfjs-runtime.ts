/**
 * pdf.js, loaded so that it leaves the process's built-ins alone.
 *
 * The legacy build (the one for Node) bundles core-js, and at import time core-js *replaces* built-ins it judges
 * non-conforming on edge cases — on Node 20 Array.prototype.push and JSON.parse — with JavaScript polyfills, for
 * the whole thread. Every array push in our pipeline (and in a library user's own code) then runs through a
 * polyfill: measured on the PDF samples, `push` and the length setter it calls were 14% of a PDF extraction's CPU.
 * So both pdf.js modules (the API and the worker code its in-process "fake worker" imports) are loaded here,
 * once, between a snapshot of the built-ins and a restore of any it replaced. What core-js only *adds*
 * (Promise.withResolvers …) stays: pdf.js needs it.
 *
 * Every module of the PDF reader reaches pdf.js through this one, never by a value import of its own.
 */
import type * as PdfjsApi from "pdfjs-dist/legacy/build/pdf.mjs";

/** Built-ins whose own properties are restored if an import replaced them. */
function guardedObjects(): object[] {
  const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };
  return [
    Array, Array.prototype, Object, Object.prototype, Function.prototype, String, String.prototype, Number, Number.prototype,
    Math, JSON, Reflect, Promise, Promise.prototype, Map, Map.prototype, Set, Set.prototype, WeakMap.prototype,
    Symbol, ArrayBuffer, ArrayBuffer.prototype, typedArray, typedArray.prototype, Uint8Array, RegExp.prototype, Date,
    Date.prototype, Error,
  ];
}

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(objects: object[]): Snapshot {
  const snap: Snapshot = new Map();
  for (const obj of objects) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(obj)) props.set(key, Object.getOwnPropertyDescriptor(obj, key)!);
    snap.set(obj, props);
  }
  return snap;
}

/** Puts back every property that was replaced (value or accessor changed); returns their names. */
function restore(snap: Snapshot): string[] {
  const restored: string[] = [];
  for (const [obj, props] of snap) {
    for (const [key, before] of props) {
      const now = Object.getOwnPropertyDescriptor(obj, key);
      if (!now || Object.is(now.value, before.value) && now.get === before.get && now.set === before.set) continue;
      if (!now.configurable) continue;
      Object.defineProperty(obj, key, before);
      restored.push(String(key));
    }
  }
  return restored;
}

async function load(): Promise<{ api: typeof PdfjsApi; restored: string[] }> {
  const snap = snapshot(guardedObjects());
  let api: typeof PdfjsApi;
  try {
    api = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // In Node pdf.js runs its worker code in-process, importing "./pdf.worker.mjs" (GlobalWorkerOptions.workerSrc)
    // on the first getDocument. Importing the same file now puts it in the module cache, so that later import
    // evaluates nothing — and its own core-js copy runs inside this guard.
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
  } catch (e) {
    restore(snap);
    throw e;
  }
  return { api, restored: restore(snap) };
}

const loaded = await load();

/** The pdf.js API (getDocument, Util, OPS …). */
export const pdfjs: typeof PdfjsApi = loaded.api;

/** Names of the built-ins the pdf.js import replaced and this module put back (for tests and diagnostics). */
export const restoredBuiltins: readonly string[] = loaded.restored;
