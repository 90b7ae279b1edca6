// What Rust sends the preview (src-tauri/src/commands/compose.rs): a
// description of the PDF it rendered, then pictures of the pages in view,
// each drawn in Rust at the size it is shown.

/** One page of the preview. */
export interface PreviewPage {
  /** Equal for two renders of a page that draw the same (hex). */
  key: string;
  /** The page's size in points. */
  width: number;
  height: number;
  /** The page's text, a line to a line, for screen readers and finding words. */
  text: string;
}

/** One page drawn: RGBA pixels, rows from the top. */
export interface Picture {
  width: number;
  height: number;
  pixels: Uint8ClampedArray<ArrayBuffer>;
}

/** A rendered preview: its number (to ask for its pages), its pages, and the pictures that came with it. */
export interface PreviewPages {
  preview: number;
  pages: PreviewPage[];
  /** The pages in view whose fingerprint changed, drawn at the width asked for. */
  pictures: { page: number; picture: Picture }[];
}

/** What the preview shows now, sent with a preview request so that the answer brings the new pictures along. */
export interface PreviewView {
  /** The pages in view (from 0). */
  pages: number[];
  /** Their width on screen, in device pixels. */
  width: number;
  /** The fingerprint each page's picture shows, by page; "" for none. */
  shows: string[];
}

const cutShort = () => new Error("the preview from Rust is cut short");

/** Reads the pictures written from `at` on: their count (u32), then per picture its page, width and height (u32 each) and its pixels. */
function readPictures(body: ArrayBuffer, at: number): PreviewPages["pictures"] {
  const view = new DataView(body);
  if (at + 4 > body.byteLength) throw cutShort();
  const count = view.getUint32(at, true);
  at += 4;
  const pictures: PreviewPages["pictures"] = [];
  for (let i = 0; i < count; i++) {
    if (at + 12 > body.byteLength) throw cutShort();
    const [page, width, height] = [0, 4, 8].map((o) => view.getUint32(at + o, true));
    const size = width * height * 4;
    if (at + 12 + size > body.byteLength) throw cutShort();
    pictures.push({ page, picture: { width, height, pixels: new Uint8ClampedArray(body, at + 12, size) } });
    at += 12 + size;
  }
  return pictures;
}

/**
 * Reads `preview_pdf`'s answer, all little-endian: the preview's number
 * (u32), the page count (u32), per page its fingerprint (u64), width and
 * height in points (f32) and its text's length in bytes (u32); then the
 * texts, UTF-8, one after another; then the pictures that came with it.
 */
export function readPreview(body: ArrayBuffer): PreviewPages {
  const view = new DataView(body);
  if (body.byteLength < 8) throw cutShort();
  const preview = view.getUint32(0, true);
  const count = view.getUint32(4, true);
  let at = 8 + 20 * count;
  if (at > body.byteLength) throw cutShort();
  const decoder = new TextDecoder();
  const pages: PreviewPage[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 8 + 20 * i;
    const length = view.getUint32(entry + 16, true);
    if (at + length > body.byteLength) throw cutShort();
    pages.push({
      key: view.getBigUint64(entry, true).toString(16),
      width: view.getFloat32(entry + 8, true),
      height: view.getFloat32(entry + 12, true),
      text: decoder.decode(new Uint8Array(body, at, length)),
    });
    at += length;
  }
  return { preview, pages, pictures: readPictures(body, at) };
}

/**
 * Reads `preview_page`'s answer, written as a render's pictures are: the
 * one picture, or nothing when Rust has a newer preview than the one asked
 * for.
 */
export function readPicture(body: ArrayBuffer): Picture | null {
  const pictures = readPictures(body, 0);
  if (pictures.length > 1) throw new Error("Rust sent more than the one page asked for");
  return pictures[0]?.picture ?? null;
}
