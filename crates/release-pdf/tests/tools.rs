//! Checks with independent tools: qpdf and poppler's pdffonts and pdftotext.
//! A missing tool fails the test (see `common::tool`).

mod common;

use common::{body_text, example, pdf, tool, words};
use release_style::{Block, Role, Span};

#[test]
fn qpdf_finds_no_errors() {
    for style in ["un", "newswire"] {
        let out = tool("qpdf", &["--check"], &pdf(&example(style)));
        assert!(
            out.contains("No syntax or stream encoding errors"),
            "{style}: {out}"
        );
    }
}

#[test]
fn pdffonts_sees_every_font_embedded_subset_and_mapped() {
    for style in ["un", "newswire"] {
        let out = tool("pdffonts", &[], &pdf(&example(style)));
        let fonts: Vec<&str> = out
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert!(fonts.len() >= 2, "{style}: {out}");
        for line in fonts {
            let columns: Vec<&str> = line.split_whitespace().collect();
            let n = columns.len();
            // ... emb sub uni object ID
            assert_eq!(
                &columns[n - 5..n - 2],
                &["yes", "yes", "yes"],
                "{style}: {line}"
            );
        }
    }
}

#[test]
fn extracted_text_is_the_documents_text() {
    for style in ["un", "newswire"] {
        let doc = example(style);
        let text = body_text(&doc, &pdf(&doc));
        assert_eq!(words(&text), words(&doc.text()), "{style}");
    }
}

#[test]
fn cyrillic_text_extracts() {
    let mut doc = example("un");
    let russian = "Управление Организации Объединённых Наций по борьбе с терроризмом \
                   представило четвёртый этап проекта в Душанбе, и государства региона \
                   подтвердили свою приверженность его продолжению.";
    doc.language = release_model::Language::Ru;
    doc.blocks.truncate(3);
    doc.blocks.push(Block {
        role: Role::Body,
        spans: vec![Span::plain(russian)],
        marker: None,
        source: "release.body[9]".to_owned(),
    });
    let text = body_text(&doc, &pdf(&doc));
    assert_eq!(words(&text), words(&doc.text()));
    assert!(text.contains("Управление Организации"), "{text}");
}
