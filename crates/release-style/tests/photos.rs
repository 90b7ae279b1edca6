//! Photos in the Document: where each style puts them, their caption and
//! credit blocks, the credit pattern per language, their printed size, and
//! the `[photos]` table's refusals.

use release_model::{Draft, Photo, Run, example};
use release_style::{
    Blob, ColorSpace, Document, Facts, HouseStyle, Image, ImageFormat, Orientation, PhotoPlace,
    Role, builtin, document, document_with_photos, photo_size,
};
use std::path::Path;

fn facts(width: u32, height: u32, orientation: Orientation) -> Facts {
    Facts {
        format: ImageFormat::Jpeg,
        width,
        height,
        color: ColorSpace::Rgb,
        bits: 8,
        alpha: false,
        inverted: false,
        orientation,
    }
}

fn image(file: &str, facts: Facts) -> Image {
    Image {
        file: file.to_owned(),
        bytes: Blob::Static(b"not read by composition"),
        facts,
    }
}

fn with_photos(photos: Vec<Photo>) -> Draft {
    let mut draft = example();
    draft.release.photos = photos;
    draft
}

fn photo(file: &str, caption: &str, credit: &str) -> Photo {
    Photo {
        file: file.to_owned(),
        caption: if caption.is_empty() {
            Vec::new()
        } else {
            vec![Run::plain(caption)]
        },
        credit: credit.to_owned(),
        alt: format!("alt of {file}"),
        ..Photo::default()
    }
}

fn roles(doc: &Document) -> Vec<Role> {
    doc.blocks.iter().map(|b| b.role).collect()
}

fn compose(style: &HouseStyle, draft: &Draft) -> Document {
    let images: Vec<Option<Image>> = draft
        .release
        .photos
        .iter()
        .map(|p| Some(image(&p.file, facts(4000, 3000, Orientation::Normal))))
        .collect();
    document_with_photos(draft, style, &images)
}

#[test]
fn un_puts_the_photo_after_the_first_paragraph_with_its_caption_and_credit() {
    let style = builtin("un").expect("un");
    let draft = with_photos(vec![photo(
        "a.jpg",
        "The launch in Dushanbe.",
        "Manuel Elías",
    )]);
    let doc = compose(&style, &draft);
    let plain = document(&draft, &style);
    let first_body = plain
        .blocks
        .iter()
        .position(|b| b.role == Role::Body)
        .expect("body");
    assert_eq!(doc.figures.len(), 1);
    let figure = &doc.figures[0];
    assert_eq!(
        figure.block,
        first_body + 1,
        "right after the first paragraph"
    );
    assert_eq!(doc.blocks[figure.block].role, Role::Caption);
    assert_eq!(doc.blocks[figure.block].text(), "The launch in Dushanbe.");
    assert_eq!(doc.blocks[figure.block + 1].role, Role::Credit);
    assert_eq!(doc.blocks[figure.block + 1].text(), "UN Photo/Manuel Elías");
    assert_eq!(
        doc.blocks[figure.block + 1].source,
        "release.photos[0].credit"
    );
    assert_eq!(figure.alt, "alt of a.jpg");
    assert_eq!(figure.source, "release.photos[0]");
    // Everything else is where it was.
    let mut others = roles(&doc);
    others.retain(|r| !Role::PHOTO.contains(r));
    assert_eq!(others, roles(&plain));
    assert!(doc.styles.contains_key(&Role::Caption) && doc.styles.contains_key(&Role::Credit));
}

#[test]
fn without_photos_the_document_has_no_photo_styles() {
    let style = builtin("un").expect("un");
    let doc = document(&example(), &style);
    assert!(doc.figures.is_empty());
    assert!(!doc.styles.contains_key(&Role::Caption));
    // A photo whose image could not be read is left out, caption and all.
    let draft = with_photos(vec![photo("a.jpg", "Caption", "Credit")]);
    let doc = document_with_photos(&draft, &style, &[None]);
    assert_eq!(roles(&doc), roles(&document(&example(), &style)));
}

#[test]
fn newswire_puts_photos_after_the_headline_and_credits_them_its_way() {
    let style = builtin("newswire").expect("newswire");
    assert_eq!(style.photos.place, PhotoPlace::AfterHeadline);
    let draft = with_photos(vec![
        photo("a.jpg", "First.", "Jane Doe"),
        photo("b.jpg", "", ""),
    ]);
    let doc = compose(&style, &draft);
    let headline = doc
        .blocks
        .iter()
        .rposition(|b| matches!(b.role, Role::Headline | Role::Subheadline))
        .expect("headline");
    assert_eq!(
        roles(&doc)[headline + 1..headline + 4],
        [Role::Caption, Role::Credit, Role::Caption]
    );
    assert_eq!(doc.blocks[headline + 2].text(), "Photo: Jane Doe");
    // A photo with neither caption nor credit still has its (empty) caption block.
    assert_eq!(doc.figures[1].block, headline + 3);
    assert_eq!(doc.blocks[headline + 3].text(), "");
    assert_eq!(roles(&doc)[headline + 4], Role::Body);
}

