// The one door to the Rust side: every command the frontend uses, typed with
// the declarations generated from the Rust types (src/lib/bindings/).
// Components and stores import from here, never from @tauri-apps/api.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { About } from "./bindings/About";
import type { AddedPhoto } from "./bindings/AddedPhoto";
import type { Checked } from "./bindings/Checked";
import type { Draft } from "./bindings/Draft";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { DraftEntry } from "./bindings/DraftEntry";
import type { EditionInfo } from "./bindings/EditionInfo";
import type { Part } from "./bindings/Part";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { Exported } from "./bindings/Exported";
import type { FileOpened } from "./bindings/FileOpened";
import type { Fix } from "./bindings/Fix";
import type { IpcError } from "./bindings/IpcError";
import type { Opened } from "./bindings/Opened";
import type { Saved } from "./bindings/Saved";
import type { SnippetContent } from "./bindings/SnippetContent";
import type { SnippetEntry } from "./bindings/SnippetEntry";
import type { SavedFile } from "./bindings/SavedFile";
import type { SpellingStatus } from "./bindings/SpellingStatus";
import type { WebSpelling } from "./bindings/WebSpelling";
import { type Picture, type PreviewPages, type PreviewView, readPicture, readPreview } from "./preview-protocol";
import type { Settings } from "./bindings/Settings";
import type { Startup } from "./bindings/Startup";

/** A command that failed: a stable code, a message for people, and the field at fault. */
export class IpcFailure extends Error {
  readonly code: ErrorCode;
  readonly path: string | null;
  constructor(error: IpcError) {
    super(error.message);
    this.code = error.code;
    this.path = error.path;
  }
}

function isIpcError(value: unknown): value is IpcError {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isIpcError(error)) throw new IpcFailure({ ...error, path: error.path ?? null });
    throw new IpcFailure({ code: "ipc", message: String(error), path: null });
  }
}

