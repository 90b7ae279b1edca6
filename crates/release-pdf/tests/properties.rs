//! Random documents with any Unicode always give a PDF that parses.

mod common;

use proptest::prelude::*;
use release_style::{Block, Role, Span};

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[a-zA-Z ,.\\-]{0,400}",
        1 => Just(String::new()),
        1 => Just("x".repeat(10_000)),
        1 => "(\\PC|[\u{0300}-\u{036F}]|[\u{1F300}-\u{1F64F}]|[\u{0590}-\u{06FF}]|[\u{4E00}-\u{4E80}]|[\u{0000}-\u{001F}]|\n){0,300}",
        1 => Just("مرحبا بالعالم שלום עולם 😀👍🏽 e\u{301}\u{302} \u{202E}abc\u{202C} \u{200D}\u{FEFF}".to_owned()),
    ]
}

fn any_span() -> impl Strategy<Value = Span> {
    (any_text(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(text, bold, italic, link)| Span {
            link: link.then(|| format!("https://example.org/{}", text.len())),
            text,
            bold,
            italic,
            char_style: None,
        },
    )
}

fn any_block() -> impl Strategy<Value = Block> {
    (0..Role::ALL.len(), prop::collection::vec(any_span(), 0..4)).prop_map(|(role, spans)| Block {
        role: Role::ALL[role],
        spans,
        marker: None,
        source: "release.body[0]".to_owned(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_document_gives_a_pdf_that_parses(
        blocks in prop::collection::vec(any_block(), 0..6),
        style in prop_oneof![Just("un"), Just("newswire")],
    ) {
        let mut doc = common::example(style);
        doc.metadata.title = blocks.first().map(|b| b.text()).unwrap_or_default();
        doc.blocks = blocks;
        let rendered = release_pdf::render_with_warnings(&doc, &release_pdf::PdfOptions::default())
            .expect("renders");
        prop_assert!(lopdf::Document::load_mem(&rendered.bytes).is_ok());
        prop_assert!(rendered.pages >= 1);
    }
}
