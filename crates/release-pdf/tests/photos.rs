//! Photos in the PDF, read back with lopdf and checked with poppler: a
//! JPEG's exact bytes as `/DCTDecode`, CMYK with Adobe's inversion undone by
//! `/Decode`, a PNG's alpha as a soft mask, captions in reading order, and
//! a photo never parted from its caption and credit by a page break.

mod common;

use common::{pdf, tool};
use lopdf::{Document as Pdf, Object};
use release_model::{Photo, Run, example};
use release_style::{Blob, Document, Image, Role, builtin, document_with_photos};
use release_test_tools::images::{jpeg, jpeg_of, png_of};

fn image(file: &str, bytes: Vec<u8>) -> Image {
    Image {
        file: file.to_owned(),
        facts: release_photo::probe(&bytes).expect("a photo"),
        bytes: Blob::Shared(bytes.into()),
    }
}

/// The example with one photo per image, captioned "Caption N" and credited "Credit N".
fn with_photos(style: &str, images: Vec<Image>) -> Document {
    let mut draft = example();
    draft.release.photos = images
        .iter()
        .enumerate()
        .map(|(i, image)| Photo {
            file: image.file.clone(),
            caption: vec![Run::plain(format!("Caption {} under the photo.", i + 1))],
            credit: format!("Credit {}", i + 1),
            alt: format!("What photo {} shows.", i + 1),
            ..Photo::default()
        })
        .collect();
    let images: Vec<Option<Image>> = images.into_iter().map(Some).collect();
    document_with_photos(&draft, &builtin(style).expect("style"), &images)
}

/// The image XObjects of a PDF, by resource name.
fn xobjects(bytes: &[u8]) -> Vec<(String, lopdf::Stream)> {
    let pdf = Pdf::load_mem(bytes).expect("lopdf reads it");
    let page = *pdf.get_pages().values().next().expect("a page");
    let resources = pdf.get_page_resources(page).expect("resources");
    let dict = resources
        .0
        .and_then(|d| d.get(b"XObject").ok())
        .or_else(|| {
            resources.1.first().and_then(|id| {
                pdf.get_object(*id)
                    .ok()?
                    .as_dict()
                    .ok()?
                    .get(b"XObject")
                    .ok()
            })
        })
        .expect("XObject resources");
    let dict = match dict {
        Object::Reference(id) => pdf.get_object(*id).and_then(Object::as_dict).expect("dict"),
        Object::Dictionary(d) => d,
        _ => panic!("XObject is neither"),
    };
    dict.iter()
        .map(|(name, value)| {
            let id = value.as_reference().expect("a reference");
            let stream = pdf
                .get_object(id)
                .and_then(Object::as_stream)
                .expect("a stream")
                .clone();
            (String::from_utf8_lossy(name).into_owned(), stream)
        })
        .collect()
}

fn name(stream: &lopdf::Stream, key: &[u8]) -> String {
    String::from_utf8_lossy(
        stream
            .dict
            .get(key)
            .and_then(Object::as_name)
            .expect("a name"),
    )
    .into_owned()
}

