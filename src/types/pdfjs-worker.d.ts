/** pdf.js ships no types for its worker module; it is imported only for its side effect (see readers/pdf/pdfjs-runtime.ts). */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
