//! Language editions: make one, see how the open one stands against its
//! source, bring a part up to date, share the date and embargo across the
//! release, export every edition at once.

use super::blocking;
use super::drafts::opened;
use crate::commands::compose::today;
use crate::error::{IpcError, Result};
use crate::exports::write_export;
use crate::state::AppState;
use crate::types::{DraftEntry, EditionInfo, Exported, Opened};
use release_model::{Draft, ErrorCode, Part, language_name};
use release_pipeline::{ExportOptions, Format};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::State;

type AppRef<'a> = State<'a, Arc<AppState>>;

/// Makes the `language` edition of the saved draft `id` and opens it.
#[tauri::command]
pub async fn new_edition(state: AppRef<'_>, id: String, language: String) -> Result<Opened> {
    let state = state.inner().clone();
    blocking(move || {
        let mut o = state.library.new_edition(&id, &language)?;
        // The office's About in the edition's language is already translated.
        if super::drafts::fill_default_about(&state, &state.settings(), &mut o.draft) {
            o.revision = state
                .library
                .save(&o.id, &o.draft, Some(&o.revision))?
                .revision;
        }
        opened(&state.library, o)
    })
    .await
}

/// How `draft` (draft `id` as the window has it) stands as an edition:
/// its source and the parts that changed there since; `None` when it is not
/// a language edition.
#[tauri::command]
pub async fn edition_info(state: AppRef<'_>, draft: Draft) -> Result<Option<EditionInfo>> {
    let state = state.inner().clone();
    blocking(move || {
        let language = language_name(&draft.language);
        Ok(state.library.edition_status(&draft)?.map(|s| EditionInfo {
            language_name: language,
            source_language_name: language_name(&s.source_language),
            source: s.source,
            source_language: s.source_language,
            source_found: s.source_found,
            stale: s.stale,
        }))
    })
    .await
}

/// `draft` with `part` brought up to date with its source; the window
/// takes it as an edit and saves it as usual.
#[tauri::command]
pub async fn bring_up_to_date(
    state: AppRef<'_>,
    id: String,
    mut draft: Draft,
    part: Part,
) -> Result<Draft> {
    let state = state.inner().clone();
    blocking(move || {
        state.library.bring_up_to_date(&id, &mut draft, part)?;
        Ok(draft)
    })
    .await
}

/// The release's other editions whose date or embargo differ from `draft`'s.
#[tauri::command]
pub async fn editions_out_of_step(
    state: AppRef<'_>,
    id: String,
    draft: Draft,
) -> Result<Vec<DraftEntry>> {
    let state = state.inner().clone();
    blocking(move || {
        Ok(state
            .library
            .editions_out_of_step(&id, &draft)?
            .into_iter()
            .map(Into::into)
            .collect())
    })
    .await
}

/// Gives every other edition of the release `draft`'s date and embargo.
#[tauri::command]
pub async fn share_date_and_embargo(
    state: AppRef<'_>,
    id: String,
    draft: Draft,
) -> Result<Vec<String>> {
    let state = state.inner().clone();
    blocking(move || Ok(state.library.share_date_and_embargo(&id, &draft)?)).await
}

/// Exports every edition of draft `id`'s release, in every format, into the
/// export folder, named with their language codes; a taken name is never
/// replaced. Refused, naming the edition and its first error's field, when
/// an edition has errors; the editions before it are written.
#[tauri::command]
pub async fn export_editions(state: AppRef<'_>, id: String) -> Result<Exported> {
    let state = state.inner().clone();
    blocking(move || {
        let editions = release_pipeline::prepare_editions(
            &state.library,
            &id,
            &state.styles,
            today(),
            &state.spelling,
        )?;
        let settings = state.settings();
        let dir = PathBuf::from(&settings.export_dir);
        let mut files = Vec::new();
        for edition in editions {
            let current = edition.id == id;
            let prepared = edition.prepared.map_err(|e| {
                let error = IpcError::from(e);
                // The field is another draft's unless it is the open one.
                let path = if current { error.path.clone() } else { None };
                let message = format!(
                    "The {} edition was not exported: {}",
                    language_name(&edition.language),
                    error.message
                );
                IpcError {
                    message,
                    path,
                    ..error
                }
            })?;
            let options = ExportOptions {
                other_editions: edition.other_editions,
                ..settings.export_options()
            };
            for format in Format::ALL {
                let name = release_pipeline::edition_file_name(&prepared.draft, format);
                let path = write_export(&prepared, &dir.join(name), format, &options, false)?;
                state.exported(&path);
                files.push(path.display().to_string());
            }
        }
        if files.is_empty() {
            return Err(IpcError::new(ErrorCode::NotFound, "nothing to export"));
        }
        Ok(Exported { files })
    })
    .await
}
