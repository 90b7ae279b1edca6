//! Draft files handed to the app: taking them, importing one into the
//! library, saving one in place. Only files handed to the app (see
//! `opening`) can be saved in place; the window cannot name others.

use super::blocking;
use crate::error::Result;
use crate::opening::open_handed;
use crate::state::AppState;
use crate::types::{FileOpened, Opened, SavedFile};
use release_model::Draft;
use std::sync::Arc;
use tauri::State;

type AppRef<'a> = State<'a, Arc<AppState>>;

/// The draft file handed to the app last, read; `None` when there is none.
#[tauri::command]
pub async fn take_opened_file(state: AppRef<'_>) -> Result<Option<FileOpened>> {
    let state = state.inner().clone();
    blocking(move || Ok(state.take_handed().map(|path| open_handed(&state, &path)))).await
}

/// Copies a draft (read from an outside file, or the window's version of one
/// that changed on disk) into the library as a new draft; with `file`, the
/// draft file it came from, its photos are brought into the library too.
#[tauri::command]
pub async fn import_draft(state: AppRef<'_>, draft: Draft, file: Option<String>) -> Result<Opened> {
    let state = state.inner().clone();
    blocking(move || {
        let draft = match file {
            Some(file) if !draft.release.photos.is_empty() => {
                let path = state.in_place_path(&file)?;
                let folder = path.parent().unwrap_or(std::path::Path::new("."));
                release_pipeline::adopt_photos(&state.library, &draft, folder)?
            }
            _ => draft,
        };
        crate::commands::drafts::opened(&state.library, state.library.import(draft)?)
    })
    .await
}

/// Saves an outside draft file where it is, unless it changed on disk since
/// it was loaded as `revision`.
#[tauri::command]
pub async fn save_file(
    state: AppRef<'_>,
    path: String,
    draft: Draft,
    revision: String,
) -> Result<SavedFile> {
    let state = state.inner().clone();
    blocking(move || {
        let path = state.in_place_path(&path)?;
        let expected = super::revision(&revision)?;
        let revision = release_drafts::save_file(&path, &draft, &expected)?;
        Ok(SavedFile {
            revision: revision.to_string(),
        })
    })
    .await
}
