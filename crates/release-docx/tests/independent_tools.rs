//! Our DOCX as other programs read it: python-docx sees the paragraphs (with
//! the text of their hyperlinks), their named styles and the core
//! properties; LibreOffice converts it to PDF without complaint, on exactly
//! two A4 pages for the example in `un` (as our own PDF of it), with Arabic
//! right-aligned and Chinese whole.
//!
//! These tests run python-docx from the checkout's `.tools/venv`, LibreOffice
//! and poppler from /usr/bin (`scripts/deps.sh test` installs them all). When
//! a tool is missing they fail and say how to install it: a skipped check
//! would look like a passed one.

mod common;

use common::example;
use release_docx::{DocxOptions, render};
use release_test_tools::{INSTALL, read_docx, system_tool};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn write_example(dir: &Path, style: &str) -> PathBuf {
    let path = dir.join(format!("example-{style}.docx"));
    let bytes = render(&example(style), &DocxOptions::default()).expect("renders");
    std::fs::write(&path, bytes).expect("writes the DOCX");
    path
}

#[test]
fn python_docx_reads_paragraphs_styles_and_properties() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = example("un");
    let path = write_example(dir.path(), "un");
    let seen = read_docx(&path);
    assert_eq!(seen["python_docx"], "1.2.0", "the pinned python-docx");
    let paragraphs = seen["paragraphs"].as_array().expect("paragraphs");
    assert_eq!(paragraphs.len(), doc.blocks.len());
    for (p, block) in paragraphs.iter().zip(&doc.blocks) {
        assert_eq!(p[0], block.role.style_name(), "{}", block.source);
        assert_eq!(p[1], block.text(), "{}", block.source);
    }
    // The contact line's e-mail address is a hyperlink.
    assert!(
        paragraphs.iter().any(|p| p[0] == "Contact"
            && p[1]
                .as_str()
                .is_some_and(|t| t.contains("at gerardl@un.org, United Nations"))),
        "no contact line with its e-mail address: {paragraphs:?}"
    );
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
    let out = Command::new(system_tool("pdfinfo"))
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
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
        Command::new(system_tool("soffice"))
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
    assert_eq!(
        pdf_pages(&pdf),
        2,
        "LibreOffice lays the example out on two pages, as our PDF does"
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
    let out = Command::new(system_tool("pdftotext"))
        .args(["-f", "1", "-l", "1", "-bbox"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
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
