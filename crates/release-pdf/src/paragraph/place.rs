//! Placing: each chosen line's glyphs set along it (glue stretched or
//! shrunk by the line's ratio, the hyphen of a hyphenated line drawn), put
//! in visual order (UAX 9, rule L2), aligned and indented at the start
//! side; and the list marker set in the indent of the first line.

use super::breaks::Broken;
use super::prepare::Prepared;
use super::{Added, Line, LineGlyph};
use crate::fonts::{FaceId, Faces};
use crate::linebreak::{FORCE, Item, Kind};
use crate::shape::shape;
use crate::subset::UsedGlyphs;
use release_model::Direction;
use release_style::{Align, ListMarker, ParagraphStyle};

/// One line's share of the paragraph.
struct Cut<'i> {
    /// The items from the line's start up to its break.
    items: &'i [Item],
    /// The break and what is dropped after it (spaces): their glyphs end
    /// the line, drawn for the reader but not seen.
    tail: &'i [Item],
    /// How far the line's glue is stretched (positive) or shrunk
    /// (negative), as a ratio of its stretch or shrink.
    ratio: f32,
    /// The line ends at a hyphenation point: a hyphen is drawn.
    hyphen: bool,
    /// The paragraph's last line.
    last: bool,
}

/// The lines of `p`, broken as `broken` says; at least one, maybe empty.
pub(super) fn lines(
    p: &Prepared<'_>,
    broken: &Broken,
    faces: &Faces<'_>,
    used: &mut UsedGlyphs,
) -> Vec<Line> {
    let Broken { items, breaks } = broken;
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for (n, b) in breaks.iter().enumerate() {
        let last = n + 1 == breaks.len();
        let end = b.at.min(items.len());
        let span = if start <= end {
            &items[start..end]
        } else {
            &[][..]
        };
        let mut next = b.at + 1;
        while next < items.len() && items[next].kind != Kind::Box && items[next].penalty > FORCE {
            next += 1;
        }
        let tail = &items[end..next.min(items.len()).max(end)];
        let ratio = if p.justify && b.ratio.is_finite() {
            b.ratio
        } else {
            0.0
        };
        let ratio = if p.justify && last {
            ratio.min(0.0)
        } else {
            ratio
        };
        let hyphen = items
            .get(b.at)
            .is_some_and(|i| i.kind == Kind::Penalty && i.flagged);
        let cut = Cut {
            items: span,
            tail,
            ratio,
            hyphen,
            last,
        };
        let mut line = set_line(p, &cut, faces, used);
        if last && !lines.is_empty() && line.glyphs.iter().all(|g| g.added == Added::Space) {
            break;
        }
        // The indent is at the start side: on the right of right-to-left
        // lines, which are set from the right edge already.
        if p.setting.direction != Direction::RightToLeft {
            for g in &mut line.glyphs {
                g.x += p.style.indent_pt;
            }
        }
        lines.push(line);
        start = next;
    }
    if lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}

/// The glyph `g` of the prepared paragraph, at `x`.
fn line_glyph(p: &Prepared<'_>, faces: &Faces<'_>, g: usize, x: f32, advance: f32) -> LineGlyph {
    let s = &p.glyphs[g];
    let piece = &p.pieces[s.piece];
    let size = p.style.size_pt;
    let em = size / faces.get(s.face).units_per_em;
    LineGlyph {
        face: s.face,
        size,
        color: piece.color,
        gid: s.glyph.gid,
        x,
        dy: s.glyph.y_offset as f32 * em,
        advance,
        x_offset: s.glyph.x_offset as f32 * em,
        link: piece.link,
        lang: piece.lang,
        text: (s.glyph.cluster as u32, p.ends[g]),
        added: Added::Text,
    }
}

/// How a line's `ratio` (of its whole stretch or shrink, letters' and
/// spaces' together, as the breaker chose it) is shared: the letters take
/// it up to their limit (`LETTER_SPACING` of their width, a ratio of 1) and
/// the spaces the rest, so that a loose line never spaces its letters more
/// than that. Returns the letters' ratio and the spaces' ratio.
fn split_ratio(items: &[Item], ratio: f32) -> (f32, f32) {
    let (mut glue, mut boxes) = (0.0_f32, 0.0_f32);
    for item in items {
        let flex = if ratio >= 0.0 {
            item.stretch
        } else {
            item.shrink
        };
        match item.kind {
            Kind::Glue => glue += flex,
            Kind::Box => boxes += flex,
            Kind::Penalty => {}
        }
    }
    if boxes <= 0.0 {
        return (0.0, ratio);
    }
    if glue <= 0.0 {
        return (ratio.clamp(-1.0, 1.0), 0.0);
    }
    let letters = ratio.clamp(-1.0, 1.0);
    (letters, (ratio * (glue + boxes) - letters * boxes) / glue)
}

