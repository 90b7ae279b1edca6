//! Any Document gives a well-formed package: random text of every kind
//! (XML's own characters, control characters, emoji, right-to-left scripts)
//! in every part a Document has, and each part still parses as XML 1.0 with
//! the paragraphs all there.

mod common;

use common::{Package, example, paragraphs};
use proptest::prelude::*;
use release_docx::{DocxOptions, render_with_warnings};
use release_style::{Block, CharStyle, Document, ListMarker, Role, Span};

/// Characters that break naive writers, mixed with ordinary ones.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => proptest::char::range('a', 'z'),
        1 => prop::sample::select(vec![
            '<', '>', '&', '"', '\'', ']', '\n', '\t', '\r', ' ', '\u{0}', '\u{1}', '\u{b}',
            '\u{1b}', '\u{7f}', '\u{85}', '\u{FFFE}', '\u{FFFF}', '\u{200F}', '\u{202E}',
            '\u{2028}', 'é', 'ß', 'ж', 'م', 'ש', '中', '😀', '👩', '\u{200D}', '💻', '\u{1F1FA}',
        ]),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..40).prop_map(|c| c.into_iter().collect())
}

fn span() -> impl Strategy<Value = Span> {
    (
        text(),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(text()),
        0..3u8,
    )
        .prop_map(|(text, bold, italic, link, style)| Span {
            text,
            bold,
            italic,
            char_style: match (style, &link) {
                (_, Some(_)) => Some(CharStyle::Link),
                (1, None) => Some(CharStyle::Dateline),
                _ => None,
            },
            link,
            lang: None,
        })
}

fn block() -> impl Strategy<Value = Block> {
    let marker = prop_oneof![
        Just(None),
        Just(Some(ListMarker::Bullet)),
        (1..4u32, 1..30u32).prop_map(|(list, number)| Some(ListMarker::Number { list, number })),
    ];
    (
        prop::sample::select(Role::ALL.to_vec()),
        prop::collection::vec(span(), 0..5),
        marker,
    )
        .prop_map(|(role, spans, marker)| Block {
            role,
            spans,
            marker,
            source: "release.body[0]".to_owned(),
        })
}

fn document() -> impl Strategy<Value = Document> {
    (
        prop::sample::select(vec!["un", "newswire"]),
        prop::collection::vec(block(), 0..12),
        text(),
        text(),
        text(),
    )
        .prop_map(|(style, blocks, title, author, footer)| {
            let mut doc = example(style);
            doc.blocks = blocks;
            doc.metadata.title = title;
            doc.metadata.author = author;
            if let Some(f) = doc.footer.as_mut() {
                f.pattern = format!("{footer} {{page}}/{{pages}}");
            }
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_document_gives_a_well_formed_package(doc in document()) {
        let rendered = render_with_warnings(&doc, &DocxOptions::default()).expect("renders");
        let pkg = Package::open(&rendered.bytes);
        if let Err(e) = pkg.check_well_formed() {
            return Err(TestCaseError::fail(e));
        }
        prop_assert_eq!(paragraphs(&pkg.xml("word/document.xml")).len(), doc.blocks.len());
        let forbidden = doc.blocks.iter().flat_map(|b| &b.spans).any(|s| {
            s.text.chars().chain(s.link.iter().flat_map(|l| l.chars()))
                .any(release_model::is_forbidden_control)
        });
        prop_assert_eq!(
            forbidden,
            rendered.warnings.iter().any(|w| w.path == "release.body[0]")
        );
    }
}

#[test]
fn the_checker_rejects_what_is_not_well_formed() {
    use common::well_formed;
    assert!(well_formed("<a x=\"1\">t &amp; &#x263A;</a>").is_ok());
    for broken in [
        "<a>\u{1}</a>",
        "<a>&#x1;</a>",
        "<a><b></a>",
        "<a>&nbsp;</a>",
        "<a></a><b></b>",
        "<a>",
        "<a x=\"&#0;\"/>",
        "text<a/>",
    ] {
        assert!(well_formed(broken).is_err(), "{broken:?} passed");
    }
}
