//! The one error type of the DOCX writer.

use release_model::ErrorCode;

/// Why a Document could not be written as DOCX.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The style's logo is not a PNG whose pixel size can be read.
    #[error("the logo `{file}` is not a PNG image whose size can be read")]
    Logo { file: String },
    /// A package part did not have the shape the post-processing expects:
    /// docx-rs changed its output, and this writer must follow.
    #[error("cannot finish {part}: {reason}")]
    Part { part: &'static str, reason: String },
    /// Writing the zip archive failed.
    #[error("cannot write the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
}

impl DocxError {
    /// A stable kebab-case name the UI and scripts can match on.
    pub fn code(&self) -> ErrorCode {
        match self {
            DocxError::Logo { .. } => ErrorCode::DocxLogo,
            DocxError::Part { .. } => ErrorCode::DocxPart,
            DocxError::Zip(_) => ErrorCode::DocxPackage,
        }
    }

    pub(crate) fn part(part: &'static str, reason: impl Into<String>) -> DocxError {
        DocxError::Part {
            part,
            reason: reason.into(),
        }
    }
}
