//! Photos for the window's Photos step: added through a file dialog Rust
//! opens, or dropped on the window (only paths the window system reported
//! dropped), checked and stored in the library's assets by the pipeline;
//! thumbnails, so the window never holds a full-size image; draft packages
//! exported and imported through dialogs.

use super::blocking;
use crate::error::Result;
use crate::state::AppState;
use crate::types::{AddedPhoto, Opened};
use release_pipeline::PACKAGE_EXTENSION;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

type AppRef<'a> = State<'a, Arc<AppState>>;

fn add(state: &AppState, path: &Path) -> Result<AddedPhoto> {
    let image =
        release_pipeline::read_image_file(path).map_err(release_pipeline::PipelineError::from)?;
    let file = release_pipeline::add_photo(&state.library, path)?;
    let (width, height) = image.facts.upright();
    Ok(AddedPhoto {
        file,
        width,
        height,
    })
}

/// Asks for an image in a file dialog and stores it; `None` when cancelled.
#[tauri::command]
pub async fn add_photo(app: AppHandle, state: AppRef<'_>) -> Result<Option<AddedPhoto>> {
    let chosen = app
        .dialog()
        .file()
        .set_title("Add a photo")
        .add_filter("Photos (JPEG, PNG)", &["jpg", "jpeg", "png"])
        .blocking_pick_file();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let state = state.inner().clone();
    blocking(move || add(&state, &path).map(Some)).await
}

/// Stores an image dropped on the window.
#[tauri::command]
pub async fn add_dropped_photo(state: AppRef<'_>, path: String) -> Result<AddedPhoto> {
    let state = state.inner().clone();
    blocking(move || {
        let path = state.dropped_path(&path)?;
        add(&state, &path)
    })
    .await
}

/// A small PNG of a library draft's photo `file`.
#[tauri::command]
pub async fn photo_thumbnail(state: AppRef<'_>, file: String) -> Result<Response> {
    let state = state.inner().clone();
    let png = blocking(move || {
        Ok(release_pipeline::thumbnail(state.library.dir(), &file)
            .map_err(release_pipeline::PipelineError::from)?
            .png)
    })
    .await?;
    Ok(Response::new(png))
}

/// Saves draft `id` with its photos as a draft package where a save dialog
/// says; the path written, or `None` when cancelled.
#[tauri::command]
pub async fn export_package(
    app: AppHandle,
    state: AppRef<'_>,
    id: String,
) -> Result<Option<String>> {
    let name = {
        let draft = state.library.load(&id)?.draft;
        let stem = release_pipeline::file_name(&draft, release_pipeline::Format::Pdf);
        format!("{}{PACKAGE_EXTENSION}", stem.trim_end_matches(".pdf"))
    };
    let chosen = app
        .dialog()
        .file()
        .set_title("Export the draft with its photos")
        .set_file_name(&name)
        .add_filter("Draft package", &["zip"])
        .blocking_save_file();
    let Some(target) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let state = state.inner().clone();
    blocking(move || {
        let bytes = release_pipeline::export_package(&state.library, &id)?;
        release_pipeline::write_export(&target, &bytes)?;
        Ok(Some(target.display().to_string()))
    })
    .await
}

/// Asks for a draft package and imports it as a new draft; `None` when cancelled.
#[tauri::command]
pub async fn import_package(app: AppHandle, state: AppRef<'_>) -> Result<Option<Opened>> {
    let chosen = app
        .dialog()
        .file()
        .set_title("Import a draft package")
        .add_filter("Draft package", &["zip"])
        .blocking_pick_file();
    let Some(path): Option<PathBuf> = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let state = state.inner().clone();
    blocking(move || {
        let bytes = std::fs::read(&path).map_err(|e| release_drafts::DraftsError::Io {
            action: "read",
            file: path.clone(),
            source: e,
        })?;
        let name = path.display().to_string();
        let opened = release_pipeline::import_package(&state.library, &bytes, &name)?;
        crate::commands::drafts::opened(&state.library, opened).map(Some)
    })
    .await
}
