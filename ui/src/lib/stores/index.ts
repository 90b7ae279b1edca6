// The window's stores, made once and wired together here; components import
// the ones they need. `createStores` makes a fresh set (tests do).

import { ipc } from "../ipc";
import { Editions } from "./editions.svelte";
import { Form } from "./form.svelte";
import { Library } from "./library.svelte";
import { Notices } from "./notices.svelte";
import { PreviewCycle } from "./preview.svelte";
import { DraftSession } from "./session.svelte";
import { SettingsState } from "./settings.svelte";
import { SnippetLibrary } from "./snippets.svelte";

export interface Stores {
  form: Form;
  notices: Notices;
  settings: SettingsState;
  preview: PreviewCycle;
  session: DraftSession;
  library: Library;
  editions: Editions;
  snippets: SnippetLibrary;
}

export function createStores(): Stores {
  const form = new Form();
  const notices = new Notices(form);
  const settings = new SettingsState(notices);
  const preview = new PreviewCycle(notices);
  const session = new DraftSession({
    form,
    notices,
    preview,
    listChanged: async () => {
      await library.reload();
      await editions.saved();
    },
  });
  const library: Library = new Library({ form, notices, session });
  const editions: Editions = new Editions({ notices, session, library });
  const snippets = new SnippetLibrary(notices);
  return { form, notices, settings, preview, session, library, editions, snippets };
}

/**
 * Starts the window: settings, styles, the draft to open (and a recovery
 * copy if newer), the drafts list, then any draft file handed to the app.
 */
export async function start({ notices, settings, session, library, editions, snippets }: Stores): Promise<void> {
  void ipc.onClose(() => session.saveNow()).catch((error) => notices.fail(error));
  try {
    const startup = await ipc.startup();
    settings.current = startup.settings;
    settings.styles = startup.styles;
    settings.languages = startup.languages;
    library.dir = startup.library_dir;
    session.switchTo(startup.opened);
    // For tests/e2e/measure.mjs: the form holds the draft (from the page's start).
    performance.mark("startup: form filled");
    await library.reload();
    performance.mark("startup: drafts listed");
    void ipc.onFileHanded(() => void session.takeFile()).catch((error) => notices.fail(error));
    // Files changed on disk by a colleague, a restore or a sync tool.
    void ipc
      .onDraftsChanged(async () => {
        await library.reload();
        await session.diskChanged();
        await editions.refresh();
      })
      .catch((error) => notices.fail(error));
    void ipc.onSnippetsChanged(() => void snippets.reload()).catch((error) => notices.fail(error));
    void ipc.onPhotosDropped((paths) => void session.addPhotos(paths)).catch((error) => notices.fail(error));
    await session.takeFile();
  } catch (error) {
    notices.fail(error);
  } finally {
    session.ready = true;
  }
}

export const stores = createStores();
export const { form, notices, settings, preview, session, library, editions, snippets } = stores;
