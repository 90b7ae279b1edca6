//! One paragraph set into lines, in four steps that hand one value to the
//! next:
//!
//! 1. [`gather`]: the block's spans as one text with its style runs;
//! 2. [`prepare`]: bidi levels, the font of each character and shaping,
//!    kept in a [`prepare::Prepared`] paragraph;
//! 3. [`breaks`]: where lines may end (release-text's opportunities, hyphenation,
//!    the Chinese rules) and where they do (optimal fit when justified);
//! 4. [`place`]: each line's glyphs positioned, put in visual order and
//!    aligned, the list marker set in the indent.

mod breaks;
mod gather;
mod place;
mod prepare;

use crate::fonts::{FaceId, Faces};
use crate::hyphenate;
use crate::subset::UsedGlyphs;
use release_model::{Direction, Language};
use release_style::{Block, ParagraphStyle, Rgb};

/// What the paragraph is set with, beyond its style.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Setting {
    pub language: Language,
    pub direction: Direction,
    pub link_color: Rgb,
    pub dateline_bold: bool,
    pub hyphenate: bool,
}

/// A glyph placed on a line: `x` from the paragraph's left edge, `dy` up
/// from the baseline. Lengths in points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineGlyph {
    pub face: FaceId,
    pub size: f32,
    pub color: Rgb,
    pub gid: u16,
    pub x: f32,
    pub dy: f32,
    pub advance: f32,
    pub x_offset: f32,
    /// Index into [`Paragraph::links`].
    pub link: Option<usize>,
}

/// One line of a paragraph.
#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    pub glyphs: Vec<LineGlyph>,
}

/// A paragraph set into lines.
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    pub lines: Vec<Line>,
    pub links: Vec<String>,
    /// Baseline to baseline.
    pub line_height: f32,
    /// From the top of a line's box to its baseline.
    pub ascent: f32,
    /// Some text has no glyph in the style's fonts or fallback fonts.
    pub uncovered: bool,
}

/// Sets `block` in `style` on lines `width` points long.
pub(crate) fn set(
    block: &Block,
    style: &ParagraphStyle,
    width: f32,
    setting: Setting,
    faces: &mut Faces<'_>,
    used: &mut UsedGlyphs,
    hyphens: &mut hyphenate::Cache,
) -> Paragraph {
    let gathered = gather::gather(block, style, setting);
    let prepared = prepare::prepare(gathered, style, setting, width, faces, used);
    let broken = breaks::break_lines(&prepared, faces, hyphens);
    let mut lines = place::lines(&prepared, &broken, faces, used);
    if let (Some(marker), Some(first)) = (block.marker, lines.first_mut()) {
        let rtl = setting.direction == Direction::RightToLeft;
        place::marker(marker, style, rtl.then_some(width), first, faces, used);
    }
    let face = faces.get(FaceId::of(style.bold, style.italic));
    let (asc, desc) = (face.ascender, face.descender);
    let line_height = style.size_pt * style.line_height;
    let content = (asc - desc) * style.size_pt;
    let ascent = (line_height - content) / 2.0 + asc * style.size_pt;
    Paragraph {
        lines,
        links: prepared.links,
        line_height,
        ascent,
        uncovered: prepared.uncovered,
    }
}
