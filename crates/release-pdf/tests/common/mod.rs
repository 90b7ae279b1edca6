//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod golden;
pub mod read;
pub mod tagged;

use release_style::Document;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The example release in a built-in style.
pub fn example(style: &str) -> Document {
    let style = release_style::builtin(style).expect("built-in style");
    release_style::document(&release_model::example(), &style)
}

/// The example release in `lang` (`en` is the built-in one; the others
/// are `templates/examples/example.LANG.release.json`) in a built-in style.
pub fn example_in(style: &str, lang: &str) -> Document {
    let style = release_style::builtin(style).expect("built-in style");
    let draft = if lang == "en" {
        release_model::example()
    } else {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
            "../../templates/examples/example.{lang}.release.json"
        ));
        let text = std::fs::read_to_string(&path).expect("example draft");
        release_model::load(&text).expect("loads").draft
    };
    release_style::document(&draft, &style)
}

/// The PDF of a document with the default options.
pub fn pdf(doc: &Document) -> Vec<u8> {
    release_pdf::render(doc, &release_pdf::PdfOptions::default()).expect("renders")
}

/// Runs an independent tool on a PDF given on a temporary file and returns
/// what it wrote on standard output. A missing tool fails the test (CI
/// installs poppler-utils and qpdf, and a check that quietly does not run
/// is no check), and so does a tool that exits with an error: its name,
/// arguments, exit status and standard error are in the message.
pub fn tool(name: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("release-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Tests run in parallel and may check the same bytes: one file each.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!("{name}-{n}-{:016x}.pdf", fnv64(pdf)));
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(pdf))
        .expect("write temp PDF");
    let mut command = Command::new(release_test_tools::system_tool(name));
    command.args(args).arg(&path);
    if name == "pdftotext" {
        command.arg("-");
    }
    let output = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("`{name}` could not be run: {e}"));
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "`{name} {}` failed ({}): {}",
        args.join(" "),
        output.status,
        String::from_utf8_lossy(&output.stderr).trim()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// FNV-1a, 64 bits: a hash whose value Rust's standard library does not
/// promise to keep, so we spell it out.
pub fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Words for comparing extracted text with the Document's: hyphens dropped
/// (a line-end hyphen is the writer's, and pdftotext joins such lines; the
/// writer's hyphen reads as a soft hyphen, which joins its line to the
/// next), whitespace collapsed.
pub fn words(text: &str) -> String {
    text.replace("\u{00AD}\n", "")
        .replace(['-', '\u{2010}', '\u{00AD}'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// pdftotext's text without the page footers and blank lines, lines broken
/// after a slash joined.
pub fn body_text(doc: &Document, pdf: &[u8]) -> String {
    let text = tool("pdftotext", &["-enc", "UTF-8"], pdf);
    let pages = text.matches('\u{c}').count().max(1);
    let footers: Vec<String> = doc
        .footer
        .iter()
        .flat_map(|f| (1..=pages).map(move |n| f.text(n, pages)))
        .collect();
    text.lines()
        .map(|l| l.trim_matches('\u{c}'))
        // The footers go, and the blank lines a page break leaves, so that a
        // word hyphenated at the foot of a page joins its end on the next.
        .filter(|l| !l.trim().is_empty() && !footers.iter().any(|f| f == l.trim()))
        .collect::<Vec<_>>()
        .join("\n")
        // A line may also end after a slash (`prevent/` `counter`); that break is ours too.
        .replace("/\n", "/")
}

/// Text of a PDF string (UTF-16BE with a byte-order mark, or bytes).
pub fn pdf_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}
