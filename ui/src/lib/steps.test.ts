import { describe, expect, it } from "vitest";
import type { Finding } from "./bindings/Finding";
import type { Step } from "./bindings/Step";
import { stepState } from "./steps";

const finding = (severity: Finding["severity"], path: string): Finding => ({ severity, code: "c", path, message: "m" });
const ALL: Step[] = ["release", "headline", "dateline", "body", "photos", "quotes", "sections", "contacts", "review"];

describe("step states", () => {
  it("put each finding on the step that holds its field", () => {
    const findings = [finding("error", "release.contacts[0].email"), finding("warning", "release.body[0].content[0].text")];
    const complete = ALL.filter((s) => s !== "review");
    expect(stepState("contacts", complete, findings)).toBe("problem");
    expect(stepState("body", complete, findings)).toBe("warning");
    expect(stepState("headline", complete, findings)).toBe("complete");
    // Rust calls the review incomplete while there is an error anywhere, without it being the review's problem.
    expect(stepState("review", complete, findings)).toBe("incomplete");
    expect(stepState("review", complete, [finding("error", "release")])).toBe("problem");
  });

  it("call a step Rust finds incomplete so, before its warnings", () => {
    const complete = ALL.filter((s) => s !== "headline");
    expect(stepState("headline", complete, [finding("warning", "release.subheadline")])).toBe("incomplete");
    expect(stepState("review", complete, [])).toBe("complete");
  });
});
