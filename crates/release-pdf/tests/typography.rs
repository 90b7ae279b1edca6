//! The example's justified lines as an independent reader measures them
//! from the glyph positions (`scripts/typography.py`, pdfplumber): the
//! spacing goals the typesetter is held to, in both built-in styles, and
//! text that still reads as its words.

mod common;

use common::{example, pdf};
use release_test_tools::{checkout, python};
use std::process::Command;

fn figures(style: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join(format!("example-{style}.pdf"));
    std::fs::write(&file, pdf(&example(style))).expect("written");
    let out = Command::new(python())
        .arg(checkout().join("scripts/typography.py"))
        .arg(&file)
        .arg("--json")
        .output()
        .expect("the tests' Python runs");
    assert!(
        out.status.success(),
        "typography.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn number(figures: &serde_json::Value, key: &str) -> f64 {
    figures[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} in {figures}"))
}

#[test]
fn justified_lines_are_evenly_spaced() {
    for style in ["un", "newswire"] {
        let f = figures(style);
        assert!(number(&f, "justified_lines") >= 40.0, "{style}: {f}");
        // Word spaces relative to the font's natural space, over the lines.
        assert!(number(&f, "median") <= 1.10, "{style}: {f}");
        assert!(number(&f, "p95") <= 1.40, "{style}: {f}");
        assert!(number(&f, "max") <= 1.55, "{style}: {f}");
        assert!(number(&f, "over_1_5_percent") <= 3.0, "{style}: {f}");
        assert!(
            number(&f, "consecutive_hyphenated_lines") <= 2.0,
            "{style}: {f}"
        );
    }
    assert_eq!(number(&figures("un"), "pages"), 2.0);
}
