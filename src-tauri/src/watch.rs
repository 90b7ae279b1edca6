//! The library and snippets folders, watched while the app runs: a press
//! office shares them through a sync tool, so files change under the open
//! window (a colleague's edit, a restore, a sync tool's conflicting copy).
//! Each settled batch of changes is told to the window as an event, sent
//! from the app's tokio runtime (`tauri::async_runtime`); the window lists
//! the drafts again and reloads or keeps the open draft (see the session).

use crate::state::AppState;
use release_watch::{Change, Watcher};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Emitter};

/// The event the window gets when draft files changed on disk.
pub const DRAFTS_CHANGED: &str = "drafts-changed";
/// The event the window gets when snippet files changed on disk.
pub const SNIPPETS_CHANGED: &str = "snippets-changed";

/// How long a folder must be quiet before its changes are told: a sync tool
/// writes a file in several steps, and a burst is told once.
const SETTLE: Duration = Duration::from_millis(150);

/// Watches the library folder and the snippets folder the settings name
/// (made if missing), replacing any watcher before it. A folder that cannot
/// be watched is said on stderr; the app works on without live updates.
pub fn start(app: &AppHandle, state: &Arc<AppState>) {
    let mut folders = vec![(state.library.dir().to_path_buf(), Change::Drafts)];
    match crate::commands::snippets::snippets(state) {
        Ok(snippets) => folders.push((snippets.dir().to_path_buf(), Change::Snippets)),
        Err(e) => eprintln!(
            "release-composer: the snippets folder is not watched: {}",
            e.message
        ),
    }
    let handle = app.clone();
    let watcher = Watcher::start(&folders, SETTLE, move |changes| {
        let handle = handle.clone();
        tauri::async_runtime::spawn(async move {
            for change in changes {
                let event = match change {
                    Change::Drafts => DRAFTS_CHANGED,
                    Change::Snippets => SNIPPETS_CHANGED,
                };
                let _ = handle.emit(event, ());
            }
        });
    });
    match watcher {
        Ok(watcher) => state.set_watcher(Some(watcher)),
        Err(e) => {
            let folder = e.folder().map(PathBuf::from).unwrap_or_default();
            eprintln!(
                "release-composer: {}: changes made by other programs are not shown until the next start: {e}",
                folder.display()
            );
            state.set_watcher(None);
        }
    }
}