export const ipc = {
  /** What the window needs at start: settings, styles, the draft to open, a recovery copy if newer. */
  startup: () => call<Startup>("startup"),
  listDrafts: (query: string) => call<DraftEntry[]>("list_drafts", { query }),
  listTrash: () => call<DraftEntry[]>("list_trash"),
  createDraft: (fromExample: boolean) => call<Opened>("create_draft", { fromExample }),
  openDraft: (id: string) => call<Opened>("open_draft", { id }),
  /** Saves now; `revision` is the one the draft was loaded or last saved as (conflict detection). */
  saveDraft: (id: string, draft: Draft, revision: string) => call<Saved>("save_draft", { id, draft, revision }),
  /** Writes the recovery copy: cheap, called after every pause in typing. */
  autosaveDraft: (id: string, draft: Draft) => call<null>("autosave_draft", { id, draft }),
  discardRecovery: (id: string) => call<null>("discard_recovery", { id }),
  duplicateDraft: (id: string) => call<Opened>("duplicate_draft", { id }),
  deleteDraft: (id: string) => call<null>("delete_draft", { id }),
  undeleteDraft: (id: string) => call<null>("undelete_draft", { id }),
  /** Validation and house-style findings, and the texts as they will print; `file`: the draft file edited in place (its photos are beside it). */
  checkDraft: (draft: Draft, file: string | null = null) => call<Checked>("check_draft", { draft, file }),
  applyFix: (draft: Draft, fix: Fix) => call<Draft>("apply_fix", { draft, fix }),
  /**
   * Renders the PDF an export would give, for the preview: its pages' fingerprints, sizes and texts,
   * and the pictures of the pages in `view` that changed.
   */
  previewPdf: async (draft: Draft, file: string | null = null, view: PreviewView | null = null): Promise<PreviewPages> =>
    readPreview(await call<ArrayBuffer>("preview_pdf", { draft, file, view })),
  /** Page `page` of that PDF drawn `width` pixels across; null once a newer preview replaced `preview`. */
  previewPage: async (preview: number, page: number, width: number): Promise<Picture | null> =>
    readPicture(await call<ArrayBuffer>("preview_page", { preview, page, width })),
  /**
   * Exports the saved draft into the export folder, or where a save dialog says when `saveAs`.
   * With `file`, the draft file edited in place is exported instead of library draft `id`.
   */
  exportDraft: (id: string, format: ExportFormat, saveAs: boolean, file: string | null = null) =>
    call<Exported>("export_draft", { id, format, saveAs, file }),
  /** Puts the e-mail edition (HTML, with plain text as its alternative) on the clipboard. */
  copyForEmail: (id: string, file: string | null = null) => call<null>("copy_for_email", { id, file }),
  openExported: (path: string) => call<null>("open_exported", { path }),
  showExported: (path: string) => call<null>("show_exported", { path }),
  saveSettings: (settings: Settings) => call<Settings>("save_settings", { settings }),
  chooseExportDir: () => call<string | null>("choose_export_dir"),
  /** The draft file handed to the app last (command line, double-click, second launch), read. */
  takeOpenedFile: () => call<FileOpened | null>("take_opened_file"),
  /** Copies a draft into the library as a new draft; with `file` (the draft file it came from), its photos too. */
  importDraft: (draft: Draft, file: string | null = null) => call<Opened>("import_draft", { draft, file }),
  /** Saves a draft file handed to the app where it is; refused if it changed on disk since `revision`. */
  saveFile: (path: string, draft: Draft, revision: string) => call<SavedFile>("save_file", { path, draft, revision }),
  about: () => call<About>("about"),
  /** Asks for a photo in a file dialog, checks it and stores it in the library; null when cancelled. */
  addPhoto: () => call<AddedPhoto | null>("add_photo"),
  /** Stores a photo dropped on the window (only paths the window system reported dropped). */
  addDroppedPhoto: (path: string) => call<AddedPhoto>("add_dropped_photo", { path }),
  /** A small PNG of a library photo, for the Photos step (never the photo itself). */
  photoThumbnail: async (file: string) => new Uint8Array(await call<ArrayBuffer>("photo_thumbnail", { file })),
  /** Saves draft `id` with its photos as a draft package where a save dialog says; the path, or null. */
  exportPackage: (id: string) => call<string | null>("export_package", { id }),
  /** Imports a draft package chosen in a dialog as a new draft; null when cancelled. */
  importPackage: () => call<Opened | null>("import_package"),
  /** Turns the window's spell checking to the dictionary for `language` under `style` (loaded off the window's thread). */
  setSpelling: (language: string, style: string) => call<SpellingStatus>("set_spelling", { language, style }),
  /** Adds a word to the user's dictionary (kept in the settings folder). */
  addToDictionary: (word: string) => call<null>("add_to_dictionary", { word }),
  /** What WebKitGTK itself reports of the window's spell checking (on, and its languages). */
  webSpelling: () => call<WebSpelling>("web_spelling"),
  /** Makes the `language` edition of library draft `id` (linked to it) and opens it. */
  newEdition: (id: string, language: string) => call<Opened>("new_edition", { id, language }),
  /** How `draft` stands as a language edition: its source, and the parts changed there since; null when not an edition. */
  editionInfo: (draft: Draft) => call<EditionInfo | null>("edition_info", { draft }),
  /** `draft` with `part` brought up to date with its source. */
  bringUpToDate: (id: string, draft: Draft, part: Part) => call<Draft>("bring_up_to_date", { id, draft, part }),
  /** The release's other editions whose date or embargo differ from `draft`'s. */
  editionsOutOfStep: (id: string, draft: Draft) => call<DraftEntry[]>("editions_out_of_step", { id, draft }),
  /** Gives the release's other editions `draft`'s date and embargo; the ids changed. */
  shareDateAndEmbargo: (id: string, draft: Draft) => call<string[]>("share_date_and_embargo", { id, draft }),
  /** Exports every edition of draft `id`'s release, in every format, into the export folder. */
  exportEditions: (id: string) => call<Exported>("export_editions", { id }),
  /** The office's snippets, damaged files and sync tools' copies included. */
  listSnippets: () => call<SnippetEntry[]>("list_snippets"),
  snippetContent: (id: string) => call<SnippetContent>("snippet_content", { id }),
  /** Saves a part of the draft as a new snippet; its id. */
  saveSnippet: (name: string, language: string, content: SnippetContent) => call<string>("save_snippet", { name, language, content }),
  deleteSnippet: (id: string) => call<null>("delete_snippet", { id }),
  chooseSnippetsDir: () => call<string | null>("choose_snippets_dir"),
  /** Calls `add` with the paths of files dropped on the window, once Rust allows adding them as photos. */
  onPhotosDropped: (add: (paths: string[]) => void) => listen<string[]>("photos-dropped", (event) => add(event.payload)),
  /** The revision of draft `id` on disk now. */
  draftRevision: (id: string) => call<string>("draft_revision", { id }),
  /** Settles a sync tool's conflicting copy: keep it as the draft's new version, or keep the draft; the copy goes to the trash. */
  resolveConflict: (fileName: string, keepCopy: boolean) => call<string>("resolve_conflict", { fileName, keepCopy }),
  /** Calls `changed` when draft files changed on disk (another program, a sync tool). */
  onDraftsChanged: (changed: () => void) => listen("drafts-changed", () => changed()),
  /** Calls `changed` when snippet files changed on disk. */
  onSnippetsChanged: (changed: () => void) => listen("snippets-changed", () => changed()),
  /** Calls `take` whenever a draft file is handed to the running app. */
  onFileHanded: (take: () => void) => listen("file-handed", () => take()),
  setTitle: (title: string) => getCurrentWindow().setTitle(title),
  /** Runs `save` when the window is about to close, then closes it. */
  onClose: (save: () => Promise<unknown>) =>
    listen("save-before-close", async () => {
      try {
        await save();
      } finally {
        await call<null>("close_window");
      }
    }),
};
