//! The independent reading of tagged PDFs: `tests/tagged_pdf.py`, run with
//! the pinned Python that `scripts/deps.sh test` installs in
//! `.tools/venv` (pikepdf, pdfua), never whichever `python3` is on `PATH`.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub use release_test_tools::python;

/// One PDF as the checker read it.
#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub problems: Vec<String>,
    /// The block-level elements in reading order: (role, language, text,
    /// and the text's pieces with their languages).
    pub blocks: Vec<Block>,
    pub pdfua_findings: Vec<String>,
    pub pdfua_skipped: Vec<String>,
    pub metadata: Value,
}

/// A block-level structure element.
#[derive(Debug, Clone)]
pub struct Block {
    pub role: String,
    pub lang: String,
    pub text: String,
    pub alt: Option<String>,
    /// (language, text) of each piece, in reading order.
    pub fragments: Vec<(String, String)>,
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Reads every PDF with the checker, in one run of Python.
pub fn inspect(pdfs: &[(String, Vec<u8>)]) -> Vec<Report> {
    let dir = std::env::temp_dir().join(format!("release-pdf-tagged-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut paths = Vec::new();
    for (name, bytes) in pdfs {
        let path = dir.join(format!(
            "{}-{:016x}.pdf",
            name.replace(|c: char| !c.is_ascii_alphanumeric(), "-"),
            super::fnv64(bytes)
        ));
        std::fs::write(&path, bytes).expect("write the PDF");
        paths.push(path);
    }
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tagged_pdf.py");
    let output = Command::new(python())
        .arg(&script)
        .args(&paths)
        .stdin(Stdio::null())
        .output()
        .expect("run the checker");
    for path in &paths {
        let _ = std::fs::remove_file(path);
    }
    assert!(
        output.status.success(),
        "{} failed ({}): {}",
        script.display(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let value: Value = serde_json::from_slice(&output.stdout).expect("the checker writes JSON");
    let reports = value.as_array().expect("one report per file");
    assert_eq!(reports.len(), pdfs.len());
    reports
        .iter()
        .zip(pdfs)
        .map(|(r, (name, _))| Report {
            name: name.clone(),
            problems: strings(&r["problems"]),
            blocks: r["blocks"]
                .as_array()
                .map(|blocks| {
                    blocks
                        .iter()
                        .map(|b| {
                            let pieces = b["fragments"]
                                .as_array()
                                .map(|f| {
                                    f.iter()
                                        .map(|f| {
                                            (
                                                f["lang"].as_str().unwrap_or("").to_owned(),
                                                f["text"].as_str().unwrap_or("").to_owned(),
                                            )
                                        })
                                        .collect()
                                })
                                .unwrap_or_default();
                            Block {
                                role: b["role"].as_str().unwrap_or("").to_owned(),
                                lang: b["lang"].as_str().unwrap_or("").to_owned(),
                                text: b["text"].as_str().unwrap_or("").to_owned(),
                                alt: b["alt"].as_str().map(str::to_owned),
                                fragments: pieces,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
            pdfua_findings: strings(&r["pdfua"]["findings"]),
            pdfua_skipped: strings(&r["pdfua"]["skipped"]),
            metadata: r["metadata"].clone(),
        })
        .collect()
}
