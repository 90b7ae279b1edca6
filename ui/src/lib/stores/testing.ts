// What the stores' tests share: drafts to open, Rust's usual answers (over
// the mocked ipc.ts, see fake-ipc.ts), a started window, and a promise a
// test settles when it wants.

import { vi } from "vitest";
import type { Draft } from "../bindings/Draft";
import type { DraftEntry } from "../bindings/DraftEntry";
import type { Checked } from "../bindings/Checked";
import type { Finding } from "../bindings/Finding";
import type { Opened } from "../bindings/Opened";
import type { Recovery } from "../bindings/Recovery";
import type { Startup } from "../bindings/Startup";
import type { PreviewPages } from "../preview-protocol";
import { ipc } from "../ipc";
import { type Stores, createStores, start } from "./index";

/** The mocked commands, typed as mocks. */
export const rust = vi.mocked(ipc);

export function draft(headline = "First headline"): Draft {
  return {
    format: "release-composer/draft",
    version: 1,
    style: "un",
    language: "en",
    release: {
      kind: "PRESS RELEASE",
      reference: "",
      embargo: null,
      headline,
      subheadline: "",
      dateline: { city: "Dushanbe", country: "Tajikistan", date: "2021-12-08" },
      body: [{ type: "paragraph", content: [{ text: "Body." }] }],
      quotes: [],
      closing: [],
      contacts: [],
      notes_to_editors: [],
      about: [],
    },
  };
}

export function opened(id: string, revision: string, d = draft(), recovery: Recovery | null = null): Opened {
  return { id, draft: d, revision, recovery };
}

export function entry(id: string, damaged: string | null = null, headline = id): DraftEntry {
  return { id, group: id, conflict_of: null, headline, kind: "PRESS RELEASE", style: "un", language: "en", modified_ms: 0, words: 1, damaged };
}

export function startup(open: Opened = opened("d1", "r1")): Startup {
  return {
    settings: {
      default_style: "un",
      default_language: "en",
      export_dir: "/tmp/Releases",
      default_contact: { name: "", title: "", organization: "", email: "", phone: "" },
      theme: "system",
      preview_shown: true,
      attach_pdf: false,
      snippets_dir: "",
      default_about: {},
    },
    styles: [{ name: "un", description: "UN", languages: [{ code: "en", name: "English", direction: "ltr" }, { code: "ar", name: "العربية", direction: "rtl" }], headline_limit: 120, headline_guidance: null }],
    languages: [
      { code: "en", name: "English", direction: "ltr" },
      { code: "fr", name: "Français", direction: "ltr" },
      { code: "ar", name: "العربية", direction: "rtl" },
    ],
    library_dir: "/tmp/drafts",
    opened: open,
  };
}

/** What Rust answers a check with: `findings`, every step complete, left to right. */
export function checked(findings: Finding[] = [], direction: "ltr" | "rtl" = "ltr"): Checked {
  return {
    findings,
    printed: { dateline: "Dushanbe (Tajikistan), 8 December 2021 – ", quotes: [], contacts: "" },
    complete: ["release", "headline", "dateline", "body", "photos", "quotes", "sections", "contacts", "review"],
    direction,
    subject: "PRESS RELEASE: A headline",
  };
}

/** A preview as Rust describes it, of A4 pages with these fingerprints. */
export function previewOf(keys: string[], preview = 1): PreviewPages {
  return { preview, pages: keys.map((key, i) => ({ key, width: 595.3, height: 841.9, text: `Page ${i + 1}` })), pictures: [] };
}

/** Forgets earlier answers and calls; Rust then answers as for a healthy draft `d1`. */
export function answerAsUsual(findings: Finding[] = []): void {
  for (const command of Object.values(rust)) command.mockReset();
  rust.startup.mockResolvedValue(startup());
  rust.listDrafts.mockResolvedValue([entry("d1")]);
  rust.listTrash.mockResolvedValue([]);
  rust.saveDraft.mockResolvedValue({ revision: "r2", kept_as: null });
  rust.autosaveDraft.mockResolvedValue(null);
  rust.checkDraft.mockResolvedValue(checked(findings));
  rust.previewPdf.mockResolvedValue(previewOf(["1"]));
  rust.exportDraft.mockResolvedValue({ files: ["/tmp/Releases/x.pdf"] });
  rust.takeOpenedFile.mockResolvedValue(null);
  rust.onFileHanded.mockResolvedValue(() => {});
  rust.onPhotosDropped.mockResolvedValue(() => {});
  rust.onDraftsChanged.mockResolvedValue(() => {});
  rust.onSnippetsChanged.mockResolvedValue(() => {});
  rust.editionInfo.mockResolvedValue(null);
  rust.listSnippets.mockResolvedValue([]);
  rust.onClose.mockResolvedValue(() => {});
  rust.saveSettings.mockImplementation((settings) => Promise.resolve(settings));
  rust.discardRecovery.mockResolvedValue(null);
  rust.deleteDraft.mockResolvedValue(null);
  rust.undeleteDraft.mockResolvedValue(null);
}

/** A fresh set of stores, started, with the first preview drawn. */
export async function started(): Promise<Stores> {
  const stores = createStores();
  await start(stores);
  await vi.runAllTimersAsync();
  return stores;
}

/** Edits the open draft's headline as the form does (the form's effect calls `changed`). */
export function typeHeadline(stores: Stores, headline: string): void {
  stores.session.draft!.release.headline = headline;
  stores.session.changed();
}

export function settle<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** The headlines of the drafts a mocked command was given as its `index`th argument, call by call. */
export function headlines(calls: unknown[][], index: number): string[] {
  return calls.map((call) => (call[index] as Draft).release.headline);
}
