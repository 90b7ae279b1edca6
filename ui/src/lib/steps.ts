// How far each step of the guided form is: the one place that decides it,
// from the draft and the findings Rust sent (the rail shows it).

import type { Draft } from "./bindings/Draft";
import type { Finding } from "./bindings/Finding";
import { type StepId, stepOf } from "./paths";

export type StepState = "problem" | "warning" | "complete" | "incomplete";

/** Whether the step has what a release needs from it (a copy of Rust's required fields). */
function complete(step: StepId, draft: Draft, findings: Finding[]): boolean {
  const r = draft.release;
  switch (step) {
    case "release": return !!r.kind.trim();
    case "headline": return !!r.headline.trim();
    case "dateline": return !!r.dateline.date && !!(r.dateline.city.trim() || r.dateline.country.trim());
    case "body": return r.body.length > 0;
    case "quotes": return true;
    case "sections": return true;
    case "contacts": return r.contacts.length > 0;
    case "review": return !findings.some((f) => f.severity === "error");
  }
}

/** A step with an error at one of its fields has problems; else it is incomplete, has warnings, or is complete. */
export function stepState(step: StepId, draft: Draft, findings: Finding[]): StepState {
  const mine = findings.filter((f) => stepOf(f.path) === step);
  if (mine.some((f) => f.severity === "error")) return "problem";
  if (!complete(step, draft, findings)) return "incomplete";
  if (mine.length) return "warning";
  return "complete";
}
