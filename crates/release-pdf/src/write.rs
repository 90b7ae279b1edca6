//! Writing the PDF's objects with lopdf: the pages and their content
//! streams ([`crate::content`]), the embedded Type0 fonts with their `/W`
//! widths and ToUnicode maps, the logo and photos, then the link
//! annotations ([`crate::links`]), the structure tree ([`crate::structure`])
//! and the outline ([`crate::outline`]) of a tagged PDF, the Info
//! dictionary, XMP metadata, output intent and catalog entries
//! ([`crate::metadata`]), and a trailer `/ID` derived from the content: the
//! same Document gives the same bytes however many PDFs the process has
//! written before.
//!
//! Text goes in as already-shaped glyph ids in fonts we subset ourselves
//! ([`crate::subset`]), each a CIDFont under `/Identity-H`, where a glyph's
//! code is its id in the whole font, mapped to its id in the subset by the
//! CIDFont's `CIDToGIDMap` (in a CFF subset, its id in the subset).

use crate::PdfOptions;
use crate::content::{self, LOGO_ID, Pen, font_name, pdf_width};
use crate::error::PdfError;
use crate::fonts::Faces;
use crate::image::Pixels;
use crate::page::Page;
use crate::streams::Streams;
use crate::structure::Tree;
use crate::subset::{Subset, UsedGlyphs};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use release_style::Document;
use rustybuzz::ttf_parser;
use std::fmt::Write as _;

/// The PDF file for the laid-out pages, and each page's fingerprint.
pub(crate) fn write(
    doc: &Document,
    pages: &[Page],
    faces: &Faces<'_>,
    (subsets, used): (&[Subset], &UsedGlyphs),
    logo: Option<&Pixels>,
    options: &PdfOptions,
    streams: &mut Streams,
) -> Result<(Vec<u8>, Vec<u64>), PdfError> {
    let standard = options.standard.unwrap_or(doc.pdf_standard);
    let mut tree = standard.tagged().then(|| Tree::of(doc));
    let mut lo = lopdf::Document::with_version("1.7");
    lo.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let pages_id = lo.new_object_id();

    let mut fonts = Dictionary::new();
    for subset in subsets {
        let font = font(&mut lo, subset, faces, used)?;
        fonts.set(font_name(subset), Object::Reference(font));
    }
    let mut xobjects = Dictionary::new();
    if let Some(logo) = logo {
        let image = crate::image::stream(&mut lo, logo);
        xobjects.set(LOGO_ID, Object::Reference(lo.add_object(image)));
    }
    crate::photo::embed(&mut lo, doc, &mut xobjects)?;
    let resources = lo.add_object(Dictionary::from_iter([
        ("Font", Object::Dictionary(fonts)),
        ("XObject", Object::Dictionary(xobjects)),
    ]));

    let mut pen = Pen {
        subsets,
        faces,
        used,
        tree: tree.as_mut(),
        figures: &doc.figures,
        marks: Vec::new(),
    };
    streams.begin(pen.tree.is_some(), subsets, used);
    let mut page_ids = Vec::with_capacity(pages.len());
    for (n, page) in pages.iter().enumerate() {
        let stream = Stream::new(Dictionary::new(), streams.page(page, n, &mut pen));
        let contents = lo.add_object(stream);
        let bounds = Object::Array(
            [0.0, 0.0, page.width, page.height]
                .map(|v| Object::Real(content::round(v)))
                .to_vec(),
        );
        page_ids.push(lo.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(pages_id)),
            ("MediaBox", bounds.clone()),
            ("CropBox", bounds.clone()),
            ("TrimBox", bounds),
            ("Resources", Object::Reference(resources)),
            ("Contents", Object::Reference(contents)),
        ])));
    }
    lo.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Count", Object::Integer(page_ids.len() as i64)),
            (
                "Kids",
                Object::Array(page_ids.iter().map(|id| Object::Reference(*id)).collect()),
            ),
        ])),
    );
    let catalog = lo.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages_id)),
        ("PageLayout", Object::Name(b"OneColumn".to_vec())),
        ("PageMode", Object::Name(b"UseNone".to_vec())),
    ]));
    lo.trailer.set("Root", Object::Reference(catalog));

    streams.end();
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
        compress(&mut lo);
    }
    let fingerprints = crate::fingerprint::pages(pages, faces, doc);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok((bytes, fingerprints))
}

