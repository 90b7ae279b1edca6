//! Golden tests of the example release in both built-in styles. Each has
//! two references in `tests/golden/`: a readable one (`*.pdf.txt`: pages,
//! fonts, every line's place, font and text, the links), compared first so
//! that a change shows as a diff of what changed, and a hash of the bytes
//! (`*.pdf.fnv64`), which catches the rest. See `tests/README.md`.

mod common;

use common::{example, fnv64, golden, pdf, pdf_string, read};
use lopdf::{Document as Pdf, Object};

fn check_golden(style: &str) {
    let bytes = pdf(&example(style));
    let readable = golden::compare(&format!("example-{style}.pdf.txt"), &read::readable(&bytes));
    let hash = golden::compare(
        &format!("example-{style}.pdf.fnv64"),
        &format!("{:016x}\n", fnv64(&bytes)),
    );
    let review = format!(
        "Render it (cargo run -p release-pdf --example render -- {style} out.pdf), look at \
         every page (pdftoppm -png -r 80 out.pdf page), and if it is right run `make goldens` \
         and say why in the commit."
    );
    match (readable, hash) {
        (Ok(()), Ok(())) => {}
        (Err(diff), _) => panic!("the {style} PDF changed.\n{diff}\n{review}"),
        (Ok(()), Err(diff)) => panic!(
            "the {style} PDF's bytes changed, but not its pages, fonts, lines or links \
             (look at the metadata, ToUnicode maps, link areas, images, compression).\n{diff}\n{review}"
        ),
    }
}

#[test]
fn un_matches_its_golden_files() {
    check_golden("un");
}

#[test]
fn newswire_matches_its_golden_files() {
    check_golden("newswire");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = example("un");
    let first = pdf(&doc);
    let _other = pdf(&example("newswire"));
    assert_eq!(first, pdf(&doc));
}

fn page_sizes(pdf: &Pdf) -> Vec<(f32, f32)> {
    pdf.get_pages()
        .values()
        .map(|&id| {
            let page = pdf.get_dictionary(id).expect("page");
            let media = page
                .get(b"MediaBox")
                .and_then(Object::as_array)
                .expect("MediaBox");
            let n = |o: &Object| o.as_float().expect("number");
            (n(&media[2]), n(&media[3]))
        })
        .collect()
}

#[test]
fn un_is_two_a4_pages() {
    let pdf = Pdf::load_mem(&pdf(&example("un"))).expect("parses");
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), 2);
    for (w, h) in sizes {
        assert!(
            (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
            "{w} x {h}"
        );
    }
}

#[test]
fn newswire_is_two_us_letter_pages() {
    // 12 pt serif with one-inch margins: the story, the contact block and
    // the end mark fill two pages (three before justified lines could
    // space their letters by up to 2 %).
    let pdf = Pdf::load_mem(&pdf(&example("newswire"))).expect("parses");
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), 2);
    for (w, h) in sizes {
        assert!(
            (w - 612.0).abs() < 0.5 && (h - 792.0).abs() < 0.5,
            "{w} x {h}"
        );
    }
}

/// Every font is a Type0 font with an embedded, subset TrueType program,
/// a subset tag and a ToUnicode map.
fn check_fonts(style: &str) {
    let doc = example(style);
    let pdf = Pdf::load_mem(&pdf(&doc)).expect("parses");
    let full = doc.fonts.regular.bytes.len();
    let mut fonts = 0;
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice())
            || dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice())
        {
            continue;
        }
        fonts += 1;
        let name = String::from_utf8_lossy(
            dict.get(b"BaseFont")
                .and_then(Object::as_name)
                .expect("BaseFont"),
        )
        .into_owned();
        let (tag, rest) = name.split_at(7);
        assert!(
            tag.ends_with('+')
                && tag[..6].chars().all(|c| c.is_ascii_uppercase())
                && rest.starts_with("Liberation"),
            "{name} has no subset tag"
        );
        assert!(dict.get(b"ToUnicode").is_ok(), "{name} has no ToUnicode");
        let descendants = dict
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .expect("descendants");
        let descendant = match &descendants[0] {
            Object::Reference(id) => pdf.get_dictionary(*id).expect("descendant"),
            other => other.as_dict().expect("descendant"),
        };
        let descriptor = descendant
            .get(b"FontDescriptor")
            .and_then(Object::as_reference)
            .and_then(|id| pdf.get_dictionary(id))
            .expect("descriptor");
        let program = descriptor
            .get(b"FontFile2")
            .and_then(Object::as_reference)
            .and_then(|id| pdf.get_object(id))
            .and_then(Object::as_stream)
            .expect("embedded font program");
        let bytes = program
            .decompressed_content()
            .unwrap_or_else(|_| program.content.clone());
        assert!(
            bytes.len() < full / 3,
            "{name}: {} bytes is not a subset of {full}",
            bytes.len()
        );
    }
    assert!(fonts >= 2, "regular and bold at least, found {fonts}");
}

