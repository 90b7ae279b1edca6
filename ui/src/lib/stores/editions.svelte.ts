// A release's language editions as the window shows them: how the open
// draft stands against the draft it was translated from (the parts that
// changed there, word by word), making a new edition, bringing a part up to
// date, the date and embargo shared across the editions, and exporting them
// all at once.

import type { Draft } from "../bindings/Draft";
import type { DraftEntry } from "../bindings/DraftEntry";
import type { EditionInfo } from "../bindings/EditionInfo";
import type { Part } from "../bindings/Part";
import { ipc } from "../ipc";
import type { Library } from "./library.svelte";
import type { Notices } from "./notices.svelte";
import type { DraftSession } from "./session.svelte";

export interface EditionsParts {
  notices: Notices;
  session: DraftSession;
  library: Library;
}

/** The date and embargo of a draft, as one string to compare. */
export function dateKey(draft: Draft | null): string {
  if (!draft) return "";
  return JSON.stringify([draft.release.dateline.date, draft.release.embargo?.until ?? null]);
}

export class Editions {
  /** The open draft as an edition; null when it is not one. */
  info = $state<EditionInfo | null>(null);
  /** The other editions whose date or embargo now differ from the open draft's. */
  outOfStep = $state<DraftEntry[]>([]);
  /** The date and embargo the open draft had when it was opened or last shared. */
  private shownKey = "";
  private shownId: string | null = null;

  private readonly notices: Notices;
  private readonly session: DraftSession;
  private readonly library: Library;

  constructor(parts: EditionsParts) {
    ({ notices: this.notices, session: this.session, library: this.library } = parts);
  }

  /** The other drafts of the open draft's release, from the drafts list. */
  get siblings(): DraftEntry[] {
    const id = this.session.id;
    const own = this.library.entries.find((e) => e.id === id);
    if (!id || !own) return [];
    return this.library.entries.filter((e) => e.group === own.group && e.id !== id && !e.damaged);
  }

  /** Asks Rust how the open draft stands against its source (on opening it, and after a change to it). */
  async refresh(): Promise<void> {
    const draft = this.session.draft;
    const id = this.session.id;
    if (id !== this.shownId) {
      this.shownId = id;
      this.shownKey = dateKey(draft);
      this.outOfStep = [];
    }
    if (!draft || !id) {
      this.info = null;
      return;
    }
    try {
      this.info = await ipc.editionInfo($state.snapshot(draft) as Draft);
    } catch (error) {
      this.info = null;
      this.notices.fail(error);
    }
  }

  /** Saves the open draft, makes its `language` edition and opens it. */
  async create(language: string): Promise<void> {
    const id = this.session.id;
    if (!id || !(await this.session.saveNow())) return;
    try {
      this.session.switchTo(await ipc.newEdition(id, language));
      await this.library.reload();
      await this.refresh();
      this.notices.say("New edition made: its text is the original's until you translate it, part by part.");
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** Takes the source's change to `part` into account (and its text, if the part was still untranslated). */
  async bringUpToDate(part: Part): Promise<void> {
    const id = this.session.id;
    const draft = this.session.draft;
    if (!id || !draft) return;
    try {
      this.session.draft = await ipc.bringUpToDate(id, $state.snapshot(draft) as Draft, part);
      await this.refresh();
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** After a save: when the date or embargo changed, which other editions now differ. */
  async saved(): Promise<void> {
    const id = this.session.id;
    const draft = this.session.draft;
    if (!id || !draft || id !== this.shownId) return;
    const key = dateKey(draft);
    if (key === this.shownKey) return;
    this.shownKey = key;
    try {
      this.outOfStep = await ipc.editionsOutOfStep(id, $state.snapshot(draft) as Draft);
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** Gives every other edition the open draft's date and embargo. */
  async shareDate(): Promise<void> {
    const id = this.session.id;
    const draft = this.session.draft;
    if (!id || !draft || !(await this.session.saveNow())) return;
    try {
      const changed = await ipc.shareDateAndEmbargo(id, $state.snapshot(draft) as Draft);
      this.outOfStep = [];
      await this.library.reload();
      this.notices.say(`Date and embargo changed in ${changed.length} other edition${changed.length === 1 ? "" : "s"}.`);
    } catch (error) {
      this.notices.fail(error);
    }
  }

  keepDates(): void {
    this.outOfStep = [];
  }

  /** Exports every edition of the release, in every format, into the export folder. */
  async exportAll(): Promise<void> {
    const id = this.session.id;
    if (!id || !(await this.session.saveNow())) return;
    this.session.exporting = true;
    try {
      const exported = await ipc.exportEditions(id);
      this.notices.show({ message: `Exported ${exported.files.length} files, every edition in every format.`, kind: "info", files: exported.files });
    } catch (error) {
      this.notices.fail(error);
    } finally {
      this.session.exporting = false;
    }
  }
}
