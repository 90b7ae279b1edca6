// The drafts list grouped by release: the editions of one release together,
// its first draft (whose id is the group's) on top, the groups in the order
// of their most recently modified draft.

import type { DraftEntry } from "./bindings/DraftEntry";

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
