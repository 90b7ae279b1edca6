//! Shaping with rustybuzz: text of one style run in, glyphs with their
//! advances (kerning applied, ligatures formed) out.
//!
//! Right-to-left runs are shaped right to left (Arabic joining, lam-alef,
//! marks) and handed back in logical order, like left-to-right ones; the
//! paragraph reorders each line visually once it is broken.

use crate::fonts::Face;
use rustybuzz::{Direction, Feature, ShapePlan, UnicodeBuffer, ttf_parser::Tag};

/// One shaped glyph. Lengths are in font units.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    pub gid: u16,
    /// Byte offset of the glyph's cluster in the paragraph's text.
    pub cluster: usize,
    pub advance: i32,
    pub x_offset: i32,
    pub y_offset: i32,
}

const FEATURES: [(&[u8; 4], u32); 2] = [(b"kern", 1), (b"liga", 1)];

/// Shapes `text`, which starts at byte `base` of the paragraph.
pub(crate) fn shape(face: &mut Face<'_>, text: &str, base: usize, rtl: bool) -> Vec<Glyph> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    let direction = if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    };
    buffer.set_direction(direction);
    buffer.guess_segment_properties();
    let script = buffer.script();
    let index = match face
        .plans
        .iter()
        .position(|(s, d, _)| *s == Some(script) && *d == direction)
    {
        Some(i) => i,
        None => {
            let features: Vec<Feature> = FEATURES
                .iter()
                .map(|(tag, value)| Feature::new(Tag::from_bytes(tag), *value, ..))
                .collect();
            let plan = ShapePlan::new(&face.shaper, direction, Some(script), None, &features);
            face.plans.push((Some(script), direction, plan));
            face.plans.len() - 1
        }
    };
    let output = rustybuzz::shape_with_plan(&face.shaper, &face.plans[index].2, buffer);
    let mut glyphs: Vec<Glyph> = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| Glyph {
            gid: u16::try_from(info.glyph_id).unwrap_or(0),
            cluster: base + info.cluster as usize,
            advance: pos.x_advance,
            x_offset: pos.x_offset,
            y_offset: pos.y_offset,
        })
        .collect();
    if rtl {
        // Visual order back to logical; reversing a line's right-to-left
        // run restores it.
        glyphs.reverse();
    }
    glyphs
}