/// One line: its glyphs along it, in visual order, aligned in the measure.
fn set_line(p: &Prepared<'_>, cut: &Cut<'_>, faces: &Faces<'_>, used: &mut UsedGlyphs) -> Line {
    let (span, ratio, last) = (cut.items, cut.ratio, cut.last);
    let style = p.style;
    // Trailing glue is not drawn and does not count for alignment.
    let drawn = span
        .iter()
        .rposition(|i| i.kind == Kind::Box)
        .map_or(0, |i| i + 1);
    let mut natural: f32 = span[..drawn]
        .iter()
        .filter(|i| i.kind != Kind::Penalty)
        .map(|i| i.width)
        .sum();
    let mut line = Line::default();
    let mut glyph_levels: Vec<u8> = Vec::new();
    let mut x = 0.0;
    let size = style.size_pt;
    let (box_ratio, glue_ratio) = split_ratio(&span[..drawn], ratio);
    for item in &span[..drawn] {
        let (extra, letters) = match item.kind {
            Kind::Penalty => continue,
            Kind::Box if box_ratio >= 0.0 => (0.0, box_ratio * item.stretch),
            Kind::Box => (0.0, box_ratio * item.shrink),
            Kind::Glue if glue_ratio >= 0.0 => (glue_ratio * item.stretch, 0.0),
            Kind::Glue => (glue_ratio * item.shrink, 0.0),
        };
        for g in item.glyphs.clone() {
            let mut advance = p.advances[g];
            if letters != 0.0 && item.width > 0.0 {
                // The box's letter spacing, shared in proportion to advance.
                advance += letters * p.advances[g] / item.width;
            }
            if g + 1 == item.glyphs.end {
                advance += extra;
            }
            glyph_levels.push(p.level(p.glyphs[g].glyph.cluster));
            line.glyphs.push(line_glyph(p, faces, g, x, advance));
            x += advance;
        }
        if item.glyphs.is_empty() {
            // Glue with no glyph (between Chinese characters) widens the
            // glyph before it, so that reordering keeps it.
            if let Some(prev) = line.glyphs.last_mut() {
                prev.advance += item.width + extra;
            }
            x += item.width + extra;
        }
    }
    if cut.hyphen
        && let Some(prev) = line.glyphs.last().copied()
    {
        let face = faces.get(prev.face);
        if let Some(h) = face.hyphen {
            let advance = f32::from(face.advance(h)) * size / face.units_per_em;
            used.record(prev.face, h, "-", true);
            glyph_levels.push(glyph_levels.last().copied().unwrap_or(0));
            line.glyphs.push(LineGlyph {
                gid: h,
                x: prev.x + prev.advance,
                dy: 0.0,
                advance,
                x_offset: 0.0,
                text: (prev.text.1, prev.text.1),
                added: Added::Hyphen,
                ..prev
            });
            natural += advance;
        }
    }
    if !p.levels.is_empty() {
        reorder(&mut line, &glyph_levels);
    }
    let slack = p.measure - natural;
    let rtl = p.setting.direction == Direction::RightToLeft;
    let shift = match style.align {
        Align::Justify if !last => 0.0,
        Align::Justify | Align::Start if rtl => slack,
        Align::Justify | Align::Start | Align::Left => 0.0,
        Align::End if rtl => 0.0,
        Align::End | Align::Right => slack,
        Align::Center => slack / 2.0,
    };
    if shift != 0.0 {
        for g in &mut line.glyphs {
            g.x += shift;
        }
    }
    let tail = span[drawn..]
        .iter()
        .chain(cut.tail)
        .filter(|i| i.kind == Kind::Glue)
        .flat_map(|i| i.glyphs.clone());
    end_with_spaces(p, faces, &mut line, tail, rtl);
    line
}

/// Adds the spaces a line breaks at after its last glyph in reading order:
/// on the right of a left-to-right line, on the left of a right-to-left one.
fn end_with_spaces(
    p: &Prepared<'_>,
    faces: &Faces<'_>,
    line: &mut Line,
    spaces: impl Iterator<Item = usize>,
    rtl: bool,
) {
    let mut spaces = spaces.peekable();
    if spaces.peek().is_none() {
        return;
    }
    if rtl {
        // Glyphs are in visual order: the first is the leftmost.
        let mut x = line.glyphs.first().map_or(p.measure, |g| g.x);
        let mut added = Vec::new();
        for g in spaces {
            let advance = p.advances[g];
            x -= advance;
            added.push(space(p, faces, g, x, advance));
        }
        added.reverse();
        added.append(&mut line.glyphs);
        line.glyphs = added;
    } else {
        let mut x = line.glyphs.last().map_or(0.0, |g| g.x + g.advance);
        for g in spaces {
            let advance = p.advances[g];
            line.glyphs.push(space(p, faces, g, x, advance));
            x += advance;
        }
    }
}

