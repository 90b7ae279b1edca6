import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorCode } from "../bindings/ErrorCode";
import { IpcFailure } from "../ipc";
import { createStores, start } from "./index";
import { AUTOSAVE_MS, SAVE_MS } from "./session.svelte";
import { PREVIEW_MS } from "./preview.svelte";
import { answerAsUsual, checked, draft, headlines, opened, rust, settle, started, startup, typeHeadline } from "./testing";

vi.mock("../ipc", async (actual) => (await import("./fake-ipc")).fakeIpc(await actual()));

const outside = () => ({ path: "/home/ana/Mail/launch.release.json", name: "launch.release.json", draft: draft("From a colleague"), revision: "f1" });
const failure = (code: ErrorCode, message: string = code) => new IpcFailure({ code, message, path: null });

beforeEach(() => {
  vi.useFakeTimers();
  answerAsUsual();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("starting the window", () => {
  it("opens the draft Rust chose and previews it at once, then lists the library", async () => {
    const s = createStores();
    await start(s);
    expect([s.session.id, s.session.revision, s.session.status, s.session.ready]).toEqual(["d1", "r1", "saved", true]);
    expect(rust.previewPdf).toHaveBeenCalledTimes(1);
    expect(s.preview.editedAt).toBe(0);
    expect([s.library.dir, s.library.entries.map((e) => e.id), s.settings.styles.map((st) => st.name)]).toEqual(["/tmp/drafts", ["d1"], ["un"]]);
    expect(rust.takeOpenedFile).toHaveBeenCalledTimes(1);
  });

  it("says why when Rust cannot start, and is ready without a draft", async () => {
    rust.startup.mockRejectedValue(new IpcFailure({ code: "no-library-dir", message: "the drafts folder cannot be read", path: null }));
    const s = createStores();
    await start(s);
    expect([s.session.draft, s.session.ready]).toEqual([null, true]);
    expect(s.notices.toast).toEqual({ message: "the drafts folder cannot be read", kind: "error" });
  });
});

describe("saving the open draft", () => {
  it("waits for a pause in typing and saves the last text once, from the revision it was loaded as", async () => {
    const s = await started();
    typeHeadline(s, "E");
    await vi.advanceTimersByTimeAsync(SAVE_MS - 1);
    typeHeadline(s, "Ed");
    await vi.advanceTimersByTimeAsync(SAVE_MS - 1);
    expect(rust.saveDraft).not.toHaveBeenCalled();
    expect(s.session.status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(1);
    expect(rust.saveDraft).toHaveBeenCalledTimes(1);
    const [id, , revision] = rust.saveDraft.mock.calls[0];
    expect([id, revision]).toEqual(["d1", "r1"]);
    expect(headlines(rust.saveDraft.mock.calls, 1)).toEqual(["Ed"]);
    expect(s.session.status).toBe("saved");

    // The next save goes from the revision the last one returned.
    rust.saveDraft.mockResolvedValue({ revision: "r3", kept_as: null });
    typeHeadline(s, "Edited");
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    expect(rust.saveDraft.mock.calls.map((call) => call[2])).toEqual(["r1", "r2"]);
    expect(rust.listDrafts).toHaveBeenCalledTimes(3);
  });

  it("writes the recovery copy after a short pause, and not again for text already saved", async () => {
    const s = await started();
    typeHeadline(s, "Draft in progress");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1);
    expect(rust.autosaveDraft).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(rust.autosaveDraft).toHaveBeenCalledTimes(1);
    expect(rust.autosaveDraft.mock.calls[0][0]).toBe("d1");
    expect(headlines(rust.autosaveDraft.mock.calls, 1)).toEqual(["Draft in progress"]);
    expect(rust.saveDraft).not.toHaveBeenCalled();

    // Typed back to the text as saved: no recovery copy of it.
    typeHeadline(s, "Draft in progress, more");
    typeHeadline(s, "First headline");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(rust.autosaveDraft).toHaveBeenCalledTimes(1);

    typeHeadline(s, "Draft in progress");
    await s.session.saveNow(true);
    expect(s.session.statusMessage).toBe("Saved");
    s.session.changed();
    await vi.runAllTimersAsync();
    expect(rust.autosaveDraft).toHaveBeenCalledTimes(1);
    expect(rust.saveDraft).toHaveBeenCalledTimes(1);
  });

  it("does not save, copy or preview again what was only loaded", async () => {
    const s = await started();
    const previews = rust.previewPdf.mock.calls.length;
    s.session.changed();
    await vi.runAllTimersAsync();
    expect(rust.saveDraft).not.toHaveBeenCalled();
    expect(rust.autosaveDraft).not.toHaveBeenCalled();
    expect(rust.previewPdf).toHaveBeenCalledTimes(previews);
    expect(s.session.status).toBe("saved");
  });

  it("typed back to the text as saved, shows it as saved and previews it", async () => {
    const s = await started();
    typeHeadline(s, "First headlines");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    typeHeadline(s, "First headline");
    expect(s.session.status).toBe("saved");
    await vi.runAllTimersAsync();
    expect(headlines(rust.previewPdf.mock.calls, 0).at(-1)).toBe("First headline");
    expect(rust.saveDraft).not.toHaveBeenCalled();
    expect(s.session.status).toBe("saved");
  });

  it("typed back to the saved text while a save is on its way, is saved again", async () => {
    const s = await started();
    const answer = settle<{ revision: string; kept_as: null }>();
    rust.saveDraft.mockReturnValueOnce(answer.promise);
    typeHeadline(s, "First headlines");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    const saving = s.session.saveNow();
    typeHeadline(s, "First headline");
    // No recovery copy of the text as saved, though the copy holds other text.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(headlines(rust.autosaveDraft.mock.calls, 1)).toEqual(["First headlines"]);
    answer.resolve({ revision: "r2", kept_as: null });
    await saving;
    expect(s.session.status).toBe("unsaved");
    await vi.runAllTimersAsync();
    expect(headlines(rust.saveDraft.mock.calls, 1)).toEqual(["First headlines", "First headline"]);
    expect(s.session.status).toBe("saved");
  });

  it("keeps the draft unsaved when it was edited while the save was on its way", async () => {
    const s = await started();
    const answer = settle<{ revision: string; kept_as: null }>();
    rust.saveDraft.mockReturnValueOnce(answer.promise);
    typeHeadline(s, "First edit");
    const saving = s.session.saveNow();
    expect(s.session.status).toBe("saving");
    typeHeadline(s, "Second edit");
    answer.resolve({ revision: "r2", kept_as: null });
    expect(await saving).toBe(true);
    expect(s.session.status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    expect(headlines(rust.saveDraft.mock.calls, 1)).toEqual(["First edit", "Second edit"]);
    expect(s.session.status).toBe("saved");
  });

  it("switches to the kept copy when the draft changed on disk, and says so", async () => {
    const s = await started();
    rust.saveDraft.mockResolvedValueOnce({ revision: "", kept_as: opened("d1-kept", "k1", draft("Mine")) });
    typeHeadline(s, "Mine");
    expect(await s.session.saveNow()).toBe(true);
    expect([s.session.id, s.session.revision, s.session.draft?.release.headline, s.session.status]).toEqual(["d1-kept", "k1", "Mine", "saved"]);
    expect(s.notices.toast?.kind).toBe("error");
    expect(s.notices.toast?.message).toContain("changed on disk");
    await vi.runAllTimersAsync();
    expect(rust.listDrafts).toHaveBeenCalledTimes(2);

    typeHeadline(s, "Mine, again");
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    const [id, , revision] = rust.saveDraft.mock.calls[1];
    expect([id, revision]).toEqual(["d1-kept", "k1"]);
  });

  it("a failed save says so, keeps the edit, and the next try starts from the same revision", async () => {
    const s = await started();
    rust.saveDraft.mockRejectedValueOnce(failure("disk-full", "the disk is full"));
    typeHeadline(s, "Kept");
    expect(await s.session.saveNow(true)).toBe(false);
    expect(s.session.status).toBe("error");
    expect(s.session.draft!.release.headline).toBe("Kept");
    expect(s.notices.toast).toEqual({ message: "the disk is full", kind: "error" });

    expect(await s.session.saveNow(true)).toBe(true);
    expect(rust.saveDraft.mock.calls.map((call) => call[2])).toEqual(["r1", "r1"]);
    expect(headlines(rust.saveDraft.mock.calls, 1)).toEqual(["Kept", "Kept"]);
    expect([s.session.status, s.session.statusMessage]).toEqual(["saved", "Saved"]);
  });

  it("saves the draft being left before opening another; a failed save stays on it", async () => {
    const s = await started();
    rust.openDraft.mockResolvedValue(opened("d2", "q1", draft("Second draft")));
    typeHeadline(s, "Left with an edit");
    rust.saveDraft.mockRejectedValueOnce(failure("disk-full"));
    await s.session.open("d2");
    expect(rust.openDraft).not.toHaveBeenCalled();
    expect(s.session.id).toBe("d1");

    await s.session.open("d2");
    expect(rust.saveDraft.mock.invocationCallOrder[1]).toBeLessThan(rust.openDraft.mock.invocationCallOrder[0]);
    expect([s.session.id, s.session.draft?.release.headline, s.session.status]).toEqual(["d2", "Second draft", "saved"]);
    await vi.runAllTimersAsync();
    expect(rust.saveDraft).toHaveBeenCalledTimes(2);
  });
});

describe("the recovery copy", () => {
  const withRecovery = () =>
    rust.startup.mockResolvedValue(startup(opened("d1", "r1", draft(), { saved_at_ms: 1, draft: draft("Recovered headline") })));

  it("restored, replaces the draft and is saved at once", async () => {
    withRecovery();
    const s = await started();
    await s.session.restoreRecovery();
    expect(s.session.recovery).toBeNull();
    expect(s.session.draft!.release.headline).toBe("Recovered headline");
    expect(headlines(rust.saveDraft.mock.calls, 1)).toEqual(["Recovered headline"]);
    expect(s.session.statusMessage).toBe("Saved");
  });

  it("discarded, is deleted by Rust once and the draft stays as saved", async () => {
    withRecovery();
    const s = await started();
    await s.session.discardRecovery();
    expect(rust.discardRecovery).toHaveBeenCalledTimes(1);
    expect(rust.discardRecovery).toHaveBeenCalledWith("d1");
    expect(s.session.recovery).toBeNull();
    expect(s.session.draft!.release.headline).toBe("First headline");
    await vi.runAllTimersAsync();
    expect(rust.saveDraft).not.toHaveBeenCalled();
    expect(rust.autosaveDraft).not.toHaveBeenCalled();
  });
});

describe("draft files from outside the library", () => {
  it("edited in place, are saved to the file and never to the library", async () => {
    rust.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    rust.saveFile.mockResolvedValueOnce({ revision: "f2" }).mockResolvedValueOnce({ revision: "f3" });
    const s = await started();
    expect([s.session.offer?.name, s.session.id]).toEqual(["launch.release.json", "d1"]);
    s.form.step = "contacts";
    await s.session.answerOffer("in-place");
    expect([s.session.offer, s.session.id, s.session.file?.path, s.form.step]).toEqual([null, null, "/home/ana/Mail/launch.release.json", "release"]);

    typeHeadline(s, "Edited where it is");
    await vi.runAllTimersAsync();
    typeHeadline(s, "Edited twice");
    await vi.runAllTimersAsync();
    expect(rust.autosaveDraft).not.toHaveBeenCalled();
    expect(rust.saveDraft).not.toHaveBeenCalled();
    expect(rust.saveFile.mock.calls.map((call) => [call[0], call[2]])).toEqual([
      ["/home/ana/Mail/launch.release.json", "f1"],
      ["/home/ana/Mail/launch.release.json", "f2"],
    ]);
    expect(headlines(rust.saveFile.mock.calls, 1)).toEqual(["Edited where it is", "Edited twice"]);
    await s.session.export("pdf");
    expect(rust.exportDraft).toHaveBeenCalledWith("", "pdf", false, "/home/ana/Mail/launch.release.json");
  });

  it("changed on disk, are not overwritten; importing keeps the edit in a library copy", async () => {
    rust.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    rust.saveFile.mockRejectedValue(failure("changed-on-disk"));
    rust.importDraft.mockImplementation((d) => Promise.resolve(opened("d9", "r9", d)));
    const s = await started();
    await s.session.answerOffer("in-place");
    typeHeadline(s, "Mine");
    expect(await s.session.saveNow()).toBe(false);
    expect(s.session.status).toBe("error");
    expect(s.notices.toast?.message).toContain("launch.release.json was changed on disk");
    expect(s.notices.toast?.message).toContain("Import into my drafts");

    await s.session.importFile();
    expect(headlines(rust.importDraft.mock.calls, 0)).toEqual(["Mine"]);
    expect([s.session.id, s.session.file, s.session.draft?.release.headline, s.session.status]).toEqual(["d9", null, "Mine", "saved"]);
    expect(s.notices.toast?.message).toContain("you are editing the copy");
  });

  it("imported, save the open draft first, and are not imported when that fails", async () => {
    rust.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    rust.importDraft.mockImplementation((d) => Promise.resolve(opened("d2", "r1", d)));
    const s = await started();
    typeHeadline(s, "Unsaved");
    rust.saveDraft.mockRejectedValueOnce(failure("disk-full"));
    await s.session.answerOffer("import");
    expect(rust.importDraft).not.toHaveBeenCalled();
    expect(s.session.id).toBe("d1");
  });

  it("imported, become a library draft; the file is not edited", async () => {
    rust.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    rust.importDraft.mockImplementation((d) => Promise.resolve(opened("d2", "r1", d)));
    const s = await started();
    await s.session.answerOffer("import");
    expect(headlines(rust.importDraft.mock.calls, 0)).toEqual(["From a colleague"]);
    expect([s.session.id, s.session.file, s.session.draft?.release.headline]).toEqual(["d2", null, "From a colleague"]);
    expect(s.notices.toast?.message).toBe("Imported launch.release.json into your drafts; the file itself is unchanged.");
    expect(rust.saveFile).not.toHaveBeenCalled();
  });

  it("cancelled, change nothing", async () => {
    rust.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    const s = await started();
    await s.session.answerOffer("cancel");
    expect([s.session.offer, s.session.id, s.session.file]).toEqual([null, "d1", null]);
    expect(rust.importDraft).not.toHaveBeenCalled();
  });

  it("a library draft handed over is opened after saving the one being left; a refused file is named", async () => {
    const s = await started();
    typeHeadline(s, "Edited before the hand-over");
    rust.takeOpenedFile.mockResolvedValueOnce({ kind: "library", opened: opened("d3", "r3") });
    await s.session.takeFile();
    expect(headlines(rust.saveDraft.mock.calls, 1)).toEqual(["Edited before the hand-over"]);
    expect([s.session.id, s.session.offer]).toEqual(["d3", null]);

    rust.takeOpenedFile.mockResolvedValueOnce({
      kind: "refused",
      error: { code: "not-a-draft", message: "/tmp/notes.release.json: not a Release Composer draft", path: null },
    });
    await s.session.takeFile();
    expect(s.notices.toast).toEqual({ message: "/tmp/notes.release.json: not a Release Composer draft", kind: "error" });
    expect(s.session.id).toBe("d3");
  });
});

describe("photos", () => {
  it("a photo chosen in Rust's dialog joins the draft with fields to fill, on the Photos step", async () => {
    const s = await started();
    rust.addPhoto.mockResolvedValue({ file: "assets/ab12.jpg", width: 4000, height: 3000 });
    await s.session.addPhotos();
    expect(JSON.parse(JSON.stringify(s.session.draft!.release.photos))).toEqual([{ file: "assets/ab12.jpg", caption: [], credit: "", alt: "" }]);
    expect(s.form.step).toBe("photos");
    expect(s.session.status).toBe("unsaved");
  });

  it("dropped files are added in order; a refused one is said and the others kept", async () => {
    const s = await started();
    rust.addDroppedPhoto
      .mockResolvedValueOnce({ file: "assets/one.jpg", width: 10, height: 10 })
      .mockRejectedValueOnce(failure("pdf-write", "notes.pdf: a PDF document, not a JPEG or PNG"));
    await s.session.addPhotos(["/tmp/one.jpg", "/tmp/notes.pdf"]);
    expect(rust.addDroppedPhoto.mock.calls).toEqual([["/tmp/one.jpg"], ["/tmp/notes.pdf"]]);
    expect(JSON.parse(JSON.stringify(s.session.draft!.release.photos)).map((p: { file: string }) => p.file)).toEqual(["assets/one.jpg"]);
    expect(s.notices.toast).toEqual({ message: "notes.pdf: a PDF document, not a JPEG or PNG", kind: "error" });
  });

  it("a draft file edited in place takes no photo (its photos live beside it)", async () => {
    const s = await started();
    rust.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    await s.session.takeFile();
    await s.session.answerOffer("in-place");
    await s.session.addPhotos();
    expect(rust.addPhoto).not.toHaveBeenCalled();
    expect(s.notices.toast?.kind).toBe("error");
  });
});

describe("copy for e-mail", () => {
  it("saves the draft first, then asks Rust to fill the clipboard, and says so", async () => {
    const s = await started();
    rust.copyForEmail.mockResolvedValue(null);
    typeHeadline(s, "Edited before copying");
    await s.session.copyForEmail();
    expect(rust.saveDraft.mock.invocationCallOrder[0]).toBeLessThan(rust.copyForEmail.mock.invocationCallOrder[0]);
    expect(rust.copyForEmail).toHaveBeenCalledWith("d1", null);
    expect(s.notices.toast?.kind).toBe("info");
  });

  it("shows Rust's refusal and does not copy when the save fails", async () => {
    const s = await started();
    rust.copyForEmail.mockRejectedValue(failure("draft-invalid", "not exported: the headline is missing"));
    await s.session.copyForEmail();
    expect(s.notices.toast).toEqual({ message: "not exported: the headline is missing", kind: "error" });
    rust.copyForEmail.mockClear();
    typeHeadline(s, "Unsaved");
    rust.saveDraft.mockRejectedValueOnce(failure("disk-full"));
    await s.session.copyForEmail();
    expect(rust.copyForEmail).not.toHaveBeenCalled();
  });
});

describe("export", () => {
  it("checks the draft as saved and refuses while it has errors, showing the review", async () => {
    const s = await started();
    rust.checkDraft.mockResolvedValue(checked([{ severity: "error", code: "invalid-email", path: "release.contacts[0].email", message: "not an e-mail address" }]));
    typeHeadline(s, "Edited just before export");
    await s.session.export("pdf");
    expect(rust.saveDraft.mock.invocationCallOrder[0]).toBeLessThan(rust.checkDraft.mock.invocationCallOrder.at(-1)!);
    expect(headlines(rust.checkDraft.mock.calls, 0).at(-1)).toBe("Edited just before export");
    expect(rust.exportDraft).not.toHaveBeenCalled();
    expect(s.form.step).toBe("review");
    expect(s.notices.toast).toEqual({ message: "Not exported: 1 error to fix first (see Review).", kind: "error" });
  });

  it("exports the saved draft and offers the files", async () => {
    rust.exportDraft.mockResolvedValue({ files: ["/tmp/Releases/x.pdf", "/tmp/Releases/x.docx"] });
    const s = await started();
    await s.session.export("both", true);
    expect(rust.exportDraft).toHaveBeenCalledWith("d1", "both", true, null);
    expect(s.notices.toast).toEqual({ message: "Exported 2 files", kind: "info", files: ["/tmp/Releases/x.pdf", "/tmp/Releases/x.docx"] });
    expect(s.session.exporting).toBe(false);
  });

  it("does not export when the save failed", async () => {
    const s = await started();
    rust.saveDraft.mockRejectedValueOnce(failure("disk-full"));
    typeHeadline(s, "Unsaved");
    await s.session.export("pdf");
    expect(rust.exportDraft).not.toHaveBeenCalled();
  });
});

describe("fixes", () => {
  it("apply Rust's fix, and the undo applies the reverse fix without offering another undo", async () => {
    const s = await started();
    rust.applyFix.mockResolvedValueOnce(draft("Fixed headline")).mockResolvedValueOnce(draft("First headline"));
    const fix = { path: "release.headline", offset: 0, before: "First", after: "Fixed" };
    await s.session.applyFix(fix);
    expect(s.session.draft!.release.headline).toBe("Fixed headline");
    expect(s.session.status).toBe("unsaved");
    expect(s.notices.toast?.message).toBe("Fixed: “First” → “Fixed”");
    // As the toast's Undo button does: the notice goes, then the undo runs.
    const undo = s.notices.toast!.undo!;
    s.notices.dismiss();
    await undo();
    expect(rust.applyFix.mock.calls[1][1]).toEqual({ path: "release.headline", offset: 0, before: "Fixed", after: "First" });
    expect(headlines(rust.applyFix.mock.calls, 0)).toEqual(["First headline", "Fixed headline"]);
    expect(s.session.draft!.release.headline).toBe("First headline");
    expect(s.notices.toast).toBeNull();
  });
});

describe("spelling", () => {
  it("turns the window's checking to the draft's language once per change, and says why not once", async () => {
    const s = await started();
    const notChecked = { dictionary: null, message: "spelling is not checked in French: no French dictionary is installed; install the package hunspell-fr" };
    rust.setSpelling.mockResolvedValue(notChecked);
    await s.session.updateSpelling("fr", "un");
    await s.session.updateSpelling("fr", "un");
    expect(rust.setSpelling.mock.calls).toEqual([["fr", "un"]]);
    expect(s.session.spelling).toEqual(notChecked);
    expect(s.notices.toast?.message).toBe("Spelling is not checked in French: no French dictionary is installed; install the package hunspell-fr.");
    s.notices.dismiss();
    rust.setSpelling.mockResolvedValue({ dictionary: "en_GB", message: "the English dictionary en_GB-ize is not installed (package hunspell-en-gb): checking with en_GB" });
    await s.session.updateSpelling("en", "un");
    expect(s.notices.toast).toBeNull();
    rust.setSpelling.mockResolvedValue(notChecked);
    await s.session.updateSpelling("fr", "un");
    expect(rust.setSpelling).toHaveBeenCalledTimes(3);
    expect(s.notices.toast).toBeNull();
  });

  it("adds a word to the dictionary and checks the draft again", async () => {
    const s = await started();
    rust.addToDictionary.mockResolvedValue(null);
    const before = rust.checkDraft.mock.calls.length;
    await s.session.addToDictionary("Zhanibekov");
    expect(rust.addToDictionary.mock.calls).toEqual([["Zhanibekov"]]);
    expect(rust.checkDraft.mock.calls.length).toBe(before + 1);
    expect(s.notices.toast?.message).toBe("Added “Zhanibekov” to your dictionary.");
  });

  it("says why a word was not added", async () => {
    const s = await started();
    rust.addToDictionary.mockRejectedValue(failure("not-a-word", "`two words` is not one word"));
    await s.session.addToDictionary("two words");
    expect(s.notices.toast).toEqual({ message: "`two words` is not one word", kind: "error" });
  });
});

describe("the window's title and direction", () => {
  it("name the headline (shortened), the file edited in place, and follow the language", async () => {
    rust.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    const s = await started();
    expect(s.session.title).toBe("First headline — Release Composer");
    typeHeadline(s, "x".repeat(61));
    expect(s.session.title).toBe(`${"x".repeat(59)}… — Release Composer`);
    typeHeadline(s, "  ");
    expect(s.session.title).toBe("Untitled release — Release Composer");
    await s.session.answerOffer("in-place");
    expect(s.session.title).toBe("From a colleague — launch.release.json — Release Composer");
    expect(s.session.dir).toBe("ltr");
    // The direction is Rust's answer to the check of the edited draft.
    rust.checkDraft.mockResolvedValue(checked([], "rtl"));
    s.session.draft!.language = "ar";
    s.session.changed();
    await vi.advanceTimersByTimeAsync(PREVIEW_MS + 1);
    expect(s.session.dir).toBe("rtl");
  });
});

describe("the open draft changed on disk", () => {
  it("is taken as it is now when the window has nothing unsaved", async () => {
    const s = await started();
    s.form.step = "body";
    rust.draftRevision.mockResolvedValue("5-r1");
    await s.session.diskChanged();
    expect(rust.openDraft).not.toHaveBeenCalled();

    rust.draftRevision.mockResolvedValue("6-f00d");
    rust.openDraft.mockResolvedValue(opened("d1", "6-f00d", draft("Changed by a colleague")));
    await s.session.diskChanged();
    expect(rust.openDraft).toHaveBeenCalledWith("d1");
    expect([s.session.draft?.release.headline, s.session.revision, s.form.step]).toEqual(["Changed by a colleague", "6-f00d", "body"]);
    expect(s.notices.toast?.message).toMatch(/changed on disk by another program/);
    expect(rust.saveDraft).not.toHaveBeenCalled();
  });

  it("keeps both versions at once when the window has unsaved changes", async () => {
    const s = await started();
    typeHeadline(s, "Mine");
    rust.draftRevision.mockResolvedValue("6-f00d");
    rust.saveDraft.mockResolvedValue({ revision: "7-c0py", kept_as: opened("d2", "7-c0py", draft("Mine")) });
    await s.session.diskChanged();
    expect(rust.openDraft).not.toHaveBeenCalled();
    expect(rust.saveDraft).toHaveBeenCalledTimes(1);
    expect(headlines(rust.saveDraft.mock.calls, 1)).toEqual(["Mine"]);
    expect([s.session.id, s.session.draft?.release.headline]).toEqual(["d2", "Mine"]);
    expect(s.notices.toast?.message).toMatch(/your version is kept as a separate draft/);
  });

  it("says so when the file was removed, and keeps the text open", async () => {
    const s = await started();
    rust.draftRevision.mockRejectedValue(failure("not-found"));
    await s.session.diskChanged();
    expect(s.session.draft?.release.headline).toBeDefined();
    expect(s.notices.toast?.message).toMatch(/removed from the drafts folder/);
  });
});
