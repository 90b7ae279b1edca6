//! The laid-out pages: positioned glyph runs, rules, images and link areas,
//! in PDF points with the origin at the bottom left, ready to be written.

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

/// Glyphs of one face, size and colour on one baseline.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub face: FaceId,
    pub size: f32,
    pub color: Rgb,
    pub x: f32,
    pub y: f32,
    pub glyphs: Vec<RunGlyph>,
}

/// Something drawn on a page.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Text(Run),
    /// A filled rectangle: rules and link underlines.
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
    },
    /// Photo `index` of the Document, upright in this box.
    Photo {
        index: usize,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
    /// A live link over this area.
    Link {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        uri: String,
    },
}

/// One page: its size and what is on it, in drawing order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}