#[test]
fn the_credit_pattern_follows_the_language() {
    let style = builtin("un").expect("un");
    for (language, credit) in [
        ("fr", "Photo ONU/M. Elías"),
        ("es", "Foto ONU/M. Elías"),
        ("zh", "联合国图片/M. Elías"),
        ("de", "UN Photo/M. Elías"),
    ] {
        let mut draft = with_photos(vec![photo("a.jpg", "x", "M. Elías")]);
        draft.language = language.to_owned();
        let doc = compose(&style, &draft);
        let block = doc.figures[0].block + 1;
        assert_eq!(doc.blocks[block].text(), credit, "{language}");
    }
}

/// The `un` style's text, edited, read with its assets from templates/un.
fn un_edited(edit: impl Fn(String) -> String) -> Result<HouseStyle, release_style::StyleError> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/un");
    let text = std::fs::read_to_string(dir.join("style.toml")).expect("style");
    HouseStyle::parse(&dir.join("style.toml"), &edit(text), |name| {
        std::fs::read(dir.join(name))
            .ok()
            .map(|b| Blob::Shared(b.into()))
    })
}

#[test]
fn before_the_contacts() {
    let style = un_edited(|t| {
        t.replace(
            "place = \"after-first-paragraph\"",
            "place = \"before-contacts\"",
        )
    })
    .expect("loads");
    let doc = compose(&style, &with_photos(vec![photo("a.jpg", "c", "d")]));
    let contacts = doc
        .blocks
        .iter()
        .position(|b| b.role == Role::Contacts)
        .expect("contacts");
    assert_eq!(
        roles(&doc)[contacts - 2..contacts],
        [Role::Caption, Role::Credit]
    );
}

#[test]
fn photos_fit_the_style_box_and_turn_with_their_orientation() {
    let style = builtin("un").expect("un");
    let pt = |mm: f32| mm * 72.0 / 25.4;
    // Wide 2:1: the 160 mm width decides.
    let (w, h) = photo_size(&style, &facts(4000, 2000, Orientation::Normal));
    assert!(
        (w - pt(160.0)).abs() < 0.01 && (h - pt(80.0)).abs() < 0.01,
        "{w} {h}"
    );
    // 4:3: 160 mm across would be 120 mm high, more than 105 mm.
    let (w, h) = photo_size(&style, &facts(4000, 3000, Orientation::Normal));
    assert!(
        (w - pt(140.0)).abs() < 0.01 && (h - pt(105.0)).abs() < 0.01,
        "{w} {h}"
    );
    // Stored landscape, shown portrait: the 105 mm height decides.
    let (w, h) = photo_size(&style, &facts(4000, 3000, Orientation::Rotate90));
    assert!(
        (h - pt(105.0)).abs() < 0.01 && (w - pt(78.75)).abs() < 0.01,
        "{w} {h}"
    );
}

#[test]
fn a_style_without_photos_gets_defaults_and_bad_values_are_refused() {
    let style = un_edited(|t| {
        let start = t.find("[photos]").expect("table");
        let end = t.find("[parts.reference]").expect("next");
        format!("{}{}", &t[..start], &t[end..])
    })
    .expect("a style written before photos still loads");
    assert_eq!(style.photos.place, PhotoPlace::AfterFirstParagraph);
    assert!(style.styles[&Role::Caption].italic);
    for (edit, key) in [
        (
            ("max_width_mm = 160", "max_width_mm = 0"),
            "photos.max_width_mm",
        ),
        (
            ("place = \"after-first-paragraph\"", "place = \"top\""),
            "photos.place",
        ),
        (
            (
                "[photos.credit]\nsize_pt = 8",
                "[photos.credit]\nsize_pt = 0",
            ),
            "photos.credit.size_pt",
        ),
        (("gap_pt = 4\n", "gap_pt = 4\nborder = true\n"), "photos"),
        (
            (
                "photo_credit = \"UN Photo/{credit}\"",
                "photo_credit = \"UN Photo/{name}\"",
            ),
            "labels.en.photo_credit",
        ),
    ] {
        let err = un_edited(|t| {
            assert!(t.contains(edit.0), "{}", edit.0);
            t.replacen(edit.0, edit.1, 1)
        })
        .expect_err(key);
        assert!(err.to_string().contains(key), "{key}: {err}");
    }
}

#[test]
fn the_outline_shows_the_photo_above_its_caption() {
    let style = builtin("un").expect("un");
    let doc = compose(
        &style,
        &with_photos(vec![photo("photos/a.jpg", "Caption text", "X")]),
    );
    let outline = doc.outline();
    let figure = outline
        .find("[Figure] photos/a.jpg (140 x 105 mm, 4000 x 3000 px)")
        .expect("figure line");
    let caption = outline.find("[Caption] Caption text").expect("caption");
    assert!(figure < caption, "{outline}");
}