/// Adds the Type0 font of `subset`, with its descendant CIDFont, font
/// descriptor, font program, widths to a thousandth of an em and ToUnicode
/// map, and returns the Type0 font's id.
fn font(
    lo: &mut lopdf::Document,
    subset: &Subset,
    faces: &Faces<'_>,
    used: &UsedGlyphs,
) -> Result<ObjectId, PdfError> {
    let face = faces.get(subset.face);
    // A CFF subset is CID-keyed with CIDs equal to its glyph ids (as the
    // subsetter writes it), embedded as its bare `CFF ` table.
    let (subtype, file, program) = if subset.bytes.starts_with(b"OTTO") {
        let table = ttf_parser::RawFace::parse(&subset.bytes, 0)
            .ok()
            .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"CFF ")))
            .ok_or_else(|| PdfError::Subset {
                file: face.font.file.clone(),
                reason: "the subset has no CFF table".to_owned(),
            })?;
        let dict = Dictionary::from_iter([("Subtype", Object::Name(b"CIDFontType0C".to_vec()))]);
        (
            "CIDFontType0",
            "FontFile3",
            Stream::new(dict, table.to_vec()),
        )
    } else {
        let dict = Dictionary::from_iter([("Length1", Object::Integer(subset.bytes.len() as i64))]);
        (
            "CIDFontType2",
            "FontFile2",
            Stream::new(dict, subset.bytes.clone()),
        )
    };
    let program = lo.add_object(program);

    let metrics: &ttf_parser::Face<'_> = &face.shaper;
    let scale = 1000.0 / face.units_per_em;
    let units = |v: i16| Object::Integer((f32::from(v) * scale).round() as i64);
    let bbox = metrics.global_bounding_box();
    let italic_angle = metrics.italic_angle();
    // Nonsymbolic (the standard Latin set), and italic when it slants.
    let flags = 32 | if italic_angle == 0.0 { 0 } else { 64 };
    // No table gives the stem width: estimated from the weight class, as
    // producers do (about 88 at 400, 166 at 700).
    let weight = f32::from(metrics.weight().to_number());
    let stem_v = 50 + (weight / 65.0).powi(2).round() as i64;
    let name = Object::Name(subset.name.as_bytes().to_vec());
    let descriptor = lo.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", name.clone()),
        ("Flags", Object::Integer(flags)),
        (
            "FontBBox",
            Object::Array(
                [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max]
                    .map(units)
                    .to_vec(),
            ),
        ),
        ("ItalicAngle", Object::Real(italic_angle.round())),
        ("Ascent", units(metrics.ascender())),
        ("Descent", units(metrics.descender())),
        (
            "CapHeight",
            units(metrics.capital_height().unwrap_or(metrics.ascender())),
        ),
        ("StemV", Object::Integer(stem_v)),
        (file, Object::Reference(program)),
    ]));

    // Widths by code, a `c [w1 w2 ...]` for each run of consecutive codes.
    let mut widths: Vec<Object> = Vec::new();
    let mut next = None;
    for (code, gid) in subset.codes() {
        let width = Object::Real(pdf_width(face, gid));
        match widths.last_mut() {
            Some(Object::Array(run)) if next == Some(code) => run.push(width),
            _ => {
                widths.push(Object::Integer(i64::from(code)));
                widths.push(Object::Array(vec![width]));
            }
        }
        next = code.checked_add(1);
    }
    let mut descendant = Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(subtype.as_bytes().to_vec())),
        ("BaseFont", name.clone()),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter([
                ("Registry", Object::string_literal("Adobe")),
                ("Ordering", Object::string_literal("Identity")),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor)),
        ("W", Object::Array(widths)),
    ]);
    if !subset.is_cff() {
        // Code (the glyph's id in the whole font) to its id in the subset.
        let last = subset.codes().map(|(code, _)| code).max().unwrap_or(0);
        let mut map = vec![0; 2 * (usize::from(last) + 1)];
        for (code, gid) in subset.codes() {
            let at = 2 * usize::from(code);
            map[at..at + 2].copy_from_slice(&subset.gid(gid).to_be_bytes());
        }
        let map = lo.add_object(Stream::new(Dictionary::new(), map));
        descendant.set("CIDToGIDMap", Object::Reference(map));
    }
    let descendant = lo.add_object(descendant);
    let to_unicode = lo.add_object(Stream::new(Dictionary::new(), to_unicode(subset, used)));
    Ok(lo.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", name),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Reference(descendant)]),
        ),
        ("ToUnicode", Object::Reference(to_unicode)),
    ])))
}

/// The ToUnicode CMap of a subset: each glyph's code ([`Subset::code`]) to
/// the text it stands for, in UTF-16BE.
fn to_unicode(subset: &Subset, used: &UsedGlyphs) -> Vec<u8> {
    let entries: Vec<(u16, &str)> = subset
        .codes()
        .filter(|&(code, gid)| code > 0 && gid != 0)
        .map(|(code, gid)| (code, used.text(subset.face, gid)))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // A `bfchar` block holds at most 100 entries.
    for chunk in entries.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for (code, text) in chunk {
            let _ = write!(out, "<{code:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(out, "{unit:04X}");
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

/// Flate-compresses every stream not already filtered. lopdf's own
/// `compress` uses the slowest level, which was nearly half of a render's
/// time. Level 3 renders the example in about 8 ms instead of 10.5 ms at
/// level 6, for a file 3 % larger (35.6 kB instead of 34.6 kB).
fn compress(lo: &mut lopdf::Document) {
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
}

/// `data` Flate-compressed, from the cache when an earlier render of this
/// process compressed the same bytes.
pub(crate) fn deflate(data: &[u8]) -> std::sync::Arc<[u8]> {
    compressed::deflate(data)
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
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut feed = |bytes: &[u8]| hasher.update(bytes);
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
    hasher.digest128().to_be_bytes().to_vec()
}
