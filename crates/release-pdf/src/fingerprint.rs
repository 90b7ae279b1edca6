//! A fingerprint of each laid-out page: a hash of what the page draws, so
//! that a preview redraws only the pages whose fingerprint changed.
//!
//! It is taken from the pages as laid out, before the writer: each glyph by
//! its face's font file and its own glyph id in that file, with its size,
//! colour and place; the rules; the logo and photos by their files' bytes and
//! boxes; the link areas; the page size. The writer draws a page from exactly
//! these (deterministically), so two pages with equal fingerprints draw the
//! same pixels. What the PDF numbers differently without drawing anything
//! else is left out: a font subset that gained a glyph for another page
//! renumbers its glyphs, which changes every page's content stream but not
//! what those pages show. What does not draw (the structure tree, the text a
//! glyph stands for, metadata) is left out too.

use crate::fonts::{FaceId, Faces};
use crate::page::{Item, Page};
use release_style::Document;
use std::collections::HashMap;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// One fingerprint per page, in page order.
pub(crate) fn pages(pages: &[Page], faces: &Faces<'_>, doc: &Document) -> Vec<u64> {
    let mut files = Files {
        faces,
        doc,
        fonts: HashMap::new(),
        photos: HashMap::new(),
        logo: None,
    };
    pages.iter().map(|page| one(page, &mut files)).collect()
}

/// The hashes of the files the pages draw from, each taken once.
struct Files<'a, 'f> {
    faces: &'a Faces<'f>,
    doc: &'a Document,
    fonts: HashMap<FaceId, u64>,
    photos: HashMap<usize, u64>,
    logo: Option<u64>,
}

impl Files<'_, '_> {
    fn font(&mut self, id: FaceId) -> u64 {
        let faces = self.faces;
        *self.fonts.entry(id).or_insert_with(|| {
            let face = faces.get(id);
            // A face standing in for a bold one is drawn stroked.
            xxh3_64(&face.font.bytes) ^ u64::from(face.synthetic_bold)
        })
    }

    fn photo(&mut self, index: usize) -> u64 {
        let doc = self.doc;
        *self.photos.entry(index).or_insert_with(|| {
            doc.figures
                .get(index)
                .map_or(0, |f| xxh3_64(&f.image.bytes))
        })
    }

    fn logo(&mut self) -> u64 {
        let doc = self.doc;
        *self
            .logo
            .get_or_insert_with(|| doc.logo.as_ref().map_or(0, |l| xxh3_64(&l.png)))
    }
}

fn one(page: &Page, files: &mut Files<'_, '_>) -> u64 {
    let mut h = Xxh3::new();
    let f32s = |h: &mut Xxh3, values: &[f32]| {
        for v in values {
            h.update(&v.to_bits().to_le_bytes());
        }
    };
    f32s(&mut h, &[page.width, page.height]);
    for item in &page.items {
        match item {
            Item::Text(run) => {
                h.update(b"T");
                h.update(&files.font(run.face).to_le_bytes());
                h.update(&[
                    run.color.0,
                    run.color.1,
                    run.color.2,
                    u8::from(run.reversed),
                ]);
                f32s(&mut h, &[run.size, run.x, run.y]);
                h.update(&(run.glyphs.len() as u64).to_le_bytes());
                for g in &run.glyphs {
                    h.update(&g.gid.to_le_bytes());
                    f32s(&mut h, &[g.advance, g.x_offset]);
                }
            }
            Item::Rule {
                x,
                y,
                width,
                height,
                color,
            } => {
                h.update(b"R");
                h.update(&[color.0, color.1, color.2]);
                f32s(&mut h, &[*x, *y, *width, *height]);
            }
            Item::Logo {
                x,
                y,
                width,
                height,
                ..
            } => {
                h.update(b"L");
                h.update(&files.logo().to_le_bytes());
                f32s(&mut h, &[*x, *y, *width, *height]);
            }
            Item::Photo {
                index,
                x,
                y,
                width,
                height,
            } => {
                h.update(b"P");
                h.update(&files.photo(*index).to_le_bytes());
                f32s(&mut h, &[*x, *y, *width, *height]);
            }
            Item::Link {
                x0,
                y0,
                x1,
                y1,
                uri,
                ..
            } => {
                h.update(b"A");
                h.update(&(uri.len() as u64).to_le_bytes());
                h.update(uri.as_bytes());
                f32s(&mut h, &[*x0, *y0, *x1, *y1]);
            }
        }
    }
    h.digest()
}
