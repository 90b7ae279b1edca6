// pdf.js's parser, loaded into the preview worker itself (see lib/preview-worker.ts).
declare module "pdfjs-dist/legacy/build/pdf.worker.min.mjs" {
  export const WorkerMessageHandler: unknown;
}
