//! Our DOCX as other programs read it: python-docx sees the paragraphs, their
//! named styles and the core properties; LibreOffice converts it to PDF
//! without complaint, on two A4 pages (±1) for the example in `un`, with
//! Arabic right-aligned and Chinese whole.
//!
//! These tests need python-docx, LibreOffice and poppler's pdfinfo
//! (`scripts/deps.sh test` installs them). When a tool is missing they fail
//! and say how to install it: a skipped check would look like a passed one.

mod common;

use common::example;
use release_docx::{DocxOptions, render};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const INSTALL: &str = "run scripts/deps.sh test, or apt-get install libreoffice-writer-nogui python3-docx poppler-utils";

fn write_example(dir: &Path, style: &str) -> PathBuf {
    let path = dir.join(format!("example-{style}.docx"));
    let bytes = render(&example(style), &DocxOptions::default()).expect("renders");
    std::fs::write(&path, bytes).expect("writes the DOCX");
    path
}

/// A Python that can `import docx`: the one on PATH, or the system's, where
/// Debian's python3-docx lives.
fn python_with_docx() -> String {
    for python in ["python3", "/usr/bin/python3"] {
        let ok = Command::new(python)
            .args(["-c", "import docx"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return python.to_owned();
        }
    }
    panic!("python-docx is not installed (no python3 can `import docx`): {INSTALL}");
}

const READ: &str = r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
p = d.core_properties
print(json.dumps({
    "paragraphs": [[x.style.name, x.text] for x in d.paragraphs],
    "styles": [s.name for s in d.styles],
    "title": p.title, "author": p.author, "subject": p.subject,
    "language": p.language, "created": p.created.isoformat() if p.created else None,
    "footer": [x.text for x in d.sections[0].footer.paragraphs],
}))
"#;

#[test]
fn python_docx_reads_paragraphs_styles_and_properties() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = example("un");
    let path = write_example(dir.path(), "un");
    let out = Command::new(python_with_docx())
        .args(["-c", READ])
        .arg(&path)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "python-docx could not read the DOCX:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let paragraphs = seen["paragraphs"].as_array().expect("paragraphs");
    assert_eq!(paragraphs.len(), doc.blocks.len());
    for (p, block) in paragraphs.iter().zip(&doc.blocks) {
        assert_eq!(p[0], block.role.style_name(), "{}", block.source);
        assert_eq!(p[1], block.text(), "{}", block.source);
    }
    let styles = seen["styles"].as_array().expect("styles");
    for name in [
        "Kind",
        "Headline",
        "Body Text",
        "Section Heading",
        "Quote",
        "Contact",
        "Footer",
        "Dateline",
        "Hyperlink",
    ] {
        assert!(
            styles.iter().any(|s| s == name),
            "python-docx does not see style {name}"
        );
    }
    assert_eq!(seen["title"], doc.metadata.title.as_str());
    assert_eq!(seen["author"], doc.metadata.author.as_str());
    assert_eq!(seen["subject"], "PRESS RELEASE");
    assert_eq!(seen["language"], "en");
    assert_eq!(seen["created"], "2021-12-08T00:00:00+00:00");
    // The fields' cached results: Word and LibreOffice recompute them.
    assert_eq!(seen["footer"][0], "Page 1 of 1");
}

/// Runs `command`, killing it after `limit`.
fn run_with_limit(command: &mut Command, limit: Duration) -> std::process::Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}: {INSTALL}"));
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{command:?} took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().expect("output")
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| panic!("pdfinfo (poppler-utils) is not installed ({e}): {INSTALL}"));
    assert!(out.status.success(), "pdfinfo failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// Converts the DOCX at `path` to PDF with LibreOffice, beside it.
fn libreoffice_pdf(dir: &Path, path: &Path) -> PathBuf {
    // A profile of its own: a LibreOffice already running (a desktop, another
    // test) would otherwise take the job or lock the profile.
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let out = run_with_limit(
        Command::new("soffice")
            .arg(profile)
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(dir)
            .arg(path),
        Duration::from_secs(180),
    );
    let pdf = path.with_extension("pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "LibreOffice did not convert the DOCX ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

#[test]
fn libreoffice_converts_the_example_to_two_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_example(dir.path(), "un");
    let pdf = libreoffice_pdf(dir.path(), &path);
    let pages = pdf_pages(&pdf);
    assert!(
        (1..=3).contains(&pages),
        "LibreOffice laid the example out on {pages} pages, not 2 ± 1"
    );
}

/// The example translated into `language`, as a DOCX in `dir`.
fn write_translated(dir: &Path, language: &str) -> PathBuf {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../../templates/examples/example.{language}.release.json"
    ));
    let text = std::fs::read_to_string(file).expect("example file");
    let draft = release_model::load(&text).expect("a draft").draft;
    let style = release_style::builtin("un").expect("un");
    let doc = release_style::document(&draft, &style);
    let path = dir.join(format!("example-{language}.docx"));
    std::fs::write(
        &path,
        render(&doc, &DocxOptions::default()).expect("renders"),
    )
    .expect("writes");
    path
}

/// Words of page 1 with their boxes, from `pdftotext -bbox`: (x_min, x_max, y_min, word).
fn words(pdf: &Path) -> Vec<(f64, f64, f64, String)> {
    let out = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "-bbox"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils) is not installed ({e}): {INSTALL}"));
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let number = |tag: &str, name: &str| -> f64 {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0.0)
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| {
            let word = l
                .split('>')
                .nth(1)
                .and_then(|r| r.split('<').next())
                .unwrap_or("")
                .to_owned();
            (
                number(l, "xMin"),
                number(l, "xMax"),
                number(l, "yMin"),
                word,
            )
        })
        .collect()
}

#[test]
fn libreoffice_sets_arabic_right_aligned_and_chinese_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Arabic: most lines of page 1 end at the same right edge (right-aligned, justified).
    let pdf = libreoffice_pdf(dir.path(), &write_translated(dir.path(), "ar"));
    let mut line_ends: std::collections::BTreeMap<i64, f64> = Default::default();
    for (_, x_max, y, _) in words(&pdf) {
        let end = line_ends.entry(y.round() as i64).or_insert(0.0);
        *end = end.max(x_max);
    }
    let right = line_ends.values().cloned().fold(0.0, f64::max);
    let at_right = line_ends.values().filter(|x| right - **x < 3.0).count();
    assert!(
        line_ends.len() > 20 && at_right * 10 >= line_ends.len() * 8,
        "{at_right} of {} Arabic lines end at the right edge ({right:.1} pt)",
        line_ends.len()
    );
    // Chinese: the headline's characters all come back, in order (no boxes, no gaps).
    let pdf = libreoffice_pdf(dir.path(), &write_translated(dir.path(), "zh"));
    let text: String = words(&pdf).into_iter().map(|w| w.3).collect();
    for expected in ["新闻稿", "项目第四阶段启动", "塔吉克斯坦杜尚别"] {
        assert!(
            text.contains(expected),
            "`{expected}` missing from LibreOffice's Chinese page: {text}"
        );
    }
}
