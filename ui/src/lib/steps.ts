// How far each step of the guided form is, for the rail: which steps are
// complete is Rust's decision (sent with each check); this only combines it
// with where the findings are.

import type { Finding } from "./bindings/Finding";
import type { Step } from "./bindings/Step";
import { stepOf } from "./paths";

export type StepState = "problem" | "warning" | "complete" | "incomplete";

/** A step with an error at one of its fields has problems; else it is incomplete, has warnings, or is complete. */
export function stepState(step: Step, complete: Step[], findings: Finding[]): StepState {
  const mine = findings.filter((f) => stepOf(f.path) === step);
  if (mine.some((f) => f.severity === "error")) return "problem";
  if (!complete.includes(step)) return "incomplete";
  if (mine.length) return "warning";
  return "complete";
}
