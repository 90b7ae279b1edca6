//! Tagged PDF, PDF/UA-1 and PDF/A-2a, checked by reading the PDF back with
//! an independent library: `tagged_pdf.py` (pikepdf) reports what is wrong
//! with the structure tree, the marked content, the languages, the fonts'
//! Unicode maps, the annotations, the XMP metadata and the output intent,
//! gives the structure tree's text in reading order, and runs the PyPI
//! checker `pdfua` (the machine-checkable subset of PDF/UA-1). Both run
//! with the pinned Python of `scripts/deps.sh test`. See `tests/README.md`
//! for the clauses covered and those not.

mod common;

use common::tagged::{Report, inspect};
use common::{example_in, pdf};
use release_pdf::{PdfOptions, PdfStandard};
use release_style::{Block, Document, ListMarker, Logo, LogoPlace, Role, Span};
use release_test_tools::images::jpeg;

/// Text as a reader compares it: soft hyphens and characters no export
/// carries dropped, whitespace runs as one space.
fn normal(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\u{AD}' && (c.is_whitespace() || !c.is_control()))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `normal` without any whitespace.
fn letters(text: &str) -> String {
    normal(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// No problem, no pdfua finding, no pdfua rule left unevaluated.
fn assert_clean(report: &Report) {
    assert!(
        report.problems.is_empty(),
        "{}: {:#?}",
        report.name,
        report.problems
    );
    assert!(
        report.pdfua_findings.is_empty() && report.pdfua_skipped.is_empty(),
        "{}: pdfua: {:#?} {:#?}",
        report.name,
        report.pdfua_findings,
        report.pdfua_skipped
    );
}

/// The structure tree, read in order, is the Document: one block-level
/// element per block, with the block's text.
fn assert_reading_order(doc: &Document, report: &Report) {
    let got: Vec<String> = report
        .blocks
        .iter()
        .filter(|b| b.role != "Lbl" && b.role != "Figure")
        .map(|b| normal(&b.text))
        .collect();
    let want: Vec<String> = doc.blocks.iter().map(|b| normal(&b.text())).collect();
    for (n, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(
            g, w,
            "{}: block {n} ({:?}) reads differently",
            report.name, doc.blocks[n].role
        );
    }
    assert_eq!(got.len(), want.len(), "{}: blocks", report.name);
}

/// Each block's text is read in the language of the span it comes from:
/// its letters, taken language by language in order, are the spans'.
fn assert_languages(doc: &Document, report: &Report) {
    let blocks = report
        .blocks
        .iter()
        .filter(|b| b.role != "Lbl" && b.role != "Figure");
    for (block, read) in doc.blocks.iter().zip(blocks) {
        let mut want: Vec<(String, String)> = Vec::new();
        for span in &block.spans {
            let lang = span
                .lang
                .clone()
                .unwrap_or_else(|| doc.metadata.language.clone());
            want.push((lang, span.text.clone()));
        }
        let by_lang = |pieces: &[(String, String)]| {
            let mut out: std::collections::BTreeMap<String, String> = Default::default();
            for (lang, text) in pieces {
                out.entry(lang.clone())
                    .or_default()
                    .push_str(&letters(text));
            }
            out.retain(|_, text| !text.is_empty());
            out
        };
        assert_eq!(
            by_lang(&read.fragments),
            by_lang(&want),
            "{}: the languages of {:?}",
            report.name,
            block.text()
        );
    }
}

fn named(name: &str, doc: &Document) -> (String, Vec<u8>) {
    (name.to_owned(), pdf(doc))
}

#[test]
fn every_example_is_tagged_in_reading_order_and_passes_pdfua() {
    let mut docs = Vec::new();
    for style in ["un", "newswire"] {
        for lang in ["en", "fr", "es", "ru", "ar", "zh"] {
            docs.push((format!("{style}-{lang}"), example_in(style, lang)));
        }
    }
    let pdfs: Vec<_> = docs.iter().map(|(n, d)| named(n, d)).collect();
    for ((_, doc), report) in docs.iter().zip(inspect(&pdfs)) {
        assert_clean(&report);
        assert_reading_order(doc, &report);
        assert_languages(doc, &report);
        assert_eq!(
            report.metadata["dc:title"].as_str(),
            Some(doc.metadata.title.as_str()),
            "{}",
            report.name
        );
    }
}

fn block(role: Role, spans: Vec<Span>) -> Block {
    Block {
        role,
        spans,
        marker: None,
        source: "release.body[0]".to_owned(),
    }
}

fn lang(text: &str, lang: &str) -> Span {
    Span {
        lang: Some(lang.to_owned()),
        ..Span::plain(text)
    }
}

fn link(text: &str, uri: &str) -> Span {
    Span {
        link: Some(uri.to_owned()),
        char_style: Some(release_style::CharStyle::Link),
        ..Span::plain(text)
    }
}

fn item(text: &str, marker: ListMarker) -> Block {
    Block {
        marker: Some(marker),
        ..block(Role::ListItem, vec![Span::plain(text)])
    }
}

fn logo(place: LogoPlace, description: Option<&str>) -> Logo {
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, 4, 2);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(&[0x80; 4 * 2 * 4]).expect("pixels");
    }
    Logo {
        file: "logo.png".to_owned(),
        png: release_style::Blob::Shared(png.into()),
        height_mm: 12.0,
        place,
        description: description.map(str::to_owned),
        description_language: "en".to_owned(),
    }
}

/// Awkward documents: the text the other tests throw at the writer, in
/// every role, with lists, links that wrap and cross pages, text in other
/// languages and scripts, letters no font has, and the logo in its places.
fn hostile() -> Vec<(String, Document)> {
    let nasty = "مرحبا بالعالم שלום עולם 😀👍🏽 e\u{301}\u{302} \u{202E}abc\u{202C} \u{200D}\u{FEFF} \
                 tab\there\nline \u{7}bell \u{E000}private x\u{0}y ﬁne ﬂow";
    let mut docs = Vec::new();

    let mut doc = common::example("un");
    doc.blocks = Role::ALL
        .iter()
        .filter(|r| **r != Role::Footer)
        .map(|r| block(*r, vec![Span::plain(nasty)]))
        .collect();
    docs.push(("nasty-in-every-role".to_owned(), doc));

    // Text in other languages marked as composing marks it (see
    // release-style's span_language), and as a draft's `lang` marks it.
    let mut doc = example_in("un", "ar");
    doc.blocks.truncate(3);
    doc.blocks.push(block(
        Role::Body,
        vec![
            Span::plain("أعلن مكتب الأمم المتحدة لمكافحة الإرهاب ("),
            lang("UNOCT Office", "en"),
            Span::plain(") في دوشانبي منذ عام 2021 "),
            Span {
                lang: Some("en".to_owned()),
                ..link("press@un.org", "mailto:press@un.org")
            },
            Span::plain(" ويمكن للصحفيين التواصل مع المكتب عبر البريد الإلكتروني على الموقع الرسمي للأمم المتحدة طوال العام."),
        ],
    ));
    doc.blocks
        .push(item("بند أول في القائمة", ListMarker::Bullet));
    doc.blocks.push(Block {
        spans: vec![Span::plain("بند ثان "), lang("UNRCCA", "en")],
        ..item("", ListMarker::Bullet)
    });
    docs.push(("arabic-with-latin".to_owned(), doc));

    let mut doc = common::example("un");
    let spans = vec![
        Span::plain("The office ("),
        lang("联合国反恐怖主义办公室", "zh"),
        Span::plain(") and Mr. "),
        lang("Jean-Paul Laborde", "fr"),
        Span::plain(" met the press, who read "),
        link(
            "the statement of the Office of Counter-Terrorism on its website, which is long",
            "https://www.un.org/counterterrorism/",
        ),
        Span::plain(" before the meeting in "),
        lang("Москва", "ru"),
        Span::plain("."),
    ];
    doc.blocks.insert(4, block(Role::Body, spans));
    doc.blocks.insert(
        5,
        block(Role::Subheading, vec![Span::plain("A subheading")]),
    );
    doc.blocks
        .insert(6, item("first", ListMarker::Number { list: 1, number: 1 }));
    doc.blocks
        .insert(7, item("second", ListMarker::Number { list: 1, number: 2 }));
    doc.blocks.insert(
        8,
        item("another list", ListMarker::Number { list: 2, number: 1 }),
    );
    doc.logo = Some(logo(
        LogoPlace::KindLine,
        Some("Emblem of the United Nations"),
    ));
    docs.push(("languages-lists-links-logo".to_owned(), doc));

    // Many pages: paragraphs and a link across page breaks, the header logo
    // a figure on the first page and a running head after.
    let mut doc = common::example("un");
    let body: Vec<Block> = doc
        .blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .cloned()
        .collect();
    let at = doc.blocks.len() - 1;
    for _ in 0..4 {
        for b in body.iter().rev() {
            doc.blocks.insert(at, b.clone());
        }
    }
    let long_link = link(&"a long link text ".repeat(60), "https://example.org/long");
    doc.blocks.insert(at, block(Role::Body, vec![long_link]));
    doc.logo = Some(logo(
        LogoPlace::Header,
        Some("Emblem of the United Nations"),
    ));
    docs.push(("many-pages-header-logo".to_owned(), doc));

    let mut doc = common::example("newswire");
    doc.logo = Some(logo(LogoPlace::Header, None));
    doc.blocks
        .push(block(Role::Body, vec![Span::plain("x".repeat(400))]));
    docs.push(("decorative-logo-long-word".to_owned(), doc));

    // A draft being written, previewed before it has a headline: its
    // section headings open the outline, with a subheading below one.
    let mut doc = common::example("un");
    doc.blocks.retain(|b| b.role != Role::Headline);
    let quotes = doc
        .blocks
        .iter()
        .position(|b| b.role == Role::SectionHeading)
        .expect("the Quotes heading");
    doc.blocks.insert(
        quotes + 1,
        block(Role::Subheading, vec![Span::plain("Opening statements")]),
    );
    docs.push(("no-headline".to_owned(), doc));

    let mut doc = common::example("un");
    doc.blocks.clear();
    docs.push(("empty".to_owned(), doc));
    docs
}

#[test]
fn hostile_documents_are_tagged_in_reading_order_and_pass_pdfua() {
    let docs = hostile();
    let pdfs: Vec<_> = docs.iter().map(|(n, d)| named(n, d)).collect();
    let reports = inspect(&pdfs);
    for ((_, doc), report) in docs.iter().zip(&reports) {
        assert_clean(report);
        assert_reading_order(doc, report);
        assert_languages(doc, report);
    }
    let languages = &reports[2];
    let fragments: Vec<&(String, String)> =
        languages.blocks.iter().flat_map(|b| &b.fragments).collect();
    let read_in = |needle: &str| {
        fragments
            .iter()
            .filter(|(_, t)| t.contains(needle))
            .map(|(l, _)| l.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(read_in("联合国反恐怖主义办公室"), ["zh"]);
    assert_eq!(read_in("Laborde"), ["fr"]);
    assert_eq!(read_in("Москва"), ["ru"]);
    let arabic = &reports[1];
    let in_arabic: Vec<&(String, String)> =
        arabic.blocks.iter().flat_map(|b| &b.fragments).collect();
    assert!(
        in_arabic
            .iter()
            .any(|(l, t)| l == "en" && t.contains("UNOCT Office")),
        "{in_arabic:?}"
    );
    assert!(
        in_arabic
            .iter()
            .any(|(l, t)| l == "ar" && t.contains("دوشانبي"))
    );
    // The described logo is a figure with its description, once; the
    // decorative one is not in the tree.
    for (report, figures) in [(&reports[2], 1), (&reports[3], 1), (&reports[4], 0)] {
        let alts: Vec<_> = report
            .blocks
            .iter()
            .filter(|b| b.role == "Figure")
            .map(|b| b.alt.clone())
            .collect();
        assert_eq!(alts.len(), figures, "{}", report.name);
        for alt in alts {
            assert_eq!(alt.as_deref(), Some("Emblem of the United Nations"));
        }
    }
}

#[test]
fn less_can_be_asked_for_untagged_or_tagged_only() {
    let doc = common::example("un");
    let with = |standard| {
        release_pdf::render(
            &doc,
            &PdfOptions {
                standard: Some(standard),
                ..PdfOptions::default()
            },
        )
        .expect("renders")
    };
    let untagged = lopdf::Document::load_mem(&with(PdfStandard::None)).expect("parses");
    let catalog = untagged.catalog().expect("catalog");
    for key in ["StructTreeRoot", "MarkInfo", "Metadata", "OutputIntents"] {
        assert!(!catalog.has(key.as_bytes()), "untagged has {key}");
    }
    for (_, page) in untagged.get_pages() {
        let content = untagged.get_page_content(page);
        let ops = lopdf::content::Content::decode(&content).expect("ops");
        assert!(ops.operations.iter().all(|o| o.operator != "BDC"));
    }
    let pdfs = vec![
        ("tagged".to_owned(), with(PdfStandard::Tagged)),
        ("default".to_owned(), pdf(&doc)),
    ];
    let reports = inspect(&pdfs);
    assert_eq!(
        reports[0].problems,
        ["no XMP metadata", "0 PDF/A output intents, not one"],
        "tagged only: everything but the identification"
    );
    assert_reading_order(&doc, &reports[0]);
    assert_clean(&reports[1]);
}

#[test]
fn photos_are_figures_with_their_alt_text_before_their_captions() {
    let mut draft = release_model::example();
    let photo = |alt: &str, n: usize| release_model::Photo {
        file: format!("photo-{n}.jpg"),
        caption: vec![release_model::Run::plain(format!(
            "Caption {n} under the photo."
        ))],
        credit: format!("Credit {n}"),
        alt: alt.to_owned(),
        ..release_model::Photo::default()
    };
    // The second has no alt text: drawn as an artifact, since a Figure
    // without /Alt would break PDF/UA (the draft's checks warn of it).
    draft.release.photos = vec![photo("Delegates seated under UN flags.", 1), photo(" ", 2)];
    let bytes = jpeg(120, 80);
    let image = |n: usize| {
        Some(release_style::Image {
            file: format!("photo-{n}.jpg"),
            facts: release_photo::probe(&bytes).expect("a photo"),
            bytes: release_style::Blob::Shared(bytes.clone().into()),
        })
    };
    for style in ["un", "newswire"] {
        let doc = release_style::document_with_photos(
            &draft,
            &release_style::builtin(style).expect("style"),
            &[image(1), image(2)],
        );
        let name = format!("{style} with photos");
        let report = inspect(&[named(&name, &doc)]).remove(0);
        assert_clean(&report);
        assert_reading_order(&doc, &report);
        let roles: Vec<(&str, Option<&str>)> = report
            .blocks
            .iter()
            .filter(|b| matches!(b.role.as_str(), "Figure" | "Caption"))
            .map(|b| (b.role.as_str(), b.alt.as_deref()))
            .collect();
        assert_eq!(
            roles,
            [
                ("Figure", Some("Delegates seated under UN flags.")),
                ("Caption", None),
                ("Caption", None)
            ],
            "{name}"
        );
        let first = report
            .blocks
            .iter()
            .position(|b| b.role == "Figure")
            .expect("a figure");
        assert_eq!(
            report.blocks[first + 1].text.trim(),
            "Caption 1 under the photo.",
            "{name}"
        );
    }
}
