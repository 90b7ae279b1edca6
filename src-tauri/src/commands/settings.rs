//! Settings.

use crate::error::Result;
use crate::settings::Settings;
use crate::state::AppState;
use std::sync::Arc;
use tauri::State;

#[tauri::command]
pub fn save_settings(state: State<'_, Arc<AppState>>, settings: Settings) -> Result<Settings> {
    state.set_settings(settings)
}
