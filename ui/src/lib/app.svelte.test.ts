import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Draft } from "./bindings/Draft";

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
  },
}));

vi.mock("./ipc", () => ({
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

const { AppState, AUTOSAVE_MS, SAVE_MS } = await import("./app.svelte");

function setUp(findings: unknown[] = []) {
  const m = mocks.ipc;
  m.startup.mockResolvedValue({
    settings: { default_style: "un", default_language: "en", export_dir: "/tmp/Releases", default_contact: { name: "", title: "", organization: "", email: "", phone: "" }, theme: "system" },
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
}

describe("the app state", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    for (const f of Object.values(mocks.ipc)) f.mockReset();
  });

  it("opens the startup draft and previews it", async () => {
    setUp();
    const app = new AppState();
    await app.init();
    await vi.runAllTimersAsync();
    expect(app.id).toBe("d1");
    expect(app.status).toBe("saved");
    expect(mocks.ipc.previewPdf).toHaveBeenCalled();
    expect(app.printed?.dateline).toContain("Dushanbe");
  });

  it("writes the recovery copy first, then saves after a pause", async () => {
    setUp();
    const app = new AppState();
    await app.init();
    await vi.runAllTimersAsync();
    app.draft!.release.headline = "Edited headline";
    app.changed();
    expect(app.status).toBe("unsaved");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(mocks.ipc.autosaveDraft).toHaveBeenCalledTimes(1);
    expect(mocks.ipc.saveDraft).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SAVE_MS);
    expect(mocks.ipc.saveDraft).toHaveBeenCalledTimes(1);
    const [id, saved, revision] = mocks.ipc.saveDraft.mock.calls[0];
    expect([id, saved.release.headline, revision]).toEqual(["d1", "Edited headline", "r1"]);
    expect(app.status).toBe("saved");
  });

  it("does not save what was only loaded", async () => {
    setUp();
    const app = new AppState();
    await app.init();
    app.changed();
    await vi.runAllTimersAsync();
    expect(mocks.ipc.saveDraft).not.toHaveBeenCalled();
  });

  it("refuses to export while there are errors and shows the review", async () => {
    setUp([{ severity: "error", code: "invalid-email", path: "release.contacts[0].email", message: "`x` is not an e-mail address" }]);
    const app = new AppState();
    await app.init();
    await vi.runAllTimersAsync();
    await app.export("pdf");
    expect(mocks.ipc.exportDraft).not.toHaveBeenCalled();
    expect(app.step).toBe("review");
    expect(app.toast?.kind).toBe("error");
  });

  it("exports after saving when there are no errors", async () => {
    setUp();
    const app = new AppState();
    await app.init();
    await vi.runAllTimersAsync();
    await app.export("both");
    expect(mocks.ipc.exportDraft).toHaveBeenCalledWith("d1", "both", false);
    expect(app.toast?.files).toEqual(["/tmp/Releases/x.pdf"]);
  });

  it("a failed save says so and keeps the edit", async () => {
    setUp();
    mocks.ipc.saveDraft.mockRejectedValue({ code: "save-failed", message: "the disk is full", path: null });
    const app = new AppState();
    await app.init();
    await vi.runAllTimersAsync();
    app.draft!.release.headline = "Kept";
    app.changed();
    await app.saveNow(true);
    expect(app.status).toBe("error");
    expect(app.draft!.release.headline).toBe("Kept");
    expect(app.toast?.kind).toBe("error");
  });
});
