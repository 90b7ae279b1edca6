//! Snippets as plain text, for a terminal or a text box: paragraphs
//! separated by blank lines, a contact as one line per field.

use crate::snippet::{Content, Snippet};
use release_model::{Block, Contact, Run, inline_text};

/// Paragraphs from plain text: blank lines (empty or only spaces) separate
/// them; the lines of one paragraph are joined with a space. Leading and
/// trailing spaces of each line are dropped; the text is otherwise kept as
/// it is (no markup is read). A byte-order mark at the start is ignored.
pub fn paragraphs(text: &str) -> Vec<Block> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            push_paragraph(&mut blocks, &mut lines);
        } else {
            lines.push(line);
        }
    }
    push_paragraph(&mut blocks, &mut lines);
    blocks
}

fn push_paragraph(blocks: &mut Vec<Block>, lines: &mut Vec<&str>) {
    if !lines.is_empty() {
        blocks.push(Block::paragraph(vec![Run::plain(lines.join(" "))]));
        lines.clear();
    }
}

impl Snippet {
    /// The snippet as plain text: each block's text (a list's items as
    /// `- item` or `1. item` lines), blocks separated by blank lines; a
    /// contact's non-empty fields one per line. Attributes (bold, links) are
    /// dropped; blocks of a later version are left out. No final line feed.
    pub fn text(&self) -> String {
        match &self.content {
            Content::About(blocks) | Content::Notes(blocks) | Content::Closing(blocks) => blocks
                .iter()
                .filter_map(block_text)
                .collect::<Vec<_>>()
                .join("\n\n"),
            Content::Contact(contact) => contact_lines(contact).join("\n"),
        }
    }
}

fn block_text(block: &Block) -> Option<String> {
    match block {
        Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
            Some(inline_text(content))
        }
        Block::List { ordered, items, .. } => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let text = inline_text(item);
                    if *ordered {
                        format!("{}. {text}", i + 1)
                    } else {
                        format!("- {text}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Block::Other(_) => None,
    }
}

fn contact_lines(contact: &Contact) -> Vec<&str> {
    [
        &contact.name,
        &contact.title,
        &contact.organization,
        &contact.email,
        &contact.phone,
    ]
    .into_iter()
    .map(|field| field.trim())
    .filter(|field| !field.is_empty())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snippet::Kind;

    #[test]
    fn blank_lines_separate_paragraphs() {
        let blocks = paragraphs("\u{FEFF}One line\r\nand its wrap.\n\n  \n\nمرحبا بالعالم\n\n\n");
        assert_eq!(
            blocks,
            [
                Block::paragraph(vec![Run::plain("One line and its wrap.")]),
                Block::paragraph(vec![Run::plain("مرحبا بالعالم")]),
            ]
        );
        assert!(paragraphs(" \n\n").is_empty());
    }

    #[test]
    fn text_and_paragraphs_round_trip() {
        let text = "第一段。\n\nSecond 👩🏽‍💻 e\u{301}.";
        let snippet = Snippet::new(
            "x",
            "",
            Content::of_blocks(Kind::Notes, paragraphs(text)).expect("text kind"),
        );
        assert_eq!(snippet.text(), text);
    }

    #[test]
    fn lists_and_contacts_print_as_lines() {
        let list = Block::List {
            ordered: true,
            items: vec![vec![Run::plain("a")], vec![Run::bold("b")]],
            extra: Default::default(),
        };
        let snippet = Snippet::new("x", "", Content::Closing(vec![list]));
        assert_eq!(snippet.text(), "1. a\n2. b");
        let contact = Contact {
            name: "Laurence Gerard".to_owned(),
            email: "gerardl@un.org".to_owned(),
            ..Contact::default()
        };
        let snippet = Snippet::new("x", "", Content::Contact(contact));
        assert_eq!(snippet.text(), "Laurence Gerard\ngerardl@un.org");
    }
}
