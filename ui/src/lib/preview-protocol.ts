// The messages between the preview (Preview.svelte, on the page's thread)
// and the preview worker (preview-worker.ts), which reads and draws the PDF.
// Every message carries the ticket of the render it belongs to; the worker
// drops work for a ticket that a newer one has superseded.

/** The preview as Rust sends it: the PDF, and each page's fingerprint. */
export interface PreviewPdf {
  pdf: Uint8Array;
  /** Equal for two renders of a page that draw the same (hex). */
  pageKeys: string[];
}

/**
 * Reads Rust's preview: a little-endian u32 page count, a little-endian u64
 * fingerprint per page, then the PDF (src-tauri/src/commands/compose.rs).
 */
export function readPreview(body: ArrayBuffer): PreviewPdf {
  const view = new DataView(body);
  const count = body.byteLength >= 4 ? view.getUint32(0, true) : -1;
  const start = 4 + 8 * count;
  if (count < 0 || start > body.byteLength) throw new Error("the preview from Rust is cut short");
  const pageKeys: string[] = [];
  for (let i = 0; i < count; i++) pageKeys.push(view.getBigUint64(4 + 8 * i, true).toString(16));
  return { pdf: new Uint8Array(body, start), pageKeys };
}

/** Page → worker. */
export type ToWorker =
  /** Open these bytes (the exported PDF) and lay its pages out at this width or zoom. */
  | { kind: "open"; ticket: number; pdf: ArrayBuffer; width: number; zoom: number }
  /** Draw these pages (0-based) at this device pixel ratio. */
  | { kind: "draw"; ticket: number; pages: number[]; ratio: number };

/** A page's size on screen, in CSS pixels. */
export interface PageBox {
  width: number;
  height: number;
}

/** Worker → page. */
export type FromWorker =
  /** The worker cannot draw here: the page says so instead of a preview. */
  | { kind: "unsupported"; reason: string }
  | { kind: "opened"; ticket: number; pages: PageBox[]; openMs: number }
  /** One page's picture, transferred (not copied). */
  | { kind: "drawn"; ticket: number; page: number; bitmap: ImageBitmap; drawMs: number }
  /** Every page asked for in the last "draw" is drawn. */
  | { kind: "done"; ticket: number }
  /** The pages' text, for screen readers and for finding words in the preview. */
  | { kind: "text"; ticket: number; texts: string[] }
  | { kind: "failed"; ticket: number; message: string };
