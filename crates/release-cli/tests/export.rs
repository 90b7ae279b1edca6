//! A successful `export --pdf --docx` of the example: both files are written,
//! independent tools find them valid (qpdf, unzip) and they hold the draft's
//! words: the headline, the dateline, a quote and a contact, read back with
//! pdftotext and with python-docx (the checkout's `.tools/venv`).

mod common;

use common::{run, text};
use release_test_tools::{read_docx, system_tool};
use std::path::Path;
use std::process::Command;

/// What the example prints, in phrases no line break splits at a hyphen.
const EXPECTED: [&str; 5] = [
    "Launch of the Phase IV of the project",
    "Dushanbe (Tajikistan), 8 December 2021",
    "This new phase of the project is based on lessons learned from a decade of support to the region",
    "Ms. Laurence Gerard",
    "gerardl@un.org",
];

/// Runs a checker on `file`; panics with its output when it does not succeed.
fn check_with(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(system_tool(tool))
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs: {e}"));
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(
        out.status.success(),
        "{tool} {args:?} refuses {}:\n{said}",
        file.display()
    );
    said
}

/// Whitespace runs as single spaces, as a reader sees text across lines.
/// Words in order, whitespace collapsed; a word the PDF hyphenated at a line
/// end (its hyphen reads as a soft hyphen, U+00AD) joined again.
fn flat(text: &str) -> String {
    let joined = text.replace("\u{AD}\n", "").replace('\u{AD}', "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn export_writes_a_valid_pdf_and_docx_holding_the_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let draft = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/example.release.json");
    let pdf = dir.path().join("launch.pdf");
    let docx = dir.path().join("launch.docx");
    let out = run(
        &[
            "export",
            draft.to_str().expect("utf-8"),
            "--pdf",
            pdf.to_str().expect("utf-8"),
            "--docx",
            docx.to_str().expect("utf-8"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let said = check_with("qpdf", &["--check"], &pdf);
    assert!(
        said.contains("No syntax or stream encoding errors found"),
        "{said}"
    );
    let said = check_with("unzip", &["-t"], &docx);
    assert!(said.contains("No errors detected"), "{said}");

    let out = Command::new(system_tool("pdftotext"))
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        text(&out.stderr)
    );
    let pdf_text = flat(&text(&out.stdout));
    let seen = read_docx(&docx);
    let docx_text = flat(
        &seen["paragraphs"]
            .as_array()
            .expect("paragraphs")
            .iter()
            .map(|p| p[1].as_str().expect("text"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    for phrase in EXPECTED {
        assert!(
            pdf_text.contains(phrase),
            "the PDF lacks `{phrase}`:\n{pdf_text}"
        );
        assert!(
            docx_text.contains(phrase),
            "the DOCX lacks `{phrase}`:\n{docx_text}"
        );
    }
    assert_eq!(
        seen["title"],
        "Launch of the Phase IV of the project “Towards a comprehensive implementation of the United Nations Counter-Terrorism Strategy in Central Asia”"
    );
}

#[test]
fn a_second_export_uses_the_kept_spelling_verdicts_and_says_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = dir.path().join("cache");
    let export = |name: &str| {
        let pdf = dir.path().join(name);
        let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
        command
            .args(["export", "-", "--pdf"])
            .arg(&pdf)
            .env("XDG_CACHE_HOME", &cache);
        let out = common::finish(command, release_model::EXAMPLE_JSON.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        (text(&out.stderr), std::fs::read(pdf).expect("written"))
    };
    let first = export("first.pdf");
    assert!(
        first
            .0
            .contains("`signaled` is not in the dictionary: did you mean `signalled`?"),
        "{}",
        first.0
    );
    let kept: Vec<_> = std::fs::read_dir(cache.join("release-composer/spelling"))
        .expect("the verdicts folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        kept.len() == 1 && kept[0].starts_with("en_GB-") && kept[0].ends_with(".tsv"),
        "{kept:?}"
    );
    let second = export("second.pdf");
    assert_eq!(second, first, "the same warnings, suggestions and PDF");
}
