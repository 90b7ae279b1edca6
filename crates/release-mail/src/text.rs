//! The plain-text edition: what a mail client shows when it shows no HTML,
//! and what `--text` writes.

use release_style::{Block, CharStyle, Document, ListMarker, Role};
use std::fmt::Write;

/// The width plain text is wrapped to.
pub const COLUMNS: usize = 72;

/// The links of a text, numbered in the order they first appear.
#[derive(Default)]
struct References {
    targets: Vec<String>,
}

impl References {
    /// The number of `target`, given it if it is new.
    fn number(&mut self, target: &str) -> usize {
        match self.targets.iter().position(|t| t == target) {
            Some(i) => i + 1,
            None => {
                self.targets.push(target.to_owned());
                self.targets.len()
            }
        }
    }
}

/// A paragraph's text, each link followed by its reference number unless
/// the text already is the address (`gerardl@un.org`, `https://un.org`).
fn paragraph(block: &Block, references: &mut References) -> String {
    let mut out = String::new();
    for span in &block.spans {
        out.push_str(&span.text);
        let Some(target) = span
            .link
            .as_deref()
            .filter(|_| span.char_style != Some(CharStyle::Dateline))
        else {
            continue;
        };
        let shown = span.text.trim();
        let bare = target.strip_prefix("mailto:").unwrap_or(target);
        if shown == target || shown == bare {
            continue;
        }
        let n = references.number(target);
        let _ = write!(out, " [{n}]");
    }
    out
}

/// Lines of `text` wrapped to `COLUMNS` with `first` before the first line
/// and `rest` (as wide) before the others: list markers hang.
fn wrapped(text: &str, first: &str, rest: &str) -> Vec<String> {
    let width = COLUMNS.saturating_sub(rest.chars().count()).max(20);
    release_text::wrap(text, width)
        .into_iter()
        .enumerate()
        .map(|(i, line)| format!("{}{line}", if i == 0 { first } else { rest }))
        .collect()
}

/// The plain-text edition of `doc`.
pub fn plain_text(doc: &Document) -> String {
    let mut references = References::default();
    // The embargo line first: a journalist must see it before anything else.
    let embargo = doc.blocks.iter().filter(|b| b.role == Role::Embargo);
    let others = doc
        .blocks
        .iter()
        .filter(|b| !matches!(b.role, Role::Embargo | Role::Footer));
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut in_list = false;
    for block in embargo.chain(others) {
        let text = paragraph(block, &mut references);
        let lines = match block.marker {
            Some(ListMarker::Bullet) => wrapped(&text, "- ", "  "),
            Some(ListMarker::Number { number, .. }) => {
                let marker = format!("{number}. ");
                let hang = " ".repeat(marker.chars().count());
                wrapped(&text, &marker, &hang)
            }
            None => wrapped(&text, "", ""),
        };
        let list_item = block.marker.is_some();
        // Items of one list follow each other without a blank line.
        match paragraphs.last_mut() {
            Some(last) if list_item && in_list => last.extend(lines),
            _ => paragraphs.push(lines),
        }
        in_list = list_item;
    }
    let mut out = String::new();
    for lines in paragraphs.iter().filter(|p| !p.is_empty()) {
        for line in lines {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
    }
    if !references.targets.is_empty() {
        for (i, target) in references.targets.iter().enumerate() {
            let _ = writeln!(out, "[{}] {target}", i + 1);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
