//! The content streams of pages written in earlier renders, kept by
//! everything a page's stream is written from, so that after an edit only
//! the pages it changed are written again.
//!
//! A page's stream is a function of the page as laid out (its runs with
//! their glyphs, text, language and marks; its rules; the logo's and
//! photos' boxes), of how each of its glyphs is numbered in its font's
//! subset and what text the fonts' maps give it (so a glyph new to another
//! page, which renumbers a subset, rewrites only the pages it renumbers),
//! of whether the PDF is tagged, and of
//! the kind of structure element each mark belongs to (its tag). The key
//! holds all of them, so a kept stream is byte for byte the one the writer
//! would write. What writing the page gave the structure tree (its
//! marked-content ids, in order, and the element each belongs to) is
//! recorded with the stream and given to the tree again when it is reused,
//! so the tree is the one a fresh render builds.
//!
//! The fonts behind the face numbers are not in the key: like the kept
//! paragraphs, the kept streams are forgotten when the fonts change.

use crate::content::{self, Pen};
use crate::memo::Recent;
use crate::page::{Item, Mark, Page, Part};
use crate::structure::Tree;
use crate::subset::{Subset, UsedGlyphs};
use xxhash_rust::xxh3::xxh3_128;

/// Kept content streams (see the module's text); part of a
/// [`crate::Typesetter`].
#[derive(Default)]
pub(crate) struct Streams {
    /// Each stream, with the marks of its marked-content sequences by
    /// their ids, by its key.
    pub kept: Recent<u128, (Vec<u8>, Vec<Mark>)>,
    /// Whether the render is tagged.
    tagged: bool,
    /// A hash of the text of each glyph of each face drawn with, by face
    /// and glyph id: what the fonts' text maps give it.
    texts: Vec<Vec<u64>>,
    /// The key being written.
    scratch: Vec<u8>,
    /// Streams written and streams reused since it was made.
    pub counts: (usize, usize),
}

impl Streams {
    /// Starts writing the pages of a render with these subsets and text maps.
    pub fn begin(&mut self, tagged: bool, subsets: &[Subset], used: &UsedGlyphs) {
        self.kept.begin();
        self.tagged = tagged;
        self.texts.clear();
        for subset in subsets {
            let face = usize::from(subset.face.0);
            if self.texts.len() <= face {
                self.texts.resize_with(face + 1, Vec::new);
            }
            self.texts[face] = used.text_hashes(subset.face);
        }
    }

    /// Ends the render: what it did not use is forgotten.
    pub fn end(&mut self) {
        self.kept.end();
    }

    /// The content stream of `page`, the `index`th, kept or written now.
    pub fn page(&mut self, page: &Page, index: usize, pen: &mut Pen<'_, '_>) -> Vec<u8> {
        let key = self.key(page, pen);
        if let Some((bytes, marks)) = self.kept.get(&key) {
            if let Some(tree) = pen.tree.as_deref_mut() {
                for (mcid, mark) in (0u32..).zip(marks) {
                    // The key holds each mark's owner: it has one.
                    if let Some(element) = tree.owner(*mark) {
                        tree.add_content(element, index, mcid);
                    }
                }
            }
            self.counts.1 += 1;
            return bytes.clone();
        }
        self.counts.0 += 1;
        pen.marks.clear();
        let bytes = content::page(page, index, pen);
        self.kept
            .insert(key, (bytes.clone(), std::mem::take(&mut pen.marks)));
        bytes
    }

    /// Everything the stream of `page` is written from (see the module's text).
    fn key(&mut self, page: &Page, pen: &Pen<'_, '_>) -> u128 {
        let tree = pen.tree.as_deref();
        let out = &mut self.scratch;
        out.clear();
        out.push(u8::from(self.tagged));
        for item in &page.items {
            match item {
                Item::Text(run) => {
                    let subset = pen.subsets.iter().find(|s| s.face == run.face);
                    let texts = self.texts.get(usize::from(run.face.0));
                    let (Some(subset), Some(texts)) = (subset, texts) else {
                        // Not drawn.
                        out.push(4);
                        continue;
                    };
                    out.push(0);
                    out.push(run.face.0);
                    numbers(out, &[run.size, run.x, run.y]);
                    out.extend_from_slice(&[run.color.0, run.color.1, run.color.2]);
                    mark(out, run.mark, tree);
                    text(out, run.lang.as_deref().unwrap_or("\u{0}"));
                    out.push(u8::from(run.reversed));
                    text(out, &run.text);
                    length(out, run.glyphs.len());
                    // Each glyph: its ids in the font and in the subset, its
                    // text, advance and offset.
                    out.reserve(run.glyphs.len() * 20);
                    for g in &run.glyphs {
                        let gid = usize::from(g.gid);
                        let ids = u32::from(g.gid) | u32::from(subset.code(g.gid)) << 16;
                        out.extend_from_slice(&ids.to_le_bytes());
                        let text = texts.get(gid).copied().unwrap_or(0);
                        out.extend_from_slice(&text.to_le_bytes());
                        out.extend_from_slice(&g.advance.to_bits().to_le_bytes());
                        out.extend_from_slice(&g.x_offset.to_bits().to_le_bytes());
                    }
                }
                Item::Rule {
                    x,
                    y,
                    width,
                    height,
                    color,
                } => {
                    out.push(1);
                    numbers(out, &[*x, *y, *width, *height]);
                    out.extend_from_slice(&[color.0, color.1, color.2]);
                }
                Item::Logo {
                    x,
                    y,
                    width,
                    height,
                    mark: m,
                } => {
                    out.push(2);
                    numbers(out, &[*x, *y, *width, *height]);
                    mark(out, *m, tree);
                }
                Item::Photo {
                    index,
                    x,
                    y,
                    width,
                    height,
                } => {
                    out.push(3);
                    length(out, *index);
                    mark(out, Mark::Photo(*index), tree);
                    match pen.figures.get(*index) {
                        Some(figure) => {
                            out.push(1);
                            numbers(out, &crate::photo::matrix(figure, *x, *y, *width, *height));
                        }
                        None => out.push(0),
                    }
                }
                // Drawn by its annotation, not by the stream.
                Item::Link { .. } => {}
            }
        }
        xxh3_128(out)
    }
}

fn numbers(out: &mut Vec<u8>, values: &[f32]) {
    for v in values {
        out.extend_from_slice(&v.to_bits().to_le_bytes());
    }
}

fn length(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

fn text(out: &mut Vec<u8>, text: &str) {
    length(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

/// The mark, and the tag of the element that owns it (none for an
/// artifact or an untagged PDF).
fn mark(out: &mut Vec<u8>, mark: Mark, tree: Option<&Tree>) {
    match mark {
        Mark::Block { block, part } => {
            out.push(0);
            length(out, block);
            match part {
                Part::Text => out.push(0),
                Part::Label => out.push(1),
                Part::Link(link) => {
                    out.push(2);
                    length(out, link);
                }
            }
        }
        Mark::Figure(n) => {
            out.push(1);
            length(out, n);
        }
        Mark::Photo(n) => {
            out.push(2);
            length(out, n);
        }
        Mark::Artifact(kind) => {
            out.push(3);
            out.push(kind as u8);
        }
    }
    match tree.and_then(|t| t.kind_owning(mark)) {
        Some(kind) => text(out, kind.name()),
        None => text(out, ""),
    }
}
