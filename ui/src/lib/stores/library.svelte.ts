// The drafts library as the sidebar shows it: the drafts (filtered by the
// search), the trash, and the actions that add or remove drafts. A draft
// made or restored here is opened through the session, which saves the one
// being left first.

import type { DraftEntry } from "../bindings/DraftEntry";
import { ipc } from "../ipc";
import type { Form } from "./form.svelte";
import type { Notices } from "./notices.svelte";
import type { DraftSession } from "./session.svelte";

export interface LibraryParts {
  form: Form;
  notices: Notices;
  session: DraftSession;
}

export class Library {
  /** Where the drafts are kept, as Rust reports it. */
  dir = $state("");
  /** Every draft, as last listed. */
  all = $state<DraftEntry[]>([]);
  trash = $state<DraftEntry[]>([]);
  query = $state("");
  /** What Rust's full-text search found, and for which words. */
  private found = $state<{ query: string; entries: DraftEntry[] } | null>(null);
  /** Each listed draft's headline (its title, when it has one), lowercased once per listing. */
  private readonly haystacks = $derived(this.all.map((e) => e.headline.toLowerCase()));

  /**
   * The drafts the sidebar shows. While Rust searches the drafts' whole text
   * for the words typed, those whose headline has every word are shown at
   * once; Rust's answer, which holds them too, replaces them when it comes.
   */
  readonly entries = $derived.by((): DraftEntry[] => {
    const query = this.query.trim();
    if (!query) return this.all;
    if (this.found?.query === query) return this.found.entries;
    const words = query.toLowerCase().split(/\s+/);
    return this.all.filter((e, i) => !e.damaged && words.every((w) => this.haystacks[i].includes(w)));
  });
  showTrash = $state(false);

  private readonly form: Form;
  private readonly notices: Notices;
  private readonly session: DraftSession;

  constructor(parts: LibraryParts) {
    ({ form: this.form, notices: this.notices, session: this.session } = parts);
  }

  /** Lists the drafts again, then searches them again (and the trash, when shown). */
  async reload(): Promise<void> {
    try {
      this.all = await ipc.listDrafts("");
      this.found = null;
      if (this.showTrash) this.trash = await ipc.listTrash();
    } catch (error) {
      this.notices.fail(error);
    }
    await this.search();
  }

  /** Searches the drafts' whole text for the words in the search box. */
  async search(): Promise<void> {
    const query = this.query.trim();
    if (!query || this.found?.query === query) return;
    try {
      const entries = await ipc.listDrafts(query);
      if (this.query.trim() === query) this.found = { query, entries };
    } catch (error) {
      this.notices.fail(error);
    }
  }

  async toggleTrash(): Promise<void> {
    this.showTrash = !this.showTrash;
    await this.reload();
  }

  async create(fromExample = false): Promise<void> {
    if (!(await this.session.saveNow())) return;
    try {
      this.session.switchTo(await ipc.createDraft(fromExample));
      this.form.step = "release";
      await this.reload();
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** Copies the open draft and edits the copy; a file edited in place is imported instead. */
  async duplicate(): Promise<void> {
    if (this.session.file) return this.session.importFile();
    if (!this.session.id || !(await this.session.saveNow())) return;
    try {
      this.session.switchTo(await ipc.duplicateDraft(this.session.id));
      await this.reload();
      this.notices.say("Duplicated: you are editing the copy.");
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** Moves draft `id` to the trash; when it is the open one, another is opened (or a new one made). */
  async remove(id: string): Promise<void> {
    try {
      if (id === this.session.id) await this.session.saveNow();
      await ipc.deleteDraft(id);
      await this.reload();
      // Asked again: the save may have moved the window to a kept copy.
      if (id === this.session.id) {
        const next = this.entries.find((e) => !e.damaged);
        if (next) await this.session.open(next.id);
        else await this.create(false);
      }
      this.notices.show({
        message: "Draft moved to the trash.",
        kind: "info",
        undo: async () => {
          await ipc.undeleteDraft(id);
          await this.reload();
          await this.session.open(id);
        },
      });
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /**
   * Settles a sync tool's conflicting copy of a draft: `keepCopy` makes it
   * the draft's new version (the old one stays in the history), else the
   * draft stays; the copy goes to the trash either way.
   */
  async resolveConflict(copy: DraftEntry, keepCopy: boolean): Promise<void> {
    try {
      if (copy.conflict_of === this.session.id) await this.session.saveNow();
      const id = await ipc.resolveConflict(copy.id, keepCopy);
      await this.reload();
      if (keepCopy && id === this.session.id) this.session.switchTo(await ipc.openDraft(id));
      this.notices.say(keepCopy ? "The copy is now the draft; the version it replaced is in its history." : "The copy was moved to the trash.");
    } catch (error) {
      this.notices.fail(error);
    }
  }

  async undelete(id: string): Promise<void> {
    try {
      await ipc.undeleteDraft(id);
      await this.reload();
      this.notices.say("Draft restored from the trash.");
    } catch (error) {
      this.notices.fail(error);
    }
  }
}
