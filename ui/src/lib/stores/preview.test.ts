import type { PreviewPages } from "../preview-protocol";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Checked } from "../bindings/Checked";
import { IpcFailure } from "../ipc";
import { Form } from "./form.svelte";
import { Notices } from "./notices.svelte";
import { PREVIEW_MS, PreviewCycle } from "./preview.svelte";
import { answerAsUsual, draft, headlines, previewOf, rust, settle } from "./testing";

vi.mock("../ipc", async (actual) => (await import("./fake-ipc")).fakeIpc(await actual()));

const checked = (headline: string): Checked => ({
  findings: [{ severity: "warning", code: "c", path: "release.headline", message: headline }],
  complete: [],
  direction: "ltr",
  subject: headline,
  printed: { dateline: headline, quotes: [], contacts: "" },
});

function cycle() {
  const notices = new Notices(new Form());
  return { notices, preview: new PreviewCycle(notices) };
}

beforeEach(() => {
  vi.useFakeTimers();
  answerAsUsual();
  rust.checkDraft.mockImplementation((d) => Promise.resolve(checked(d.release.headline)));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the preview cycle", () => {
  it("refreshes once typing pauses, with the newest draft", async () => {
    const { preview } = cycle();
    preview.edited(draft("A"), 1);
    await vi.advanceTimersByTimeAsync(PREVIEW_MS - 1);
    preview.edited(draft("AB"), 2);
    await vi.advanceTimersByTimeAsync(PREVIEW_MS - 1);
    expect(rust.previewPdf).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(headlines(rust.checkDraft.mock.calls, 0)).toEqual(["AB"]);
    expect(headlines(rust.previewPdf.mock.calls, 0)).toEqual(["AB"]);
    expect([preview.printed?.dateline, preview.findings[0].message, preview.editedAt]).toEqual(["AB", "AB", 2]);
  });

  it("shows the pages without waiting for a slow check, and then checks only the newest draft", async () => {
    const { preview } = cycle();
    const slow = settle<Checked>();
    rust.checkDraft.mockReturnValueOnce(slow.promise);
    preview.edited(draft("A"), 1);
    await vi.advanceTimersByTimeAsync(PREVIEW_MS);
    expect([preview.shown !== null, preview.editedAt, preview.findings]).toEqual([true, 1, []]);
    preview.edited(draft("AB"), 2);
    await vi.advanceTimersByTimeAsync(PREVIEW_MS);
    preview.edited(draft("ABC"), 3);
    await vi.advanceTimersByTimeAsync(PREVIEW_MS);
    expect(headlines(rust.previewPdf.mock.calls, 0)).toEqual(["A", "AB", "ABC"]);
    expect(headlines(rust.checkDraft.mock.calls, 0)).toEqual(["A"]);
    slow.resolve(checked("A"));
    await vi.runAllTimersAsync();
    expect(headlines(rust.checkDraft.mock.calls, 0)).toEqual(["A", "ABC"]);
    expect(preview.findings[0].message).toBe("ABC");
  });

  it("waits for the check of the draft it was given before it resolves", async () => {
    const { preview } = cycle();
    const slow = settle<Checked>();
    rust.checkDraft.mockReturnValueOnce(slow.promise);
    let done = false;
    void preview.now(draft("Before export")).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10);
    expect([preview.shown !== null, done]).toEqual([true, false]);
    slow.resolve(checked("Before export"));
    await vi.runAllTimersAsync();
    expect([done, preview.findings[0].message]).toEqual([true, "Before export"]);
  });

  it("runs one refresh at a time; edits made meanwhile are shown by one more, of the newest draft", async () => {
    const { preview } = cycle();
    const first = settle<PreviewPages>();
    rust.previewPdf.mockReturnValueOnce(first.promise);
    void preview.now(draft("Opened"));
    preview.edited(draft("Opened, e"), 10);
    await vi.advanceTimersByTimeAsync(PREVIEW_MS);
    preview.edited(draft("Opened, ed"), 20);
    await vi.advanceTimersByTimeAsync(PREVIEW_MS);
    expect(rust.previewPdf).toHaveBeenCalledTimes(1);
    first.resolve(previewOf(["a"]));
    await vi.runAllTimersAsync();
    expect(headlines(rust.previewPdf.mock.calls, 0)).toEqual(["Opened", "Opened, ed"]);
    expect([preview.printed?.dateline, preview.editedAt]).toEqual(["Opened, ed", 20]);
  });

  it("shows no error for a refresh a newer edit supersedes, and the newest refresh's error", async () => {
    const { notices, preview } = cycle();
    const [first, second] = [settle<PreviewPages>(), settle<PreviewPages>()];
    rust.previewPdf.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    void preview.now(draft("Old"));
    preview.edited(draft("New"), 5);
    await vi.advanceTimersByTimeAsync(PREVIEW_MS);
    first.reject(new IpcFailure({ code: "pdf-font", message: "the old one failed", path: null }));
    await vi.runAllTimersAsync();
    expect(headlines(rust.previewPdf.mock.calls, 0)).toEqual(["Old", "New"]);
    expect(notices.toast).toBeNull();
    second.reject(new IpcFailure({ code: "pdf-font", message: "the newest failed", path: null }));
    await vi.runAllTimersAsync();
    expect(notices.toast).toEqual({ message: "the newest failed", kind: "error" });
  });

  it("tells a draft as opened (edit time 0) from an edit, and times Rust's part", async () => {
    const { preview } = cycle();
    rust.previewPdf.mockImplementation(async () => {
      await new Promise((wait) => setTimeout(wait, 25));
      return previewOf(["a", "b"], 2);
    });
    preview.edited(draft("Edited"), 1234);
    await vi.runAllTimersAsync();
    expect([preview.editedAt, preview.ms]).toEqual([1234, 25]);
    await Promise.all([preview.now(draft("Opened")), vi.runAllTimersAsync()]);
    expect(preview.editedAt).toBe(0);
    expect(preview.shown).toEqual(previewOf(["a", "b"], 2));
  });

  it("counts only errors as errors", async () => {
    const { preview } = cycle();
    preview.findings = [
      { severity: "warning", code: "w", path: "release.headline", message: "w" },
      { severity: "error", code: "e", path: "release.kind", message: "e" },
    ];
    expect(preview.errors.map((f) => f.code)).toEqual(["e"]);
  });
});
