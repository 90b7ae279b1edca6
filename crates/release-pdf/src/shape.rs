//! Shaping with rustybuzz: text of one style run in, glyphs with their
//! advances (kerning applied, ligatures formed) out.
//!
//! Runs are shaped left to right. Bidirectional reordering comes with the
//! issue that adds Arabic; until then right-to-left text is laid out in
//! logical order and reported (see `layout`).

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
pub(crate) fn shape(face: &mut Face<'_>, text: &str, base: usize) -> Vec<Glyph> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(Direction::LeftToRight);
    buffer.guess_segment_properties();
    let script = buffer.script();
    let index = match face.plans.iter().position(|(s, _)| *s == Some(script)) {
        Some(i) => i,
        None => {
            let features: Vec<Feature> = FEATURES
                .iter()
                .map(|(tag, value)| Feature::new(Tag::from_bytes(tag), *value, ..))
                .collect();
            let plan = ShapePlan::new(
                &face.shaper,
                Direction::LeftToRight,
                Some(script),
                None,
                &features,
            );
            face.plans.push((Some(script), plan));
            face.plans.len() - 1
        }
    };
    let output = rustybuzz::shape_with_plan(&face.shaper, &face.plans[index].1, buffer);
    output
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
        .collect()
}
