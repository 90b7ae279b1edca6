//! The DOCX read back with zip + quick-xml: the same paragraphs in the same
//! order with the house style's named styles, bold runs, live links, core
//! properties, page set-up, lists, logo headers, and the same bytes every time.

mod common;

use common::{Package, elements, example, paragraphs, relationships, style_xml, styles};
use release_docx::{DocxError, DocxOptions, render, render_with_warnings};
use release_style::{Block, Document, ListMarker, Logo, LogoPlace, Role, Span};

fn package(doc: &Document) -> Package {
    Package::open(&render(doc, &DocxOptions::default()).expect("renders"))
}

/// Style id → style name, from styles.xml.
fn style_names(pkg: &Package) -> std::collections::BTreeMap<String, String> {
    styles(&pkg.xml("word/styles.xml"))
        .into_iter()
        .map(|(_, id, name)| (id, name))
        .collect()
}

#[test]
fn example_reads_back_paragraph_by_paragraph() {
    let doc = example("un");
    let pkg = package(&doc);
    pkg.check_well_formed().expect("well-formed parts");
    let names = style_names(&pkg);
    let paras = paragraphs(&pkg.xml("word/document.xml"));
    assert_eq!(paras.len(), doc.blocks.len());
    for (para, block) in paras.iter().zip(&doc.blocks) {
        let style = para.style.as_ref().expect("every paragraph names a style");
        assert_eq!(names[style], block.role.style_name(), "{}", block.source);
        assert_eq!(para.text, block.text(), "{}", block.source);
        assert!(
            para.direct_formatting.is_empty(),
            "{}: direct formatting {:?}",
            block.source,
            para.direct_formatting
        );
    }
}

