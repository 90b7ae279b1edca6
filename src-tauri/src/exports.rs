//! Export files: their names (date and headline), and writing them so that a
//! failed export never leaves half a file and never replaces another file
//! unless the user chose that name in a save dialog.

use crate::commands::compose::today;
use crate::error::{IpcError, Result};
use crate::state::AppState;
use release_model::{Draft, Severity, lint, validate};
use release_style::Document;
use std::path::{Path, PathBuf};

/// A saved draft, checked and styled, ready to be written in any format.
pub struct ExportJob {
    pub draft: Draft,
    pub document: Document,
}

impl ExportJob {
    /// Loads the saved draft `id`, or the draft file `file` edited in place;
    /// refuses it while validation or the house style's checks report
    /// errors, naming the first one's field.
    pub fn prepare(state: &AppState, id: &str, file: Option<&str>) -> Result<ExportJob> {
        let draft = match file {
            Some(file) => release_drafts::load_file(&state.in_place_path(file)?)?.draft,
            None => state.library.load(id)?.draft,
        };
        let style = state.style(&draft.style)?;
        let mut findings = validate(&draft);
        findings.extend(lint(&draft, &style.checks, today()));
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        if let Some(first) = errors.first() {
            let more = if errors.len() > 1 {
                format!(" (and {} more)", errors.len() - 1)
            } else {
                String::new()
            };
            return Err(IpcError::new(
                "draft-invalid",
                format!("not exported: {}{more}", first.message),
            )
            .at(first.path.clone()));
        }
        let document = release_style::document(&draft, &style);
        Ok(ExportJob { draft, document })
    }
}

/// `2021-12-08 Launch of the Phase IV of the project.pdf`: the dateline's
/// date and the headline's first words, without characters file systems refuse.
pub fn export_file_name(draft: &Draft, extension: &str) -> String {
    let r = &draft.release;
    let mut words = String::new();
    for word in r.headline.split_whitespace() {
        let word: String = word
            .chars()
            .filter(|c| !c.is_control() && !r#"/\:*?"<>|"#.contains(*c))
            .collect();
        if word.is_empty() {
            continue;
        }
        if words.chars().count() + word.chars().count() > 60 {
            break;
        }
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(&word);
    }
    let words = words.trim_matches(['.', ' ']).to_owned();
    let date = r.dateline.date.trim();
    let stem = match (date.is_empty(), words.is_empty()) {
        (false, false) => format!("{date} {words}"),
        (false, true) => format!("{date} release"),
        (true, false) => words,
        (true, true) => "release".to_owned(),
    };
    format!("{stem}.{extension}")
}

/// `NAME (2).pdf`, `NAME (3).pdf`, … : the first name not taken in the folder.
fn free_name(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem} ({n}).{ext}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// Renders the job in `extension`'s format and writes it at `target` (or, when
/// `replace` is false and the name is taken, beside it under a free name).
pub fn write_export(
    job: &ExportJob,
    target: &Path,
    extension: &str,
    replace: bool,
) -> Result<PathBuf> {
    let bytes = match extension {
        "pdf" => release_pdf::render(&job.document, &release_pdf::PdfOptions::default())
            .map_err(|e| IpcError::new("pdf", e.to_string()))?,
        _ => release_docx::render(&job.document, &release_docx::DocxOptions::default())
            .map_err(|e| IpcError::new("docx", e.to_string()))?,
    };
    let fail = |e: std::io::Error, path: &Path| {
        IpcError::new(
            "export-unwritable",
            format!("{}: cannot be written: {e}", path.display()),
        )
    };
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| fail(e, dir))?;
    let target = if replace {
        target.to_path_buf()
    } else {
        free_name(target)
    };
    let temp = dir.join(format!(
        ".{}.part",
        target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    let written = std::fs::write(&temp, &bytes).and_then(|()| std::fs::rename(&temp, &target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e, &target));
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_date_and_headline() {
        let mut draft = release_model::example();
        assert_eq!(
            export_file_name(&draft, "pdf"),
            "2021-12-08 Launch of the Phase IV of the project “Towards a.pdf"
        );
        draft.release.headline = "A/B: what? <now>".into();
        draft.release.dateline.date.clear();
        assert_eq!(export_file_name(&draft, "docx"), "AB what now.docx");
        draft.release.headline.clear();
        assert_eq!(export_file_name(&draft, "pdf"), "release.pdf");
    }

    #[test]
    fn a_taken_name_is_not_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let taken = dir.path().join("x.pdf");
        std::fs::write(&taken, "old").expect("write");
        assert_eq!(free_name(&taken), dir.path().join("x (2).pdf"));
    }
}
