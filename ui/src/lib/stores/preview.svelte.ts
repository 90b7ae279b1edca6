// The preview cycle: after a pause in typing the draft is rendered and
// checked by Rust. The PDF and the check run side by side, each in its own
// lane, so a slow check (the first suggestion for a new misspelling) never
// holds the pages back. In each lane one request runs at a time; edits made
// meanwhile are shown by one more request, of the newest draft, when it ends.

import type { Draft } from "../bindings/Draft";
import type { Finding } from "../bindings/Finding";
import type { Printed } from "../bindings/Printed";
import type { PreviewPages, PreviewView } from "../preview-protocol";
import type { Step } from "../bindings/Step";
import type { TextDirection } from "../bindings/TextDirection";
import { debounce } from "../debounce";
import { ipc } from "../ipc";
import type { Notices } from "./notices.svelte";

/**
 * After this pause in typing the preview and findings are refreshed: long
 * enough to take a key repeat's or an input method's burst as one edit.
 * Edits made while a preview is under way wait for it and are shown
 * together (one request at a time), so a short pause adds no load.
 */
export const PREVIEW_MS = 20;

export class PreviewCycle {
  findings = $state<Finding[]>([]);
  printed = $state<Printed | null>(null);
  /** The steps Rust found complete. */
  complete = $state<Step[]>([]);
  /** Which way the draft's language is written, as Rust decides it. */
  direction = $state<TextDirection>("ltr");
  /** The e-mail edition's subject line. */
  subject = $state("");
  /** The PDF as exported, rendered in Rust: its pages, to draw those in view. */
  shown = $state.raw<PreviewPages | null>(null);
  /** What the preview pane shows, asked before each render (the pane sets it). */
  view: () => PreviewView | null = () => null;
  /** How long Rust took to render it. */
  ms = $state<number | null>(null);
  /**
   * When the edit that `shown` shows was made (`performance.now()`), 0 when
   * it shows a draft as opened. Plain, not state: it is read with `shown`
   * (tests/e2e/measure.mjs times edits to drawn pages with it).
   */
  editedAt = 0;

  /** The newest draft asked for, and when its edit was made. */
  private wanted: { draft: Draft; editedAt: number } | null = null;
  private running = false;
  private again = false;
  /** The check lane: the newest draft waiting to be checked, and the loop checking. */
  private checkWanted: Draft | null = null;
  private checking: Promise<void> | null = null;
  private refresh = debounce(() => void this.run(), PREVIEW_MS);

  constructor(private readonly notices: Notices) {}

  get errors(): Finding[] {
    return this.findings.filter((f) => f.severity === "error");
  }

  /** `draft` was edited at `editedAt`: it is shown once typing pauses. */
  edited(draft: Draft, editedAt: number): void {
    this.wanted = { draft, editedAt };
    this.refresh();
  }

  /**
   * Shows `draft` now (just opened, or about to be exported). When a refresh
   * is running already, this returns at once and that refresh runs again.
   */
  async now(draft: Draft, editedAt = 0): Promise<void> {
    this.refresh.cancel();
    this.wanted = { draft, editedAt };
    await this.run();
    // The findings are those of this draft, or of a newer one.
    await this.checking;
  }

  /** Checks `draft` once the check running (if any) is done; resolves when the newest draft asked for is checked. */
  private check(draft: Draft): Promise<void> {
    this.checkWanted = draft;
    this.checking ??= this.checkNewest();
    return this.checking;
  }

  /**
   * Checks the newest draft asked for until none is waiting. The lane is
   * freed right after the last look at `checkWanted`, with no wait between,
   * so a draft asked for meanwhile is never left unchecked. Never throws.
   */
  private async checkNewest(): Promise<void> {
    while (this.checkWanted) {
      const draft = this.checkWanted;
      this.checkWanted = null;
      try {
        const checked = await ipc.checkDraft(draft);
        // A newer draft is waiting: its findings come next; these would be stale.
        if (this.checkWanted) continue;
        this.findings = checked.findings;
        this.printed = checked.printed;
        this.complete = checked.complete;
        this.direction = checked.direction;
        this.subject = checked.subject;
      } catch (error) {
        if (!this.checkWanted) this.notices.fail(error);
      }
    }
    this.checking = null;
  }

  private async run(): Promise<void> {
    const wanted = this.wanted;
    if (!wanted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      const started = performance.now();
      void this.check(wanted.draft);
      const shown = await ipc.previewPdf(wanted.draft, null, this.view());
      this.editedAt = wanted.editedAt;
      this.shown = shown;
      this.ms = Math.round(performance.now() - started);
    } catch (error) {
      // A newer edit is waiting: its refresh tells whether the problem remains.
      if (!this.again) this.notices.fail(error);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    }
  }
}
