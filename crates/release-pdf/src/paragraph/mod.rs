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

/// What a glyph of a line is, for the text a reader of the PDF gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Added {
    /// A glyph of the paragraph's text.
    Text,
    /// A space the line ends at: drawn (it shows nothing) so that the
    /// words on either side of the line break stay apart for a reader.
    Space,
    /// The hyphen of a word hyphenated at the line's end: not the text's.
    Hyphen,
    /// The list marker, set in the indent: a label, not the text's.
    Label,
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
    /// Index into [`Paragraph::langs`]: the language of the glyph's text
    /// when it is not the document's.
    pub lang: Option<usize>,
    /// The bytes of [`Paragraph::text`] the glyph stands for: its cluster,
    /// up to the next cluster. Empty for a hyphen or a label.
    pub text: (u32, u32),
    pub added: Added,
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
    /// The paragraph's text, as the glyphs' `text` ranges index it.
    pub text: String,
    pub links: Vec<String>,
    /// Each link's text, for its description.
    pub link_texts: Vec<String>,
    /// The languages of spans not in the document's language.
    pub langs: Vec<String>,
    /// The list marker's text, when the paragraph has one.
    pub label: Option<String>,
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
    let mut label = None;
    if let (Some(marker), Some(first)) = (block.marker, lines.first_mut()) {
        let rtl = setting.direction == Direction::RightToLeft;
        label = Some(place::marker(
            marker,
            style,
            rtl.then_some(width),
            first,
            faces,
            used,
        ));
    }
    let face = faces.get(FaceId::of(style.bold, style.italic));
    let (asc, desc) = (face.ascender, face.descender);
    let line_height = style.size_pt * style.line_height;
    let content = (asc - desc) * style.size_pt;
    let ascent = (line_height - content) / 2.0 + asc * style.size_pt;
    Paragraph {
        lines,
        text: prepared.text,
        links: prepared.links,
        link_texts: prepared.link_texts,
        langs: prepared.langs,
        label,
        line_height,
        ascent,
        uncovered: prepared.uncovered,
    }
}
