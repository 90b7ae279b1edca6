//! `release-composer export`: draft → the pipeline → PDF and/or DOCX files.

use crate::error::{CliError, Result};
use crate::input;
use release_pipeline::{ExportOptions, Format, PipelineError, Styles, prepare, write_export};
use std::path::PathBuf;

/// What `export` was asked to do.
pub(crate) struct Request {
    pub draft: PathBuf,
    pub pdf: Option<PathBuf>,
    pub docx: Option<PathBuf>,
    pub style: Option<String>,
    pub outline: bool,
    /// The PDF's standards instead of the style's.
    pub pdf_standard: Option<release_style::PdfStandard>,
}

impl Request {
    /// The files to write, by format, in the order they are written.
    fn outputs(&self) -> Vec<(Format, &PathBuf)> {
        [(Format::Pdf, &self.pdf), (Format::Docx, &self.docx)]
            .into_iter()
            .filter_map(|(format, path)| path.as_ref().map(|p| (format, p)))
            .collect()
    }
}

pub(crate) fn run(styles: &Styles, request: &Request) -> Result {
    if request.outputs().is_empty() && !request.outline {
        return Err(CliError::Unreadable(
            "nothing to export: give --pdf OUT.pdf, --docx OUT.docx or both".to_owned(),
        ));
    }
    let input = input::read(&request.draft)?;
    let style = input::style(styles, &input, request.style.as_deref())?;
    let today = input::today_utc();
    for finding in &input::findings(&input, &style, today) {
        eprintln!("{}: {finding}", input.name);
    }
    let prepared = match prepare(input.loaded.draft.clone(), style, today) {
        Ok(prepared) => prepared,
        Err(PipelineError::Refused { .. }) => {
            return Err(CliError::Invalid(format!(
                "{}: not exported: fix the errors above first",
                input.name
            )));
        }
        Err(e) => return Err(CliError::from(e).about(&input.name)),
    };
    for warning in &prepared.document.warnings {
        eprintln!("{}: {warning}", input.name);
    }
    if request.outline {
        print!("{}", prepared.document.outline());
    }
    // Every format is tried, so one that fails does not keep the others back.
    let mut failures = Vec::new();
    for (format, path) in request.outputs() {
        let option = format!("--{}", format.extension());
        let options = ExportOptions {
            pdf_standard: request.pdf_standard,
        };
        let written = prepared.render_with(format, &options).and_then(|output| {
            for warning in &output.warnings {
                eprintln!("release-composer: {option}: {warning}");
            }
            write_export(path, &output.bytes)
        });
        if let Err(e) = written {
            failures.push(CliError::from(e).about(&option));
        }
    }
    crate::error::last_of(failures)
}
