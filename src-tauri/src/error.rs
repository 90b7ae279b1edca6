//! Errors as the window receives them: `{ code, message, path? }`. The form
//! points at the field named by `path`; it never matches on `message`.

use serde::Serialize;
use ts_rs::TS;

/// A failed command.
#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    /// A stable kebab-case name of the failure.
    pub code: String,
    /// A sentence for people, naming the file or field at fault.
    pub message: String,
    /// The JSON path of the draft field at fault, when there is one.
    pub path: Option<String>,
}

impl IpcError {
    pub fn new(code: &str, message: impl Into<String>) -> IpcError {
        IpcError {
            code: code.to_owned(),
            message: message.into(),
            path: None,
        }
    }

    pub fn at(mut self, path: impl Into<String>) -> IpcError {
        self.path = Some(path.into());
        self
    }
}

impl From<release_drafts::DraftsError> for IpcError {
    fn from(e: release_drafts::DraftsError) -> IpcError {
        IpcError::new(e.code(), e.to_string())
    }
}

impl From<release_style::StyleError> for IpcError {
    fn from(e: release_style::StyleError) -> IpcError {
        IpcError::new(e.code(), e.to_string()).at("style")
    }
}

impl From<release_model::LoadError> for IpcError {
    fn from(e: release_model::LoadError) -> IpcError {
        let path = e.path().map(str::to_owned);
        IpcError {
            code: e.code().to_owned(),
            message: e.to_string(),
            path,
        }
    }
}

impl From<tauri::Error> for IpcError {
    fn from(e: tauri::Error) -> IpcError {
        IpcError::new("window", e.to_string())
    }
}

/// What every command returns.
pub type Result<T> = std::result::Result<T, IpcError>;
