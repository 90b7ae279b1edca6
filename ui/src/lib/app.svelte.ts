// The window's state: the open draft, its autosave and preview cycle, the
// drafts list, findings and settings. Components read it and call its methods;
// only this module and ipc.ts know how the Rust side is reached.

import type { Checked } from "./bindings/Checked";
import type { Draft } from "./bindings/Draft";
import type { DraftEntry } from "./bindings/DraftEntry";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { FileOpened } from "./bindings/FileOpened";
import type { Finding } from "./bindings/Finding";
import type { Fix } from "./bindings/Fix";
import type { OutsideFile } from "./bindings/OutsideFile";
import type { Recovery } from "./bindings/Recovery";
import type { Settings } from "./bindings/Settings";
import type { StyleInfo } from "./bindings/StyleInfo";
import { debounce } from "./debounce";
import { IpcFailure, ipc } from "./ipc";
import { type StepId, fieldId, stepOf } from "./paths";

export type SaveStatus = "saved" | "saving" | "unsaved" | "error";

export interface Toast {
  message: string;
  kind: "info" | "error";
  files?: string[];
  undo?: () => Promise<void>;
}

/** After this pause in typing the recovery copy is written. */
export const AUTOSAVE_MS = 300;
/** After this pause in typing the draft itself is saved. */
export const SAVE_MS = 1500;
/** After this pause in typing the preview and findings are refreshed. */
export const PREVIEW_MS = 60;

export class AppState {
  settings = $state<Settings | null>(null);
  styles = $state<StyleInfo[]>([]);
  libraryDir = $state("");
  entries = $state<DraftEntry[]>([]);
  trash = $state<DraftEntry[]>([]);
  query = $state("");
  showTrash = $state(false);

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

  findings = $state<Finding[]>([]);
  printed = $state<Checked["printed"] | null>(null);
  preview = $state<Uint8Array | null>(null);
  previewMs = $state<number | null>(null);
  /**
   * When the edit that `preview` shows was made (`performance.now()`), 0 when
   * it shows a draft as opened. Plain, not state: it is read with `preview`.
   */
  previewEditedAt = 0;
  private editedAt = 0;
  /** What the user last chose; `previewShown` reads it and saves changes in the settings. */
  private previewChoice = $state<boolean | null>(null);
  step = $state<StepId>("release");
  toast = $state<Toast | null>(null);
  exporting = $state(false);
  ready = $state(false);

  /** The JSON of the draft as last saved or loaded, to tell edits from loads. */
  private savedJson = "";
  private recoveredJson = "";
  private previewRunning = false;
  private previewAgain = false;

  private autosave = debounce(() => void this.writeRecovery(), AUTOSAVE_MS);
  private save = debounce(() => void this.saveNow(), SAVE_MS);
  private refresh = debounce(() => void this.refreshPreview(), PREVIEW_MS);

  get previewShown(): boolean {
    return this.previewChoice ?? this.settings?.preview_shown ?? true;
  }

  /** Shows or hides the preview, and remembers it for the next start. */
  set previewShown(shown: boolean) {
    this.previewChoice = shown;
    if (!this.settings || this.settings.preview_shown === shown) return;
    const settings = { ...$state.snapshot(this.settings), preview_shown: shown } as Settings;
    ipc.saveSettings(settings).then(
      (saved) => (this.settings = saved),
      (error) => this.fail(error),
    );
  }

  /** The window's title: the draft's headline, and the file's name when edited in place. */
  get title(): string {
    const headline = this.draft?.release.headline.trim() ?? "";
    const short = headline.length > 60 ? `${headline.slice(0, 59)}…` : headline;
    return [short || (this.draft ? "Untitled release" : ""), this.file?.name ?? "", "Release Composer"].filter(Boolean).join(" — ");
  }

  get errors(): Finding[] {
    return this.findings.filter((f) => f.severity === "error");
  }

  async init(): Promise<void> {
    void ipc.onClose(() => this.saveNow()).catch((error) => this.fail(error));
    try {
      const start = await ipc.startup();
      this.settings = start.settings;
      this.styles = start.styles;
      this.libraryDir = start.library_dir;
      this.opened(start.opened.id, start.opened.draft, start.opened.revision, start.opened.recovery);
      await this.reloadList();
      void ipc.onFileHanded(() => void this.takeFile()).catch((error) => this.fail(error));
      await this.takeFile();
    } catch (error) {
      this.fail(error);
    } finally {
      this.ready = true;
    }
  }

  private opened(id: string, draft: Draft, revision: string, recovery: Recovery | null) {
    this.autosave.cancel();
    this.save.cancel();
    this.id = id;
    this.file = null;
    this.draft = draft;
    this.revision = revision;
    this.savedJson = JSON.stringify(draft);
    this.recoveredJson = this.savedJson;
    this.recovery = recovery;
    this.status = "saved";
    this.statusMessage = "";
    this.editedAt = 0;
    this.refresh();
    this.refresh.flush();
  }

