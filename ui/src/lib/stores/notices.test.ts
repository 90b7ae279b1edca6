import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IpcFailure } from "../ipc";
import { Form } from "./form.svelte";
import { Notices } from "./notices.svelte";
import { answerAsUsual, rust, started } from "./testing";

vi.mock("../ipc", async (actual) => (await import("./fake-ipc")).fakeIpc(await actual()));

beforeEach(() => {
  vi.useFakeTimers();
  answerAsUsual();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("notices", () => {
  it("a failure that names a field shows its step and asks for that field's focus", () => {
    const form = new Form();
    const notices = new Notices(form);
    notices.fail(new IpcFailure({ code: "draft-invalid", message: "not an e-mail address", path: "release.contacts[1].email" }));
    expect(notices.toast).toEqual({ message: "not an e-mail address", kind: "error" });
    expect(form.step).toBe("contacts");
    expect(form.focus).toEqual({ path: "release.contacts[1].email" });
  });

  it("an unexpected error is told in general words, logged, and moves nothing", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const form = new Form();
    const notices = new Notices(form);
    const bug = new TypeError("x is undefined");
    notices.fail(bug);
    expect(notices.toast).toEqual({ message: "The window hit an unexpected problem; your last save is safe.", kind: "error" });
    expect(logged).toHaveBeenCalledWith(bug);
    expect([form.step, form.focus]).toEqual(["release", null]);
  });
});

describe("focus requests", () => {
  it("are cleared only by carrying out the newest one", () => {
    const form = new Form();
    form.goTo("release.headline");
    const older = form.focus!;
    form.goTo("release.headline");
    form.focused(older);
    expect(form.focus).not.toBeNull();
    form.focused(form.focus!);
    expect([form.step, form.focus]).toEqual(["headline", null]);
  });
});

describe("settings", () => {
  it("hiding the preview is remembered in the settings, and saved only when it changes", async () => {
    const s = await started();
    expect(s.settings.previewShown).toBe(true);
    s.settings.previewShown = true;
    expect(rust.saveSettings).not.toHaveBeenCalled();
    s.settings.previewShown = false;
    expect(s.settings.previewShown).toBe(false);
    await vi.runAllTimersAsync();
    expect(rust.saveSettings).toHaveBeenCalledTimes(1);
    expect(rust.saveSettings.mock.calls[0][0]).toEqual({ ...(await rust.startup.mock.results[0].value).settings, preview_shown: false });
    expect(s.settings.current?.preview_shown).toBe(false);
  });

  it("a preview choice that cannot be saved still holds for this window, and says why", async () => {
    const s = await started();
    rust.saveSettings.mockRejectedValue(new IpcFailure({ code: "settings-unwritable", message: "settings not written", path: null }));
    s.settings.previewShown = false;
    await vi.runAllTimersAsync();
    expect(s.settings.previewShown).toBe(false);
    expect(s.notices.toast).toEqual({ message: "settings not written", kind: "error" });
  });
});
