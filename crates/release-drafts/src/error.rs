//! The one error type of the drafts library. Every variant names the draft or
//! the file at fault, and has a stable `code()` the app can act on without
//! reading the message.

use crate::atomic::ReplaceError;
use release_model::ErrorCode;
use std::io;
use std::path::{Path, PathBuf};

/// Why a library operation failed. Whatever the failure, no draft was lost:
/// a failed save leaves the previous version of the file in place.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DraftsError {
    /// An id from outside is not a safe draft id.
    #[error("`{id}` is not a valid draft id: {reason}")]
    InvalidId { id: String, reason: &'static str },

    /// No draft file with this id.
    #[error("{}: no such draft", file.display())]
    NotFound { file: PathBuf },

    /// The draft file exists but is not a readable draft. It is left as it is.
    #[error(
        "{}: damaged: {reason}. The file is left as it is; open it as text or move it aside",
        file.display()
    )]
    Damaged {
        file: PathBuf,
        /// A stable name of the problem (`not-json`, `not-utf8`, …).
        reason_code: String,
        reason: String,
    },

    /// The file changed on disk since it was opened; the caller's version was
    /// saved as a new draft so that both are kept.
    #[error(
        "{}: changed on disk since it was opened (another window or a sync tool); both versions are kept: the one on disk stays, yours was saved as draft `{kept_as}`",
        file.display()
    )]
    Conflict { file: PathBuf, kept_as: String },

    /// A file opened from outside the library is not a draft. Nothing was written.
    #[error("{}: cannot be opened as a draft: {reason}. Nothing was written", file.display())]
    NotADraft {
        file: PathBuf,
        /// A stable name of the problem (`not-json`, `not-utf8`, …).
        reason_code: String,
        reason: String,
    },

    /// A file edited in place changed on disk since it was loaded (another
    /// program or a sync tool wrote it). It was not overwritten.
    #[error(
        "{}: changed on disk since it was opened (another program or a sync tool); it was not overwritten. Import your version into your drafts to keep it",
        file.display()
    )]
    ChangedOnDisk { file: PathBuf },

    /// The target of a move (undelete, restore) is taken.
    #[error("{}: already exists; nothing was moved", file.display())]
    AlreadyExists { file: PathBuf },

    /// No revision of this name in the draft's history.
    #[error("{}: no revision `{revision}` in the history of this draft", file.display())]
    NoSuchRevision { file: PathBuf, revision: String },

    /// The trash holds no draft with this id.
    #[error("{}: no draft `{id}` in the trash", dir.display())]
    NotInTrash { dir: PathBuf, id: String },

    /// Quarantine is for damaged drafts; this one reads fine.
    #[error("{}: the draft is not damaged; delete it instead of moving it aside", file.display())]
    NotDamaged { file: PathBuf },

    /// A revision token from outside does not have the form the library gives out.
    #[error("`{token}` is not a revision token")]
    BadRevisionToken { token: String },

    /// Writing a draft failed; the file still holds its previous version.
    #[error("{}: cannot be saved: {source}; the previous version is kept unchanged", file.display())]
    SaveFailed {
        file: PathBuf,
        #[source]
        source: io::Error,
    },

    /// The new version is in place, but the folder could not be flushed, so a
    /// power cut could still bring back the previous one.
    #[error(
        "{}: saved, but not confirmed on disk: {source}; save again before relying on it",
        file.display()
    )]
    NotFlushed {
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

    /// A new language edition was asked for in a language it cannot have.
    #[error("draft `{id}`: no edition in `{language}`: {reason}")]
    EditionLanguage {
        id: String,
        language: String,
        reason: &'static str,
    },

    /// The release already has an edition in that language.
    #[error("draft `{id}`: the release already has an edition in {language}, draft `{existing}`")]
    EditionExists {
        id: String,
        language: String,
        existing: String,
    },

    /// The draft is not a language edition of another draft.
    #[error("draft `{id}` is not a language edition of another draft")]
    NotAnEdition { id: String },

    /// Neither `RELEASE_COMPOSER_LIBRARY` nor a home folder says where the library is.
    #[error("no folder for the drafts library: set RELEASE_COMPOSER_LIBRARY or pass --library DIR")]
    NoLibraryDir,
}

