import { describe, expect, it } from "vitest";
import { readPreview } from "./preview-protocol";

/** A body as src-tauri's preview_pdf writes it. */
function body(keys: bigint[], pdf: number[]): ArrayBuffer {
  const buffer = new ArrayBuffer(4 + 8 * keys.length + pdf.length);
  const view = new DataView(buffer);
  view.setUint32(0, keys.length, true);
  keys.forEach((k, i) => view.setBigUint64(4 + 8 * i, k, true));
  new Uint8Array(buffer, 4 + 8 * keys.length).set(pdf);
  return buffer;
}

describe("reading the preview from Rust", () => {
  it("gives the page fingerprints and the PDF after them", () => {
    const read = readPreview(body([0xffffffffffffffffn, 1n], [37, 80, 68, 70]));
    expect(read.pageKeys).toEqual(["ffffffffffffffff", "1"]);
    expect([...read.pdf]).toEqual([37, 80, 68, 70]);
  });

  it("refuses a body cut short, rather than showing part of a PDF", () => {
    expect(() => readPreview(new ArrayBuffer(2))).toThrow("cut short");
    const short = body([1n, 2n], []).slice(0, 10);
    expect(() => readPreview(short)).toThrow("cut short");
  });
});
