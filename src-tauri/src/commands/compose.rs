//! What the form shows while it is filled in: findings, texts as they will
//! print, the preview PDF, fixes.

use super::blocking;
use crate::error::{IpcError, Result};
use crate::state::AppState;
use crate::types::{Checked, Printed, StyleInfo};
use release_model::{Date, Draft, Finding, Fix, lint, validate};
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
        .style_names()
        .into_iter()
        .filter_map(|name| state.style(&name).ok())
        .map(|style| StyleInfo {
            name: style.name.clone(),
            description: style.description.clone(),
            languages: style
                .languages()
                .iter()
                .map(|l| l.code().to_owned())
                .collect(),
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

/// The draft's house style, or the default one when the draft names none
/// that exists (validation reports that at `style`).
fn style_or_default(state: &AppState, draft: &Draft) -> Result<Arc<release_style::HouseStyle>> {
    state
        .style(&draft.style)
        .or_else(|_| state.style(release_style::DEFAULT_STYLE))
}

#[tauri::command]
pub async fn check_draft(state: State<'_, Arc<AppState>>, draft: Draft) -> Result<Checked> {
    let state = state.inner().clone();
    blocking(move || {
        let mut findings: Vec<Finding> = validate(&draft);
        if let Err(e) = state.style(&draft.style) {
            findings.insert(0, Finding::error(&e.code, "style", e.message));
        }
        let style = style_or_default(&state, &draft)?;
        findings.extend(lint(&draft, &style.checks, today()));
        let doc = release_style::document(&draft, &style);
        Ok(Checked {
            findings,
            printed: printed(&doc),
        })
    })
    .await
}

#[tauri::command]
pub async fn preview_pdf(state: AppRef<'_>, draft: Draft) -> Result<Response> {
    let state = state.inner().clone();
    let bytes = blocking(move || {
        let style = style_or_default(&state, &draft)?;
        let doc = release_style::document(&draft, &style);
        release_pdf::render(&doc, &release_pdf::PdfOptions::default())
            .map_err(|e| IpcError::new("pdf", e.to_string()))
    })
    .await?;
    Ok(Response::new(bytes))
}

#[tauri::command]
pub fn apply_fix(draft: Draft, fix: Fix) -> Result<Draft> {
    release_model::apply_fix(&draft, &fix)
        .map_err(|e| IpcError::new("fix-failed", e.to_string()).at(fix.path.clone()))
}
