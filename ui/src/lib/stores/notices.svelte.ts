// The toast: one notice at a time, information or an error. A failure that
// names a field also takes the form to that field.

import { IpcFailure } from "../ipc";
import type { Form } from "./form.svelte";

export interface Toast {
  message: string;
  kind: "info" | "error";
  files?: string[];
  undo?: () => Promise<void>;
}

export class Notices {
  toast = $state<Toast | null>(null);

  constructor(private readonly form: Form) {}

  show(toast: Toast): void {
    this.toast = toast;
  }

  say(message: string): void {
    this.toast = { message, kind: "info" };
  }

  /** Shows what failed; an unexpected error (not from Rust) is logged and told in general words. */
  fail(error: unknown): void {
    const failure =
      error instanceof IpcFailure
        ? error
        : new IpcFailure({ code: "ui", message: "The window hit an unexpected problem; your last save is safe.", path: null });
    if (!(error instanceof IpcFailure)) console.error(error);
    this.toast = { message: failure.message, kind: "error" };
    if (failure.path) this.form.goTo(failure.path);
  }

  dismiss(): void {
    this.toast = null;
  }
}
