// pdf.js's parser, loaded on the page's own thread (see Preview.svelte).
declare module "pdfjs-dist/legacy/build/pdf.worker.min.mjs" {
  export const WorkerMessageHandler: unknown;
}
