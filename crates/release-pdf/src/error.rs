//! The one error type of the PDF writer.

use release_model::ErrorCode;

/// Why a Document could not be turned into a PDF. Text the fonts cannot show
/// is not an error: it is drawn as `.notdef` and reported as a warning.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font file of the style cannot be parsed or shaped with.
    #[error("font `{file}` cannot be used: {reason}")]
    Font { file: String, reason: String },
    /// A font could not be reduced to the glyphs the release uses.
    #[error("font `{file}` cannot be subset: {reason}")]
    Subset { file: String, reason: String },
    /// The logo is not a PNG this writer can read.
    #[error("logo `{file}` cannot be read: {reason}")]
    Logo { file: String, reason: String },
    /// A photo's image cannot be decoded (its header was checked before).
    #[error("photo `{file}` cannot be read: {reason}")]
    Photo { file: String, reason: String },
    /// The finished PDF could not be serialised.
    #[error("the PDF cannot be written: {0}")]
    Write(String),
}

impl PdfError {
    /// A stable kebab-case name the UI and scripts can match on.
    pub fn code(&self) -> ErrorCode {
        match self {
            PdfError::Font { .. } => ErrorCode::PdfFont,
            PdfError::Subset { .. } => ErrorCode::PdfFontSubset,
            PdfError::Logo { .. } => ErrorCode::PdfLogo,
            PdfError::Photo { .. } => ErrorCode::PdfPhoto,
            PdfError::Write(_) => ErrorCode::PdfWrite,
        }
    }
}
