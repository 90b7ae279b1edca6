//! Random documents: with any Unicode they always give a PDF that parses;
//! with text the style's fonts can show, left to right, the PDF's text read
//! back (lopdf, through the fonts' ToUnicode maps) is the Document's text.

mod common;

use common::read;
use proptest::prelude::*;
use release_style::{Block, Document, Role, Span};

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
            lang: None,
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

/// Chinese characters the bundled subset has (from the Chinese example).
const HANZI: &str = "联合国反恐怖主义办公室与中亚预防性外交区域中心在国家副外长第十一次年度会议期间启动了推动全面执行战略项目第四阶段";

/// Text in scripts the `un` and `newswire` fonts cover, left to right:
/// words of Latin (with accents), Cyrillic and Chinese letters, digits,
/// punctuation, dashes, web and e-mail addresses, words too long for a
/// line, and every kind of space and line break the writer treats.
fn shown_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        6 => "[a-zA-Z]{1,14}",
        2 => "[a-zàâçéèêëîïôûùüÿñæœß]{1,12}",
        2 => "[А-Яа-яЁё]{1,12}",
        1 => "[0-9]{1,6}",
        1 => prop::collection::vec(prop::sample::select(HANZI.chars().collect::<Vec<_>>()), 1..30)
            .prop_map(|cs| cs.into_iter().collect::<String>()),
        1 => Just("https://www.un.org/counterterrorism/".to_owned()),
        1 => Just("press@un.org".to_owned()),
        1 => Just("Counter-Terrorism".to_owned()),
        1 => "[a-z]{60,200}",
        1 => "[.,;:!?()“”‘’–—/&%+=*#\"'\\-]{1,3}",
    ];
    let gap = prop_oneof![
        8 => Just(" "),
        1 => Just("  "),
        1 => Just("\n"),
        1 => Just("\t"),
        1 => Just("\u{00A0}"),
    ];
    prop::collection::vec((word, gap), 0..80).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, g)| format!("{w}{g}"))
            .collect::<String>()
    })
}

fn shown_block() -> impl Strategy<Value = Block> {
    let span = (shown_text(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(text, bold, italic, link)| Span {
            link: link.then(|| "https://example.org/".to_owned()),
            text,
            bold,
            italic,
            char_style: None,
            lang: None,
        },
    );
    let roles: Vec<Role> = Role::ALL
        .iter()
        .copied()
        .filter(|r| *r != Role::Footer)
        .collect();
    (
        prop::sample::select(roles),
        prop::collection::vec(span, 0..4),
    )
        .prop_map(|(role, spans)| Block {
            role,
            spans,
            marker: None,
            source: "release.body[0]".to_owned(),
        })
}

/// Whitespace runs as one space, no space at either end.
fn squeeze(text: &str) -> Vec<char> {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

/// Checks that `lines`, read off the pages, set `text`: the same characters
/// in the same order, where a line break stands for a space of the text or
/// for nothing (a break inside a word too long for a line, between Chinese
/// characters, after a slash or a dash), and a hyphen at the end of a line
/// that the text does not have there is one the line breaker added.
fn same_text(text: &str, lines: &[String]) -> Result<(), String> {
    let want = squeeze(text);
    let mut at = 0;
    for (n, line) in lines.iter().enumerate() {
        let got = squeeze(line);
        for (k, &c) in got.iter().enumerate() {
            let hyphen_added = c == '-' && k + 1 == got.len() && n + 1 < lines.len();
            match want.get(at) {
                Some(&w) if w == c => at += 1,
                _ if hyphen_added => {}
                other => {
                    let seen: String = want[at.saturating_sub(40)..at].iter().collect();
                    return Err(format!(
                        "line {} ({line:?}), character {k}: {c:?} where the text has {other:?} after {seen:?}",
                        n + 1
                    ));
                }
            }
        }
        if want.get(at) == Some(&' ') {
            at += 1;
        }
    }
    if at == want.len() {
        Ok(())
    } else {
        let rest: String = want[at..].iter().take(60).collect();
        Err(format!("the PDF stops before {rest:?}"))
    }
}

/// The lines of the document's blocks, read off the pages, without the
/// page footers (each checked to be the footer of its page).
fn body_lines(doc: &Document, bytes: &[u8]) -> Result<Vec<String>, String> {
    let pages = read::pages(bytes);
    let count = pages.len();
    let mut out = Vec::new();
    for (n, page) in pages.into_iter().enumerate() {
        let mut lines: Vec<String> = page.lines.iter().map(read::Line::text).collect();
        if let Some(footer) = &doc.footer {
            let want = footer.text(n + 1, count);
            match lines.pop() {
                Some(last) if last.trim() == want => {}
                other => return Err(format!("page {}: footer {other:?}, not {want:?}", n + 1)),
            }
        }
        out.extend(lines);
    }
    Ok(out)
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

    #[test]
    fn the_pdfs_text_is_the_documents_text(
        blocks in prop::collection::vec(shown_block(), 0..6),
        style in prop_oneof![Just("un"), Just("newswire")],
        hyphenate in any::<bool>(),
    ) {
        let mut doc = common::example(style);
        doc.blocks = blocks;
        let options = release_pdf::PdfOptions { hyphenate, ..release_pdf::PdfOptions::default() };
        let rendered = release_pdf::render_with_warnings(&doc, &options).expect("renders");
        prop_assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
        let lines = body_lines(&doc, &rendered.bytes).map_err(TestCaseError::fail)?;
        if let Err(e) = same_text(&doc.text(), &lines) {
            return Err(TestCaseError::fail(format!("{e}\nlines: {lines:#?}")));
        }
    }
}

/// The comparison itself, on cases it must accept and refuse.
#[test]
fn same_text_accepts_line_breaks_and_added_hyphens_only() {
    let lines = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert!(
        same_text(
            "the implementation of",
            &lines(&["the imple-", "mentation of"])
        )
        .is_ok()
    );
    assert!(same_text("a well-known  word", &lines(&["a well-", "known word"])).is_ok());
    assert!(same_text("联合国反恐", &lines(&["联合", "国反恐"])).is_ok());
    assert!(same_text("one two", &lines(&["one", "two"])).is_ok());
    assert!(same_text("one two", &lines(&["one", "tw"])).is_err());
    assert!(same_text("one two", &lines(&["one", "two", "three"])).is_err());
    assert!(same_text("one two", &lines(&["two", "one"])).is_err());
    assert!(same_text("one-two", &lines(&["one", "two"])).is_err());
    assert!(same_text("onetwo", &lines(&["one-two"])).is_err());
}
