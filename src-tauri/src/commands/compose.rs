//! What the form shows while it is filled in: findings, texts as they will
//! print, the preview PDF, fixes.

use super::blocking;
use crate::error::{IpcError, Result};
use crate::state::AppState;
use crate::types::{Checked, Printed, StyleInfo};
use release_model::{Date, Draft, ErrorCode, Fix};
use release_style::{CharStyle, Document, Role};
use std::sync::Arc;
use tauri::State;
use tauri::ipc::Response;

type AppRef<'a> = State<'a, Arc<AppState>>;

/// Today's date on this computer's clock (UTC), for the house-style checks.
pub(crate) fn today() -> Date {
    let days = release_drafts::Timestamp::from_system(std::time::SystemTime::now()).day();
    Date::from_days_since_epoch(days)
}

/// The styles the Release step offers.
pub(crate) fn style_infos(state: &AppState) -> Vec<StyleInfo> {
    state
        .styles
        .names()
        .into_iter()
        .filter_map(|name| state.styles.get(&name).ok())
        .map(|style| StyleInfo {
            name: style.name.clone(),
            description: style.description.clone(),
            languages: style.languages().into_iter().map(Into::into).collect(),
            headline_limit: style
                .checks
                .headline
                .ideal_length
                .or(style.checks.headline.max_length)
                .and_then(|n| u32::try_from(n).ok()),
            headline_guidance: None,
        })
        .collect()
}

/// The dateline, each quote and the contact block as the Document prints them.
fn printed(doc: &Document) -> Printed {
    let dateline = doc
        .blocks
        .iter()
        .find(|b| b.role == Role::Body)
        .map(|b| {
            b.spans
                .iter()
                .filter(|s| s.char_style == Some(CharStyle::Dateline))
                .map(|s| s.text.as_str())
                .collect()
        })
        .unwrap_or_default();
    let texts = |role: Role| {
        doc.blocks
            .iter()
            .filter(move |b| b.role == role)
            .map(|b| b.text())
    };
    Printed {
        dateline,
        quotes: texts(Role::Quote).collect(),
        contacts: texts(Role::ContactsLabel)
            .chain(texts(Role::Contacts))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[tauri::command]
pub async fn check_draft(
    state: State<'_, Arc<AppState>>,
    draft: Draft,
    file: Option<String>,
) -> Result<Checked> {
    let state = state.inner().clone();
    blocking(move || Ok(checked(&state, &draft, file.as_deref(), today()))).await
}

/// What the window shows of `draft` (the draft file `file` edited in place,
/// or a library draft) as of `today`: the pipeline's findings, and the
/// texts as they will print.
pub(crate) fn checked(state: &AppState, draft: &Draft, file: Option<&str>, today: Date) -> Checked {
    let style = state.styles.get(&draft.style);
    let photos = state.photos_of(draft, file);
    let findings = release_pipeline::check(draft, &style, today, &photos, &state.spelling);
    let document = style
        .or_else(|_| state.styles.get(release_style::DEFAULT_STYLE))
        .map(|style| release_style::document(draft, &style));
    let (printed, subject) = document
        .map(|doc| (printed(&doc), release_pipeline::mail_subject(&doc)))
        .unwrap_or_default();
    Checked {
        subject,
        complete: release_pipeline::complete_steps(draft, &findings),
        direction: release_pipeline::direction(&draft.language),
        findings,
        printed,
    }
}

/// The preview's PDF, after a header giving each page's fingerprint: the
/// page count as a little-endian u32, then a little-endian u64 per page
/// (ui/src/lib/ipc.ts reads it), then the PDF's bytes.
#[tauri::command]
pub async fn preview_pdf(
    state: AppRef<'_>,
    draft: Draft,
    file: Option<String>,
) -> Result<Response> {
    let state = state.inner().clone();
    let rendered = blocking(move || {
        let photos = state.photos_of(&draft, file.as_deref());
        Ok(release_pipeline::preview_pdf(
            &draft,
            &state.styles,
            &photos,
            &mut state.typesetter(),
        )?)
    })
    .await?;
    Ok(Response::new(with_page_keys(&rendered)))
}

fn with_page_keys(rendered: &release_pdf::Rendered) -> Vec<u8> {
    let keys = &rendered.page_keys;
    let mut body = Vec::with_capacity(4 + 8 * keys.len() + rendered.bytes.len());
    body.extend_from_slice(&u32::try_from(keys.len()).unwrap_or(u32::MAX).to_le_bytes());
    for key in keys {
        body.extend_from_slice(&key.to_le_bytes());
    }
    body.extend_from_slice(&rendered.bytes);
    body
}

#[tauri::command]
pub fn apply_fix(draft: Draft, fix: Fix) -> Result<Draft> {
    release_model::apply_fix(&draft, &fix)
        .map_err(|e| IpcError::new(ErrorCode::FixFailed, e.to_string()).at(fix.path.clone()))
}
