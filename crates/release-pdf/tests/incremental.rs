//! Incremental typesetting: a [`Typesetter`] kept between renders re-sets
//! only the paragraphs an edit touched, and its PDF is byte for byte the
//! PDF of a render from scratch, over a sequence of edits like a press
//! officer's: typing a word letter by letter, deleting and splitting
//! paragraphs, a new headline, another house style (other fonts, another
//! page), and editions in Arabic and Chinese (fallback fonts, right to left).

use release_pdf::{PdfOptions, Typesetter, render_with_warnings};
use release_style::{Document, Role, Span};
use std::path::PathBuf;

fn draft_in(lang: &str) -> release_model::Draft {
    if lang == "en" {
        return release_model::example();
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../templates/examples")
        .join(format!("example.{lang}.release.json"));
    let text = std::fs::read_to_string(&path).expect("example draft");
    release_model::load(&text).expect("loads").draft
}

fn document(lang: &str, style: &str) -> Document {
    let style = release_style::builtin(style).expect("built-in style");
    release_style::document(&draft_in(lang), &style)
}

fn body_indices(doc: &Document) -> Vec<usize> {
    (0..doc.blocks.len())
        .filter(|&i| doc.blocks[i].role == Role::Body)
        .collect()
}

/// The text of the last span of the second body paragraph, where the
/// edits type.
fn typed_at(doc: &mut Document) -> &mut String {
    let second = body_indices(doc)[1];
    &mut doc.blocks[second].spans.last_mut().expect("a span").text
}

/// The documents of the sequence, in order.
fn edits() -> Vec<(String, Document)> {
    let mut steps = Vec::new();
    let mut doc = document("en", "un");
    steps.push(("the example".to_owned(), doc.clone()));
    // A word typed at the end of the second body paragraph, letter by letter.
    for c in " Ünïcødé—typed".chars() {
        typed_at(&mut doc).push(c);
        steps.push((format!("typed {c:?}"), doc.clone()));
    }
    // Backspace twice.
    for _ in 0..2 {
        typed_at(&mut doc).pop();
        steps.push(("backspace".to_owned(), doc.clone()));
    }
    // A bold word in the first body paragraph: a new span.
    let first = body_indices(&doc)[0];
    doc.blocks[first].spans.insert(
        0,
        Span {
            text: "Today, ".to_owned(),
            bold: true,
            ..Span::default()
        },
    );
    steps.push(("a bold word".to_owned(), doc.clone()));
    // A paragraph split in two, then one deleted: pagination moves.
    let third = body_indices(&doc)[2];
    let mut tail = doc.blocks[third].clone();
    let text = tail.text();
    let cut = text
        .char_indices()
        .nth(text.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    doc.blocks[third].spans = vec![Span::plain(&text[..cut])];
    tail.spans = vec![Span::plain(&text[cut..])];
    doc.blocks.insert(third + 1, tail);
    steps.push(("a paragraph split".to_owned(), doc.clone()));
    let last = *body_indices(&doc).last().expect("a body");
    doc.blocks.remove(last);
    steps.push(("a paragraph deleted".to_owned(), doc.clone()));
    // A new headline.
    if let Some(headline) = doc.blocks.iter_mut().find(|b| b.role == Role::Headline) {
        headline.spans = vec![Span::plain("A shorter headline, in Ελληνικά and Русский")];
    }
    steps.push(("a new headline".to_owned(), doc.clone()));
    // Other house style, then back; then the other editions.
    steps.push(("newswire style".to_owned(), document("en", "newswire")));
    steps.push(("un style again".to_owned(), doc));
    for lang in ["ar", "zh", "fr"] {
        let mut doc = document(lang, "un");
        steps.push((format!("the {lang} edition"), doc.clone()));
        typed_at(&mut doc).push_str(" 42");
        steps.push((format!("the {lang} edition, edited"), doc));
    }
    steps
}

#[test]
fn renders_kept_between_edits_are_the_bytes_of_renders_from_scratch() {
    let options = PdfOptions::default();
    let mut typesetter = Typesetter::new();
    let mut pages = Vec::new();
    for (step, doc) in edits() {
        let kept = typesetter.render(&doc, &options).expect("renders");
        let scratch = render_with_warnings(&doc, &options).expect("renders");
        assert!(
            kept.bytes == scratch.bytes,
            "{step}: the PDF set incrementally differs from the one set from scratch \
             ({} and {} bytes)",
            kept.bytes.len(),
            scratch.bytes.len()
        );
        assert_eq!(kept.page_keys, scratch.page_keys, "{step}: fingerprints");
        assert_eq!(kept.warnings, scratch.warnings, "{step}: warnings");
        pages.push(kept.pages);
    }
    assert!(pages.iter().all(|&p| p >= 1));
    let (set, reused) = typesetter.counts();
    // A keystroke re-sets the one paragraph it touched; only the changes of
    // style and language re-set everything.
    assert!(
        reused > 2 * set,
        "paragraphs set {set}, reused {reused}: an edit should re-set only what it touched"
    );
}

#[test]
fn one_keystroke_re_sets_one_paragraph() {
    let options = PdfOptions::default();
    let mut typesetter = Typesetter::new();
    let mut doc = document("en", "un");
    typesetter.render(&doc, &options).expect("renders");
    let (set_before, _) = typesetter.counts();
    typed_at(&mut doc).push('x');
    typesetter.render(&doc, &options).expect("renders");
    let (set_after, _) = typesetter.counts();
    assert_eq!(
        set_after - set_before,
        1,
        "only the edited paragraph is set again"
    );
}

#[test]
fn one_keystroke_rewrites_only_the_page_it_changed() {
    let options = PdfOptions::default();
    let mut typesetter = Typesetter::new();
    let mut doc = document("en", "un");
    let before = typesetter.render(&doc, &options).expect("renders");
    assert_eq!(typesetter.page_counts(), (before.pages, 0));
    // The second body paragraph is on the first page; the others draw the same.
    typed_at(&mut doc).push('x');
    let after = typesetter.render(&doc, &options).expect("renders");
    assert_eq!(after.pages, before.pages);
    let changed = (0..after.pages)
        .filter(|&p| after.page_keys[p] != before.page_keys[p])
        .count();
    assert!(
        changed >= 1 && changed < after.pages,
        "{changed} pages changed"
    );
    let (written, reused) = typesetter.page_counts();
    assert_eq!(
        (written - before.pages, reused),
        (changed, after.pages - changed),
        "the pages whose drawing changed are written again, the others reused"
    );
}
