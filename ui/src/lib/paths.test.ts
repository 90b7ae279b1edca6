import { describe, expect, it } from "vitest";
import { concerns, fieldId, stepOf } from "./paths";

describe("finding paths", () => {
  it("find their step", () => {
    expect(stepOf("release.dateline.date")).toBe("dateline");
    expect(stepOf("release.contacts[1].email")).toBe("contacts");
    expect(stepOf("release.embargo.until")).toBe("release");
    expect(stepOf("style")).toBe("release");
    expect(stepOf("release.notes_to_editors[0].content[0].text")).toBe("sections");
    expect(stepOf("release")).toBe("review");
  });

  it("find their field", () => {
    expect(fieldId("release.contacts[1].email")).toBe("field-release.contacts[1].email");
    expect(fieldId("release.body[5].content[0].text")).toBe("field-release.body");
    expect(fieldId("release.quotes[2].text[0].text")).toBe("field-release.quotes[2].text");
    expect(concerns("release.body[5].content[0].text", "release.body")).toBe(true);
    expect(concerns("release.quotes[0].speaker", "release.quotes[1].speaker")).toBe(false);
  });
});
