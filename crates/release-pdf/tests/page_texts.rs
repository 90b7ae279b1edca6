//! Each page's text, which the preview gives screen readers beside its
//! pictures of the pages: the words in reading order, a line to a line, a
//! word hyphenated at a line's end marked with U+00AD (as pdftotext reads
//! it too), and the same words poppler's pdftotext reads from the PDF.

mod common;

use common::tool;
use release_pdf::{PdfOptions, render_with_warnings};

/// Whitespace made single spaces, and the two parts of a word broken at a
/// line's end joined, its hyphen dropped: pdftotext drops a compound's own
/// hyphen there too ("Counter-" "Terrorism" → "CounterTerrorism").
fn flat(text: &str) -> String {
    let joined = text.replace("\u{AD}\n", "").replace("-\n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn each_page_gives_its_words_in_reading_order_as_the_pdf_does() {
    let style = release_style::builtin("un").expect("built-in style");
    let doc = release_style::document(&release_model::example(), &style);
    let rendered = render_with_warnings(&doc, &PdfOptions::default()).expect("renders");
    assert_eq!(rendered.page_texts.len(), rendered.pages);
    let first = &rendered.page_texts[0];
    assert!(
        first.starts_with("PRESS RELEASE\nLaunch of the Phase IV"),
        "{first}"
    );
    assert!(first.contains("Dushanbe (Tajikistan), 8 December 2021 – The United Nations"));
    assert!(
        first.contains("\u{AD}\n"),
        "a line hyphenated at its end: {first}"
    );
    assert!(first.ends_with("Page 1 of 2"), "the footer last: {first}");
    assert!(rendered.page_texts[1].ends_with("Page 2 of 2"));

    for (n, text) in rendered.page_texts.iter().enumerate() {
        let page = (n + 1).to_string();
        let args = ["-f", page.as_str(), "-l", page.as_str(), "-enc", "UTF-8"];
        let theirs = tool("pdftotext", &args, &rendered.bytes);
        assert_eq!(flat(text), flat(&theirs), "page {page}");
    }
}
