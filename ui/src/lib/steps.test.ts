import { describe, expect, it } from "vitest";
import type { Draft } from "./bindings/Draft";
import type { Finding } from "./bindings/Finding";
import { stepState } from "./steps";

const draft = (): Draft => ({
  format: "release-composer/draft",
  version: 1,
  style: "un",
  language: "en",
  release: {
    kind: "PRESS RELEASE",
    reference: "",
    embargo: null,
    headline: "A headline",
    subheadline: "",
    dateline: { city: "Dushanbe", country: "", date: "2021-12-08" },
    body: [{ type: "paragraph", content: [{ text: "Body." }] }],
    quotes: [],
    closing: [],
    contacts: [{ name: "A", title: "", organization: "", email: "x", phone: "" }],
    notes_to_editors: [],
    about: [],
  },
});

const finding = (severity: Finding["severity"], path: string): Finding => ({ severity, code: "c", path, message: "m" });

describe("step states", () => {
  it("put each finding on the step that holds its field", () => {
    const findings = [finding("error", "release.contacts[0].email"), finding("warning", "release.body[0].content[0].text")];
    const d = draft();
    expect(stepState("contacts", d, findings)).toBe("problem");
    expect(stepState("body", d, findings)).toBe("warning");
    expect(stepState("headline", d, findings)).toBe("complete");
    // An error anywhere keeps the review from being complete, without being its problem.
    expect(stepState("review", d, findings)).toBe("incomplete");
    expect(stepState("review", d, [finding("error", "release")])).toBe("problem");
  });

  it("call a step without what it needs incomplete, before its warnings", () => {
    const d = draft();
    d.release.headline = "  ";
    expect(stepState("headline", d, [finding("warning", "release.subheadline")])).toBe("incomplete");
    expect(stepState("review", d, [])).toBe("complete");
  });
});
