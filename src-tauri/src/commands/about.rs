//! The About window's facts.

use super::blocking;
use crate::error::Result;
use crate::state::AppState;
use crate::types::About;
use std::sync::Arc;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn about(app: AppHandle, state: State<'_, Arc<AppState>>) -> Result<About> {
    let state = state.inner().clone();
    let info = app.package_info().clone();
    let name = app.config().product_name.clone().unwrap_or(info.name);
    blocking(move || {
        Ok(crate::about::about(
            &state,
            &name,
            &info.version.to_string(),
        ))
    })
    .await
}