#[test]
fn a_jpeg_is_embedded_byte_for_byte() {
    let bytes = jpeg(640, 480);
    let pdf = pdf(&with_photos("un", vec![image("a.jpg", bytes.clone())]));
    let images = xobjects(&pdf);
    let (key, stream) = images.iter().find(|(k, _)| k == "Ph1").expect("Ph1");
    assert_eq!(key, "Ph1");
    assert_eq!(
        stream.content, bytes,
        "the JPEG's own bytes, not re-encoded"
    );
    assert_eq!(name(stream, b"Filter"), "DCTDecode");
    assert_eq!(name(stream, b"ColorSpace"), "DeviceRGB");
    assert_eq!(
        stream.dict.get(b"Width").and_then(Object::as_i64).ok(),
        Some(640)
    );
    assert_eq!(
        stream.dict.get(b"Height").and_then(Object::as_i64).ok(),
        Some(480)
    );
    assert!(stream.dict.get(b"Decode").is_err());
    // poppler agrees: a 640 × 480 JPEG.
    let listed = tool("pdfimages", &["-list"], &pdf);
    let row = listed.lines().nth(2).expect("one image");
    let columns: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(&columns[3..6], ["640", "480", "rgb"], "{listed}");
    assert_eq!(columns[8], "jpeg", "{listed}");
    let out = tool("qpdf", &["--check"], &pdf);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

#[test]
fn adobe_cmyk_is_decoded_inverted() {
    let bytes = jpeg_of(64, 64, jpeg_encoder::ColorType::Cmyk, 13);
    let pdf = pdf(&with_photos("un", vec![image("c.jpg", bytes.clone())]));
    let (_, stream) = xobjects(&pdf)
        .into_iter()
        .find(|(k, _)| k == "Ph1")
        .expect("Ph1");
    assert_eq!(stream.content, bytes);
    assert_eq!(name(&stream, b"ColorSpace"), "DeviceCMYK");
    let decode: Vec<i64> = stream
        .dict
        .get(b"Decode")
        .and_then(Object::as_array)
        .expect("Decode")
        .iter()
        .map(|o| o.as_i64().expect("integer"))
        .collect();
    assert_eq!(decode, [1, 0, 1, 0, 1, 0, 1, 0]);
}

#[test]
fn a_png_keeps_its_alpha_as_a_soft_mask() {
    let pdf = pdf(&with_photos(
        "un",
        vec![image(
            "p.png",
            png_of(50, 40, png::ColorType::Rgba, &[0, 128, 255, 100]),
        )],
    ));
    let images = xobjects(&pdf);
    let (_, stream) = images.iter().find(|(k, _)| k == "Ph1").expect("Ph1");
    assert_eq!(name(stream, b"Filter"), "FlateDecode");
    assert!(stream.dict.get(b"SMask").is_ok(), "alpha as a soft mask");
    let listed = tool("pdfimages", &["-list"], &pdf);
    assert!(listed.contains("smask"), "{listed}");
}

#[test]
fn captions_and_credits_read_in_order_after_the_first_paragraph() {
    let doc = with_photos("un", vec![image("a.jpg", jpeg(300, 200))]);
    let text = tool("pdftotext", &[], &pdf(&doc)).replace('\n', " ");
    let first = text.find("jointly launched").expect("first paragraph");
    let caption = text.find("Caption 1 under the photo.").expect("caption");
    let credit = text.find("UN Photo/Credit 1").expect("credit");
    let second = text.find("The event was opened").expect("second paragraph");
    assert!(
        first < caption && caption < credit && credit < second,
        "{text}"
    );
}

#[test]
fn a_photo_never_parts_from_its_caption_and_credit() {
    // Enough photos that some must start a page: each caption block (the
    // photo stands on it) is whole on its page, with its credit.
    let images: Vec<Image> = (0..5)
        .map(|i| image(&format!("{i}.jpg"), jpeg(400, 300)))
        .collect();
    let doc = with_photos("un", images);
    let pages = release_pdf::pagination(&doc, &release_pdf::PdfOptions::default()).expect("laid");
    assert!(pages.len() >= 3, "photos fill pages");
    for figure in &doc.figures {
        let caption = figure.block;
        let page_of = |block: usize| {
            pages
                .iter()
                .position(|p| p.iter().any(|s| s.block == block))
                .expect("placed")
        };
        let on = &pages[page_of(caption)];
        let slice = on.iter().find(|s| s.block == caption).expect("caption");
        assert_eq!(slice.lines, 0..slice.total_lines, "the caption is whole");
        assert_eq!(doc.blocks[caption + 1].role, Role::Credit);
        assert_eq!(
            page_of(caption + 1),
            page_of(caption),
            "credit with caption"
        );
    }
    // And the image is drawn on the page that has its caption.
    let bytes = pdf(&doc);
    let read = Pdf::load_mem(&bytes).expect("reads");
    for (n, (_, page)) in read.get_pages().into_iter().enumerate() {
        let content = String::from_utf8_lossy(&read.get_page_content(page)).into_owned();
        for (i, figure) in doc.figures.iter().enumerate() {
            let drawn = content.contains(&format!("/Ph{} Do", i + 1));
            let captioned = pages[n].iter().any(|s| s.block == figure.block);
            assert_eq!(drawn, captioned, "photo {i} on page {n}");
        }
    }
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let make = || {
        with_photos(
            "newswire",
            vec![
                image("a.jpg", jpeg(120, 90)),
                image(
                    "b.png",
                    png_of(20, 20, png::ColorType::Rgba, &[0, 128, 255, 100]),
                ),
            ],
        )
    };
    assert_eq!(pdf(&make()), pdf(&make()));
}

#[test]
fn wherever_the_page_breaks_the_credit_stays_with_its_photo() {
    // The photo moves down the page as the paragraph before it grows, so
    // some of these put the page break between caption and credit unless
    // the layout keeps them together.
    let base = with_photos("un", vec![image("a.jpg", jpeg(400, 300))]);
    let caption = base.figures[0].block;
    let mut kept_across_a_break = 0;
    for words in (0..360).step_by(6) {
        let mut doc = base.clone();
        let first = doc
            .blocks
            .iter()
            .position(|b| b.role == Role::Body)
            .expect("body");
        doc.blocks[first]
            .spans
            .push(release_style::Span::plain(" more words".repeat(words)));
        let pages =
            release_pdf::pagination(&doc, &release_pdf::PdfOptions::default()).expect("laid");
        let page_of = |block: usize| {
            pages
                .iter()
                .position(|p| p.iter().any(|s| s.block == block))
                .expect("placed")
        };
        assert_eq!(
            page_of(caption),
            page_of(caption + 1),
            "{words} words: credit apart"
        );
        let on = &pages[page_of(caption)];
        let slice = on.iter().find(|s| s.block == caption).expect("caption");
        assert_eq!(
            slice.lines,
            0..slice.total_lines,
            "{words} words: caption split"
        );
        if page_of(caption) > 0 && on.first().is_some_and(|s| s.block == caption) {
            kept_across_a_break += 1;
        }
    }
    assert!(
        kept_across_a_break > 0,
        "some layouts moved the photo to a new page"
    );
}

/// `jpeg` with an EXIF block (little-endian) giving orientation `value`.
fn oriented(jpeg: &[u8], value: u16) -> Vec<u8> {
    let mut tiff = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
    tiff.extend_from_slice(&value.to_le_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut segment = b"Exif\0\0".to_vec();
    segment.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((segment.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&segment);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The six numbers of the `cm` right before `/Ph1 Do` on the page that draws it.
fn placement(bytes: &[u8]) -> [f32; 6] {
    let read = Pdf::load_mem(bytes).expect("reads");
    for (_, page) in read.get_pages() {
        let content = lopdf::content::Content::decode(&read.get_page_content(page)).expect("ops");
        let ops = &content.operations;
        for (i, op) in ops.iter().enumerate() {
            let draws = op.operator == "Do"
                && op.operands.first().and_then(|o| o.as_name().ok()) == Some(&b"Ph1"[..]);
            if draws {
                // The product of the `cm`s since the last `Q`.
                let start = ops[..i]
                    .iter()
                    .rposition(|o| o.operator == "Q")
                    .map_or(0, |q| q + 1);
                let mut m = [1.0_f32, 0.0, 0.0, 1.0, 0.0, 0.0];
                for cm in ops[start..i].iter().filter(|o| o.operator == "cm") {
                    let n: Vec<f32> = cm
                        .operands
                        .iter()
                        .map(|o| o.as_float().expect("number"))
                        .collect();
                    // The new matrix is n × m (row vectors, as PDF multiplies).
                    m = [
                        n[0] * m[0] + n[1] * m[2],
                        n[0] * m[1] + n[1] * m[3],
                        n[2] * m[0] + n[3] * m[2],
                        n[2] * m[1] + n[3] * m[3],
                        n[4] * m[0] + n[5] * m[2] + m[4],
                        n[4] * m[1] + n[5] * m[3] + m[5],
                    ];
                }
                return m;
            }
        }
    }
    panic!("Ph1 is never drawn");
}

#[test]
fn the_exif_orientation_turns_the_photo_when_it_is_placed() {
    let stored = jpeg(400, 200);
    let upright = placement(&pdf(&with_photos(
        "un",
        vec![image("a.jpg", stored.clone())],
    )));
    assert!(
        upright[1] == 0.0 && upright[2] == 0.0 && upright[0] > upright[3],
        "{upright:?}"
    );
    let turned_bytes = oriented(&stored, 6);
    let doc = with_photos("un", vec![image("b.jpg", turned_bytes.clone())]);
    let bytes = pdf(&doc);
    let [a, b, c, d, _, _] = placement(&bytes);
    // A quarter turn clockwise: x runs down, y runs right; the box is portrait.
    assert_eq!((a, d), (0.0, 0.0), "{a} {b} {c} {d}");
    assert!(b < 0.0 && c > 0.0, "{a} {b} {c} {d}");
    assert!(-b > c, "taller than wide once turned: {b} {c}");
    let (_, stream) = xobjects(&bytes)
        .into_iter()
        .find(|(k, _)| k == "Ph1")
        .expect("Ph1");
    assert_eq!(
        stream.content, turned_bytes,
        "turned by the matrix, not re-encoded"
    );
}
