//! Page fingerprints, which let the preview redraw only the pages that
//! changed: the same document gives the same fingerprints; an edit on the
//! last page leaves the first page's alone; an edit in the headline changes
//! the first page's only, even when its glyphs are new to the fonts' subsets;
//! other fonts or colours change every page.

use release_pdf::{PdfOptions, Rendered, render_with_warnings};
use release_style::{Document, Role};

fn example() -> Document {
    let style = release_style::builtin("un").expect("built-in style");
    release_style::document(&release_model::example(), &style)
}

fn render(doc: &Document) -> Rendered {
    render_with_warnings(doc, &PdfOptions::default()).expect("renders")
}

/// Swaps two letters of the first span of the last block with `role`: the
/// same glyphs, so no font subset changes, and the same width, near enough.
fn swap_letters(doc: &mut Document, role: Role) {
    let block = doc
        .blocks
        .iter_mut()
        .rev()
        .find(|b| b.role == role)
        .expect("a block with that role");
    let span = block
        .spans
        .iter_mut()
        .find(|s| s.text.contains("the"))
        .expect("a span with \"the\"");
    span.text = span.text.replacen("the", "teh", 1);
}

#[test]
fn the_same_document_gives_the_same_fingerprints() {
    let a = render(&example());
    let b = render(&example());
    assert_eq!(a.pages, 2);
    assert_eq!(a.page_keys.len(), a.pages);
    assert_eq!(a.page_keys, b.page_keys);
    assert_ne!(a.page_keys[0], a.page_keys[1], "two different pages");
}

/// Which of the example's two pages got a new fingerprint after `edit`.
fn pages_changed_by(edit: impl FnOnce(&mut Document)) -> [bool; 2] {
    let before = render(&example());
    let mut doc = example();
    edit(&mut doc);
    let after = render(&doc);
    assert_eq!(after.pages, 2, "the edit kept the release on two pages");
    [0, 1].map(|n| before.page_keys[n] != after.page_keys[n])
}

#[test]
fn an_edit_on_one_page_changes_that_page_only() {
    assert_eq!(
        pages_changed_by(|doc| swap_letters(doc, Role::Body)),
        [false, true],
        "a letter swapped on the last page"
    );
    assert_eq!(
        pages_changed_by(|doc| swap_letters(doc, Role::Headline)),
        [true, false],
        "a letter swapped in the headline"
    );
}

#[test]
fn a_new_glyph_changes_only_the_page_that_draws_it() {
    // The fonts' subsets gain glyphs, which renumbers the glyphs of the last
    // page's content stream too; the last page still draws the same.
    let changed = pages_changed_by(|doc| {
        let headline = doc
            .blocks
            .iter_mut()
            .find(|b| b.role == Role::Headline)
            .expect("headline");
        headline.spans[0].text.push_str(" Ωμέγα QXZ");
    });
    assert_eq!(changed, [true, false]);
}

#[test]
fn other_fonts_or_another_colour_change_every_page() {
    let fonts = pages_changed_by(|doc| {
        let newswire = release_style::builtin("newswire").expect("built-in style");
        let other = release_style::document(&release_model::example(), &newswire);
        doc.fonts.regular = other.fonts.bold.clone();
        doc.fonts.bold = other.fonts.regular.clone();
    });
    assert_eq!(fonts, [true, true], "the regular and bold faces swapped");
    let colour = pages_changed_by(|doc| {
        for style in doc.styles.values_mut() {
            style.color = release_style::Rgb(0x20, 0x20, 0x20);
        }
    });
    assert_eq!(colour, [true, true], "every part's colour changed");
}
