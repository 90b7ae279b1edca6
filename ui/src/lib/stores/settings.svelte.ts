// The settings as Rust keeps them, the house styles it offers, and the
// languages the form offers.

import type { Settings } from "../bindings/Settings";
import type { StyleInfo } from "../bindings/StyleInfo";
import { LANGUAGES } from "../embargo";
import { ipc } from "../ipc";
import type { Notices } from "./notices.svelte";

export class SettingsState {
  current = $state<Settings | null>(null);
  styles = $state<StyleInfo[]>([]);
  /** What the user last chose; `previewShown` reads it and saves changes in the settings. */
  private previewChoice = $state<boolean | null>(null);

  constructor(private readonly notices: Notices) {}

  /** The languages a release can be written in (codes and names), for the form's lists. */
  get languages(): { code: string; name: string }[] {
    return LANGUAGES;
  }

  get previewShown(): boolean {
    return this.previewChoice ?? this.current?.preview_shown ?? true;
  }

  /** Shows or hides the preview, and remembers it for the next start. */
  set previewShown(shown: boolean) {
    this.previewChoice = shown;
    if (!this.current || this.current.preview_shown === shown) return;
    const settings = { ...$state.snapshot(this.current), preview_shown: shown } as Settings;
    ipc.saveSettings(settings).then(
      (saved) => (this.current = saved),
      (error) => this.notices.fail(error),
    );
  }

  async save(settings: Settings): Promise<void> {
    try {
      this.current = await ipc.saveSettings(settings);
      this.notices.say("Settings saved.");
    } catch (error) {
      this.notices.fail(error);
    }
  }
}
