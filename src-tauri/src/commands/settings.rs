//! Settings, and closing the window once the draft is saved.

use crate::error::Result;
use crate::settings::Settings;
use crate::state::AppState;
use std::sync::Arc;
use tauri::{Manager, State, WebviewWindow};
use tauri_plugin_window_state::AppHandleExt;

#[tauri::command]
pub fn save_settings(
    app: tauri::AppHandle,
    state: State<'_, Arc<AppState>>,
    settings: Settings,
) -> Result<Settings> {
    let moved = settings.snippets_dir != state.settings().snippets_dir;
    let saved = state.set_settings(settings)?;
    if moved {
        // The snippets folder is another one now: watch that one.
        crate::watch::start(&app, state.inner());
    }
    Ok(saved)
}

/// Closes the window: called by the window after it saved the draft in
/// answer to `save-before-close`.
#[tauri::command]
pub fn close_window(window: WebviewWindow) -> Result<()> {
    // The plugin saves the window's size and place when the app exits; saving
    // now too keeps them even if the exit is cut short.
    let _ = window.app_handle().save_window_state(crate::WINDOW_STATE);
    // What the dictionaries said of the words checked, for the next start.
    if let Some(state) = window.try_state::<Arc<AppState>>() {
        state.spelling.save_verdicts();
    }
    window.destroy().map_err(Into::into)
}
