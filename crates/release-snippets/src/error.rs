//! The one error type of the snippets library. Every variant names the
//! snippet's file or the field at fault, and has a stable `code()`, one of
//! [`release_model::ErrorCode`]'s, the same codes the drafts library uses.

use release_model::ErrorCode;
use std::io;
use std::path::{Path, PathBuf};

/// Why a snippets operation failed. Whatever the failure, no snippet was
/// lost: a failed save leaves the previous version of the file in place.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SnippetsError {
    /// An id from outside is not a safe snippet id.
    #[error("`{id}` is not a valid snippet id: {reason}")]
    InvalidId { id: String, reason: &'static str },

    /// A snippet to save has a field that cannot be saved.
    #[error("snippet `{field}`: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    /// No snippet file with this id.
    #[error("{}: no such snippet", file.display())]
    NotFound { file: PathBuf },

    /// The file exists but is not a readable snippet. It is left as it is.
    #[error(
        "{}: damaged: {reason}. The file is left as it is; fix it by hand or delete it",
        file.display()
    )]
    Damaged {
        file: PathBuf,
        /// A stable name of the problem (`not-json`, `too-large`, …).
        reason_code: String,
        reason: String,
    },

    /// The file changed on disk since it was opened; the caller's version
    /// was saved as a new snippet so that both are kept.
    #[error(
        "{}: changed on disk since it was opened (another window, a colleague or a sync tool); both versions are kept: the one on disk stays, yours was saved as snippet `{kept_as}`",
        file.display()
    )]
    Conflict { file: PathBuf, kept_as: String },

    /// Writing a snippet failed; the file holds its previous version (or,
    /// if only flushing the folder failed, the whole new one).
    #[error("{}: cannot be saved: {source}", file.display())]
    SaveFailed {
        file: PathBuf,
        #[source]
        source: io::Error,
    },

    /// Any other file-system failure.
    #[error("{}: cannot {action}: {source}", file.display())]
    Io {
        action: &'static str,
        file: PathBuf,
        #[source]
        source: io::Error,
    },

    /// Neither `RELEASE_COMPOSER_SNIPPETS` nor a home folder says where the snippets are.
    #[error("no folder for the snippets: set RELEASE_COMPOSER_SNIPPETS or pass --snippets DIR")]
    NoSnippetsDir,
}

impl SnippetsError {
    /// A stable name for the kind of failure, for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            SnippetsError::InvalidId { .. } => ErrorCode::InvalidId,
            SnippetsError::Invalid { .. } => ErrorCode::InvalidField,
            SnippetsError::NotFound { .. } => ErrorCode::NotFound,
            SnippetsError::Damaged { .. } => ErrorCode::Damaged,
            SnippetsError::Conflict { .. } => ErrorCode::Conflict,
            SnippetsError::SaveFailed { source, .. } | SnippetsError::Io { source, .. } => {
                ErrorCode::of_io(source)
            }
            // The drafts library's code for the same want of a folder.
            SnippetsError::NoSnippetsDir => ErrorCode::NoLibraryDir,
        }
    }

    /// The file or folder at fault, when there is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            SnippetsError::NotFound { file }
            | SnippetsError::Damaged { file, .. }
            | SnippetsError::Conflict { file, .. }
            | SnippetsError::SaveFailed { file, .. }
            | SnippetsError::Io { file, .. } => Some(file),
            SnippetsError::InvalidId { .. }
            | SnippetsError::Invalid { .. }
            | SnippetsError::NoSnippetsDir => None,
        }
    }

    pub(crate) fn io(action: &'static str, file: &Path, source: io::Error) -> SnippetsError {
        SnippetsError::Io {
            action,
            file: file.to_owned(),
            source,
        }
    }
}

/// Results of the snippets library.
pub type Result<T, E = SnippetsError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_name_their_file_and_have_codes() {
        let file = Path::new("/snippets/about-x.snippet.json");
        let full = SnippetsError::SaveFailed {
            file: file.to_owned(),
            source: io::Error::from_raw_os_error(28),
        };
        assert_eq!(full.code(), "disk-full");
        assert_eq!(full.file(), Some(file));
        assert!(
            full.to_string()
                .starts_with("/snippets/about-x.snippet.json: cannot be saved")
        );
        let conflict = SnippetsError::Conflict {
            file: file.to_owned(),
            kept_as: "about-y".to_owned(),
        };
        assert_eq!(conflict.code(), "conflict");
        assert!(conflict.to_string().contains("`about-y`"));
        assert_eq!(SnippetsError::NoSnippetsDir.code(), "no-library-dir");
    }
}
