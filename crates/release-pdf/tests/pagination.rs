//! The pagination rules on whole documents: no widows or orphans, headings
//! with what follows, the contact block whole, long releases.
//!
//! Each rule is tested on a document built so that the case it guards
//! happens: paragraphs of an exact number of lines (one short line each,
//! ended by line breaks) placed so that a page break falls where the rule
//! matters, and the test first shows that it does (with the rule turned off
//! in the style, or with a block one line shorter) before checking what the
//! rule changed.

mod common;

use common::{example, tool};
use release_pdf::{PdfOptions, PlacedBlock, pagination};
use release_style::{Block, Document, Role, Span};
use std::ops::Range;

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

/// A body paragraph of exactly `n` lines.
fn lines(n: usize) -> Block {
    let text: Vec<String> = (1..=n).map(|i| format!("Line {i}.")).collect();
    Block {
        role: Role::Body,
        spans: vec![Span::plain(text.join("\n"))],
        marker: None,
        source: "release.body[0]".to_owned(),
    }
}

/// The example's style with `blocks` as its only content.
fn doc_of(blocks: Vec<Block>) -> Document {
    let mut doc = example("un");
    doc.blocks = blocks;
    doc
}

/// Where block `block` lands: (page index, its lines there), page by page.
fn placement(pages: &[Vec<PlacedBlock>], block: usize) -> Vec<(usize, Range<usize>)> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(n, page)| {
            page.iter()
                .filter(|p| p.block == block)
                .map(move |p| (n, p.lines.clone()))
        })
        .collect()
}

/// How many lines of body text fill the first page.
fn page_capacity() -> usize {
    let long = doc_of(vec![lines(200)]);
    let layout = pages(&long);
    let first = placement(&layout, 0)[0].clone();
    assert_eq!(first.0, 0);
    first.1.len()
}

#[test]
fn the_example_keeps_the_rules() {
    let doc = example("un");
    let pages = pages(&doc);
    assert_eq!(pages.len(), 2);
    check_rules(&doc, &pages);
}

#[test]
fn a_paragraph_one_line_longer_than_the_page_leaves_no_widow() {
    let capacity = page_capacity();
    // A paragraph of `capacity` lines fills page 1 exactly...
    let full = doc_of(vec![lines(capacity)]);
    assert_eq!(placement(&pages(&full), 0), [(0, 0..capacity)]);
    // ... so one line more would leave that line alone on page 2: a line
    // moves along with it.
    let doc = doc_of(vec![lines(capacity + 1)]);
    let layout = pages(&doc);
    assert_eq!(layout[0][0].total_lines, capacity + 1);
    assert_eq!(
        placement(&layout, 0),
        [(0, 0..capacity - 1), (1, capacity - 1..capacity + 1)],
        "the paragraph is split over two pages with two lines on the second"
    );
    check_rules(&doc, &layout);
    // Longer paragraphs fill page 1 again and never leave one line.
    for n in capacity + 2..capacity + 6 {
        let doc = doc_of(vec![lines(n)]);
        let layout = pages(&doc);
        assert_eq!(placement(&layout, 0), [(0, 0..capacity), (1, capacity..n)]);
        check_rules(&doc, &layout);
    }
}

#[test]
fn a_paragraph_with_room_for_one_line_at_the_foot_of_a_page_starts_on_the_next() {
    let capacity = page_capacity();
    // Find the paragraph before that leaves room for exactly one more line
    // of body text: a one-line paragraph still fits after it, a two-line
    // one does not.
    let lead = (1..capacity)
        .find(|&p| {
            let one = pages(&doc_of(vec![lines(p), lines(1)]));
            let two = pages(&doc_of(vec![lines(p), lines(2)]));
            placement(&one, 1) == [(0, 0..1)] && placement(&two, 1) == [(1, 0..2)]
        })
        .expect("a paragraph that leaves room for one line");
    // A ten-line paragraph there would leave one line at the foot of page 1
    // (an orphan): it starts on page 2, whole.
    let doc = doc_of(vec![lines(lead), lines(10)]);
    let layout = pages(&doc);
    assert_eq!(placement(&layout, 0), [(0, 0..lead)]);
    assert_eq!(placement(&layout, 1), [(1, 0..10)]);
    check_rules(&doc, &layout);
    // With one line less before it, two lines fit: it is split over the
    // two pages, two lines and eight.
    let doc = doc_of(vec![lines(lead - 1), lines(10)]);
    let layout = pages(&doc);
    assert_eq!(placement(&layout, 1), [(0, 0..2), (1, 2..10)]);
    check_rules(&doc, &layout);
}

/// `doc` with `keep_with_next` (headings) or `keep_together` (contacts)
/// turned off for `role`: where the block would land without the rule.
fn without_rule(doc: &Document, role: Role) -> Document {
    let mut loose = doc.clone();
    let style = loose.styles.get_mut(&role).expect("the role's style");
    style.keep_with_next = false;
    style.keep_together = false;
    loose
}

