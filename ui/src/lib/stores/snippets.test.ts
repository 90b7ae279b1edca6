import { describe, expect, it } from "vitest";
import type { SnippetEntry } from "../bindings/SnippetEntry";
import { matching } from "./snippets.svelte";

const snippet = (id: string, kind: string, name: string, language: string, text = "", damaged: string | null = null): SnippetEntry => ({
  id,
  kind,
  name,
  language,
  text,
  damaged,
  conflict_of: null,
});

describe("matching snippets", () => {
  const all = [
    snippet("a1", "about", "About UNOCT", "en", "The United Nations Office of Counter-Terrorism"),
    snippet("a2", "about", "À propos du BLT", "fr", "Le Bureau de lutte contre le terrorisme"),
    snippet("a3", "about", "Any language", "", "UNOCT"),
    snippet("c1", "contact", "Press office", "", "Laurence Gerard gerardl@un.org"),
    snippet("bad", "about", "", "", "", "not-json"),
  ];

  it("keeps the kind, leaves damaged files out, and puts the draft's language and any-language ones first", () => {
    expect(matching(all, "about", "fr-CA", "").map((s) => s.id)).toEqual(["a2", "a3", "a1"]);
    expect(matching(all, "about", "en", "").map((s) => s.id)).toEqual(["a1", "a3", "a2"]);
    expect(matching(all, "contact", "en", "").map((s) => s.id)).toEqual(["c1"]);
  });

  it("finds every word of the search in the name or the text, in any case", () => {
    expect(matching(all, "about", "en", "unoct").map((s) => s.id)).toEqual(["a1", "a3"]);
    expect(matching(all, "about", "en", "bureau terrorisme").map((s) => s.id)).toEqual(["a2"]);
    expect(matching(all, "contact", "en", "GERARD un.org").map((s) => s.id)).toEqual(["c1"]);
    expect(matching(all, "about", "en", "nothing-like-it")).toEqual([]);
  });
});
