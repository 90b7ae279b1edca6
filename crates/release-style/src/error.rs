//! Why a house style could not be loaded.

use release_model::ErrorCode;
use std::path::PathBuf;

/// A house style that cannot be used, with the file and key at fault.
#[derive(Debug, thiserror::Error)]
pub enum StyleError {
    #[error("there is no house style `{name}` (known: {known})")]
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
    pub fn code(&self) -> ErrorCode {
        match self {
            StyleError::Unknown { .. } => ErrorCode::StyleUnknown,
            StyleError::Unreadable { .. } => ErrorCode::StyleUnreadable,
            StyleError::Syntax { .. } => ErrorCode::StyleSyntax,
            StyleError::BadValue { .. } => ErrorCode::StyleBadValue,
            StyleError::MissingAsset { .. } => ErrorCode::StyleMissingAsset,
        }
    }
}
