import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IpcFailure } from "../ipc";
import { answerAsUsual, draft, entry, opened, rust, started, typeHeadline } from "./testing";

vi.mock("../ipc", async (actual) => (await import("./fake-ipc")).fakeIpc(await actual()));

beforeEach(() => {
  vi.useFakeTimers();
  answerAsUsual();
  rust.openDraft.mockImplementation((id) => Promise.resolve(opened(id, `${id}-r`, draft(`Draft ${id}`))));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the drafts library", () => {
  it("deleting the open draft saves it first and opens the next readable one; Undo restores and reopens it", async () => {
    const s = await started();
    typeHeadline(s, "Last words");
    rust.listDrafts.mockResolvedValue([entry("broken", "not JSON"), entry("d2")]);
    await s.library.remove("d1");
    expect(rust.saveDraft.mock.invocationCallOrder[0]).toBeLessThan(rust.deleteDraft.mock.invocationCallOrder[0]);
    expect(rust.deleteDraft).toHaveBeenCalledWith("d1");
    expect(rust.openDraft.mock.calls).toEqual([["d2"]]);
    expect(s.session.id).toBe("d2");
    expect(s.notices.toast?.message).toBe("Draft moved to the trash.");

    await s.notices.toast!.undo!();
    expect(rust.undeleteDraft).toHaveBeenCalledWith("d1");
    expect(rust.openDraft.mock.calls).toEqual([["d2"], ["d1"]]);
    expect(s.session.id).toBe("d1");
  });

  it("deleting the last draft starts a new one", async () => {
    const s = await started();
    rust.listDrafts.mockResolvedValue([]);
    rust.createDraft.mockResolvedValue(opened("d7", "r7", draft("")));
    await s.library.remove("d1");
    expect(rust.createDraft).toHaveBeenCalledWith(false);
    expect(s.session.id).toBe("d7");
  });

  it("deleting another draft leaves the open one open", async () => {
    const s = await started();
    rust.listDrafts.mockResolvedValue([entry("d2"), entry("d1")]);
    await s.library.remove("d5");
    expect(rust.deleteDraft).toHaveBeenCalledWith("d5");
    expect(rust.openDraft).not.toHaveBeenCalled();
    expect(rust.createDraft).not.toHaveBeenCalled();
    expect(s.session.id).toBe("d1");
  });

  it("new and duplicate save the draft being left, and make nothing when that save fails", async () => {
    const s = await started();
    s.form.step = "contacts";
    typeHeadline(s, "Unsaved");
    rust.saveDraft.mockRejectedValue(new IpcFailure({ code: "disk-full", message: "full", path: null }));
    await s.library.create(true);
    await s.library.duplicate();
    expect(rust.createDraft).not.toHaveBeenCalled();
    expect(rust.duplicateDraft).not.toHaveBeenCalled();
    expect([s.session.id, s.session.draft?.release.headline]).toEqual(["d1", "Unsaved"]);

    rust.saveDraft.mockResolvedValue({ revision: "r2", kept_as: null });
    rust.createDraft.mockResolvedValue(opened("d8", "r8", draft("Example")));
    await s.library.create(true);
    expect(rust.createDraft).toHaveBeenCalledWith(true);
    expect([s.session.id, s.form.step]).toEqual(["d8", "release"]);
  });

  it("duplicating edits the copy; a file edited in place is imported instead", async () => {
    const s = await started();
    rust.duplicateDraft.mockResolvedValue(opened("d1-copy", "c1"));
    await s.library.duplicate();
    expect(rust.duplicateDraft).toHaveBeenCalledWith("d1");
    expect(s.session.id).toBe("d1-copy");
    expect(s.notices.toast?.message).toBe("Duplicated: you are editing the copy.");

    rust.takeOpenedFile.mockResolvedValueOnce({ kind: "outside", file: { path: "/m/a.release.json", name: "a.release.json", draft: draft("Theirs"), revision: "f1" } });
    await s.session.takeFile();
    await s.session.answerOffer("in-place");
    rust.importDraft.mockImplementation((d) => Promise.resolve(opened("d9", "r9", d)));
    await s.library.duplicate();
    expect(rust.duplicateDraft).toHaveBeenCalledTimes(1);
    expect(rust.importDraft).toHaveBeenCalledTimes(1);
    expect([s.session.id, s.session.file]).toEqual(["d9", null]);
  });

  it("shows headline matches at once, then what the full-text search found", async () => {
    const s = await started();
    rust.listDrafts.mockResolvedValue([entry("d1", null, "Clean water for all"), entry("d2", null, "Counter-terrorism centre"), entry("d3", null, "Budget")]);
    await s.library.reload();
    s.library.query = "WATER  clean";
    expect(s.library.entries.map((e) => e.id)).toEqual(["d1"]);
    s.library.query = "";
    expect(s.library.entries.map((e) => e.id)).toEqual(["d1", "d2", "d3"]);
    // d3's body mentions water: Rust's answer adds it, in the list's order.
    rust.listDrafts.mockImplementation((query: string) => Promise.resolve(query ? [entry("d1", null, "Clean water for all"), entry("d3", null, "Budget")] : []));
    s.library.query = "water";
    expect(s.library.entries.map((e) => e.id)).toEqual(["d1"]);
    await s.library.search();
    expect(rust.listDrafts).toHaveBeenLastCalledWith("water");
    expect(s.library.entries.map((e) => e.id)).toEqual(["d1", "d3"]);
    // An answer for words no longer in the box is dropped.
    let answer: (entries: ReturnType<typeof entry>[]) => void = () => {};
    rust.listDrafts.mockImplementation(() => new Promise((ok) => (answer = ok)));
    s.library.query = "budget";
    const late = s.library.search();
    s.library.query = "centre";
    answer([entry("d3", null, "Budget")]);
    await late;
    expect(s.library.entries.map((e) => e.id)).toEqual(["d2"]);
  });

  it("lists the trash only while it is shown", async () => {
    const s = await started();
    expect(rust.listTrash).not.toHaveBeenCalled();
    rust.listTrash.mockResolvedValue([entry("gone")]);
    await s.library.toggleTrash();
    expect(s.library.trash.map((e) => e.id)).toEqual(["gone"]);
    await s.library.toggleTrash();
    await s.library.reload();
    expect(rust.listTrash).toHaveBeenCalledTimes(1);
  });

  it("restoring from the trash lists the draft again", async () => {
    const s = await started();
    rust.listDrafts.mockResolvedValue([entry("d1"), entry("gone")]);
    await s.library.undelete("gone");
    expect(rust.undeleteDraft).toHaveBeenCalledWith("gone");
    expect(s.library.entries.map((e) => e.id)).toEqual(["d1", "gone"]);
    expect(s.notices.toast?.message).toBe("Draft restored from the trash.");
  });
});
