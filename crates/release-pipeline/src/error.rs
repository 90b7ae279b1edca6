//! The one error type of the pipeline: each crate's error kept whole, so
//! its own code reaches the window and the command line.

use crate::export::first_error;
use release_model::{ErrorCode, Finding};
use std::path::PathBuf;

/// Why a draft was not exported.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The house style cannot be used.
    #[error(transparent)]
    Style(#[from] release_style::StyleError),
    /// The draft has errors; these are all its findings.
    #[error("not exported: {}", refusal(findings))]
    Refused { findings: Vec<Finding> },
    #[error(transparent)]
    Pdf(#[from] release_pdf::PdfError),
    #[error(transparent)]
    Docx(#[from] release_docx::DocxError),
    /// A photo file cannot be used.
    #[error(transparent)]
    Photo(#[from] crate::photos::PhotoFileError),
    /// The drafts library failed.
    #[error(transparent)]
    Drafts(#[from] release_drafts::DraftsError),
    /// A draft package is damaged or unsafe; nothing of it was kept.
    #[error("{file}: not a usable draft package: {reason}")]
    Package { file: String, reason: String },
    /// The export file cannot be written; whatever was there is unchanged.
    #[error("{}: cannot be written: {source}", file.display())]
    Write {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn refusal(findings: &[Finding]) -> String {
    let errors = findings
        .iter()
        .filter(|f| f.severity == release_model::Severity::Error)
        .count();
    match first_error(findings) {
        Some(first) if errors > 1 => format!("{} (and {} more)", first.message, errors - 1),
        Some(first) => first.message.clone(),
        None => "the draft has errors".to_owned(),
    }
}

impl PipelineError {
    /// The code of the failure: the crate's own (`pdf-font`, `style-unknown`,
    /// `disk-full`, …), or `draft-invalid` for a refused draft.
    pub fn code(&self) -> ErrorCode {
        match self {
            PipelineError::Style(e) => e.code(),
            PipelineError::Refused { .. } => ErrorCode::DraftInvalid,
            PipelineError::Pdf(e) => e.code(),
            PipelineError::Docx(e) => e.code(),
            PipelineError::Photo(e) => e.code(),
            PipelineError::Drafts(e) => e.code(),
            PipelineError::Package { .. } => ErrorCode::PackageInvalid,
            PipelineError::Write { source, .. } => match ErrorCode::of_io(source) {
                ErrorCode::IoError | ErrorCode::NotFound => ErrorCode::ExportUnwritable,
                code => code,
            },
        }
    }

    /// The draft field at fault, when there is one: the first error's for a
    /// refused draft, `style` for a style that cannot be used.
    pub fn path(&self) -> Option<&str> {
        match self {
            PipelineError::Style(_) => Some("style"),
            PipelineError::Refused { findings } => first_error(findings).map(|f| f.path.as_str()),
            _ => None,
        }
    }
}
