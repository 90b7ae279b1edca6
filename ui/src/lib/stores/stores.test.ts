import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Draft } from "../bindings/Draft";

const draft = (): Draft => ({
  format: "release-composer/draft",
  version: 1,
  style: "un",
  language: "en",
  release: {
    kind: "PRESS RELEASE",
    reference: "",
    embargo: null,
    headline: "First headline",
    subheadline: "",
    dateline: { city: "Dushanbe", country: "Tajikistan", date: "2021-12-08" },
    body: [{ type: "paragraph", content: [{ text: "Body." }] }],
    quotes: [],
    closing: [],
    contacts: [],
    notes_to_editors: [],
    about: [],
  },
});

const mocks = vi.hoisted(() => ({
  ipc: {
    startup: vi.fn(),
    listDrafts: vi.fn(),
    listTrash: vi.fn(),
    openDraft: vi.fn(),
    createDraft: vi.fn(),
    saveDraft: vi.fn(),
    autosaveDraft: vi.fn(),
    checkDraft: vi.fn(),
    previewPdf: vi.fn(),
    exportDraft: vi.fn(),
    deleteDraft: vi.fn(),
    undeleteDraft: vi.fn(),
    discardRecovery: vi.fn(),
    applyFix: vi.fn(),
    onClose: vi.fn(() => Promise.resolve(() => {})),
    onFileHanded: vi.fn(() => Promise.resolve(() => {})),
    takeOpenedFile: vi.fn(),
    importDraft: vi.fn(),
    saveFile: vi.fn(),
    saveSettings: vi.fn(),
  },
}));

vi.mock("../ipc", () => ({
  ipc: mocks.ipc,
  IpcFailure: class IpcFailure extends Error {
    code: string;
    path: string | null;
    constructor(e: { code: string; message: string; path: string | null }) {
      super(e.message);
      this.code = e.code;
      this.path = e.path;
    }
  },
}));

const { createStores, start } = await import("./index");
const { AUTOSAVE_MS, SAVE_MS } = await import("./session.svelte");
const { IpcFailure } = await import("../ipc");

function setUp(findings: unknown[] = []) {
  const m = mocks.ipc;
  m.startup.mockResolvedValue({
    settings: { default_style: "un", default_language: "en", export_dir: "/tmp/Releases", default_contact: { name: "", title: "", organization: "", email: "", phone: "" }, theme: "system", preview_shown: true },
    styles: [{ name: "un", description: "UN", languages: ["en"], headline_limit: 120, headline_guidance: null }],
    library_dir: "/tmp/drafts",
    opened: { id: "d1", draft: draft(), revision: "r1", recovery: null },
  });
  m.listDrafts.mockResolvedValue([]);
  m.listTrash.mockResolvedValue([]);
  m.saveDraft.mockResolvedValue({ revision: "r2", kept_as: null });
  m.autosaveDraft.mockResolvedValue(null);
  m.checkDraft.mockResolvedValue({ findings, printed: { dateline: "Dushanbe (Tajikistan), 8 December 2021 – ", quotes: [], contacts: "" } });
  m.previewPdf.mockResolvedValue(new Uint8Array([37, 80, 68, 70]));
  m.exportDraft.mockResolvedValue({ files: ["/tmp/Releases/x.pdf"] });
  m.takeOpenedFile.mockResolvedValue(null);
  m.onFileHanded.mockResolvedValue(() => {});
  m.onClose.mockResolvedValue(() => {});
  m.saveSettings.mockImplementation((settings: unknown) => Promise.resolve(settings));
}

const outside = () => ({
  path: "/home/ana/Mail/launch.release.json",
  name: "launch.release.json",
  draft: { ...draft(), release: { ...draft().release, headline: "From a colleague" } },
  revision: "f1",
});

