// The settings as Rust keeps them, the house styles it offers, and the
// languages the form offers.

import type { Settings } from "../bindings/Settings";
import type { StyleInfo } from "../bindings/StyleInfo";
import type { LanguageOption } from "../bindings/LanguageOption";
import { ipc } from "../ipc";
import type { Notices } from "./notices.svelte";

export class SettingsState {
  current = $state<Settings | null>(null);
  styles = $state<StyleInfo[]>([]);
  /** What the user last chose; `previewShown` reads it and saves changes in the settings. */
  private previewChoice = $state<boolean | null>(null);

  constructor(private readonly notices: Notices) {}

  /** Every language a release can be written in, as Rust lists them (for the settings). */
  languages = $state<LanguageOption[]>([]);

  /**
   * The languages the style `name` offers, for the Release step; the draft's
   * own language stays in the list even when the style has no labels for it.
   */
  languagesOf(name: string, current: string): LanguageOption[] {
    const offered = this.styles.find((s) => s.name === name)?.languages ?? this.languages;
    const own = offered.some((l) => l.code === current) ? [] : this.languages.filter((l) => l.code === current);
    return [...offered, ...own];
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
