//! Writing the pages with printpdf, then finishing the file with lopdf.
//!
//! printpdf builds the pages and content streams (from its `Op` list,
//! [`crate::content`]), the embedded Type0/CIDFontType2 fonts with their
//! `/W` widths and ToUnicode maps, and the image with its soft mask. We use
//! its lower-level pieces rather than its HTML layout: text goes in as
//! already-shaped glyph ids (`TextItem::GlyphIds`, each carrying the text it
//! stands for) in fonts we subset ourselves.
//!
//! What printpdf 0.12 cannot be told is added to the lopdf document it
//! hands back, before saving: widths to a thousandth, the link annotations
//! ([`crate::links`]), the structure tree ([`crate::structure`]) and the
//! outline ([`crate::outline`]) of a tagged PDF, the Info dictionary, XMP
//! metadata, output intent and catalog entries ([`crate::metadata`]), a PDF
//! version that allows soft masks (1.7 rather than its 1.3), and a trailer
//! `/ID` derived from the content, where printpdf would draw it (and its
//! resource names) from a process-wide counter: the same Document must give
//! the same bytes however many PDFs the process has written before.

use crate::PdfOptions;
use crate::content::{self, LOGO_ID, Pen, font_id, pdf_width};
use crate::error::PdfError;
use crate::fonts::Faces;
use crate::page::Page;
use crate::structure::Tree;
use crate::subset::{Subset, UsedGlyphs};
use lopdf::{Object, StringFormat};
use printpdf::{
    Mm, ParsedFont, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, RawImage, XObject, XObjectId,
};
use release_style::Document;

const MM_PER_PT: f32 = 25.4 / 72.0;

/// The PDF file for the laid-out pages, and each page's fingerprint.
pub(crate) fn write(
    doc: &Document,
    pages: &[Page],
    subsets: &[Subset],
    faces: &Faces<'_>,
    used: &UsedGlyphs,
    logo: Option<RawImage>,
    options: &PdfOptions,
) -> Result<(Vec<u8>, Vec<u64>), PdfError> {
    let standard = options.standard.unwrap_or(doc.pdf_standard);
    let mut tree = standard.tagged().then(|| Tree::of(doc));
    let mut pdf = PdfDocument::new(&doc.metadata.title);
    for subset in subsets {
        let face = faces.get(subset.face);
        let mut warnings = Vec::new();
        let mut parsed =
            ParsedFont::from_bytes(&subset.bytes, 0, &mut warnings).ok_or_else(|| {
                PdfError::Subset {
                    file: face.font.file.clone(),
                    reason: "the subset font cannot be read back".to_owned(),
                }
            })?;
        parsed.font_name = Some(subset.name.clone());
        pdf.resources
            .fonts
            .map
            .insert(font_id(subset), PdfFont::new(parsed));
    }
    if let Some(image) = logo {
        pdf.resources
            .xobjects
            .map
            .insert(XObjectId(LOGO_ID.to_owned()), XObject::Image(image));
    }

    let mut pen = Pen {
        subsets,
        faces,
        used,
        tree: tree.as_mut(),
        figures: &doc.figures,
    };
    let pdf_pages = pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            PdfPage::new(
                Mm(page.width * MM_PER_PT),
                Mm(page.height * MM_PER_PT),
                content::ops(page, n, &mut pen),
            )
        })
        .collect();
    pdf.with_pages(pdf_pages);

    let save = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&save, &mut warnings);
    set_widths(&mut lo, subsets, faces);
    crate::photo::embed(&mut lo, doc)?;
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    let keys = crate::links::add(&mut lo, pages, &page_ids, tree.as_mut());
    if let Some(tree) = &tree {
        tree.write(&mut lo, &page_ids, &keys);
        crate::outline::add(&mut lo, doc, pages, &page_ids, tree);
    }
    let id = content_id(&lo, doc);
    crate::metadata::finish(&mut lo, doc, standard, &id);
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    if options.compress {
        compress(&mut lo)?;
    }
    let fingerprints = crate::fingerprint::pages(pages, faces, doc);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok((bytes, fingerprints))
}

