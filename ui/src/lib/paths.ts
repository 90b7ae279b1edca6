// JSON paths of findings (`release.contacts[1].email`) mapped to the form:
// which step holds the field, and the id of its input.

import type { Step } from "./bindings/Step";

/** A step of the guided form (Rust's `Step`). */
export type StepId = Step;

export const STEPS: { id: StepId; title: string }[] = [
  { id: "release", title: "Release" },
  { id: "headline", title: "Headline" },
  { id: "dateline", title: "Dateline" },
  { id: "body", title: "Body" },
  { id: "photos", title: "Photos" },
  { id: "quotes", title: "Quotes" },
  { id: "sections", title: "Closing & notes" },
  { id: "contacts", title: "Contacts" },
  { id: "review", title: "Review & export" },
];

/** The step whose form holds the field at `path`. */
export function stepOf(path: string): StepId {
  const p = path.replace(/^release\./, "");
  if (/^(kind|reference|embargo)/.test(p) || path === "style" || path === "language") return "release";
  if (/^(headline|subheadline)/.test(p)) return "headline";
  if (p.startsWith("dateline")) return "dateline";
  if (p.startsWith("body")) return "body";
  if (p.startsWith("photos")) return "photos";
  if (p.startsWith("quotes")) return "quotes";
  if (/^(closing|notes_to_editors|about)/.test(p)) return "sections";
  if (p.startsWith("contacts")) return "contacts";
  return "review";
}

/**
 * The id of the input that edits `path`. Paths inside rich text
 * (`release.body[3].content[0].text`) belong to the editor of their section,
 * and paths inside a quote's or contact's runs to that field's editor.
 */
export function fieldId(path: string): string {
  const richSection = /^release\.(body|closing|notes_to_editors|about)(\[|$)/.exec(path);
  if (richSection) return `field-release.${richSection[1]}`;
  const quoteRuns = /^(release\.quotes\[\d+\]\.(text|after))/.exec(path);
  if (quoteRuns) return `field-${quoteRuns[1]}`;
  const captionRuns = /^(release\.photos\[\d+\]\.caption)/.exec(path);
  if (captionRuns) return `field-${captionRuns[1]}`;
  return `field-${path}`;
}

/** True when a finding at `findingPath` concerns the field at `fieldPath`. */
export function concerns(findingPath: string, fieldPath: string): boolean {
  return fieldId(findingPath) === fieldId(fieldPath);
}
