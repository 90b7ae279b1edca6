//! Drafts: open, create, save, recover, duplicate, delete, list.

use super::blocking;
use crate::error::Result;
use crate::state::AppState;
use crate::types::{DraftEntry, Opened, Saved, Startup};
use release_drafts::{DraftsError, Library, Template};
use release_model::Draft;
use std::sync::Arc;
use tauri::State;

type AppRef<'a> = State<'a, Arc<AppState>>;

/// A loaded draft with the recovery copy worth offering, if any.
pub(crate) fn opened(library: &Library, o: release_drafts::Opened) -> Result<Opened> {
    let recovery = library.recovery(&o.id)?.map(Into::into);
    Ok(Opened {
        id: o.id,
        draft: o.draft,
        revision: o.revision.to_string(),
        recovery,
    })
}

/// The draft the window opens at start: the most recently modified one, or,
/// in an empty library (first start), a new copy of the example release.
pub(crate) fn first_draft(state: &AppState) -> Result<Opened> {
    let newest = state
        .library
        .list()?
        .into_iter()
        .find(|e| e.damage.is_none());
    let o = match newest {
        Some(entry) => state.library.load(&entry.id)?,
        None => state.library.create(Template::Example)?,
    };
    opened(&state.library, o)
}

#[tauri::command]
pub async fn startup(state: AppRef<'_>) -> Result<Startup> {
    let state = state.inner().clone();
    blocking(move || {
        Ok(Startup {
            settings: state.settings(),
            styles: crate::commands::compose::style_infos(&state),
            languages: release_pipeline::all_languages(),
            library_dir: state.library.dir().display().to_string(),
            opened: first_draft(&state)?,
        })
    })
    .await
}

#[tauri::command]
pub async fn list_drafts(state: AppRef<'_>, query: String) -> Result<Vec<DraftEntry>> {
    let state = state.inner().clone();
    blocking(move || {
        let entries = if query.trim().is_empty() {
            state.library.list()?
        } else {
            state.library.search(&query)?
        };
        Ok(entries.into_iter().map(Into::into).collect())
    })
    .await
}

#[tauri::command]
pub async fn list_trash(state: AppRef<'_>) -> Result<Vec<DraftEntry>> {
    let state = state.inner().clone();
    blocking(move || Ok(state.library.trash()?.into_iter().map(Into::into).collect())).await
}

#[tauri::command]
pub async fn create_draft(state: AppRef<'_>, from_example: bool) -> Result<Opened> {
    let state = state.inner().clone();
    blocking(move || {
        let template = if from_example {
            Template::Example
        } else {
            Template::Blank
        };
        let mut o = state.library.create(template)?;
        if !from_example {
            let settings = state.settings();
            o.draft.style.clone_from(&settings.default_style);
            o.draft.language.clone_from(&settings.default_language);
            let contact = settings.default_contact.clone();
            if [
                &contact.name,
                &contact.organization,
                &contact.email,
                &contact.phone,
            ]
            .iter()
            .any(|s| !s.trim().is_empty())
            {
                o.draft.release.contacts = vec![contact];
            }
            fill_default_about(&state, &settings, &mut o.draft);
            o.revision = state
                .library
                .save(&o.id, &o.draft, Some(&o.revision))?
                .revision;
        }
        opened(&state.library, o)
    })
    .await
}

/// Fills a new draft's About with the settings' default About for its
/// style and language, when there is one. A snippet that cannot be read
/// leaves the About as it is: a new draft is never refused for it.
pub(crate) fn fill_default_about(
    state: &AppState,
    settings: &crate::settings::Settings,
    draft: &mut Draft,
) -> bool {
    let Some(id) = settings.default_about_of(&draft.style, &draft.language) else {
        return false;
    };
    let content = crate::commands::snippets::snippets(state)
        .and_then(|s| crate::commands::snippets::content_of(&s, id));
    match content {
        Ok(content) if !content.blocks.is_empty() => {
            draft.release.about = content.blocks;
            true
        }
        _ => false,
    }
}

/// The revision of draft `id` on disk now, to tell whether it changed
/// since the window loaded it.
#[tauri::command]
pub async fn draft_revision(state: AppRef<'_>, id: String) -> Result<String> {
    let state = state.inner().clone();
    blocking(move || Ok(state.library.revision(&id)?.to_string())).await
}

/// Settles a sync tool's conflicting copy `file_name` of a draft: `keep_copy`
/// makes the copy the draft's new version (the old one stays in its
/// history), else the draft stays as it is; the copy goes to the trash
/// either way. Returns the draft's id.
#[tauri::command]
pub async fn resolve_conflict(
    state: AppRef<'_>,
    file_name: String,
    keep_copy: bool,
) -> Result<String> {
    let state = state.inner().clone();
    blocking(move || {
        let keep = if keep_copy {
            release_drafts::Keep::Copy
        } else {
            release_drafts::Keep::Original
        };
        Ok(state.library.resolve_conflict(&file_name, keep)?.id)
    })
    .await
}

#[tauri::command]
pub async fn open_draft(state: AppRef<'_>, id: String) -> Result<Opened> {
    let state = state.inner().clone();
    blocking(move || opened(&state.library, state.library.load(&id)?)).await
}

#[tauri::command]
pub async fn save_draft(
    state: AppRef<'_>,
    id: String,
    draft: Draft,
    revision: String,
) -> Result<Saved> {
    let state = state.inner().clone();
    blocking(move || {
        let expected = super::revision(&revision)?;
        match state.library.save(&id, &draft, Some(&expected)) {
            Ok(saved) => Ok(Saved {
                revision: saved.revision.to_string(),
                kept_as: None,
            }),
            Err(DraftsError::Conflict { kept_as, .. }) => {
                let kept = opened(&state.library, state.library.load(&kept_as)?)?;
                Ok(Saved {
                    revision: kept.revision.clone(),
                    kept_as: Some(kept),
                })
            }
            Err(e) => Err(e.into()),
        }
    })
    .await
}

#[tauri::command]
pub async fn autosave_draft(state: AppRef<'_>, id: String, draft: Draft) -> Result<()> {
    let state = state.inner().clone();
    blocking(move || Ok(state.library.autosave(&id, &draft)?)).await
}

#[tauri::command]
pub async fn discard_recovery(state: AppRef<'_>, id: String) -> Result<()> {
    let state = state.inner().clone();
    blocking(move || Ok(state.library.discard_recovery(&id)?)).await
}

#[tauri::command]
pub async fn duplicate_draft(state: AppRef<'_>, id: String) -> Result<Opened> {
    let state = state.inner().clone();
    blocking(move || opened(&state.library, state.library.duplicate(&id)?)).await
}

#[tauri::command]
pub async fn delete_draft(state: AppRef<'_>, id: String) -> Result<()> {
    let state = state.inner().clone();
    blocking(move || Ok(state.library.delete(&id)?)).await
}

#[tauri::command]
pub async fn undelete_draft(state: AppRef<'_>, id: String) -> Result<()> {
    let state = state.inner().clone();
    blocking(move || Ok(state.library.undelete(&id)?)).await
}
