//! The pagination rules on whole documents: no widows or orphans, headings
//! with what follows, the contact block whole, long releases.

mod common;

use common::{example, tool};
use release_pdf::{PdfOptions, PlacedBlock, pagination};
use release_style::{Block, Document, Role, Span};

fn pages(doc: &Document) -> Vec<Vec<PlacedBlock>> {
    pagination(doc, &PdfOptions::default()).expect("lays out")
}

/// The rules, checked on every page of a layout.
fn check_rules(doc: &Document, pages: &[Vec<PlacedBlock>]) {
    for (n, page) in pages.iter().enumerate() {
        for part in page {
            let style = doc.style(doc.blocks[part.block].role);
            let split = part.lines.len() < part.total_lines;
            if split {
                assert!(
                    part.lines.len() >= 2,
                    "page {}: {part:?} is a widow or an orphan",
                    n + 1
                );
                assert!(
                    !style.keep_together,
                    "page {}: kept block split: {part:?}",
                    n + 1
                );
            }
        }
        if let Some(last) = page.last() {
            let role = doc.blocks[last.block].role;
            let kept = doc.style(role).keep_with_next && last.block + 1 < doc.blocks.len();
            assert!(!kept, "page {} ends with a heading ({role:?})", n + 1);
        }
    }
}

fn body(text: &str) -> Block {
    Block {
        role: Role::Body,
        spans: vec![Span::plain(text)],
        marker: None,
        source: "release.body[0]".to_owned(),
    }
}

/// The example with `extra` one-line paragraphs before the Quotes heading:
/// one of them brings the heading, or a paragraph's last line, to the foot
/// of page 1.
fn padded(extra: usize) -> Document {
    let mut doc = example("un");
    let at = doc
        .blocks
        .iter()
        .position(|b| b.role == Role::SectionHeading)
        .expect("Quotes heading");
    for _ in 0..extra {
        doc.blocks.insert(at, body("A short paragraph."));
    }
    doc
}

#[test]
fn the_example_keeps_the_rules() {
    let doc = example("un");
    let pages = pages(&doc);
    assert_eq!(pages.len(), 2);
    check_rules(&doc, &pages);
}

#[test]
fn a_heading_is_never_left_at_the_foot_of_a_page() {
    for extra in 0..8 {
        let doc = padded(extra);
        check_rules(&doc, &pages(&doc));
    }
}

#[test]
fn a_paragraph_is_never_split_to_leave_one_line() {
    // Grow the paragraph before a page break one sentence at a time, so that
    // its last line lands in turn on every spot around the break.
    let mut doc = example("un");
    let long = doc.blocks[5].text();
    for words in (0..60).step_by(3) {
        let extra: Vec<&str> = long.split(' ').take(words).collect();
        doc.blocks[5] = body(&format!("{long} {}", extra.join(" ")));
        check_rules(&doc, &pages(&doc));
    }
}

#[test]
fn the_contact_block_is_never_split() {
    for extra in 0..10 {
        let mut doc = padded(extra);
        let contact = doc.blocks.len() - 1;
        let text = doc.blocks[contact].text();
        doc.blocks[contact].spans = vec![Span::plain(format!("{text}\n{text}\n{text}"))];
        check_rules(&doc, &pages(&doc));
    }
}

#[test]
fn a_sixty_page_release_is_paginated_and_footed() {
    let mut doc = example("un");
    let body: Vec<Block> = doc
        .blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .cloned()
        .collect();
    let at = doc.blocks.len() - 1;
    for _ in 0..62 {
        for (i, block) in body.iter().enumerate() {
            doc.blocks.insert(at + i, block.clone());
        }
    }
    let layout = pages(&doc);
    assert!(layout.len() >= 60, "{} pages", layout.len());
    check_rules(&doc, &layout);
    let bytes = common::pdf(&doc);
    let out = tool("qpdf", &["--check"], &bytes);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
    let text = tool("pdftotext", &["-enc", "UTF-8"], &bytes);
    let count = layout.len();
    for n in 1..=count {
        assert!(
            text.contains(&format!("Page {n} of {count}")),
            "no footer on page {n}"
        );
    }
}