/// Replaces printpdf's `/W` widths, which it truncates to whole thousandths
/// of an em, with widths to a thousandth. With truncated widths every other
/// glyph needed an adjustment in the content stream to stay in place.
fn set_widths(lo: &mut lopdf::Document, subsets: &[Subset], faces: &Faces<'_>) {
    for object in lo.objects.values_mut() {
        let Ok(font) = object.as_dict_mut() else {
            continue;
        };
        let Ok(name) = font.get(b"BaseFont").and_then(Object::as_name) else {
            continue;
        };
        let Some(subset) = subsets.iter().find(|s| s.name.as_bytes() == name) else {
            continue;
        };
        let face = faces.get(subset.face);
        let widths: Vec<Object> = subset
            .original_gids()
            .map(|gid| Object::Real(pdf_width(face, gid)))
            .collect();
        if let Ok(descendants) = font
            .get_mut(b"DescendantFonts")
            .and_then(Object::as_array_mut)
            && let Some(Ok(descendant)) = descendants.first_mut().map(Object::as_dict_mut)
        {
            descendant.set(
                "W",
                Object::Array(vec![Object::Integer(0), Object::Array(widths)]),
            );
        }
    }
}

/// Flate-compresses every stream not already filtered. lopdf's own
/// `compress` uses the slowest level, which was nearly half of a render's
/// time. Level 3 renders the example in about 8 ms instead of 10.5 ms at
/// level 6, for a file 3 % larger (35.6 kB instead of 34.6 kB).
fn compress(lo: &mut lopdf::Document) -> Result<(), PdfError> {
    for object in lo.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        // miniz_oxide itself, not flate2: flate2's backend is chosen by the
        // features other crates of the build ask for (zlib-rs in the app's),
        // and the backends compress to different bytes.
        let compressed = compressed::deflate(&stream.content);
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed.to_vec());
        }
    }
    Ok(())
}

/// The compressed bytes of streams seen in earlier renders of this process.
/// Between two previews of one draft most streams are the same (the font
/// subsets, the logo, the pages an edit did not touch), and compressing
/// them again was about a seventh of a render. The same bytes compress to
/// the same bytes, so a PDF is byte for byte what it would be without it.
mod compressed {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    use xxhash_rust::xxh3::xxh3_128;

    /// Streams under this size are compressed every time (cheaper than a
    /// lookup's hashing and copying is not worth keeping).
    const SMALL: usize = 512;
    /// The cache is emptied when what it keeps passes this.
    const LIMIT: usize = 8 << 20;

    #[derive(Default)]
    struct Cache {
        streams: HashMap<(u128, usize), Arc<[u8]>>,
        bytes: usize,
    }

    static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

    pub(super) fn deflate(content: &[u8]) -> Arc<[u8]> {
        let squeeze = || Arc::from(miniz_oxide::deflate::compress_to_vec_zlib(content, 3));
        if content.len() < SMALL {
            return squeeze();
        }
        // 128 bits of hash and the length: a collision is not a practical risk.
        let key = (xxh3_128(content), content.len());
        let lock = || {
            CACHE
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(hit) = lock().get_or_insert_with(Cache::default).streams.get(&key) {
            return Arc::clone(hit);
        }
        let made: Arc<[u8]> = squeeze();
        let mut guard = lock();
        let cache = guard.get_or_insert_with(Cache::default);
        if cache.bytes + made.len() > LIMIT {
            *cache = Cache::default();
        }
        cache.bytes += made.len();
        cache.streams.insert(key, Arc::clone(&made));
        made
    }
}

/// Sixteen bytes that depend only on the document's content: its streams,
/// the strings of its dictionaries, and the metadata and standard the
/// Info dictionary and XMP will carry.
fn content_id(lo: &lopdf::Document, doc: &Document) -> Vec<u8> {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x8422_2325_cbf2_9ce4;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            a = (a ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            b = (b ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3 ^ 0x5bd1_e995);
        }
    };
    let m = &doc.metadata;
    for text in [&m.title, &m.author, &m.subject, &m.creator, &m.language] {
        feed(text.as_bytes());
        feed(&[0]);
    }
    feed(doc.pdf_standard.name().as_bytes());
    if let Some(date) = m.date {
        feed(date.to_string().as_bytes());
    }
    for (id, object) in &lo.objects {
        feed(&id.0.to_be_bytes());
        match object {
            // A photo's megabytes by a fast digest of them.
            Object::Stream(stream) if crate::photo::is_photo(stream) => {
                feed(&crate::photo::digest(stream));
            }
            Object::Stream(stream) => feed(&stream.content),
            Object::String(text, _) => feed(text),
            Object::Dictionary(dict) => {
                for (_, value) in dict.iter() {
                    if let Object::String(text, _) = value {
                        feed(text);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = a.to_be_bytes().to_vec();
    out.extend_from_slice(&b.to_be_bytes());
    out
}
