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

/// The pages the window shows, so that the preview's answer can bring
/// their new pictures along (lib/preview-protocol.ts writes it).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PreviewView {
    /// The pages in view (from 0).
    pub pages: Vec<u32>,
    /// How many pixels across they are shown.
    pub width: u32,
    /// The fingerprint (hex) each page's picture shows now, by page, "" for
    /// none: a page whose fingerprint did not change is not drawn again.
    pub shows: Vec<String>,
}

/// The preview of `draft`: the PDF it would export, kept in the state to
/// draw its pages from ([`preview_page`]), described to the window as a
/// little-endian header (ui/src/lib/preview-protocol.ts reads it): the
/// preview's number (u32) and page count (u32); per page its fingerprint
/// (u64), width and height in points (f32) and the byte length of its text
/// (u32); then the pages' texts, UTF-8, one after the other. Then the
/// pictures of the pages in `view` whose fingerprint changed, drawn side
/// by side ([`put_pictures`]).
#[tauri::command]
pub async fn preview_pdf(
    state: AppRef<'_>,
    draft: Draft,
    file: Option<String>,
    view: Option<PreviewView>,
) -> Result<Response> {
    let state = state.inner().clone();
    blocking(move || {
        let photos = state.photos_of(&draft, file.as_deref());
        let rendered =
            release_pipeline::preview_pdf(&draft, &state.styles, &photos, &mut state.typesetter())?;
        let pages = release_raster::Pages::new(Arc::new(rendered.bytes)).map_err(internal)?;
        let sizes = pages.sizes();
        let view = view.unwrap_or_default();
        let changed: Vec<usize> = view
            .pages
            .iter()
            .map(|&page| page as usize)
            .filter(|&page| {
                rendered.page_keys.get(page).is_some_and(|key| {
                    view.shows.get(page).map(String::as_str) != Some(&format!("{key:x}"))
                })
            })
            .take(DRAWN_WITH_A_RENDER)
            .collect();
        let pictures = draw_side_by_side(&pages, &changed, view.width);
        let number = state.set_preview(pages);
        let mut body = preview_header(number, &rendered.page_keys, &sizes, &rendered.page_texts);
        put_pictures(&mut body, &pictures);
        Ok(Response::new(body))
    })
    .await
}

/// The most pages drawn into a render's answer: more than a pane shows at
/// the smallest zoom; any others are asked for one by one.
const DRAWN_WITH_A_RENDER: usize = 4;

/// Writes `pictures` as the window reads them (lib/preview-protocol.ts):
/// their count (u32), and per picture its page, width and height (u32
/// each) and its pixels (RGBA, rows from the top), all little-endian.
fn put_pictures(body: &mut Vec<u8>, pictures: &[(usize, release_raster::Picture)]) {
    let pixels: usize = pictures.iter().map(|(_, p)| p.rgba.len() + 12).sum();
    body.reserve(4 + pixels);
    body.extend_from_slice(&u32_of(pictures.len()));
    for (page, picture) in pictures {
        body.extend_from_slice(&u32_of(*page));
        body.extend_from_slice(&picture.width.to_le_bytes());
        body.extend_from_slice(&picture.height.to_le_bytes());
        body.extend_from_slice(&picture.rgba);
    }
}

/// `wanted` pages drawn `width` pixels across, each on a thread of its
/// own; a page that cannot be drawn is left out (the window asks for it
/// again, and is told why).
fn draw_side_by_side(
    pages: &release_raster::Pages,
    wanted: &[usize],
    width: u32,
) -> Vec<(usize, release_raster::Picture)> {
    std::thread::scope(|scope| {
        let drawing: Vec<_> = wanted
            .iter()
            .map(|&page| scope.spawn(move || (page, pages.draw(page, width))))
            .collect();
        drawing
            .into_iter()
            .filter_map(|thread| thread.join().ok())
            .filter_map(|(page, picture)| Some((page, picture.ok()?)))
            .collect()
    })
}

fn u32_of(n: usize) -> [u8; 4] {
    u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes()
}

fn internal(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorCode::Internal, e.to_string())
}

fn preview_header(number: u32, keys: &[u64], sizes: &[(f32, f32)], texts: &[String]) -> Vec<u8> {
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let mut body = Vec::with_capacity(8 + 20 * keys.len() + text_bytes);
    body.extend_from_slice(&number.to_le_bytes());
    body.extend_from_slice(&u32_of(keys.len()));
    for (i, key) in keys.iter().enumerate() {
        let (width, height) = sizes.get(i).copied().unwrap_or_default();
        body.extend_from_slice(&key.to_le_bytes());
        body.extend_from_slice(&width.to_le_bytes());
        body.extend_from_slice(&height.to_le_bytes());
        body.extend_from_slice(&u32_of(texts.get(i).map_or(0, String::len)));
    }
    for i in 0..keys.len() {
        body.extend_from_slice(texts.get(i).map_or(&[][..], |t| t.as_bytes()));
    }
    body
}

/// Page `page` (from 0) of preview `preview`, drawn `width` pixels across,
/// written as the pictures of [`preview_pdf`]'s answer are: one picture,
/// or none when a newer preview replaced that one (the window asks for the
/// newer one's pages instead).
#[tauri::command]
pub async fn preview_page(
    state: AppRef<'_>,
    preview: u32,
    page: u32,
    width: u32,
) -> Result<Response> {
    let Some(pages) = state.preview(preview) else {
        let mut none = Vec::new();
        put_pictures(&mut none, &[]);
        return Ok(Response::new(none));
    };
    blocking(move || {
        let page = page as usize;
        let picture = pages.draw(page, width).map_err(internal)?;
        let mut body = Vec::new();
        put_pictures(&mut body, &[(page, picture)]);
        Ok(Response::new(body))
    })
    .await
}

#[tauri::command]
pub fn apply_fix(draft: Draft, fix: Fix) -> Result<Draft> {
    release_model::apply_fix(&draft, &fix)
        .map_err(|e| IpcError::new(ErrorCode::FixFailed, e.to_string()).at(fix.path.clone()))
}
