// The draft being edited: a library draft (`id`) or a draft file edited in
// place (`file`), its revision, the saves (a recovery copy after a short
// pause in typing, the draft itself after a longer one, at once on Ctrl+S or
// when leaving it), the recovery copy offered after a crash, draft files
// handed to the app from outside, fixes and export.

import type { AddedPhoto } from "../bindings/AddedPhoto";
import type { Draft } from "../bindings/Draft";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { FileOpened } from "../bindings/FileOpened";
import type { Fix } from "../bindings/Fix";
import type { Opened } from "../bindings/Opened";
import type { OutsideFile } from "../bindings/OutsideFile";
import type { Recovery } from "../bindings/Recovery";
import type { SpellingStatus } from "../bindings/SpellingStatus";
import { debounce } from "../debounce";
import { IpcFailure, ipc } from "../ipc";
import type { Form } from "./form.svelte";
import type { Notices } from "./notices.svelte";
import type { PreviewCycle } from "./preview.svelte";

export type SaveStatus = "saved" | "saving" | "unsaved" | "error";

/** After this pause in typing the recovery copy is written. */
export const AUTOSAVE_MS = 300;
/** After this pause in typing the draft itself is saved. */
export const SAVE_MS = 1500;

/** What the session works with: the stores it updates, and the drafts list to refresh after saves. */
export interface SessionParts {
  form: Form;
  notices: Notices;
  preview: PreviewCycle;
  listChanged: () => Promise<void>;
}

export class DraftSession {
  id = $state<string | null>(null);
  /** The draft file edited in place (outside the library), when not a library draft. */
  file = $state<OutsideFile | null>(null);
  /** A draft file from outside the library, waiting for "import" or "edit in place". */
  offer = $state<OutsideFile | null>(null);
  draft = $state<Draft | null>(null);
  revision = "";
  status = $state<SaveStatus>("saved");
  statusMessage = $state("");
  recovery = $state<Recovery | null>(null);
  exporting = $state(false);
  /** How the draft's spelling is checked (the dictionary, or why not). */
  spelling = $state<SpellingStatus | null>(null);
  private spellingKey = "";
  private readonly spellingTold: string[] = [];
  /** The window has started: its draft is open, or it is known why none is. */
  ready = $state(false);

  private editedAt = 0;
  /** The JSON of the draft as last saved or loaded. */
  private savedJson = "";
  /** The JSON of the draft when `changed` last looked, to tell edits from loads. */
  private seenJson = "";
  private recoveredJson = "";
  private autosave = debounce(() => void this.writeRecovery(), AUTOSAVE_MS);
  private save = debounce(() => void this.saveNow(), SAVE_MS);

  private readonly form: Form;
  private readonly notices: Notices;
  private readonly preview: PreviewCycle;
  private readonly listChanged: () => Promise<void>;

  constructor(parts: SessionParts) {
    ({ form: this.form, notices: this.notices, preview: this.preview, listChanged: this.listChanged } = parts);
  }

  /** The window's title: the draft's headline, and the file's name when edited in place. */
  get title(): string {
    const headline = this.draft?.release.headline.trim() ?? "";
    const short = headline.length > 60 ? `${headline.slice(0, 59)}…` : headline;
    return [short || (this.draft ? "Untitled release" : ""), this.file?.name ?? "", "Release Composer"].filter(Boolean).join(" — ");
  }

  /** The direction the draft's language is written in; the form's fields follow it. */
  /** The direction of the draft's language, as Rust sent it with the last check. */
  get dir(): "ltr" | "rtl" {
    return this.preview.direction;
  }

  /** Edits the library draft `o` from now on (previews it at once). */
  switchTo(o: Opened): void {
    this.begin(o.id, null, o.draft, o.revision, o.recovery);
  }