fn space(p: &Prepared<'_>, faces: &Faces<'_>, g: usize, x: f32, advance: f32) -> LineGlyph {
    LineGlyph {
        added: Added::Space,
        ..line_glyph(p, faces, g, x, advance)
    }
}

/// Reorders a line's glyphs from logical to visual order (UAX 9, rule L2)
/// and sets them along the line again.
fn reorder(line: &mut Line, levels: &[u8]) {
    let Some(&max) = levels.iter().max() else {
        return;
    };
    let min_odd = levels
        .iter()
        .copied()
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(max + 1);
    let mut order: Vec<usize> = (0..line.glyphs.len()).collect();
    let mut lv: Vec<u8> = levels.to_vec();
    let mut level = max;
    while level >= min_odd && level > 0 {
        let mut i = 0;
        while i < order.len() {
            if lv[i] >= level {
                let mut j = i;
                while j < order.len() && lv[j] >= level {
                    j += 1;
                }
                order[i..j].reverse();
                lv[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    let start = line.glyphs.first().map_or(0.0, |g| g.x);
    let logical = std::mem::take(&mut line.glyphs);
    let mut x = start;
    for i in order {
        let mut g = logical[i];
        g.x = x;
        x += g.advance;
        line.glyphs.push(g);
    }
}

/// Sets the list marker in the indent: on the left, or on the right when
/// `rtl_width` (the paragraph's width) says the lines run right to left.
/// Returns the marker's text.
pub(super) fn marker(
    marker: ListMarker,
    style: &ParagraphStyle,
    rtl_width: Option<f32>,
    line: &mut Line,
    faces: &mut Faces<'_>,
    used: &mut UsedGlyphs,
) -> String {
    let label = match marker {
        ListMarker::Bullet => "\u{2022}".to_owned(),
        ListMarker::Number { number, .. } => format!("{number}."),
    };
    let face_id = FaceId::of(style.bold, style.italic);
    let face = faces.get_mut(face_id);
    let shaped = shape(face, &label, 0, false);
    let em = style.size_pt / face.units_per_em;
    let width: f32 = shaped.iter().map(|g| g.advance as f32 * em).sum();
    let mut x = match rtl_width {
        Some(full) => (full - style.indent_pt + style.size_pt * 0.4).min(full - width),
        None => (style.indent_pt - width - style.size_pt * 0.4).max(0.0),
    };
    let color = line.glyphs.first().map_or(style.color, |g| g.color);
    let mut marks = Vec::with_capacity(shaped.len());
    for (i, g) in shaped.iter().enumerate() {
        let end = shaped.get(i + 1).map_or(label.len(), |n| n.cluster);
        let text = label.get(g.cluster..end).unwrap_or("");
        used.record(face_id, g.gid, text, false);
        let advance = g.advance as f32 * em;
        marks.push(LineGlyph {
            face: face_id,
            size: style.size_pt,
            color,
            gid: g.gid,
            x,
            dy: 0.0,
            advance,
            x_offset: 0.0,
            link: None,
            lang: None,
            text: (0, 0),
            added: Added::Label,
        });
        x += advance;
    }
    marks.append(&mut line.glyphs);
    line.glyphs = marks;
    label
}

#[cfg(test)]
mod tests {
    use super::split_ratio;
    use crate::linebreak::Item;

    fn line(letters: f32, spaces: f32) -> Vec<Item> {
        vec![
            Item {
                stretch: letters,
                shrink: letters,
                ..Item::boxed(100.0, 0..4)
            },
            Item::glue(3.0, spaces, spaces, 4..5),
        ]
    }

    #[test]
    fn letters_take_the_slack_up_to_their_limit_and_spaces_the_rest() {
        // Within the stretch: letters and spaces by the same ratio.
        assert_eq!(split_ratio(&line(2.0, 1.5), 0.5), (0.5, 0.5));
        // A loose line: letters at their limit, the spaces take the rest
        // (1.5 × 3.5 = 5.25 in all; letters 2, spaces 3.25 of 1.5).
        let (letters, spaces) = split_ratio(&line(2.0, 1.5), 1.5);
        assert_eq!(letters, 1.0);
        assert!((spaces - 3.25 / 1.5).abs() < 1e-5, "{spaces}");
        // A tight one, the same way.
        let (letters, spaces) = split_ratio(&line(2.0, 1.0), -1.2);
        assert_eq!(letters, -1.0);
        assert!((spaces - (-1.2 * 3.0 + 2.0) / 1.0).abs() < 1e-5, "{spaces}");
        // No letter spacing (Arabic, Chinese, ragged lines): all to spaces.
        assert_eq!(split_ratio(&line(0.0, 1.5), 1.2), (0.0, 1.2));
        // No spaces (one long word): the letters alone, within their limit.
        assert_eq!(split_ratio(&line(2.0, 0.0), 3.0), (1.0, 0.0));
    }
}