fn heading() -> Block {
    Block {
        role: Role::SectionHeading,
        spans: vec![Span::plain("Quotes")],
        marker: None,
        source: "release.quotes".to_owned(),
    }
}

#[test]
fn a_heading_that_would_stand_at_the_foot_of_a_page_moves_to_the_next() {
    let capacity = page_capacity();
    // Without its rule, the heading ends page 1 for some length of the
    // paragraph before it.
    let lead = (1..capacity)
        .find(|&p| {
            let doc = doc_of(vec![lines(p), heading(), lines(6)]);
            let loose = pages(&without_rule(&doc, Role::SectionHeading));
            placement(&loose, 1) == [(0, 0..1)] && placement(&loose, 2)[0].0 == 1
        })
        .expect("a layout that leaves the heading at the foot of page 1");
    let doc = doc_of(vec![lines(lead), heading(), lines(6)]);
    let layout = pages(&doc);
    // With it, page 1 ends with the paragraph and the heading opens page 2
    // with the paragraph it introduces.
    assert_eq!(placement(&layout, 0), [(0, 0..lead)]);
    assert_eq!(placement(&layout, 1), [(1, 0..1)], "the heading moved");
    assert_eq!(placement(&layout, 2), [(1, 0..6)]);
    check_rules(&doc, &layout);
}

/// The example's contact block, three times as long (seven lines or so).
fn contacts() -> Block {
    let doc = example("un");
    let mut block = doc
        .blocks
        .iter()
        .find(|b| b.role == Role::Contacts)
        .expect("the contact block")
        .clone();
    let text = block.text();
    block.spans = vec![Span::plain(format!("{text}\n{text}\n{text}"))];
    block
}

#[test]
fn a_contact_block_that_falls_on_a_page_break_moves_whole() {
    let capacity = page_capacity();
    let lead = (1..capacity)
        .find(|&p| {
            let doc = doc_of(vec![lines(p), contacts()]);
            let loose = pages(&without_rule(&doc, Role::Contacts));
            placement(&loose, 1).len() == 2
        })
        .expect("a layout that splits the contact block without its rule");
    let doc = doc_of(vec![lines(lead), contacts()]);
    let layout = pages(&doc);
    let total = layout[1][0].total_lines;
    assert!(total >= 4, "a contact block long enough to split: {total}");
    assert_eq!(placement(&layout, 0), [(0, 0..lead)]);
    assert_eq!(
        placement(&layout, 1),
        [(1, 0..total)],
        "the block moved whole"
    );
    check_rules(&doc, &layout);
}

#[test]
fn a_contact_block_that_fits_stays_on_its_page() {
    let capacity = page_capacity();
    // The longest paragraph before the contact block that still leaves it
    // room on page 1 (as the layout without the rule shows: it is whole on
    // page 1 there, and one line more splits it).
    let lead = (1..capacity)
        .find(|&p| {
            let loose = |p| {
                pages(&without_rule(
                    &doc_of(vec![lines(p), contacts()]),
                    Role::Contacts,
                ))
            };
            placement(&loose(p), 1).len() == 1
                && placement(&loose(p), 1)[0].0 == 0
                && placement(&loose(p + 1), 1).len() == 2
        })
        .expect("a layout where the contact block just fits on page 1");
    let doc = doc_of(vec![lines(lead), contacts()]);
    let layout = pages(&doc);
    assert_eq!(layout.len(), 1, "nothing goes to a page of its own");
    assert_eq!(placement(&layout, 1)[0].0, 0);
    check_rules(&doc, &layout);
}

#[test]
fn a_sixty_page_release_is_paginated_and_footed() {
    // Sixty paragraphs that each fill a page exactly: a page break falls
    // at the end of each, and a paginator that put one line too many or too
    // few on a page would give another count.
    let capacity = page_capacity();
    let blocks: Vec<Block> = (0..60).map(|_| lines(capacity)).collect();
    let doc = doc_of(blocks);
    let layout = pages(&doc);
    assert_eq!(layout.len(), 60);
    check_rules(&doc, &layout);
    let rendered =
        release_pdf::render_with_warnings(&doc, &PdfOptions::default()).expect("renders");
    assert_eq!(rendered.pages, 60);
    assert_eq!(common::read::pages(&rendered.bytes).len(), 60);
    let out = tool("qpdf", &["--check"], &rendered.bytes);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
    let text = tool("pdftotext", &["-enc", "UTF-8"], &rendered.bytes);
    let footers: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("Page "))
        .collect();
    let expected: Vec<String> = (1..=60).map(|n| format!("Page {n} of 60")).collect();
    assert_eq!(footers, expected);
}
