//! The codes of every failure Release Composer reports, in one enum: each
//! crate's error type maps its variants onto these, the app sends them to
//! the window (which switches on a TypeScript union generated from this
//! type), and scripts match on them in the command line's JSON. A code is
//! never rebuilt from a message.

use serde::{Deserialize, Serialize};

/// A stable kebab-case name of a kind of failure (`pdf-font`, `style-unknown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    // Reading a draft (`load`).
    /// The file is empty.
    EmptyFile,
    /// The file is not JSON.
    NotJson,
    /// The file is JSON but not a draft.
    NotADraft,
    /// `format` names another kind of file.
    WrongFormat,
    /// `version` is not a number this program knows.
    BadVersion,
    /// `version` is newer than this program.
    VersionTooNew,
    /// A field has the wrong type.
    InvalidField,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file is larger than any draft.
    TooLarge,
    /// The file cannot be read at all.
    Unreadable,

    // The drafts library.
    /// A draft id with separators, dots first, or too long.
    InvalidId,
    /// No such draft or file.
    NotFound,
    /// A draft file that cannot be read as a draft.
    Damaged,
    /// The draft changed on disk since it was loaded; both versions were kept.
    Conflict,
    /// A file edited in place changed on disk since it was opened.
    ChangedOnDisk,
    /// A draft with that id exists already.
    AlreadyExists,
    /// The history holds no such revision.
    NoSuchRevision,
    /// The draft is not in the trash.
    NotInTrash,
    /// The draft is not damaged.
    NotDamaged,
    /// A revision token that is not one this program gave out.
    BadRevisionToken,
    /// The disk is full.
    DiskFull,
    /// The folder is on a read-only file system.
    ReadOnly,
    /// The user may not write there.
    PermissionDenied,
    /// Another input/output failure.
    IoError,
    /// The file was written but the folder could not be flushed.
    NotFlushed,
    /// No folder for the drafts library is known.
    NoLibraryDir,
    /// A language edition cannot be made in that language.
    EditionLanguage,
    /// The release already has an edition in that language.
    EditionExists,
    /// The draft is not a language edition of another.
    NotAnEdition,

    // Photos and draft packages.
    /// A photo's file is not there.
    PhotoMissing,
    /// A photo's file is named outside the draft's folder.
    PhotoPath,
    /// A photo's file cannot be read.
    PhotoUnreadable,
    /// A photo's file is not a usable JPEG or PNG.
    PhotoInvalid,
    /// A draft names photos but was not read from a file.
    PhotoNoFolder,
    /// A draft package (`.release.zip`) is damaged or unsafe.
    PackageInvalid,

    // House styles.
    /// No house style of that name.
    StyleUnknown,
    /// A style file cannot be read.
    StyleUnreadable,
    /// `style.toml` is not valid TOML or has unknown keys.
    StyleSyntax,
    /// A key of `style.toml` has a value that cannot be used.
    StyleBadValue,
    /// A file `style.toml` names is missing.
    StyleMissingAsset,

    // Exports.
    /// The draft has errors: nothing was exported.
    DraftInvalid,
    /// A font of the style cannot be used.
    PdfFont,
    /// A font cannot be subset.
    PdfFontSubset,
    /// The style's logo cannot be read.
    PdfLogo,
    /// A photo's image cannot be decoded for the PDF.
    PdfPhoto,
    /// The PDF cannot be serialised.
    PdfWrite,
    /// The style's logo is not a PNG whose size can be read.
    DocxLogo,
    /// A photo's image size cannot be read for the DOCX.
    DocxPhoto,
    /// A DOCX part did not have the expected shape.
    DocxPart,
    /// The DOCX package cannot be written.
    DocxPackage,
    /// An export file cannot be written.
    ExportUnwritable,

    // The desktop app.
    /// A fix no longer matches the draft.
    FixFailed,
    /// The settings cannot be saved.
    SettingsUnwritable,
    /// "Add to dictionary" was given something that is not one word.
    NotAWord,
    /// The user's dictionary cannot be saved.
    DictionaryUnwritable,
    /// An exported file cannot be opened or shown.
    OpenFailed,
    /// The window asked to open a file this session did not export.
    NotExported,
    /// The window asked to save a file that was not opened with the app.
    NotOpened,
    /// The window system failed.
    Window,
    /// Work stopped unexpectedly.
    Internal,

    // The window itself, for failures it meets before reaching Rust.
    /// The window could not reach the program.
    Ipc,
    /// The window hit an unexpected problem of its own.
    Ui,
}

impl ErrorCode {
    /// The code of an input/output failure: a full disk, a read-only file
    /// system and a refused permission each have their own.
    pub fn of_io(error: &std::io::Error) -> ErrorCode {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::StorageFull => ErrorCode::DiskFull,
            ErrorKind::ReadOnlyFilesystem => ErrorCode::ReadOnly,
            ErrorKind::PermissionDenied => ErrorCode::PermissionDenied,
            ErrorKind::NotFound => ErrorCode::NotFound,
            _ => match error.raw_os_error() {
                Some(28) => ErrorCode::DiskFull,
                Some(30) => ErrorCode::ReadOnly,
                _ => ErrorCode::IoError,
            },
        }
    }
}

impl std::fmt::Display for ErrorCode {
    /// The code as JSON writes it, e.g. `pdf-font`: serde's name is the one name.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => f.write_str(&name),
            _ => Err(std::fmt::Error),
        }
    }
}

/// Scripts and tests compare codes with their names: `code == "pdf-font"`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        let name = self.to_string();
        name.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_and_print_in_kebab_case() {
        for (code, name) in [
            (ErrorCode::EmptyFile, "empty-file"),
            (ErrorCode::NotUtf8, "not-utf8"),
            (ErrorCode::StyleMissingAsset, "style-missing-asset"),
            (ErrorCode::PdfFontSubset, "pdf-font-subset"),
            (ErrorCode::NotADraft, "not-a-draft"),
        ] {
            assert_eq!(code.to_string(), name);
            let back: ErrorCode = serde_json::from_str(&format!("\"{name}\"")).expect("reads back");
            assert_eq!(back, code);
        }
    }

    #[test]
    fn io_failures_have_their_own_codes() {
        let full = std::io::Error::from_raw_os_error(28);
        assert_eq!(ErrorCode::of_io(&full), ErrorCode::DiskFull);
        let other = std::io::Error::other("x");
        assert_eq!(ErrorCode::of_io(&other), ErrorCode::IoError);
    }
}
