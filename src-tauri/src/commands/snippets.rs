//! The office's snippets (About paragraphs, notes to editors, closing
//! lines, contacts): list them for the pickers, read one to insert, save a
//! part of the draft as one, delete one. The folder is the settings' (a
//! shared folder, when a press office shares its library), else the default.

use super::blocking;
use crate::error::{IpcError, Result};
use crate::state::AppState;
use crate::types::{SnippetContent, SnippetEntry};
use release_model::ErrorCode;
use release_snippets::{Content, Kind, Snippet, Snippets};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

type AppRef<'a> = State<'a, Arc<AppState>>;

impl From<release_snippets::SnippetsError> for IpcError {
    fn from(e: release_snippets::SnippetsError) -> IpcError {
        IpcError::new(e.code(), e.to_string())
    }
}

/// The snippets folder the settings name, else the default one.
pub(crate) fn snippets(state: &AppState) -> Result<Snippets> {
    let chosen = state.settings().snippets_dir;
    let dir = if chosen.trim().is_empty() {
        release_snippets::default_snippets_dir()?
    } else {
        PathBuf::from(chosen.trim())
    };
    Ok(Snippets::open(dir)?)
}

fn kind(name: &str) -> Result<Kind> {
    name.parse().map_err(|_| {
        IpcError::new(
            ErrorCode::InvalidField,
            format!("`{name}` is not a kind of snippet (about, notes, closing, contact)"),
        )
    })
}

/// The content of snippet `id`, or why it cannot be used.
pub(crate) fn content_of(snippets: &Snippets, id: &str) -> Result<SnippetContent> {
    let snippet = snippets.get(id)?.snippet;
    Ok(SnippetContent::from(&snippet))
}

/// Every snippet, damaged ones and sync tools' copies included, with a
/// line of its text to search and show.
#[tauri::command]
pub async fn list_snippets(state: AppRef<'_>) -> Result<Vec<SnippetEntry>> {
    let state = state.inner().clone();
    blocking(move || {
        let snippets = snippets(&state)?;
        let listed = snippets.list()?;
        Ok(listed
            .into_iter()
            .map(|l| {
                let text = match (&l.damage, snippets.get(&l.id)) {
                    (None, Ok(opened)) => opened.snippet.text(),
                    _ => String::new(),
                };
                SnippetEntry::new(l, &text)
            })
            .collect())
    })
    .await
}

/// The content of snippet `id`, to insert into the draft.
#[tauri::command]
pub async fn snippet_content(state: AppRef<'_>, id: String) -> Result<SnippetContent> {
    let state = state.inner().clone();
    blocking(move || content_of(&snippets(&state)?, &id)).await
}

/// Saves `content` as a new snippet named `name` in `language`; its id.
#[tauri::command]
pub async fn save_snippet(
    state: AppRef<'_>,
    name: String,
    language: String,
    content: SnippetContent,
) -> Result<String> {
    let state = state.inner().clone();
    blocking(move || {
        let kind = kind(&content.kind)?;
        let content = match (kind, content.contact) {
            (Kind::Contact, Some(contact)) => Content::Contact(contact),
            (Kind::Contact, None) => {
                return Err(IpcError::new(
                    ErrorCode::InvalidField,
                    "a contact snippet needs a contact",
                ));
            }
            (kind, _) => Content::of_blocks(kind, content.blocks)
                .ok_or_else(|| IpcError::new(ErrorCode::InvalidField, "the snippet has no text"))?,
        };
        let snippet = Snippet::new(name.trim(), language, content);
        Ok(snippets(&state)?.add(&snippet)?.id)
    })
    .await
}

/// Moves snippet `id` to the snippets folder's trash.
#[tauri::command]
pub async fn delete_snippet(state: AppRef<'_>, id: String) -> Result<()> {
    let state = state.inner().clone();
    blocking(move || {
        snippets(&state)?.delete(&id)?;
        Ok(())
    })
    .await
}

/// Asks for the snippets folder (a shared one, say) in a folder dialog.
#[tauri::command]
pub async fn choose_snippets_dir(app: AppHandle, state: AppRef<'_>) -> Result<Option<String>> {
    let current = snippets(&state).map(|s| s.dir().to_path_buf()).ok();
    let mut dialog = app.dialog().file().set_title("Snippets folder");
    if let Some(dir) = current {
        dialog = dialog.set_directory(dir);
    }
    Ok(dialog
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}
