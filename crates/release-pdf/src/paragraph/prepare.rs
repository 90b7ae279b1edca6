//! Preparation: the gathered text's bidi embedding levels (unicode-bidi),
//! the font of each character (the piece's face, or the first fallback
//! font that has it) and shaping into glyphs with their advances. The
//! result, a [`Prepared`] paragraph, is what breaking and placing read.

use super::Setting;
use super::gather::{Gathered, Piece};
use crate::fonts::{FaceId, Faces};
use crate::shape::{Glyph, shape};
use crate::subset::UsedGlyphs;
use release_model::Direction;
use release_style::{Align, ParagraphStyle};
use std::ops::Range;
use unicode_bidi::{BidiInfo, Level};

/// A shaped glyph with the style run it belongs to.
pub(super) struct Shaped {
    pub glyph: Glyph,
    /// Index into [`Prepared::pieces`].
    pub piece: usize,
    /// The face that drew the glyph: the piece's face or a fallback font.
    pub face: FaceId,
}

/// A paragraph shaped and ready to be broken into lines.
pub(super) struct Prepared<'s> {
    pub text: String,
    pub pieces: Vec<Piece>,
    pub links: Vec<String>,
    pub link_texts: Vec<String>,
    pub langs: Vec<String>,
    /// Embedding level per byte of `text`; empty when the text is all left
    /// to right in a left-to-right document.
    pub levels: Vec<u8>,
    /// The glyphs in logical order.
    pub glyphs: Vec<Shaped>,
    /// Where each glyph's text ends: the start of the next cluster in
    /// logical order (or the end of the text), so that the glyphs' texts
    /// cover the whole text, characters drawn by no glyph (a line feed)
    /// going with the glyph before them.
    pub ends: Vec<u32>,
    /// Each glyph's advance, in points.
    pub advances: Vec<f32>,
    pub style: &'s ParagraphStyle,
    pub setting: Setting,
    /// The length of a line, less the indent.
    pub measure: f32,
    pub justify: bool,
    /// Some text has no glyph in the style's fonts or fallback fonts.
    pub uncovered: bool,
}

impl Prepared<'_> {
    /// The glyphs whose clusters start in `bytes`.
    pub fn glyph_range(&self, bytes: Range<usize>) -> Range<usize> {
        let a = self
            .glyphs
            .partition_point(|g| g.glyph.cluster < bytes.start);
        let b = self.glyphs.partition_point(|g| g.glyph.cluster < bytes.end);
        a..b.max(a)
    }

    /// The bidi level of the character at byte `at`.
    pub fn level(&self, at: usize) -> u8 {
        self.levels.get(at).copied().unwrap_or(0)
    }
}

/// Shapes the gathered paragraph for lines `width` points long.
pub(super) fn prepare<'s>(
    gathered: Gathered,
    style: &'s ParagraphStyle,
    setting: Setting,
    width: f32,
    faces: &mut Faces<'_>,
    used: &mut UsedGlyphs,
) -> Prepared<'s> {
    let Gathered {
        text,
        pieces,
        links,
        link_texts,
        langs,
    } = gathered;
    let right_to_left = text.chars().any(is_strong_rtl);
    let levels = bidi_levels(&text, setting.direction, right_to_left);
    let mut shaper = Shaper {
        text: &text,
        levels: &levels,
        faces,
        used,
        glyphs: Vec::with_capacity(text.len()),
        uncovered: false,
    };
    for (p, piece) in pieces.iter().enumerate() {
        // A line break inside a piece ends the runs shaped together.
        let mut start = piece.range.start;
        for (i, c) in text[piece.range.clone()].char_indices() {
            if c == '\n' {
                let at = piece.range.start + i;
                shaper.runs(start..at, piece.face, p);
                start = at + 1;
            }
        }
        shaper.runs(start..piece.range.end, piece.face, p);
    }
    let Shaper {
        glyphs, uncovered, ..
    } = shaper;
    let advances = glyphs
        .iter()
        .map(|g| g.glyph.advance as f32 * style.size_pt / faces.get(g.face).units_per_em)
        .collect();
    let ends = cluster_ends(&glyphs, text.len());
    Prepared {
        text,
        pieces,
        links,
        link_texts,
        langs,
        levels,
        glyphs,
        ends,
        advances,
        style,
        setting,
        measure: (width - style.indent_pt).max(style.size_pt),
        justify: style.align == Align::Justify,
        uncovered,
    }
}

/// The end of each glyph's text: the next larger cluster start after it.
fn cluster_ends(glyphs: &[Shaped], len: usize) -> Vec<u32> {
    let mut ends = vec![len as u32; glyphs.len()];
    for i in (0..glyphs.len()).rev() {
        let start = glyphs[i].glyph.cluster as u32;
        if let Some(next) = glyphs.get(i + 1) {
            let next_start = next.glyph.cluster as u32;
            ends[i] = if next_start > start {
                next_start
            } else {
                // The same cluster (several glyphs for one character).
                ends[i + 1].max(start)
            };
        }
    }
    ends
}

