//! `release-composer export`: draft → styled Document → PDF and/or DOCX files.

use crate::exit;
use crate::input;
use release_style::Document;
use std::path::{Path, PathBuf};

/// What `export` was asked to do.
pub(crate) struct Request {
    pub draft: PathBuf,
    pub pdf: Option<PathBuf>,
    pub docx: Option<PathBuf>,
    pub style: Option<String>,
    pub outline: bool,
}

pub(crate) fn run(request: &Request) -> u8 {
    if request.pdf.is_none() && request.docx.is_none() && !request.outline {
        eprintln!(
            "release-composer: nothing to export: give --pdf OUT.pdf, --docx OUT.docx or both"
        );
        return exit::UNREADABLE;
    }
    let input = match input::read(&request.draft) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("release-composer: {message}");
            return exit::UNREADABLE;
        }
    };
    let mut findings = input::findings(&input);
    let style = match input::style(&input, request.style.as_deref(), &mut findings) {
        Ok(style) => style,
        Err(message) => {
            eprintln!("release-composer: {message}");
            return exit::UNREADABLE;
        }
    };
    findings.extend(input::lint(&input, style.as_ref(), input::today_utc()));
    for finding in &findings {
        eprintln!("{}: {finding}", input.name);
    }
    let Some(style) = style.filter(|_| !input::has_errors(&findings)) else {
        eprintln!(
            "release-composer: {}: not exported: fix the errors above first",
            input.name
        );
        return exit::INVALID;
    };
    let document = release_style::document(&input.loaded.draft, &style);
    for warning in &document.warnings {
        eprintln!("{}: {warning}", input.name);
    }
    if request.outline {
        print!("{}", document.outline());
    }
    let mut code = exit::OK;
    if let Some(out) = &request.pdf {
        code = code.max(write(out, "PDF", render_pdf(&document)));
    }
    if let Some(out) = &request.docx {
        code = code.max(write(out, "DOCX", render_docx(&document)));
    }
    code
}

fn render_pdf(document: &Document) -> Result<Vec<u8>, String> {
    let rendered = release_pdf::render_with_warnings(document, &release_pdf::PdfOptions::default())
        .map_err(|e| e.to_string())?;
    for warning in &rendered.warnings {
        eprintln!("release-composer: --pdf: {warning}");
    }
    Ok(rendered.bytes)
}

fn render_docx(document: &Document) -> Result<Vec<u8>, String> {
    let rendered =
        release_docx::render_with_warnings(document, &release_docx::DocxOptions::default())
            .map_err(|e| e.to_string())?;
    for warning in &rendered.warnings {
        eprintln!("release-composer: --docx: {warning}");
    }
    Ok(rendered.bytes)
}

/// Writes an export next to its final name and renames it into place, so that
/// a failed export never leaves a truncated file over an earlier one.
fn write(out: &Path, what: &str, bytes: Result<Vec<u8>, String>) -> u8 {
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("release-composer: --{}: {message}", what.to_lowercase());
            return exit::UNREADABLE;
        }
    };
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&temp, &bytes).and_then(|()| std::fs::rename(&temp, out));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        eprintln!(
            "release-composer: {}: cannot write the {what}: {e}",
            out.display()
        );
        return exit::UNREADABLE;
    }
    exit::OK
}
