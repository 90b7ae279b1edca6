// The preview's worker: pdf.js reads the exported PDF and draws its pages into
// OffscreenCanvases here, off the page's thread, and hands each picture over
// as an ImageBitmap. The page only puts the pictures up, so typing never
// waits for a redraw (tests/e2e/measure.mjs reports the longest stall).
//
// pdf.js's parser runs in this same worker ("fake worker"): handing operator
// lists from a second worker cost more than reading them. Glyphs are drawn as
// paths (disableFontFace), which needs no document and was faster than
// loading each PDF's fonts.
import "./polyfills";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import * as pdfjsWorker from "pdfjs-dist/legacy/build/pdf.worker.min.mjs";
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from "pdfjs-dist/types/src/display/api";
import type { FromWorker, PageBox, ToWorker } from "./preview-protocol";

(globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = pdfjsWorker;

interface CanvasAndContext {
  canvas: OffscreenCanvas | null;
  context: OffscreenCanvasRenderingContext2D | null;
}

/** pdf.js's scratch canvases (patterns, masks, groups), made without a document. */
class OffscreenCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error("Invalid canvas size");
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext("2d", { willReadFrequently: true }) };
  }
  reset(target: CanvasAndContext, width: number, height: number) {
    if (!target.canvas) throw new Error("Canvas is not specified");
    target.canvas.width = width;
    target.canvas.height = height;
  }
  destroy(target: CanvasAndContext) {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
}

/** No SVG filters without a document; the exported PDFs use none. */
class NoFilterFactory {
  addFilter() {
    return "none";
  }
  addHCMFilter() {
    return "none";
  }
  addAlphaFilter() {
    return "none";
  }
  addLuminosityFilter() {
    return "none";
  }
  addHighlightHCMFilter() {
    return "none";
  }
  destroy() {}
}

const post = (message: FromWorker, transfer: Transferable[] = []) => postMessage(message, { transfer });

const pdfWorker = new pdfjs.PDFWorker();
let current = 0;
let doc: PDFDocumentProxy | null = null;
let pages: { page: PDFPageProxy; scale: number }[] = [];
/** Pages are drawn one at a time, in the order asked. */
let queue: Promise<void> = Promise.resolve();
/** The page being drawn: a newer render cancels it. */
let drawing: RenderTask | null = null;
/** The newest render whose text has been read (once per render). */
let textRead = 0;

async function open(ticket: number, pdf: ArrayBuffer, width: number, zoom: number) {
  const started = performance.now();
  const next = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    worker: pdfWorker,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    CanvasFactory: OffscreenCanvasFactory,
    FilterFactory: NoFilterFactory,
  } as Parameters<typeof pdfjs.getDocument>[0]).promise;
  if (ticket !== current) return void next.destroy();
  const previous = doc;
  doc = next;
  void previous?.destroy();
  const fit = Math.max(200, width - 24);
  pages = await Promise.all(
    Array.from({ length: next.numPages }, async (_, i) => {
      const page = await next.getPage(i + 1);
      return { page, scale: zoom || fit / page.getViewport({ scale: 1 }).width };
    }),
  );
  if (ticket !== current) return;
  const boxes: PageBox[] = pages.map(({ page, scale }) => {
    const viewport = page.getViewport({ scale });
    return { width: Math.floor(viewport.width), height: Math.floor(viewport.height) };
  });
  post({ kind: "opened", ticket, pages: boxes, openMs: performance.now() - started });
}

async function draw(ticket: number, wanted: number[], ratio: number) {
  for (const i of wanted) {
    if (ticket !== current) return;
    const { page, scale } = pages[i] ?? {};
    if (!page || scale === undefined) continue;
    const started = performance.now();
    const viewport = page.getViewport({ scale: scale * ratio });
    const canvas = new OffscreenCanvas(Math.floor(viewport.width), Math.floor(viewport.height));
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This webview gives workers no 2D canvas");
    drawing = page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport });
    await drawing.promise;
    drawing = null;
    if (ticket !== current) return;
    const bitmap = canvas.transferToImageBitmap();
    post({ kind: "drawn", ticket, page: i, bitmap, drawMs: performance.now() - started }, [bitmap]);
  }
  if (ticket === current) post({ kind: "done", ticket });
}

async function text(ticket: number) {
  const texts: string[] = [];
  for (const { page } of pages) {
    const content = await page.getTextContent();
    if (ticket !== current) return;
    texts.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  post({ kind: "text", ticket, texts });
}

const fail = (ticket: number) => (e: unknown) => {
  if (ticket === current) post({ kind: "failed", ticket, message: e instanceof Error ? e.message : String(e) });
};

onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === "open") {
    current = message.ticket;
    drawing?.cancel();
    queue = queue.then(() => open(message.ticket, message.pdf, message.width, message.zoom)).catch(fail(message.ticket));
  } else {
    queue = queue.then(() => draw(message.ticket, message.pages, message.ratio)).catch(fail(message.ticket));
    if (message.ticket === current && textRead !== current) {
      textRead = current;
      queue = queue.then(() => text(message.ticket)).catch(fail(message.ticket));
    }
  }
};

if (typeof OffscreenCanvas === "undefined" || !new OffscreenCanvas(1, 1).getContext("2d"))
  post({ kind: "unsupported", reason: "this webview cannot draw in a worker (no OffscreenCanvas with a 2D context)" });