/// Embedding levels per byte of `text` (Unicode bidi), or none when the
/// text is all left to right in a left-to-right document.
fn bidi_levels(text: &str, direction: Direction, any_rtl: bool) -> Vec<u8> {
    let rtl = direction == Direction::RightToLeft;
    if !rtl && !any_rtl {
        return Vec::new();
    }
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(text, Some(level));
    info.levels.iter().map(|l| l.number()).collect()
}

fn is_strong_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// Combining marks, joiners and variation selectors: drawn by the font of
/// the character they belong to.
fn is_attached(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x08D3..=0x08FF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// Shaping in progress: the glyphs so far, and whether a character had no
/// glyph in any font.
struct Shaper<'a, 'f> {
    text: &'a str,
    levels: &'a [u8],
    faces: &'a mut Faces<'f>,
    used: &'a mut UsedGlyphs,
    glyphs: Vec<Shaped>,
    uncovered: bool,
}

impl Shaper<'_, '_> {
    /// Splits `range` into runs of one face (the piece's, or the first
    /// fallback font that has the letters) and one bidi level, and shapes
    /// each.
    fn runs(&mut self, range: Range<usize>, base: FaceId, piece: usize) {
        let (text, levels) = (self.text, self.levels);
        let level = |i: usize| levels.get(i).copied().unwrap_or(0);
        let mut run: Option<(usize, FaceId, u8)> = None;
        for (i, c) in text[range.clone()].char_indices() {
            let at = range.start + i;
            let lv = level(at);
            let face = match run {
                Some((_, f, l)) if l == lv && is_attached(c) => f,
                // Spaces and punctuation stay in the run's font when it has them.
                Some((_, f, l))
                    if l == lv && !c.is_alphanumeric() && self.faces.get(f).glyph(c).is_some() =>
                {
                    f
                }
                _ => match self.faces.cover(base, c) {
                    Some(f) => f,
                    None => {
                        if !c.is_whitespace() {
                            self.uncovered = true;
                        }
                        run.map_or(base, |(_, f, _)| f)
                    }
                },
            };
            match run {
                Some((s, f, l)) if f == face && l == lv => run = Some((s, f, l)),
                Some((s, f, l)) => {
                    self.shape(s..at, f, l % 2 == 1, piece);
                    run = Some((at, face, lv));
                }
                None => run = Some((at, face, lv)),
            }
        }
        if let Some((s, f, l)) = run {
            self.shape(s..range.end, f, l % 2 == 1, piece);
        }
    }

    /// Shapes one run and records the text each glyph stands for.
    fn shape(&mut self, range: Range<usize>, face_id: FaceId, rtl: bool, piece: usize) {
        if range.is_empty() {
            return;
        }
        let text = self.text;
        let face = self.faces.get_mut(face_id);
        let shaped = shape(face, &text[range.clone()], range.start, rtl);
        for (i, g) in shaped.iter().enumerate() {
            let end = shaped[i + 1..]
                .iter()
                .map(|n| n.cluster)
                .find(|&c| c > g.cluster)
                .unwrap_or(range.end)
                .max(g.cluster);
            let cluster = text.get(g.cluster..end).unwrap_or("");
            if g.gid == 0 && cluster.chars().any(|c| !c.is_whitespace()) {
                self.uncovered = true;
            }
            self.glyphs.push(Shaped {
                glyph: *g,
                piece,
                face: face_id,
            });
            if self.used.is_exact(face_id, g.gid) {
                continue;
            }
            let single = shaped.get(i + 1).is_none_or(|n| n.cluster != g.cluster)
                && (i == 0 || shaped[i - 1].cluster != g.cluster);
            let mut chars = cluster.chars();
            let exact = match (chars.next(), chars.next()) {
                (Some(c), None) => face.glyph(c) == Some(g.gid),
                _ => false,
            };
            if single || exact {
                self.used.record(face_id, g.gid, cluster, exact);
            } else {
                let own = cluster.chars().find(|&c| face.glyph(c) == Some(g.gid));
                match own {
                    Some(c) => self
                        .used
                        .record(face_id, g.gid, c.encode_utf8(&mut [0; 4]), true),
                    // A glyph that is part of a cluster (a ligature's
                    // piece, a mark): the cluster's text, so that every
                    // glyph maps to Unicode; the PDF's ActualText gives
                    // the words where the glyphs say more than the text.
                    None => self.used.record(face_id, g.gid, cluster, false),
                }
            }
        }
    }
}
