// The office's snippets as the pickers see them: the list (reloaded when a
// picker opens, so a colleague's new snippet shows up), inserting one, and
// saving a part of the draft as a new one.

import type { SnippetContent } from "../bindings/SnippetContent";
import type { SnippetEntry } from "../bindings/SnippetEntry";
import { ipc } from "../ipc";
import type { Notices } from "./notices.svelte";

/** The primary language subtag, lower case: `fr-CA` → `fr`. */
const primary = (tag: string) => tag.split(/[-_]/)[0].toLowerCase();

/**
 * The usable snippets of `kind` matching every word of `query` (in the
 * name or the text), those in `language` or in any language first.
 */
export function matching(entries: SnippetEntry[], kind: string, language: string, query: string): SnippetEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const fits = (s: SnippetEntry) => !s.language || primary(s.language) === primary(language);
  return entries
    .filter((s) => s.kind === kind && !s.damaged)
    .filter((s) => words.every((w) => `${s.name} ${s.text}`.toLowerCase().includes(w)))
    .sort((a, b) => Number(fits(b)) - Number(fits(a)) || a.name.localeCompare(b.name));
}

export class SnippetLibrary {
  entries = $state<SnippetEntry[]>([]);

  constructor(private readonly notices: Notices) {}

  async reload(): Promise<void> {
    try {
      this.entries = await ipc.listSnippets();
    } catch (error) {
      this.notices.fail(error);
    }
  }

  /** The content of snippet `id`, or null (and the reason told) when it cannot be read. */
  async content(id: string): Promise<SnippetContent | null> {
    try {
      return await ipc.snippetContent(id);
    } catch (error) {
      this.notices.fail(error);
      return null;
    }
  }

  /** Saves `content` as a new snippet; its id, or null when it was refused (the reason told). */
  async save(name: string, language: string, content: SnippetContent): Promise<string | null> {
    try {
      const id = await ipc.saveSnippet(name, language, content);
      await this.reload();
      this.notices.say(`Saved to the snippets as “${name}”.`);
      return id;
    } catch (error) {
      this.notices.fail(error);
      return null;
    }
  }
}
