//! The commands the window calls. Each unpacks its arguments, calls the
//! crates, and converts the error; work that takes time runs off the async
//! runtime's threads so the window never waits on it.

pub mod about;
pub mod compose;
pub mod drafts;
pub mod editions;
pub mod export;
pub mod files;
pub mod photos;
pub mod settings;
pub mod snippets;
pub mod spelling;

use crate::error::{IpcError, Result};
use release_model::ErrorCode;

/// Runs blocking work (file I/O, typesetting) on a blocking thread.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| {
            IpcError::new(
                ErrorCode::Internal,
                format!("the work stopped unexpectedly: {e}"),
            )
        })?
}

/// The revision token the window sent back with a save.
pub(crate) fn revision(token: &str) -> Result<release_drafts::Revision> {
    token.parse().map_err(|_| {
        IpcError::new(
            ErrorCode::BadRevisionToken,
            "the window's revision token is not valid",
        )
    })
}