  private begin(id: string | null, file: OutsideFile | null, draft: Draft, revision: string, recovery: Recovery | null): void {
    this.autosave.cancel();
    this.save.cancel();
    this.id = id;
    this.file = file;
    this.draft = draft;
    this.revision = revision;
    this.savedJson = JSON.stringify(draft);
    this.seenJson = this.savedJson;
    this.recoveredJson = this.savedJson;
    this.recovery = recovery;
    this.status = "saved";
    this.statusMessage = "";
    this.editedAt = 0;
    void this.preview.now(this.snapshot() as Draft);
  }

  private snapshot(): Draft | null {
    return this.draft && ($state.snapshot(this.draft) as Draft);
  }

  /** Called by the form after any edit (App watches the draft deeply). */
  changed(): void {
    if (!this.draft) return;
    const json = JSON.stringify(this.draft);
    if (json === this.seenJson) return;
    this.seenJson = json;
    this.editedAt = performance.now();
    this.preview.edited(this.snapshot() as Draft, this.editedAt);
    if (json === this.savedJson && this.status !== "saving") {
      // Typed back to the text as saved: nothing is left to save.
      this.autosave.cancel();
      this.save.cancel();
      this.status = "saved";
      return;
    }
    this.status = "unsaved";
    this.autosave();
    this.save();
  }