impl DraftsError {
    /// A stable name for the kind of failure, for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            DraftsError::InvalidId { .. } => ErrorCode::InvalidId,
            DraftsError::NotFound { .. } => ErrorCode::NotFound,
            DraftsError::Damaged { .. } => ErrorCode::Damaged,
            DraftsError::Conflict { .. } => ErrorCode::Conflict,
            DraftsError::NotADraft { .. } => ErrorCode::NotADraft,
            DraftsError::ChangedOnDisk { .. } => ErrorCode::ChangedOnDisk,
            DraftsError::AlreadyExists { .. } => ErrorCode::AlreadyExists,
            DraftsError::NoSuchRevision { .. } => ErrorCode::NoSuchRevision,
            DraftsError::NotInTrash { .. } => ErrorCode::NotInTrash,
            DraftsError::NotDamaged { .. } => ErrorCode::NotDamaged,
            DraftsError::BadRevisionToken { .. } => ErrorCode::BadRevisionToken,
            DraftsError::SaveFailed { source, .. } | DraftsError::Io { source, .. } => {
                ErrorCode::of_io(source)
            }
            DraftsError::NotFlushed { .. } => ErrorCode::NotFlushed,
            DraftsError::NoLibraryDir => ErrorCode::NoLibraryDir,
            DraftsError::EditionLanguage { .. } => ErrorCode::EditionLanguage,
            DraftsError::EditionExists { .. } => ErrorCode::EditionExists,
            DraftsError::NotAnEdition { .. } => ErrorCode::NotAnEdition,
        }
    }

    /// The file or folder at fault, when there is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            DraftsError::NotFound { file }
            | DraftsError::Damaged { file, .. }
            | DraftsError::Conflict { file, .. }
            | DraftsError::NotADraft { file, .. }
            | DraftsError::ChangedOnDisk { file }
            | DraftsError::AlreadyExists { file }
            | DraftsError::NoSuchRevision { file, .. }
            | DraftsError::NotDamaged { file }
            | DraftsError::SaveFailed { file, .. }
            | DraftsError::NotFlushed { file, .. }
            | DraftsError::Io { file, .. } => Some(file),
            DraftsError::NotInTrash { dir, .. } => Some(dir),
            DraftsError::InvalidId { .. }
            | DraftsError::BadRevisionToken { .. }
            | DraftsError::EditionLanguage { .. }
            | DraftsError::EditionExists { .. }
            | DraftsError::NotAnEdition { .. }
            | DraftsError::NoLibraryDir => None,
        }
    }

    /// The error of an atomic write of `file`: failed (nothing changed) or
    /// done but not flushed.
    pub(crate) fn replacing(file: &Path, error: ReplaceError) -> DraftsError {
        match error {
            ReplaceError::NotWritten(source) => DraftsError::SaveFailed {
                file: file.to_owned(),
                source,
            },
            ReplaceError::NotFlushed(source) => DraftsError::NotFlushed {
                file: file.to_owned(),
                source,
            },
        }
    }

    pub(crate) fn io(action: &'static str, file: &Path, source: io::Error) -> DraftsError {
        DraftsError::Io {
            action,
            file: file.to_owned(),
            source,
        }
    }
}

/// The code of a file-system failure: the few the UI explains specially,
/// then one for the rest.
/// Results of the drafts library.
pub type Result<T, E = DraftsError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_failures_have_codes_the_ui_can_explain() {
        let file = Path::new("/lib/a.release.json");
        let full = DraftsError::SaveFailed {
            file: file.to_owned(),
            source: io::Error::from_raw_os_error(28),
        };
        assert_eq!(full.code(), "disk-full");
        assert_eq!(full.file(), Some(file));
        assert!(
            full.to_string()
                .starts_with("/lib/a.release.json: cannot be saved")
        );
        assert!(full.to_string().contains("previous version is kept"));
        let ro = DraftsError::io("move", file, io::Error::from_raw_os_error(30));
        assert_eq!(ro.code(), "read-only");
        let denied = DraftsError::io("move", file, io::Error::from_raw_os_error(13));
        assert_eq!(denied.code(), "permission-denied");
        let other = DraftsError::io("move", file, io::Error::other("boom"));
        assert_eq!(other.code(), "io-error");
    }
}
