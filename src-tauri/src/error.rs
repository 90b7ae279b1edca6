//! Errors as the window receives them: `{ code, message, path? }`. The form
//! points at the field named by `path`; it never matches on `message`.

use release_model::ErrorCode;
use serde::Serialize;
use ts_rs::TS;

/// A failed command.
#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    /// What failed: the code of the crate that failed (`pdf-font`,
    /// `style-unknown`, `disk-full`, …).
    pub code: ErrorCode,
    /// A sentence for people, naming the file or field at fault.
    pub message: String,
    /// The JSON path of the draft field at fault, when there is one.
    pub path: Option<String>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> IpcError {
        IpcError {
            code,
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
            code: e.code(),
            message: e.to_string(),
            path,
        }
    }
}

impl From<tauri::Error> for IpcError {
    fn from(e: tauri::Error) -> IpcError {
        IpcError::new(ErrorCode::Window, e.to_string())
    }
}

impl From<release_pipeline::PipelineError> for IpcError {
    fn from(e: release_pipeline::PipelineError) -> IpcError {
        let error = IpcError::new(e.code(), e.to_string());
        match e.path() {
            Some(path) => error.at(path),
            None => error,
        }
    }
}

/// What every command returns.
pub type Result<T> = std::result::Result<T, IpcError>;
