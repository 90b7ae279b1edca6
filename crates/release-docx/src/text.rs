//! Text as a DOCX can carry it. XML 1.0 forbids most control characters, so
//! they are left out, with one warning per paragraph; a line feed becomes a
//! forced line break and a tab a Word tab, as the Document means them.

use docx_rs::{BreakType, Run};
use release_model::{Finding, is_forbidden_control};
use std::borrow::Cow;

/// Leaves out the characters no DOCX can carry and remembers where it did.
#[derive(Debug, Default)]
pub(crate) struct Cleaner {
    warnings: Vec<Finding>,
}

impl Cleaner {
    /// `text` without forbidden characters; `path` names its source for the warning.
    pub(crate) fn clean<'a>(&mut self, text: &'a str, path: &str) -> Cow<'a, str> {
        let dropped = text.chars().filter(|&c| is_forbidden_control(c)).count();
        if dropped == 0 {
            return Cow::Borrowed(text);
        }
        if !self.warnings.iter().any(|w| w.path == path) {
            self.warnings.push(Finding::warning(
                "docx-control-character",
                path,
                format!(
                    "left out {dropped} control character{} that a Word document cannot hold",
                    if dropped == 1 { "" } else { "s" }
                ),
            ));
        }
        Cow::Owned(text.chars().filter(|&c| !is_forbidden_control(c)).collect())
    }

    /// The warnings gathered so far, in the order they arose.
    pub(crate) fn into_warnings(self) -> Vec<Finding> {
        self.warnings
    }
}

/// Appends `text` to `run`: line feeds as forced line breaks, tabs as tabs.
pub(crate) fn add_text(mut run: Run, text: &str) -> Run {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::BuildXML;

    #[test]
    fn forbidden_characters_are_left_out_once_per_path() {
        let mut cleaner = Cleaner::default();
        assert_eq!(cleaner.clean("plain", "a"), "plain");
        assert_eq!(cleaner.clean("a\u{0}b\u{1b}c\u{FFFF}", "a"), "abc");
        assert_eq!(cleaner.clean("\u{7}", "a"), "");
        assert_eq!(cleaner.clean("tab\tand\nline", "b"), "tab\tand\nline");
        let warnings = cleaner.into_warnings();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "docx-control-character");
        assert!(warnings[0].message.contains("3 control characters"));
    }

    #[test]
    fn line_feeds_break_and_tabs_tab() {
        let xml = String::from_utf8(add_text(Run::new(), "a\tb\nc").build()).expect("utf-8");
        assert_eq!(
            xml,
            "<w:r><w:rPr /><w:t xml:space=\"preserve\">a</w:t><w:tab /><w:t xml:space=\"preserve\">b</w:t><w:br w:type=\"textWrapping\" /><w:t xml:space=\"preserve\">c</w:t></w:r>"
        );
    }
}