describe("the app state", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    for (const f of Object.values(mocks.ipc)) f.mockReset();
  });

  it("opens the startup draft and previews it", async () => {
    setUp();
    const app = createStores();
    await start(app);
    await vi.runAllTimersAsync();
    expect(app.session.id).toBe("d1");
    expect(app.session.status).toBe("saved");
    expect(mocks.ipc.previewPdf).toHaveBeenCalled();
    expect(app.preview.printed?.dateline).toContain("Dushanbe");
  });

  it("writes the recovery copy first, then saves after a pause", async () => {
    setUp();
    const app = createStores();
    await start(app);
    await vi.runAllTimersAsync();
    app.session.draft!.release.headline = "Edited headline";
    app.session.changed();
    expect(app.session.status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(mocks.ipc.autosaveDraft).toHaveBeenCalledTimes(1);
    expect(mocks.ipc.saveDraft).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    expect(mocks.ipc.saveDraft).toHaveBeenCalledTimes(1);
    const [id, saved, revision] = mocks.ipc.saveDraft.mock.calls[0];
    expect([id, saved.release.headline, revision]).toEqual(["d1", "Edited headline", "r1"]);
    expect(app.session.status).toBe("saved");
  });

  it("does not save what was only loaded", async () => {
    setUp();
    const app = createStores();
    await start(app);
    app.session.changed();
    await vi.runAllTimersAsync();
    expect(mocks.ipc.saveDraft).not.toHaveBeenCalled();
  });

  it("refuses to export while there are errors and shows the review", async () => {
    setUp([{ severity: "error", code: "invalid-email", path: "release.contacts[0].email", message: "`x` is not an e-mail address" }]);
    const app = createStores();
    await start(app);
    await vi.runAllTimersAsync();
    await app.session.export("pdf");
    expect(mocks.ipc.exportDraft).not.toHaveBeenCalled();
    expect(app.form.step).toBe("review");
    expect(app.notices.toast?.kind).toBe("error");
  });

  it("exports after saving when there are no errors", async () => {
    setUp();
    const app = createStores();
    await start(app);
    await vi.runAllTimersAsync();
    await app.session.export("both");
    expect(mocks.ipc.exportDraft).toHaveBeenCalledWith("d1", "both", false, null);
    expect(app.notices.toast?.files).toEqual(["/tmp/Releases/x.pdf"]);
  });

  it("a failed save says so and keeps the edit", async () => {
    setUp();
    mocks.ipc.saveDraft.mockRejectedValue({ code: "save-failed", message: "the disk is full", path: null });
    const app = createStores();
    await start(app);
    await vi.runAllTimersAsync();
    app.session.draft!.release.headline = "Kept";
    app.session.changed();
    await app.session.saveNow(true);
    expect(app.session.status).toBe("error");
    expect(app.session.draft!.release.headline).toBe("Kept");
    expect(app.notices.toast?.kind).toBe("error");
  });

  it("offers a draft file from outside, and edits it in place: saves go to the file", async () => {
    setUp();
    mocks.ipc.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    mocks.ipc.saveFile.mockResolvedValue({ revision: "f2" });
    const app = createStores();
    await start(app);
    await vi.runAllTimersAsync();
    expect(app.session.offer?.name).toBe("launch.release.json");
    expect(app.session.id).toBe("d1");
    await app.session.answerOffer("in-place");
    expect([app.session.offer, app.session.id, app.session.file?.path]).toEqual([null, null, "/home/ana/Mail/launch.release.json"]);
    expect(app.session.title).toBe("From a colleague — launch.release.json — Release Composer");
    app.session.draft!.release.headline = "Edited where it is";
    app.session.changed();
    await vi.runAllTimersAsync();
    expect(mocks.ipc.autosaveDraft).not.toHaveBeenCalled();
    expect(mocks.ipc.saveDraft).not.toHaveBeenCalled();
    const [path, saved, revision] = mocks.ipc.saveFile.mock.calls[0];
    expect([path, saved.release.headline, revision]).toEqual(["/home/ana/Mail/launch.release.json", "Edited where it is", "f1"]);
    expect(app.session.status).toBe("saved");
    await app.session.export("pdf");
    expect(mocks.ipc.exportDraft).toHaveBeenCalledWith("", "pdf", false, "/home/ana/Mail/launch.release.json");
  });

  it("does not overwrite a file changed on disk, and says how to keep the edit", async () => {
    setUp();
    mocks.ipc.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    mocks.ipc.saveFile.mockRejectedValue(new IpcFailure({ code: "changed-on-disk", message: "changed", path: null }));
    mocks.ipc.importDraft.mockResolvedValue({ id: "d9", draft: outside().draft, revision: "r9", recovery: null });
    const app = createStores();
    await start(app);
    await app.session.answerOffer("in-place");
    app.session.draft!.release.headline = "Mine";
    app.session.changed();
    expect(await app.session.saveNow()).toBe(false);
    expect(app.session.status).toBe("error");
    expect(app.notices.toast?.message).toContain("Import into my drafts");
    await app.session.importFile();
    expect(mocks.ipc.importDraft.mock.calls[0][0].release.headline).toBe("Mine");
    expect([app.session.id, app.session.file]).toEqual(["d9", null]);
  });

  it("imports a draft file from outside into the library", async () => {
    setUp();
    mocks.ipc.takeOpenedFile.mockResolvedValue({ kind: "outside", file: outside() });
    mocks.ipc.importDraft.mockResolvedValue({ id: "d2", draft: outside().draft, revision: "r1", recovery: null });
    const app = createStores();
    await start(app);
    await app.session.answerOffer("import");
    expect(mocks.ipc.importDraft.mock.calls[0][0].release.headline).toBe("From a colleague");
    expect([app.session.id, app.session.file, app.session.draft?.release.headline]).toEqual(["d2", null, "From a colleague"]);
  });

  it("opens a library draft handed over directly, and names a refused file", async () => {
    setUp();
    mocks.ipc.takeOpenedFile.mockResolvedValueOnce({ kind: "library", opened: { id: "d3", draft: draft(), revision: "r3", recovery: null } });
    const app = createStores();
    await start(app);
    expect([app.session.id, app.session.offer]).toEqual(["d3", null]);
    mocks.ipc.takeOpenedFile.mockResolvedValueOnce({
      kind: "refused",
      error: { code: "not-a-draft", message: "/tmp/notes.release.json: not a Release Composer draft: not JSON. Nothing was written", path: null },
    });
    await app.session.takeFile();
    expect(app.notices.toast?.message).toContain("/tmp/notes.release.json");
    expect(app.session.id).toBe("d3");
  });

  it("remembers whether the preview is shown", async () => {
    setUp();
    const app = createStores();
    await start(app);
    expect(app.settings.previewShown).toBe(true);
    app.settings.previewShown = false;
    expect(app.settings.previewShown).toBe(false);
    expect(mocks.ipc.saveSettings.mock.calls[0][0].preview_shown).toBe(false);
    const first = await mocks.ipc.startup();
    mocks.ipc.startup.mockResolvedValue({ ...first, settings: { ...first.settings, preview_shown: false } });
    const next = createStores();
    await start(next);
    expect(next.settings.previewShown).toBe(false);
  });

  it("applies a fix and undoes it with the reverse fix", async () => {
    setUp();
    const fixed = draft();
    fixed.release.headline = "Fixed headline";
    mocks.ipc.applyFix.mockResolvedValueOnce(fixed).mockResolvedValueOnce(draft());
    const app = createStores();
    await start(app);
    await vi.runAllTimersAsync();
    const fix = { path: "release.headline", offset: 0, before: "First", after: "Fixed" };
    await app.session.applyFix(fix);
    expect(app.session.draft!.release.headline).toBe("Fixed headline");
    await app.notices.toast!.undo!();
    expect(mocks.ipc.applyFix.mock.calls[1][1]).toEqual({ path: "release.headline", offset: 0, before: "Fixed", after: "First" });
    expect(app.session.draft!.release.headline).toBe("First headline");
  });
});
