import { describe, expect, it } from "vitest";
import type { DraftEntry } from "./bindings/DraftEntry";
import { groupEditions } from "./editions";

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
