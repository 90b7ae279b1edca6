import { describe, expect, it } from "vitest";
import type { DraftEntry } from "./bindings/DraftEntry";
import { context, groupEditions } from "./editions";

const entry = (id: string, group: string, language: string, damaged: string | null = null): DraftEntry => ({
  id,
  group,
  language,
  headline: id,
  kind: "PRESS RELEASE",
  style: "un",
  modified_ms: 0,
  words: 0,
  damaged,
  conflict_of: null,
});

describe("groupEditions", () => {
  it("puts a release's editions together, its first draft on top, groups in list order", () => {
    const groups = groupEditions([
      entry("fr1", "en1", "fr"),
      entry("other", "other", "en"),
      entry("en1", "en1", "en"),
      entry("ar1", "en1", "ar"),
    ]);
    expect(groups.map((g) => g.id)).toEqual(["en1", "other"]);
    expect(groups[0].entries.map((e) => e.id)).toEqual(["en1", "fr1", "ar1"]);
    expect(groups[1].entries.map((e) => e.id)).toEqual(["other"]);
  });

  it("keeps an edition whose first draft is gone, and damaged files alone", () => {
    const groups = groupEditions([entry("fr1", "gone", "fr"), entry("bad", "bad", "", "not-json"), entry("es1", "gone", "es")]);
    expect(groups.map((g) => g.entries.map((e) => e.id))).toEqual([["fr1", "es1"], ["bad"]]);
  });
});

describe("context", () => {
  it("cuts long unchanged stretches to the words around the change", () => {
    const long = "a".repeat(200);
    const cut = context(
      [
        { kind: "same", text: long },
        { kind: "added", text: "new words" },
        { kind: "same", text: long },
        { kind: "removed", text: "old" },
        { kind: "same", text: long },
      ],
      10,
    );
    expect(cut.map((c) => c.text)).toEqual([`…${"a".repeat(10)}`, "new words", `${"a".repeat(10)} … ${"a".repeat(10)}`, "old", `${"a".repeat(10)}…`]);
    expect(cut.map((c) => c.kind)).toEqual(["same", "added", "same", "removed", "same"]);
  });

  it("keeps short stretches and changes whole, and drops empty pieces", () => {
    const changes = [
      { kind: "same" as const, text: "The " },
      { kind: "removed" as const, text: "Centre" },
      { kind: "added" as const, text: "" },
    ];
    expect(context(changes)).toEqual(changes.slice(0, 2));
  });
});