  /** Opens a draft file edited in place: saves go back to that file. */
  private openedInPlace(file: OutsideFile): void {
    this.opened("", file.draft, file.revision, null);
    this.id = null;
    this.file = file;
  }

  /** Takes the draft file handed to the app (command line, double-click, second launch), if any. */
  async takeFile(): Promise<void> {
    let handed: FileOpened | null;
    try {
      handed = await ipc.takeOpenedFile();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (!handed) return;
    if (handed.kind === "refused") {
      this.fail(new IpcFailure({ ...handed.error, path: null }));
    } else if (handed.kind === "library") {
      const o = handed.opened;
      if (o.id !== this.id && !(await this.saveNow())) return;
      this.opened(o.id, o.draft, o.revision, o.recovery);
      this.step = "release";
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
      this.openedInPlace(file);
      this.step = "release";
      return;
    }
    await this.importCurrent(file.draft, `Imported ${file.name} into your drafts; the file itself is unchanged.`);
  }

  /** Copies `draft` into the library as a new draft and edits that. */
  private async importCurrent(draft: Draft, message: string): Promise<void> {
    try {
      const o = await ipc.importDraft(draft);
      this.opened(o.id, o.draft, o.revision, o.recovery);
      this.step = "release";
      await this.reloadList();
      this.say(message);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Copies the draft file edited in place into the library and edits the copy. */
  async importFile(): Promise<void> {
    if (!this.file || !this.draft) return;
    const name = this.file.name;
    await this.importCurrent($state.snapshot(this.draft) as Draft, `Copied into your drafts: you are editing the copy; ${name} stays as it is.`);
  }

  /** Called by the form after any edit (App watches the draft deeply). */
  changed(): void {
    if (!this.draft) return;
    const json = JSON.stringify(this.draft);
    if (json === this.savedJson) return;
    this.editedAt = performance.now();
    this.status = "unsaved";
    this.autosave();
    this.save();
    this.refresh();
  }

  private async writeRecovery(): Promise<void> {
    // Files edited in place have no recovery slot: it lives in the library.
    if (!this.id || !this.draft) return;
    const json = JSON.stringify(this.draft);
    if (json === this.recoveredJson || json === this.savedJson) return;
    try {
      await ipc.autosaveDraft(this.id, $state.snapshot(this.draft) as Draft);
      this.recoveredJson = json;
    } catch (error) {
      this.fail(error);
    }
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
      const saved = await ipc.saveDraft(this.id, $state.snapshot(this.draft) as Draft, this.revision);
      if (saved.kept_as) {
        const k = saved.kept_as;
        this.opened(k.id, k.draft, k.revision, k.recovery);
        this.toast = {
          message: "This draft was changed on disk by another window or a sync tool. Nothing was overwritten: your version is kept as a separate draft, now open.",
          kind: "error",
        };
        void this.reloadList();
        return true;
      }
      this.revision = saved.revision;
      this.savedJson = json;
      this.recoveredJson = json;
      this.status = JSON.stringify(this.draft) === json ? "saved" : "unsaved";
      this.statusMessage = announce ? "Saved" : "";
      void this.reloadList();
      return true;
    } catch (error) {
      this.status = "error";
      this.fail(error);
      return false;
    }
  }

  /** Saves the draft file edited in place; a file changed on disk is not overwritten. */
  private async saveInPlace(file: OutsideFile, json: string, announce: boolean): Promise<boolean> {
    try {
      const saved = await ipc.saveFile(file.path, $state.snapshot(this.draft) as Draft, this.revision);
      this.revision = saved.revision;
      this.savedJson = json;
      this.status = JSON.stringify(this.draft) === json ? "saved" : "unsaved";
      this.statusMessage = announce ? "Saved" : "";
      return true;
    } catch (error) {
      this.status = "error";
      if (error instanceof IpcFailure && error.code === "changed-on-disk") {
        this.toast = {
          message: `${file.name} was changed on disk by another program since you opened it, so it was not overwritten. Use "Import into my drafts" to keep your version.`,
          kind: "error",
        };
      } else {
        this.fail(error);
      }
      return false;
    }
  }

  private async refreshPreview(): Promise<void> {
    if (!this.draft) return;
    if (this.previewRunning) {
      this.previewAgain = true;
      return;
    }
    this.previewRunning = true;
    try {
      const draft = $state.snapshot(this.draft) as Draft;
      const editedAt = this.editedAt;
      const started = performance.now();
      const [checked, pdf] = await Promise.all([ipc.checkDraft(draft), ipc.previewPdf(draft)]);
      this.findings = checked.findings;
      this.printed = checked.printed;
      this.previewEditedAt = editedAt;
      this.preview = pdf;
      this.previewMs = Math.round(performance.now() - started);
    } catch (error) {
      this.fail(error);
    } finally {
      this.previewRunning = false;
      if (this.previewAgain) {
        this.previewAgain = false;
        void this.refreshPreview();
      }
    }
  }

  async reloadList(): Promise<void> {
    try {
      this.entries = await ipc.listDrafts(this.query);
      if (this.showTrash) this.trash = await ipc.listTrash();
    } catch (error) {
      this.fail(error);
    }
  }

  async open(id: string): Promise<void> {
    if (id === this.id) return;
    if (!(await this.saveNow())) return;
    try {
      const o = await ipc.openDraft(id);
      this.opened(o.id, o.draft, o.revision, o.recovery);
    } catch (error) {
      this.fail(error);
    }
  }

  async create(fromExample = false): Promise<void> {
    if (!(await this.saveNow())) return;
    try {
      const o = await ipc.createDraft(fromExample);
      this.opened(o.id, o.draft, o.revision, o.recovery);
      this.step = "release";
      await this.reloadList();
    } catch (error) {
      this.fail(error);
    }
  }

  async duplicate(): Promise<void> {
    if (this.file) return this.importFile();
    if (!this.id || !(await this.saveNow())) return;
    try {
      const o = await ipc.duplicateDraft(this.id);
      this.opened(o.id, o.draft, o.revision, o.recovery);
      await this.reloadList();
      this.say("Duplicated: you are editing the copy.");
    } catch (error) {
      this.fail(error);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      if (id === this.id) await this.saveNow();
      await ipc.deleteDraft(id);
      await this.reloadList();
      if (id === this.id) {
        const next = this.entries.find((e) => !e.damaged);
        if (next) await this.open(next.id);
        else await this.create(false);
      }
      this.toast = {
        message: "Draft moved to the trash.",
        kind: "info",
        undo: async () => {
          await ipc.undeleteDraft(id);
          await this.reloadList();
          await this.open(id);
        },
      };
    } catch (error) {
      this.fail(error);
    }
  }

  async undelete(id: string): Promise<void> {
    try {
      await ipc.undeleteDraft(id);
      await this.reloadList();
      this.say("Draft restored from the trash.");
    } catch (error) {
      this.fail(error);
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
      this.fail(error);
    }
  }

  /** Applies a house-style fix; the toast offers to undo it (the reverse fix). */
  async applyFix(fix: Fix, undoable = true): Promise<void> {
    if (!this.draft) return;
    try {
      this.draft = await ipc.applyFix($state.snapshot(this.draft) as Draft, fix);
      this.changed();
      if (undoable) {
        const reverse: Fix = { ...fix, before: fix.after, after: fix.before };
        this.toast = {
          message: `Fixed: “${fix.before}” → “${fix.after}”`,
          kind: "info",
          undo: () => this.applyFix(reverse, false),
        };
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** Exports the draft after saving it; refuses while validation reports errors. */
  async export(format: ExportFormat, saveAs = false): Promise<void> {
    if ((!this.id && !this.file) || this.exporting) return;
    if (!(await this.saveNow())) return;
    await this.refreshPreview();
    if (this.errors.length) {
      this.step = "review";
      this.toast = {
        message: `Not exported: ${this.errors.length} error${this.errors.length > 1 ? "s" : ""} to fix first (see Review).`,
        kind: "error",
      };
      return;
    }
    this.exporting = true;
    try {
      const result = await ipc.exportDraft(this.id ?? "", format, saveAs, this.file?.path ?? null);
      if (result.files.length) {
        this.toast = { message: `Exported ${result.files.length === 1 ? "1 file" : `${result.files.length} files`}`, kind: "info", files: result.files };
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.exporting = false;
    }
  }

  async saveSettings(settings: Settings): Promise<void> {
    try {
      this.settings = await ipc.saveSettings(settings);
      this.say("Settings saved.");
    } catch (error) {
      this.fail(error);
    }
  }

  /** Shows the field a finding concerns. */
  goTo(path: string): void {
    this.step = stepOf(path);
    queueMicrotask(() => {
      setTimeout(() => {
        const el = document.getElementById(fieldId(path));
        if (el) {
          el.scrollIntoView({ block: "center" });
          el.focus();
        }
      }, 0);
    });
  }

  say(message: string): void {
    this.toast = { message, kind: "info" };
  }

  fail(error: unknown): void {
    const failure =
      error instanceof IpcFailure
        ? error
        : new IpcFailure({ code: "ui", message: "The window hit an unexpected problem; your last save is safe.", path: null });
    if (!(error instanceof IpcFailure)) console.error(error);
    this.toast = { message: failure.message, kind: "error" };
    if (failure.path) this.goTo(failure.path);
  }
}

export const app = new AppState();
