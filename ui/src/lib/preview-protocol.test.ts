import { describe, expect, it } from "vitest";
import { readPicture, readPreview } from "./preview-protocol";

interface Page {
  key: bigint;
  width: number;
  height: number;
  text: string;
}

/** A body as src-tauri's preview_pdf writes it, with `pictures` (page, width, height; pixels all `fill`). */
function body(preview: number, pages: Page[], pictures: [number, number, number][] = [], fill = 255): ArrayBuffer {
  const texts = pages.map((p) => new TextEncoder().encode(p.text));
  const drawn = pictures.reduce((n, [, w, h]) => n + 12 + w * h * 4, 4);
  const buffer = new ArrayBuffer(8 + 20 * pages.length + texts.reduce((n, t) => n + t.length, 0) + drawn);
  const view = new DataView(buffer);
  view.setUint32(0, preview, true);
  view.setUint32(4, pages.length, true);
  pages.forEach((p, i) => {
    view.setBigUint64(8 + 20 * i, p.key, true);
    view.setFloat32(16 + 20 * i, p.width, true);
    view.setFloat32(20 + 20 * i, p.height, true);
    view.setUint32(24 + 20 * i, texts[i].length, true);
  });
  let at = 8 + 20 * pages.length;
  for (const t of texts) {
    new Uint8Array(buffer, at).set(t);
    at += t.length;
  }
  view.setUint32(at, pictures.length, true);
  at += 4;
  for (const [page, width, height] of pictures) {
    [page, width, height].forEach((n, i) => view.setUint32(at + 4 * i, n, true));
    new Uint8Array(buffer, at + 12, width * height * 4).fill(fill);
    at += 12 + width * height * 4;
  }
  return buffer;
}

const twoPages: Page[] = [
  { key: 0xffffffffffffffffn, width: 595.5, height: 842, text: "PRESS RELEASE\nDushanbe — «Ω»" },
  { key: 1n, width: 595.5, height: 842, text: "Page 2 of 2" },
];

describe("reading the preview from Rust", () => {
  it("gives the preview's number and each page's fingerprint, size and text", () => {
    const read = readPreview(body(7, twoPages));
    expect(read.preview).toBe(7);
    expect(read.pages.map((p) => [p.key, p.width, p.height, p.text])).toEqual([
      ["ffffffffffffffff", 595.5, 842, "PRESS RELEASE\nDushanbe — «Ω»"],
      ["1", 595.5, 842, "Page 2 of 2"],
    ]);
    expect(read.pictures).toEqual([]);
  });

  it("gives the pictures that came with it", () => {
    const read = readPreview(body(3, twoPages, [[1, 2, 3], [0, 1, 1]], 9));
    expect(read.pictures.map(({ page, picture }) => [page, picture.width, picture.height, picture.pixels.length, picture.pixels[0]])).toEqual([
      [1, 2, 3, 24, 9],
      [0, 1, 1, 4, 9],
    ]);
  });

  it("refuses a body cut short, rather than showing part of a preview", () => {
    expect(() => readPreview(new ArrayBuffer(2))).toThrow("cut short");
    const whole = body(1, [{ key: 1n, width: 1, height: 1, text: "some text" }]);
    expect(() => readPreview(whole.slice(0, 20))).toThrow("cut short");
    expect(() => readPreview(whole.slice(0, whole.byteLength - 5))).toThrow("cut short");
    const drawn = body(1, twoPages, [[0, 2, 2]]);
    expect(() => readPreview(drawn.slice(0, drawn.byteLength - 1))).toThrow("cut short");
  });
});

describe("reading a page's picture from Rust", () => {
  /** A body as src-tauri's preview_page writes it: the pictures part of a render's answer alone. */
  const pictures = (list: [number, number, number][]) => body(0, [], list).slice(8);

  it("gives the one picture", () => {
    const read = readPicture(pictures([[1, 3, 2]]));
    expect([read?.width, read?.height, read?.pixels.length, read?.pixels[23]]).toEqual([3, 2, 24, 255]);
  });

  it("gives nothing for a preview a newer one replaced", () => {
    expect(readPicture(pictures([]))).toBeNull();
  });

  it("refuses pixels cut short, and more than one page", () => {
    const one = pictures([[0, 3, 2]]);
    expect(() => readPicture(one.slice(0, one.byteLength - 1))).toThrow("cut short");
    expect(() => readPicture(new ArrayBuffer(2))).toThrow("cut short");
    expect(() => readPicture(pictures([[0, 1, 1], [1, 1, 1]]))).toThrow("more than the one page");
  });
});
