//! From a checked draft to export bytes, in every format, and onto disk.

use crate::check::{check, has_errors};
use crate::error::PipelineError;
use release_model::{Date, Draft, Finding, Severity};
use release_style::{Document, HouseStyle, StyleError};
use std::path::Path;
use std::sync::Arc;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Print-ready PDF (also the preview).
    Pdf,
    /// An editable Word document.
    Docx,
}

impl Format {
    /// Every format, in the order exports are written.
    pub const ALL: [Format; 2] = [Format::Pdf, Format::Docx];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// The format's name for people: `PDF`, `DOCX`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
        }
    }
}

/// A draft that passed its checks, styled once, ready to be rendered in any
/// format.
#[derive(Debug)]
pub struct Prepared {
    pub draft: Draft,
    pub style: Arc<HouseStyle>,
    /// The checks' warnings (a prepared draft has no errors).
    pub findings: Vec<Finding>,
    /// The styled Document every writer prints.
    pub document: Document,
}

/// What an export may change from its house style, for one export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// The PDF's standards instead of the style's (`--pdf-standard`).
    pub pdf_standard: Option<release_style::PdfStandard>,
}

/// An export's bytes, and what its writer could not show as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub bytes: Vec<u8>,
    /// Warnings by draft field (text a font cannot show, characters XML forbids).
    pub warnings: Vec<Finding>,
}

/// Checks `draft` under `style` (the result of looking it up) as of `today`
/// and styles it, or refuses it while any finding is an error.
pub fn prepare(
    draft: Draft,
    style: Result<Arc<HouseStyle>, StyleError>,
    today: Date,
) -> Result<Prepared, PipelineError> {
    let findings = check(&draft, &style, today);
    if has_errors(&findings) {
        return Err(PipelineError::Refused { findings });
    }
    let style = style?;
    let document = release_style::document(&draft, &style);
    Ok(Prepared {
        draft,
        style,
        findings,
        document,
    })
}

impl Prepared {
    /// The export in `format`, as the house style has it.
    pub fn render(&self, format: Format) -> Result<Output, PipelineError> {
        self.render_with(format, &ExportOptions::default())
    }

    /// The export in `format`, with `options` over the house style's.
    pub fn render_with(
        &self,
        format: Format,
        options: &ExportOptions,
    ) -> Result<Output, PipelineError> {
        match format {
            Format::Pdf => {
                let r = release_pdf::render_with_warnings(
                    &self.document,
                    &release_pdf::PdfOptions {
                        standard: options.pdf_standard,
                        ..release_pdf::PdfOptions::default()
                    },
                )?;
                Ok(Output {
                    bytes: r.bytes,
                    warnings: r.warnings,
                })
            }
            Format::Docx => {
                let r = release_docx::render_with_warnings(
                    &self.document,
                    &release_docx::DocxOptions::default(),
                )?;
                Ok(Output {
                    bytes: r.bytes,
                    warnings: r.warnings,
                })
            }
        }
    }
}

/// The preview: the PDF as it would be exported, whatever the findings, in
/// the draft's style or, while that is unknown, the default one.
pub fn preview_pdf(draft: &Draft, styles: &crate::Styles) -> Result<Vec<u8>, PipelineError> {
    let style = styles
        .get(&draft.style)
        .or_else(|_| styles.get(release_style::DEFAULT_STYLE))?;
    let document = release_style::document(draft, &style);
    Ok(release_pdf::render(
        &document,
        &release_pdf::PdfOptions::default(),
    )?)
}

/// Writes an export at `target`, atomically: a crash or a full disk leaves
/// the file that was there, or the complete new one, never a part. The
/// folder is made when missing.
pub fn write_export(target: &Path, bytes: &[u8]) -> Result<(), PipelineError> {
    let fail = |source: std::io::Error| PipelineError::Write {
        file: target.to_path_buf(),
        source,
    };
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    release_drafts::write_atomically(target, bytes).map_err(fail)
}

/// The first error among `findings`, for a one-line refusal.
pub(crate) fn first_error(findings: &[Finding]) -> Option<&Finding> {
    findings.iter().find(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Styles;

    fn today() -> Date {
        Date::parse("2021-12-08").expect("date")
    }

    #[test]
    fn the_example_renders_in_every_format() {
        let styles = Styles::new(None);
        let draft = release_model::example();
        let style = styles.get(&draft.style);
        let prepared = prepare(draft, style, today()).expect("no errors");
        let pdf = prepared.render(Format::Pdf).expect("pdf");
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        let docx = prepared.render(Format::Docx).expect("docx");
        assert!(docx.bytes.starts_with(b"PK\x03\x04"));
        let preview = preview_pdf(&prepared.draft, &styles).expect("preview");
        assert_eq!(preview, pdf.bytes, "the preview is the exported PDF");
    }

    #[test]
    fn an_export_may_ask_for_less_than_the_styles_pdf_standard() {
        use release_style::PdfStandard;
        let styles = Styles::new(None);
        let draft = release_model::example();
        let style = styles.get(&draft.style);
        let prepared = prepare(draft, style, today()).expect("no errors");
        let default = prepared.render(Format::Pdf).expect("pdf").bytes;
        let options = |standard| ExportOptions {
            pdf_standard: Some(standard),
        };
        let full = prepared
            .render_with(Format::Pdf, &options(PdfStandard::UaA))
            .expect("pdf")
            .bytes;
        assert_eq!(
            full, default,
            "the built-in styles ask for PDF/UA-1 and PDF/A-2a"
        );
        let none = prepared
            .render_with(Format::Pdf, &options(PdfStandard::None))
            .expect("pdf")
            .bytes;
        let has = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).any(|w| w == what);
        assert!(has(&default, b"/StructTreeRoot") && has(&default, b"pdfuaid"));
        assert!(!has(&none, b"/StructTreeRoot") && !has(&none, b"pdfuaid"));
    }

    #[test]
    fn a_draft_with_errors_is_refused_with_its_findings() {
        let styles = Styles::new(None);
        let mut draft = release_model::example();
        draft.release.headline.clear();
        draft.release.dateline.date = "2021-13-45".into();
        let style = styles.get(&draft.style);
        let Err(PipelineError::Refused { findings }) = prepare(draft, style, today()) else {
            panic!("exported a draft with errors");
        };
        let paths: Vec<&str> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(paths, ["release.headline", "release.dateline.date"]);
        let err = PipelineError::Refused { findings };
        assert_eq!(err.code(), "draft-invalid");
        assert_eq!(err.path(), Some("release.headline"));
        assert!(err.to_string().contains("(and 1 more)"), "{err}");
    }

    #[test]
    fn exports_replace_files_whole_and_make_their_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("new folder").join("release.pdf");
        write_export(&target, b"first").expect("writes");
        write_export(&target, b"second").expect("replaces");
        assert_eq!(std::fs::read(&target).expect("read"), b"second");
        let names: Vec<_> = std::fs::read_dir(target.parent().expect("dir"))
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["release.pdf"], "no temporary file left");
        let blocked = dir
            .path()
            .join("new folder")
            .join("release.pdf")
            .join("x.pdf");
        let err = write_export(&blocked, b"x").expect_err("a file is in the way");
        assert!(err.to_string().contains("release.pdf"), "{err}");
    }
}
