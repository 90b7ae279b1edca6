//! One-click export into the export folder, "Export as…" through a save
//! dialog opened here (the window never supplies a path), and opening what
//! was exported.

use super::blocking;
use crate::error::{IpcError, Result};
use crate::exports::{prepare, write_export};
use crate::state::AppState;
use crate::types::{ExportFormat, Exported};
use release_model::ErrorCode;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

type AppRef<'a> = State<'a, Arc<AppState>>;

/// Exports the saved draft `id`, or, with `file`, the draft file edited in place.
#[tauri::command]
pub async fn export_draft(
    app: AppHandle,
    state: AppRef<'_>,
    id: String,
    format: ExportFormat,
    save_as: bool,
    file: Option<String>,
) -> Result<Exported> {
    let state = state.inner().clone();
    let in_library = file.is_none();
    let prepared = {
        let state = state.clone();
        let id = id.clone();
        blocking(move || prepare(&state, &id, file.as_deref())).await?
    };
    let settings = state.settings();
    let mut options = settings.export_options();
    if in_library {
        // A library draft's e-mail lists the release's other editions.
        let state = state.clone();
        let (id, draft) = (id.clone(), prepared.draft.clone());
        options.other_editions = blocking(move || {
            Ok(release_pipeline::other_edition_languages(
                &state.library,
                &id,
                &draft,
            ))
        })
        .await?;
    }
    let dir = PathBuf::from(settings.export_dir);
    let mut targets = Vec::new();
    for &format in format.formats() {
        let name = release_pipeline::file_name(&prepared.draft, format);
        let target = if save_as {
            let chosen = app
                .dialog()
                .file()
                .set_title(format!("Export {}", format.name()))
                .set_directory(&dir)
                .set_file_name(&name)
                .add_filter(format.name(), &[format.extension()])
                .blocking_save_file();
            match chosen.and_then(|p| p.into_path().ok()) {
                Some(path) => path,
                None => continue,
            }
        } else {
            dir.join(name)
        };
        targets.push((target, format, save_as));
    }
    blocking(move || {
        let mut files = Vec::new();
        for (target, format, replace) in targets {
            let path = write_export(&prepared, &target, format, &options, replace)?;
            state.exported(&path);
            files.push(path.display().to_string());
        }
        Ok(Exported { files })
    })
    .await
}

/// Puts the e-mail edition on the clipboard, HTML with its plain text as
/// the alternative, so that pasting into a mail client gives the styled
/// release. Refused, like an export, while the draft has errors.
#[tauri::command]
pub async fn copy_for_email(
    app: AppHandle,
    state: AppRef<'_>,
    id: String,
    file: Option<String>,
) -> Result<()> {
    let state = state.inner().clone();
    let (html, text) = blocking(move || {
        let prepared = prepare(&state, &id, file.as_deref())?;
        Ok(release_pipeline::mail_clipboard(&prepared))
    })
    .await?;
    app.clipboard().write_html(html, Some(text)).map_err(|e| {
        IpcError::new(
            ErrorCode::Window,
            format!("the clipboard cannot be written: {e}"),
        )
    })
}

#[tauri::command]
pub fn open_exported(app: AppHandle, state: AppRef<'_>, path: String) -> Result<()> {
    let path = state.exported_path(&path)?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| {
            IpcError::new(
                ErrorCode::OpenFailed,
                format!("{}: cannot be opened: {e}", path.display()),
            )
        })
}

#[tauri::command]
pub fn show_exported(app: AppHandle, state: AppRef<'_>, path: String) -> Result<()> {
    let path = state.exported_path(&path)?;
    app.opener().reveal_item_in_dir(&path).map_err(|e| {
        IpcError::new(
            ErrorCode::OpenFailed,
            format!("{}: cannot be shown: {e}", path.display()),
        )
    })
}

#[tauri::command]
pub async fn choose_export_dir(app: AppHandle, state: AppRef<'_>) -> Result<Option<String>> {
    let current = PathBuf::from(state.settings().export_dir);
    let chosen = app
        .dialog()
        .file()
        .set_title("Export folder")
        .set_directory(current)
        .blocking_pick_folder();
    Ok(chosen
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}
