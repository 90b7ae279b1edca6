//! The laid-out pages: positioned glyph runs, rules, images and link areas,
//! in PDF points with the origin at the bottom left, ready to be written.
//! Each thing drawn says what it is for a reader ([`Mark`]): content of a
//! block of the Document (which the structure tree owns), a figure, or an
//! artifact (the footer, rules).

use crate::fonts::FaceId;
use release_style::Rgb;

/// One glyph of a run. Lengths in points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RunGlyph {
    pub gid: u16,
    /// Distance from this glyph's origin to the next one's.
    pub advance: f32,
    /// Horizontal displacement of the glyph from its origin (combining marks).
    pub x_offset: f32,
}

/// What a block's glyphs are part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The block's text.
    Text,
    /// The text of the block's link with this index.
    Link(usize),
    /// The list item's marker.
    Label,
}

/// Content that is not the document's: the structure tree leaves it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Artifact {
    /// Rules, underlines, boxes standing for missing glyphs.
    Layout,
    /// The page footer (`Page 1 of 2`).
    Footer,
    /// What repeats at the top of every page (the header logo).
    Header,
}

/// What a drawn thing is for a reader of the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Content of the Document's block with this index.
    Block {
        block: usize,
        part: Part,
    },
    /// The figure with this index (the logo is figure 0), with its
    /// alternative text in the structure tree.
    Figure(usize),
    /// Photo `n` of the Document, its `Figure` with the photo's alt text.
    Photo(usize),
    Artifact(Artifact),
}

/// Glyphs of one face, size, colour, language and [`Mark`] on one
/// baseline, standing for one stretch of text in reading order.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub face: FaceId,
    pub size: f32,
    pub color: Rgb,
    pub x: f32,
    pub y: f32,
    pub glyphs: Vec<RunGlyph>,
    pub mark: Mark,
    /// The text's language when it is not the document's.
    pub lang: Option<String>,
    /// The glyphs are drawn in the reverse of the text's order: right to
    /// left text, set in visual order.
    pub reversed: bool,
    /// What the glyphs stand for, in reading order: where the glyphs, read
    /// through the fonts' ToUnicode maps, say something else (right to left
    /// text drawn in visual order, a ligature, an added hyphen), the writer
    /// gives this as ActualText.
    pub text: String,
}

/// Something drawn on a page.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Text(Run),
    /// A filled rectangle: rules and link underlines, always an artifact.
    Rule {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        color: Rgb,
    },
    /// The logo, scaled into this box.
    Logo {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        mark: Mark,
    },
    /// Photo `index` of the Document, upright in this box.
    Photo {
        index: usize,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
    /// A live link over this area: the link `link` of block `block`.
    Link {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        uri: String,
        block: usize,
        link: usize,
        /// What the link is, for readers (the annotation's `/Contents`).
        description: String,
    },
}

/// One page: its size and what is on it, in drawing order (text in
/// reading order).
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

impl Page {
    /// The page's text in reading order: the runs' texts, a new line where
    /// a run starts on another baseline than the one before it.
    pub(crate) fn text(&self) -> String {
        let mut text = String::new();
        let mut baseline = None;
        for item in &self.items {
            let Item::Text(run) = item else { continue };
            if baseline.is_some_and(|y| y != run.y) {
                text.push('\n');
            }
            baseline = Some(run.y);
            text.push_str(&run.text);
        }
        text
    }
}