#[test]
fn styles_are_named_and_defined_once_with_the_house_style() {
    let doc = example("un");
    let pkg = package(&doc);
    let xml = pkg.xml("word/styles.xml");
    let all = styles(&xml);
    // The photo roles' styles are there only when the release has photos.
    for role in Role::ALL {
        let n = all
            .iter()
            .filter(|(kind, _, name)| kind == "paragraph" && name == role.style_name());
        let expected = usize::from(!Role::PHOTO.contains(&role));
        assert_eq!(n.count(), expected, "{}", role.style_name());
    }
    for name in ["Dateline", "Hyperlink"] {
        let n = all
            .iter()
            .filter(|(kind, _, n)| kind == "character" && n == name);
        assert_eq!(n.count(), 1, "{name}");
    }
    let kind = style_xml(&xml, "Kind");
    for expected in [
        r#"<w:sz w:val="36" />"#,
        r#"<w:color w:val="009EDB" />"#,
        "<w:b />",
        r#"<w:bottom w:val="single" w:space="4" w:sz="12" w:color="009EDB" />"#,
    ] {
        assert!(kind.contains(expected), "Kind lacks {expected}: {kind}");
    }
    let body = style_xml(&xml, "BodyText");
    assert!(body.contains(r#"<w:jc w:val="both" />"#), "{body}");
    assert!(body.contains(r#"w:before="120" w:after="120""#), "{body}");
    // LibreOffice keeps the document's automatic hyphenation in Normal.
    assert!(body.contains(r#"<w:basedOn w:val="Normal" />"#), "{body}");
    assert!(
        style_xml(&xml, "Contact")
            .contains(r#"<w:top w:val="single" w:space="6" w:sz="4" w:color="A6A6A6" />"#)
    );
    assert!(style_xml(&xml, "SectionHeading").contains("<w:keepNext />"));
    assert!(style_xml(&xml, "Footer").contains(r#"<w:color w:val="7F7F7F" />"#));
    assert!(style_xml(&xml, "Dateline").contains("<w:b />"));
    assert!(style_xml(&xml, "Hyperlink").contains(r#"<w:u w:val="single" />"#));
    assert!(xml.contains(
        r#"<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="SimSun" />"#
    ));
}

#[test]
fn bold_dateline_and_mailto_link_read_back() {
    let doc = example("un");
    let pkg = package(&doc);
    let paras = paragraphs(&pkg.xml("word/document.xml"));
    let first_body = paras
        .iter()
        .find(|p| p.style.as_deref() == Some("BodyText"))
        .expect("body");
    assert_eq!(
        first_body.char_styles,
        [(
            "Dateline".to_owned(),
            "Dushanbe (Tajikistan), 8 December 2021 – ".to_owned()
        )]
    );
    assert!(
        first_body.bold.is_empty(),
        "the Dateline style is bold, not the run"
    );
    let bold: Vec<&String> = paras.iter().flat_map(|p| &p.bold).collect();
    assert!(
        bold.iter().any(|b| *b == "Member States of Central Asia"),
        "{bold:?}"
    );
    let contact = paras.last().expect("contact line");
    assert_eq!(contact.style.as_deref(), Some("Contact"));
    let [(rid, text)] = contact.links.as_slice() else {
        panic!("one link in {contact:?}");
    };
    assert_eq!(text, "gerardl@un.org");
    assert!(
        contact
            .char_styles
            .contains(&("Hyperlink".to_owned(), text.clone()))
    );
    let rels = relationships(&pkg.xml("word/_rels/document.xml.rels"));
    assert_eq!(
        rels[rid],
        (
            "mailto:gerardl@un.org".to_owned(),
            Some("External".to_owned())
        )
    );
}

#[test]
fn core_properties_come_from_the_draft() {
    let doc = example("un");
    let pkg = package(&doc);
    let core = elements(&pkg.xml("docProps/core.xml"));
    assert_eq!(core["dc:title"], doc.metadata.title);
    assert!(core["dc:title"].starts_with("Launch of the Phase IV"));
    assert_eq!(
        core["dc:creator"],
        "United Nations Office of Counter-Terrorism (UNOCT)"
    );
    assert_eq!(core["dc:subject"], "PRESS RELEASE");
    assert_eq!(core["dc:language"], "en");
    assert_eq!(core["dcterms:created"], "2021-12-08T00:00:00Z");
    assert_eq!(core["dcterms:modified"], "2021-12-08T00:00:00Z");
    let app = elements(&pkg.xml("docProps/app.xml"));
    assert!(app["Application"].starts_with("Release Composer "));
}

#[test]
fn page_footer_language_and_hyphenation() {
    let pkg = package(&example("un"));
    let document = pkg.xml("word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#));
    assert!(document.contains(r#"w:top="1134" w:right="1417" w:bottom="1134" w:left="1417""#));
    let footer = pkg.xml("word/footer1.xml");
    let page = footer
        .find("<w:instrText>PAGE</w:instrText>")
        .expect("PAGE");
    let pages = footer
        .find("<w:instrText>NUMPAGES</w:instrText>")
        .expect("NUMPAGES");
    assert!(page < pages);
    assert_eq!(paragraphs(&footer)[0].style.as_deref(), Some("Footer"));
    let styles = pkg.xml("word/styles.xml");
    assert!(styles.contains(r#"<w:lang w:val="en" /></w:rPr></w:rPrDefault>"#));
    assert!(
        pkg.xml("word/settings.xml")
            .contains("<w:autoHyphenation />")
    );
    assert!(style_xml(&styles, "Headline").contains("<w:suppressAutoHyphens />"));
    assert!(!style_xml(&styles, "BodyText").contains("suppressAutoHyphens"));

    let newswire = example("newswire");
    let pkg = package(&newswire);
    assert!(
        pkg.xml("word/document.xml")
            .contains(r#"<w:pgSz w:w="12240" w:h="15840" />"#)
    );
    assert!(
        pkg.xml("word/styles.xml")
            .contains(r#"w:ascii="Times New Roman""#)
    );
    let hyphenates = newswire.styles.values().any(|s| s.hyphenate);
    assert_eq!(
        pkg.xml("word/settings.xml").contains("autoHyphenation"),
        hyphenates
    );
}

fn item(marker: ListMarker, text: &str) -> Block {
    Block {
        role: Role::ListItem,
        spans: vec![Span::plain(text)],
        marker: Some(marker),
        source: "release.body[9]".to_owned(),
    }
}

#[test]
fn lists_are_word_numbering() {
    let mut doc = example("un");
    let at = doc.blocks.len() - 1;
    let items = [
        item(ListMarker::Bullet, "first bullet"),
        item(ListMarker::Bullet, "second bullet"),
        item(ListMarker::Number { list: 1, number: 1 }, "one"),
        item(ListMarker::Number { list: 1, number: 2 }, "two"),
        item(
            ListMarker::Number { list: 2, number: 3 },
            "three, in another list",
        ),
    ];
    doc.blocks.splice(at..at, items);
    let pkg = package(&doc);
    let paras = paragraphs(&pkg.xml("word/document.xml"));
    let ids: Vec<String> = paras.iter().filter_map(|p| p.num_id.clone()).collect();
    assert_eq!(ids.len(), 5);
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[2], ids[3]);
    assert!(ids[0] != ids[2] && ids[2] != ids[4] && ids[0] != ids[4]);
    let numbering = pkg.xml("word/numbering.xml");
    for id in &ids {
        assert!(
            numbering.contains(&format!(r#"<w:num w:numId="{id}">"#)),
            "{id}"
        );
    }
    assert!(numbering.contains(r#"<w:numFmt w:val="bullet" /><w:lvlText w:val="•" />"#));
    assert!(numbering.contains(r#"<w:start w:val="3" /><w:numFmt w:val="decimal" />"#));
    let rels = relationships(&pkg.xml("word/_rels/document.xml.rels"));
    assert!(rels.values().any(|(target, _)| target == "numbering.xml"));
    let item = paras.iter().find(|p| p.text == "one").expect("item");
    assert_eq!(item.style.as_deref(), Some("ListParagraph"));
}

/// A 4 × 2 pixel PNG: enough for a logo.
fn png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x04\0\0\0\x02\x08\x02\0\0\0".to_vec();
    png.extend_from_slice(&[0x8f, 0x5d, 0x6a, 0x3f]); // CRC, unchecked here
    png.extend_from_slice(b"\0\0\0\0IEND\xaeB`\x82");
    png
}

fn with_logo(place: LogoPlace) -> Document {
    let mut doc = example("un");
    doc.logo = Some(Logo {
        file: "logo.png".to_owned(),
        png: release_style::Blob::Shared(png().into()),
        height_mm: 10.0,
        place,
        description: Some("Emblem of the organisation".to_owned()),
        description_language: "en".to_owned(),
    });
    doc
}

#[test]
fn kind_line_logo_is_a_first_page_header() {
    let pkg = package(&with_logo(LogoPlace::KindLine));
    let document = pkg.xml("word/document.xml");
    assert!(document.contains("<w:titlePg />"), "distinct first page");
    let first = document
        .split(r#"<w:headerReference w:type="first" r:id=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("first-page header");
    let rels = relationships(&pkg.xml("word/_rels/document.xml.rels"));
    let header = format!("word/{}", rels[first].0);
    let header_xml = pkg.xml(&header);
    assert!(header_xml.contains("<w:drawing>"), "{header_xml}");
    // 10 mm high, twice as wide as high.
    assert!(
        header_xml.contains(r#"<wp:extent cx="720000" cy="360000" />"#),
        "{header_xml}"
    );
    let rel_name = header.replace("word/", "word/_rels/") + ".rels";
    let image = relationships(&pkg.xml(&rel_name))
        .into_values()
        .next()
        .expect("image relationship")
        .0;
    assert_eq!(pkg.parts[&format!("word/{image}")], png());
    for (name, bytes) in &pkg.parts {
        let is_other_header = name.starts_with("word/header") && *name != header;
        if is_other_header {
            assert!(
                !String::from_utf8_lossy(bytes).contains("<w:drawing>"),
                "{name}"
            );
        }
    }
    assert!(
        document.contains(r#"<w:footerReference w:type="first""#),
        "page 1 keeps its footer"
    );
}

#[test]
fn header_logo_is_on_every_page() {
    let pkg = package(&with_logo(LogoPlace::Header));
    let document = pkg.xml("word/document.xml");
    assert!(!document.contains("titlePg"));
    assert!(document.contains(r#"<w:headerReference w:type="default""#));
    assert!(pkg.xml("word/header1.xml").contains("<w:drawing>"));
    assert_eq!(
        style_names(&pkg).get("Header").map(String::as_str),
        Some("Header")
    );
}

#[test]
fn a_logo_that_is_not_a_png_is_refused() {
    let mut doc = with_logo(LogoPlace::Header);
    if let Some(logo) = doc.logo.as_mut() {
        logo.png = release_style::Blob::Static(b"GIF89a");
    }
    let err = render(&doc, &DocxOptions::default()).expect_err("refused");
    assert!(matches!(err, DocxError::Logo { .. }));
    assert_eq!(err.code(), "docx-logo");
    assert!(err.to_string().contains("logo.png"));
}

#[test]
fn same_document_same_bytes() {
    let mut doc = example("un");
    // Several links: docx-rs keeps their relationships in a hash map.
    for n in 0..6 {
        doc.blocks[2].spans.push(Span {
            text: format!(" link {n}"),
            link: Some(format!("https://example.org/{n}")),
            ..Span::default()
        });
    }
    let options = DocxOptions::default();
    let first = render(&doc, &options).expect("renders");
    // Other documents in between, and another thread: docx-rs's own id
    // counters move, ours do not.
    render(&with_logo(LogoPlace::KindLine), &options).expect("renders");
    let again = render(&doc, &options).expect("renders");
    let doc2 = doc.clone();
    let elsewhere = std::thread::spawn(move || render(&doc2, &DocxOptions::default()))
        .join()
        .expect("thread")
        .expect("renders");
    assert!(
        first == again && first == elsewhere,
        "bytes differ between runs"
    );

    let pkg = Package::open(&first);
    assert_eq!(pkg.names[0], "[Content_Types].xml");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&first)).expect("zip");
    for i in 0..zip.len() {
        let entry = zip.by_index(i).expect("entry");
        assert_eq!(
            entry.last_modified(),
            Some(zip::DateTime::default()),
            "{}",
            entry.name()
        );
    }
    let stored = render(&doc, &DocxOptions { compress: false }).expect("renders");
    assert!(stored.len() > first.len());
    assert_eq!(Package::open(&stored).parts, pkg.parts);
}

#[test]
fn any_text_gives_well_formed_xml_and_control_characters_a_warning() {
    let mut doc = example("un");
    let nasty =
        "<b>&amp; ]]> \"double\" 'single' \u{0}nul \u{1b}esc \u{FFFE} tab\there\nline 🎉 مرحبا";
    doc.blocks[1].spans = vec![Span {
        text: nasty.to_owned(),
        bold: true,
        italic: true,
        link: Some("https://example.org/?a=1&b=<2>\u{7}".to_owned()),
        char_style: None,
        lang: None,
    }];
    doc.metadata.title = "T&C <\u{1}>".to_owned();
    let rendered = render_with_warnings(&doc, &DocxOptions::default()).expect("renders");
    let pkg = Package::open(&rendered.bytes);
    pkg.check_well_formed().expect("well-formed parts");
    let paras = paragraphs(&pkg.xml("word/document.xml"));
    let cleaned = "<b>&amp; ]]> \"double\" 'single' nul esc  tab\there\nline 🎉 مرحبا";
    assert_eq!(paras[1].text, cleaned);
    let rid = &paras[1].links[0].0;
    let rels = relationships(&pkg.xml("word/_rels/document.xml.rels"));
    assert_eq!(rels[rid].0, "https://example.org/?a=1&b=<2>");
    assert_eq!(
        elements(&pkg.xml("docProps/core.xml"))["dc:title"],
        "T&C <>"
    );
    let paths: Vec<&str> = rendered.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, [doc.blocks[1].source.as_str(), "metadata.title"]);
    assert!(
        rendered
            .warnings
            .iter()
            .all(|w| w.code == "docx-control-character")
    );
}

#[test]
fn arabic_and_chinese_text_get_their_own_word_fonts() {
    for (style, latin, complex) in [
        ("un", "Arial", "Arial"),
        ("newswire", "Times New Roman", "Times New Roman"),
    ] {
        let xml = package(&example(style)).xml("word/styles.xml");
        let defaults = xml
            .split("<w:rPrDefault>")
            .nth(1)
            .and_then(|rest| rest.split("</w:rPrDefault>").next())
            .expect("run defaults");
        for expected in [
            format!(r#"w:ascii="{latin}""#),
            format!(r#"w:hAnsi="{latin}""#),
            format!(r#"w:cs="{complex}""#),
            r#"w:eastAsia="SimSun""#.to_owned(),
        ] {
            assert!(
                defaults.contains(&expected),
                "{style}: {expected} missing in {defaults}"
            );
        }
    }
}

#[test]
fn an_arabic_release_is_a_right_to_left_document() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../templates/examples/example.ar.release.json");
    let draft = release_model::load(&std::fs::read_to_string(file).expect("example"))
        .expect("draft")
        .draft;
    let doc = release_style::document(&draft, &release_style::builtin("un").expect("un"));
    let pkg = package(&doc);
    let document = pkg.xml("word/document.xml");
    let section = document.rsplit("<w:sectPr>").next().expect("a section");
    assert!(
        section.contains("<w:bidi />"),
        "the section is not right to left: {section}"
    );
    let styles = pkg.xml("word/styles.xml");
    assert!(styles.contains(r#"<w:rtl /><w:lang w:val="ar" w:bidi="ar" />"#));
    assert!(
        style_xml(&styles, "BodyText").contains("<w:bidi />"),
        "paragraphs run right to left"
    );
    let english = package(&example("un")).xml("word/document.xml");
    assert!(!english.contains("<w:bidi />"));
}
