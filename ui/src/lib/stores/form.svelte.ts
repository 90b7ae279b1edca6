// The guided form: which step is shown, and which field has been asked to
// take the focus. The DOM side of a focus request (scrolling, focusing) is
// FieldFocus.svelte's; this store only records it.

import { type StepId, stepOf } from "../paths";

/** A field to bring into view and focus. Each request is a new object, so asking twice works twice. */
export interface FocusRequest {
  path: string;
}

export class Form {
  step = $state<StepId>("release");
  focus = $state<FocusRequest | null>(null);

  /** Shows the step that holds the field at `path` and asks for that field's focus. */
  goTo(path: string): void {
    this.step = stepOf(path);
    this.focus = { path };
  }

  /** The focus request was carried out (or can no longer be). */
  focused(request: FocusRequest): void {
    if (this.focus === request) this.focus = null;
  }
}