  async open(id: string): Promise<void> {
    if (id === this.id) return;
    if (!(await this.saveNow())) return;
    try {
      this.switchTo(await ipc.openDraft(id));
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** Takes the draft file handed to the app (command line, double-click, second launch), if any. */
  async takeFile(): Promise<void> {
    let handed: FileOpened | null;
    try {
      handed = await ipc.takeOpenedFile();
    } catch (error) {
      this.notices.fail(error);
      return;
    }
    if (!handed) return;
    if (handed.kind === "refused") {
      this.notices.fail(new IpcFailure({ ...handed.error, path: null }));
    } else if (handed.kind === "library") {
      if (handed.opened.id !== this.id && !(await this.saveNow())) return;
      this.switchTo(handed.opened);
      this.form.step = "release";
    } else {
      this.offer = handed.file;
    }
  }

  /** The answer to the offer of an outside draft file. */
  async answerOffer(choice: "import" | "in-place" | "cancel"): Promise<void> {
    const file = this.offer;
    this.offer = null;
    if (!file || choice === "cancel") return;
    if (!(await this.saveNow())) return;
    if (choice === "in-place") {
      this.begin(null, file, file.draft, file.revision, null);
      this.form.step = "release";
      return;
    }
    await this.importCopy(file.draft, `Imported ${file.name} into your drafts; the file itself is unchanged.`);
  }

  /** Copies the draft file edited in place into the library and edits the copy. */
  async importFile(): Promise<void> {
    if (!this.file || !this.draft) return;
    const name = this.file.name;
    await this.importCopy(this.snapshot() as Draft, `Copied into your drafts: you are editing the copy; ${name} stays as it is.`);
  }

  /** Copies `draft` into the library as a new draft and edits that. */
  private async importCopy(draft: Draft, message: string): Promise<void> {
    try {
      this.switchTo(await ipc.importDraft(draft));
      this.form.step = "release";
      await this.listChanged();
      this.notices.say(message);
    } catch (error) {
      this.notices.fail(error);
    }
  }

  private async writeRecovery(): Promise<void> {
    // Files edited in place have no recovery slot: it lives in the library.
    if (!this.id || !this.draft) return;
    const json = JSON.stringify(this.draft);
    if (json === this.recoveredJson || json === this.savedJson) return;
    try {
      await ipc.autosaveDraft(this.id, this.snapshot() as Draft);
      this.recoveredJson = json;
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /**
   * The library folder changed on disk. When the open draft's file is not
   * what the window loaded or last saved: without unsaved changes here, the
   * window takes the new version; with them, saving now keeps both (the
   * file on disk stays, the window's version becomes a new draft) and says
   * so at once.
   */
  async diskChanged(): Promise<void> {
    const id = this.id;
    if (!id || !this.draft || this.status === "saving") return;
    let onDisk: string;
    try {
      onDisk = await ipc.draftRevision(id);
    } catch (error) {
      if (error instanceof IpcFailure && error.code === "not-found") {
        this.notices.show({
          message: "This draft's file was removed from the drafts folder by another program or a sync tool. Your text is still open here: Duplicate keeps it as a new draft.",
          kind: "error",
        });
        return;
      }
      this.notices.fail(error);
      return;
    }
    // Revisions are `MODIFIED-HASH`; the same bytes rewritten are no change.
    const hash = (revision: string) => revision.slice(revision.lastIndexOf("-") + 1);
    if (id !== this.id || hash(onDisk) === hash(this.revision)) return;
    if (this.status === "saved" && JSON.stringify(this.draft) === this.savedJson) {
      const step = this.form.step;
      this.switchTo(await ipc.openDraft(id));
      this.form.step = step;
      this.notices.say("This draft was changed on disk by another program or a sync tool; the window now shows that version.");
      return;
    }
    await this.saveNow();
  }

  /** Saves the draft now (Ctrl+S, before export, when leaving it). */
  async saveNow(announce = false): Promise<boolean> {
    this.autosave.cancel();
    this.save.cancel();
    if ((!this.id && !this.file) || !this.draft) return false;
    const json = JSON.stringify(this.draft);
    if (json === this.savedJson) {
      if (announce) this.statusMessage = "Saved";
      return true;
    }
    this.status = "saving";
    if (this.file) return this.saveInPlace(this.file, json, announce);
    if (!this.id) return false;
    try {
      const saved = await ipc.saveDraft(this.id, this.snapshot() as Draft, this.revision);
      if (saved.kept_as) {
        this.switchTo(saved.kept_as);
        this.notices.show({
          message: "This draft was changed on disk by another window or a sync tool. Nothing was overwritten: your version is kept as a separate draft, now open.",
          kind: "error",
        });
        void this.listChanged();
        return true;
      }
      this.revision = saved.revision;
      this.savedJson = json;
      this.recoveredJson = json;
      this.status = JSON.stringify(this.draft) === json ? "saved" : "unsaved";
      this.statusMessage = announce ? "Saved" : "";
      void this.listChanged();
      return true;
    } catch (error) {
      this.status = "error";
      this.notices.fail(error);
      return false;
    }
  }

  /** Saves the draft file edited in place; a file changed on disk is not overwritten. */
  private async saveInPlace(file: OutsideFile, json: string, announce: boolean): Promise<boolean> {
    try {
      const saved = await ipc.saveFile(file.path, this.snapshot() as Draft, this.revision);
      this.revision = saved.revision;
      this.savedJson = json;
      this.status = JSON.stringify(this.draft) === json ? "saved" : "unsaved";
      this.statusMessage = announce ? "Saved" : "";
      return true;
    } catch (error) {
      this.status = "error";
      if (error instanceof IpcFailure && error.code === "changed-on-disk") {
        this.notices.show({
          message: `${file.name} was changed on disk by another program since you opened it, so it was not overwritten. Use "Import into my drafts" to keep your version.`,
          kind: "error",
        });
      } else {
        this.notices.fail(error);
      }
      return false;
    }
  }

  async restoreRecovery(): Promise<void> {
    if (!this.recovery || !this.draft) return;
    this.draft = this.recovery.draft;
    this.recovery = null;
    this.changed();
    await this.saveNow(true);
  }

  async discardRecovery(): Promise<void> {
    if (!this.id) return;
    this.recovery = null;
    try {
      await ipc.discardRecovery(this.id);
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /**
   * Turns the window's spell checking to the draft's language and style.
   * When the language is not checked the toast says so, once per message;
   * which dictionary stands in for the style's choice is said in Review.
   */
  async updateSpelling(language: string, style: string): Promise<void> {
    const key = `${language}\u0000${style}`;
    if (key === this.spellingKey) return;
    this.spellingKey = key;
    try {
      const status = await ipc.setSpelling(language, style);
      if (this.spellingKey !== key) return;
      this.spelling = status;
      if (!status.dictionary && status.message && !this.spellingTold.includes(status.message)) {
        this.spellingTold.push(status.message);
        this.notices.say(status.message.charAt(0).toUpperCase() + status.message.slice(1) + ".");
      }
    } catch (error) {
      this.spellingKey = "";
      this.notices.fail(error);
    }
  }

  /** Adds `word` to the user's dictionary, then checks the draft again. */
  async addToDictionary(word: string): Promise<void> {
    try {
      await ipc.addToDictionary(word);
      this.notices.say(`Added “${word}” to your dictionary.`);
      if (this.draft) await this.preview.now(this.snapshot() as Draft);
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** Applies a house-style fix; the toast offers to undo it (the reverse fix). */
  async applyFix(fix: Fix, undoable = true): Promise<void> {
    if (!this.draft) return;
    try {
      this.draft = await ipc.applyFix(this.snapshot() as Draft, fix);
      this.changed();
      if (undoable) {
        const reverse: Fix = { ...fix, before: fix.after, after: fix.before };
        this.notices.show({
          message: `Fixed: “${fix.before}” → “${fix.after}”`,
          kind: "info",
          undo: () => this.applyFix(reverse, false),
        });
      }
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** Exports the draft after saving it; refuses while validation reports errors. */
  async export(format: ExportFormat, saveAs = false): Promise<void> {
    if ((!this.id && !this.file) || this.exporting) return;
    if (!(await this.saveNow())) return;
    const draft = this.snapshot();
    if (draft) await this.preview.now(draft, this.editedAt);
    const errors = this.preview.errors.length;
    if (errors) {
      this.form.step = "review";
      this.notices.show({ message: `Not exported: ${errors} error${errors > 1 ? "s" : ""} to fix first (see Review).`, kind: "error" });
      return;
    }
    this.exporting = true;
    try {
      const result = await ipc.exportDraft(this.id ?? "", format, saveAs, this.file?.path ?? null);
      if (result.files.length) {
        const count = result.files.length === 1 ? "1 file" : `${result.files.length} files`;
        this.notices.show({ message: `Exported ${count}`, kind: "info", files: result.files });
      }
    } catch (error) {
      this.notices.fail(error);
    } finally {
      this.exporting = false;
    }
  }

  /** Puts the e-mail edition on the clipboard after saving; refused while there are errors, as export is. */
  async copyForEmail(): Promise<void> {
    if ((!this.id && !this.file) || this.exporting) return;
    if (!(await this.saveNow())) return;
    try {
      await ipc.copyForEmail(this.id ?? "", this.file?.path ?? null);
      this.notices.say("Copied for e-mail: paste it into a new message.");
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** Adds photos to the draft: chosen in a file dialog (no `paths`), or dropped on the window. */
  async addPhotos(paths?: string[]): Promise<void> {
    if (!this.draft) return;
    if (this.file) {
      this.notices.show({ message: "Photos are added to drafts in your library: import this file first.", kind: "error" });
      return;
    }
    const added: AddedPhoto[] = [];
    try {
      if (!paths) {
        const one = await ipc.addPhoto();
        if (one) added.push(one);
      } else {
        for (const path of paths) added.push(await ipc.addDroppedPhoto(path));
      }
    } catch (error) {
      this.notices.fail(error);
    }
    if (!added.length || !this.draft) return;
    // Through the draft's own (reactive) array, not the one just assigned.
    this.draft.release.photos ??= [];
    for (const photo of added) this.draft.release.photos.push({ file: photo.file, caption: [], credit: "", alt: "" });
    this.form.step = "photos";
    this.changed();
  }
}