#[test]
fn un_fonts_are_embedded_and_subset() {
    check_fonts("un");
}

#[test]
fn newswire_fonts_are_embedded_and_subset() {
    check_fonts("newswire");
}

#[test]
fn metadata_comes_from_the_draft() {
    let doc = example("un");
    let pdf = Pdf::load_mem(&pdf(&doc)).expect("parses");
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| pdf.get_dictionary(id))
        .expect("Info");
    let text = |key: &[u8]| pdf_string(info.get(key).and_then(Object::as_str).expect("key"));
    assert_eq!(text(b"Title"), doc.metadata.title);
    assert_eq!(text(b"Author"), doc.metadata.author);
    assert_eq!(text(b"Subject"), "PRESS RELEASE");
    assert_eq!(text(b"Creator"), doc.metadata.creator);
    assert!(text(b"CreationDate").starts_with("D:20211208"));
    let catalog = pdf.catalog().expect("catalog");
    assert_eq!(
        catalog.get(b"Lang").and_then(Object::as_str).expect("Lang"),
        b"en"
    );
}

#[test]
fn the_contact_email_is_a_live_mailto_link() {
    let pdf = Pdf::load_mem(&pdf(&example("un"))).expect("parses");
    let mut uris = Vec::new();
    for page in pdf.get_pages().values() {
        let page = pdf.get_dictionary(*page).expect("page");
        let Ok(annots) = page.get(b"Annots").and_then(Object::as_array) else {
            continue;
        };
        for annot in annots {
            let annot = match annot {
                Object::Reference(id) => pdf.get_dictionary(*id).expect("annotation"),
                other => other.as_dict().expect("annotation"),
            };
            assert_eq!(
                annot.get(b"Subtype").and_then(Object::as_name).ok(),
                Some(b"Link".as_slice())
            );
            let uri = annot
                .get(b"A")
                .and_then(Object::as_dict)
                .and_then(|a| a.get(b"URI"))
                .and_then(Object::as_str)
                .expect("URI");
            uris.push(String::from_utf8_lossy(uri).into_owned());
        }
    }
    assert_eq!(uris, vec!["mailto:gerardl@un.org".to_owned()]);
}

#[test]
fn a_logo_with_alpha_is_placed_with_a_soft_mask() {
    let mut doc = example("un");
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, 4, 2);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("header");
        writer.write_image_data(&[0x80; 4 * 2 * 4]).expect("pixels");
    }
    doc.logo = Some(release_style::Logo {
        file: "logo.png".to_owned(),
        png: release_style::Blob::Shared(png.into()),
        height_mm: 12.0,
        place: release_style::LogoPlace::KindLine,
        description: Some("Emblem of the organisation".to_owned()),
        description_language: "en".to_owned(),
    });
    let bytes = pdf(&doc);
    let pdf = Pdf::load_mem(&bytes).expect("parses");
    let image = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .find(|s| {
            s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image".as_slice())
                && s.dict.has(b"SMask")
        })
        .expect("an image with a soft mask");
    assert_eq!(
        image.dict.get(b"Width").and_then(Object::as_i64).ok(),
        Some(4)
    );
    assert_eq!(bytes, common::pdf(&doc), "deterministic with a logo too");
}
