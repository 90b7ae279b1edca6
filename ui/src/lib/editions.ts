// The drafts list grouped by release: the editions of one release together,
// its first draft (whose id is the group's) on top, the groups in the order
// of their most recently modified draft.

import type { Change } from "./bindings/Change";
import type { DraftEntry } from "./bindings/DraftEntry";
import type { Part } from "./bindings/Part";

export interface EditionGroup {
  id: string;
  entries: DraftEntry[];
}

export function groupEditions(entries: DraftEntry[]): EditionGroup[] {
  const groups = new Map<string, DraftEntry[]>();
  for (const entry of entries) {
    // A damaged file has no known group: it stands alone.
    const key = entry.damaged ? `damaged:${entry.id}` : entry.group || entry.id;
    const members = groups.get(key);
    if (members) members.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups].map(([id, members]) => {
    const first = members.findIndex((e) => e.id === id);
    if (first > 0) members.unshift(...members.splice(first, 1));
    return { id, entries: members };
  });
}

const LABELS: Record<Part, string> = {
  headline: "headline",
  subheadline: "subheadline",
  dateline: "dateline",
  body: "body",
  quotes: "quotes",
  closing: "closing",
  notes_to_editors: "notes to editors",
  about: "About",
  photos: "photo captions",
};

/** A part's name in a sentence. */
export const partLabel = (part: Part): string => LABELS[part];

/** Kept around a change, in characters, on each side. */
export const CONTEXT = 60;

/**
 * A word-level difference with its unchanged stretches cut to the words
 * around the changes (`…` where text was left out), so that a one-word
 * change to a long body reads as one line.
 */
export function context(changes: Change[], keep = CONTEXT): Change[] {
  return changes
    .filter((c) => c.text.length > 0)
    .map((c, i, all) => {
      if (c.kind !== "same" || c.text.length <= 2 * keep) return c;
      const first = i === 0;
      const last = i === all.length - 1;
      const head = c.text.slice(0, keep);
      const tail = c.text.slice(-keep);
      const text = first ? `…${tail}` : last ? `${head}…` : `${head} … ${tail}`;
      return { kind: c.kind, text: first && last ? c.text : text };
    });
}
