//! Breaking: the prepared paragraph as Knuth–Plass items (boxes of glyphs,
//! glue for spaces, penalties where a line may end) from the break
//! opportunities of UAX 14, the Chinese rules, hyphenation points and
//! emergency cuts of words too long for any line; then the lines chosen,
//! optimal fit when justified and first fit when ragged.

use super::prepare::Prepared;
use crate::fonts::Faces;
use crate::hyphenate;
use crate::linebreak::{self, Break, FIL, FORCE, Item, Kind};
use release_model::Language;
use release_text::{BreakOpportunity, cjk_around, opportunities};
use std::ops::Range;

/// Penalty for breaking after a hyphen or dash already in the text.
const EXPLICIT_HYPHEN_PENALTY: f32 = 50.0;
/// Penalty for a hyphen the writer adds.
const HYPHEN_PENALTY: f32 = 50.0;
/// Penalty for cutting a word too long for any line.
const EMERGENCY_PENALTY: f32 = 1_000.0;
/// How far the space between two Chinese characters may stretch, in em.
const CJK_STRETCH: f32 = 0.15;

/// The paragraph's items and the breaks chosen among them.
pub(super) struct Broken {
    pub items: Vec<Item>,
    /// One per line, in order.
    pub breaks: Vec<Break>,
}

/// Where the lines of `p` end.
pub(super) fn break_lines(
    p: &Prepared<'_>,
    faces: &Faces<'_>,
    hyphens: &mut hyphenate::Cache,
) -> Broken {
    let items = items(p, faces, hyphens);
    let breaks = if p.justify {
        linebreak::optimal_fit(&items, p.measure)
    } else {
        linebreak::first_fit(&items, p.measure)
    };
    Broken { items, breaks }
}

fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}')
}

/// Byte ranges of whitespace-separated tokens that must not be hyphenated.
fn protected_tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                let token = &text[s..i];
                // As in TeX, a compound that has its own hyphen breaks only there.
                if hyphenate::is_protected(token) || token.contains(['-', '\u{2010}']) {
                    out.push(s..i);
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Hyphenation points (absolute byte offsets) inside `range`.
fn hyphen_points(
    text: &str,
    range: Range<usize>,
    language: Language,
    hyphens: &mut hyphenate::Cache,
) -> Vec<usize> {
    let mut points = Vec::new();
    let mut run: Option<usize> = None;
    let slice = &text[range.clone()];
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        let letter = c.is_alphabetic();
        match (letter, run) {
            (true, None) => run = Some(i),
            (false, Some(s)) => {
                let word = &slice[s..i];
                if !word.chars().all(char::is_uppercase) {
                    points.extend(
                        hyphenate::cached_points(hyphens, language, word)
                            .into_iter()
                            .map(|p| range.start + s + p),
                    );
                }
                run = None;
            }
            _ => {}
        }
    }
    points
}

/// The paragraph as boxes, glue and penalties.
fn items(p: &Prepared<'_>, faces: &Faces<'_>, hyphens: &mut hyphenate::Cache) -> Vec<Item> {
    let (text, style, setting) = (p.text.as_str(), p.style, p.setting);
    let justify = p.justify;
    // Chinese is not hyphenated: lines break between characters.
    let hyphenate = setting.hyphenate && style.hyphenate && setting.language != Language::Zh;
    let protected = if hyphenate {
        protected_tokens(text)
    } else {
        Vec::new()
    };
    let width_of = |r: &Range<usize>| p.advances[r.clone()].iter().sum::<f32>();
    let mut items = Vec::with_capacity(p.glyphs.len() / 3 + 4);
    let mut prev = 0;
    for (pos, opportunity) in opportunities(text) {
        let segment = &text[prev..pos];
        let trimmed = segment.trim_end_matches(is_breaking_space);
        let content = prev..prev + trimmed.len();
        if !content.is_empty() {
            let mut cuts = Vec::new();
            let shielded = protected
                .iter()
                .any(|t| t.start < content.end && content.start < t.end);
            if hyphenate && !shielded {
                cuts = hyphen_points(text, content.clone(), setting.language, hyphens);
            }
            let mut from = content.start;
            for cut in cuts.iter().copied().chain(std::iter::once(content.end)) {
                let range = p.glyph_range(from..cut);
                push_box(&mut items, range.clone(), &p.advances, p.measure);
                if cut != content.end {
                    let hyphen = hyphen_width(p, range.end, faces);
                    items.push(Item::penalty(hyphen, HYPHEN_PENALTY, true));
                }
                from = cut;
            }
        }
        let space = content.end..pos;
        let spaces = p.glyph_range(space.clone());
        let has_space = text[space.clone()].chars().any(|c| c != '\n');
        if has_space {
            let w = width_of(&spaces);
            let (stretch, shrink) = if justify {
                (w * 0.5, w * 0.33)
            } else {
                (0.0, 0.0)
            };
            items.push(Item::glue(w, stretch, shrink, spaces));
        }
        match opportunity {
            BreakOpportunity::Mandatory => {
                items.push(Item::glue(0.0, FIL, 0.0, 0..0));
                items.push(Item::penalty(0.0, FORCE, false));
            }
            // Chinese has no spaces: lines are justified by spacing the
            // characters, at the places a line may break between them.
            BreakOpportunity::Allowed
                if justify && !has_space && pos < text.len() && cjk_around(text, pos) =>
            {
                items.push(Item::glue(0.0, style.size_pt * CJK_STRETCH, 0.0, 0..0));
            }
            BreakOpportunity::Allowed if !has_space && pos < text.len() => {
                let explicit = trimmed.ends_with(['-', '\u{2010}', '\u{2013}', '\u{2014}']);
                let penalty = if explicit {
                    EXPLICIT_HYPHEN_PENALTY
                } else {
                    0.0
                };
                items.push(Item::penalty(0.0, penalty, false));
            }
            BreakOpportunity::Allowed => {}
        }
        prev = pos;
    }
    if items
        .last()
        .is_none_or(|i| i.penalty > FORCE || i.kind != Kind::Penalty)
    {
        items.push(Item::glue(0.0, FIL, 0.0, 0..0));
        items.push(Item::penalty(0.0, FORCE, false));
    }
    items
}

fn push_box(items: &mut Vec<Item>, range: Range<usize>, advances: &[f32], measure: f32) {
    let width: f32 = advances[range.clone()].iter().sum();
    if width <= measure || range.len() < 2 {
        items.push(Item::boxed(width, range));
        return;
    }
    for (n, g) in range.clone().enumerate() {
        if n > 0 {
            items.push(Item::penalty(0.0, EMERGENCY_PENALTY, false));
        }
        items.push(Item::boxed(advances[g], g..g + 1));
    }
}

/// The width of the hyphen drawn after glyph `end - 1`, in its face.
fn hyphen_width(p: &Prepared<'_>, end: usize, faces: &Faces<'_>) -> f32 {
    let Some(last) = end.checked_sub(1).and_then(|i| p.glyphs.get(i)) else {
        return 0.0;
    };
    let size = p.style.size_pt;
    let face = faces.get(last.face);
    face.hyphen.map_or(0.0, |h| {
        f32::from(face.advance(h)) * size / face.units_per_em
    })
}
