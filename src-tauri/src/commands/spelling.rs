//! Spelling: the window's web context checks as the press officer types,
//! in the draft's language with the dictionary the house style chooses (the
//! same one the misspelling check uses), and words added to the user's
//! dictionary.

use crate::commands::blocking;
use crate::error::{IpcError, Result};
use crate::state::AppState;
use crate::types::{SpellingStatus, WebSpelling};
use release_model::ErrorCode;
use release_pipeline::WordError;
use std::sync::Arc;
use tauri::{State, WebviewWindow};

/// Loads the dictionary for a draft in `language` under `style` (off the
/// window's thread; the first call of a language loads it, later ones
/// share it) and turns the web context's spell checking to it. Says in words
/// when the language is not checked, and why.
#[tauri::command]
pub async fn set_spelling(
    state: State<'_, Arc<AppState>>,
    window: WebviewWindow,
    language: String,
    style: String,
) -> Result<SpellingStatus> {
    let state = state.inner().clone();
    let status = blocking(move || Ok(status(&state, &language, &style))).await?;
    crate::webview::set_spelling(&window, status.dictionary.as_deref());
    Ok(status)
}

/// How long after it starts the app parses its first dictionary, when kept
/// verdicts let the first checks do without it: the window's start first.
const PARSE_AFTER_START: std::time::Duration = std::time::Duration::from_secs(2);

/// Finds the dictionary of `language` under `style`, and parses it: at once
/// without kept verdicts, else once the window has had time to start.
pub(crate) fn warm(state: &AppState, language: &str, style: &str) {
    let _ = status(state, language, style);
    let Ok(style) = state.styles.get(style) else {
        return;
    };
    if let Ok(checker) = state.spelling.checker(language, &style.spelling)
        && !checker.is_parsed()
    {
        std::thread::sleep(PARSE_AFTER_START);
        checker.warm();
    }
}

pub(crate) fn status(state: &AppState, language: &str, style: &str) -> SpellingStatus {
    let style = match state.styles.get(style) {
        Ok(style) => style,
        Err(e) => {
            return SpellingStatus {
                dictionary: None,
                message: Some(format!("spelling is not checked: {e}")),
            };
        }
    };
    if !style.checks.misspelling.enabled {
        return SpellingStatus {
            dictionary: None,
            message: Some(format!(
                "spelling is not checked: the house style {} turns it off",
                style.name
            )),
        };
    }
    match state.spelling.checker(language, &style.spelling) {
        Ok(checker) => SpellingStatus {
            dictionary: Some(checker.dictionary().to_owned()),
            message: checker.note().map(str::to_owned),
        },
        Err(e) => SpellingStatus {
            dictionary: None,
            message: Some(e.to_string()),
        },
    }
}

/// Adds `word` to the user's dictionary (kept in the settings folder).
#[tauri::command]
pub async fn add_to_dictionary(state: State<'_, Arc<AppState>>, word: String) -> Result<()> {
    let state = state.inner().clone();
    blocking(move || {
        state.spelling.add_word(&word).map_err(|e| {
            let code = match e {
                WordError::NotAWord(_) => ErrorCode::NotAWord,
                WordError::NoFile | WordError::Write { .. } => ErrorCode::DictionaryUnwritable,
            };
            IpcError::new(code, e.to_string())
        })
    })
    .await
}

/// What the web context itself says about its spell checking.
#[tauri::command]
pub async fn web_spelling(window: WebviewWindow) -> Result<WebSpelling> {
    blocking(move || Ok(crate::webview::spelling(&window))).await
}
