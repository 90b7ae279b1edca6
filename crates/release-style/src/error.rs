//! Why a house style could not be loaded.

use std::path::PathBuf;

/// A house style that cannot be used, with the file and key at fault.
#[derive(Debug, thiserror::Error)]
pub enum StyleError {
    #[error("there is no built-in house style `{name}` (built-in: {known})")]
    Unknown { name: String, known: String },
    #[error("{file}: cannot be read: {message}")]
    Unreadable { file: PathBuf, message: String },
    #[error("{file}: {message}")]
    Syntax { file: PathBuf, message: String },
    #[error("{file}: `{key}`: {message}")]
    BadValue {
        file: PathBuf,
        key: String,
        message: String,
    },
    #[error("{file}: `{key}` names {asset}, which is missing")]
    MissingAsset {
        file: PathBuf,
        key: String,
        asset: PathBuf,
    },
}

impl StyleError {
    /// A stable name for the kind of failure.
    pub fn code(&self) -> &'static str {
        match self {
            StyleError::Unknown { .. } => "style-unknown",
            StyleError::Unreadable { .. } => "style-unreadable",
            StyleError::Syntax { .. } => "style-syntax",
            StyleError::BadValue { .. } => "style-bad-value",
            StyleError::MissingAsset { .. } => "style-missing-asset",
        }
    }
}
