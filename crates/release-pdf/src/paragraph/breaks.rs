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
/// Penalty for a hyphen added inside a part of a compound that has its own
/// hyphens ("Under-Secre-tary-General"): taken only where breaking at the
/// compound's hyphens would leave a line loose.
const COMPOUND_HYPHEN_PENALTY: f32 = 150.0;
/// How far a justified line's letters may be spaced apart or together, as
/// a share of each glyph's advance: the line's stretch and shrink count it,
/// so that spaces need not take all the slack. Only where letters do not
/// join (not Arabic) and words are spaced (not Chinese).
const LETTER_SPACING: f32 = 0.02;
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

/// Byte ranges of whitespace-separated tokens that must not be hyphenated
/// (addresses, codes), and of those that are compounds with their own
/// hyphens, hyphenated only at a cost.
fn protected_tokens(text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut out = Vec::new();
    let mut compounds = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                let token = &text[s..i];
                if hyphenate::is_protected(token) {
                    out.push(s..i);
                } else if token.contains(['-', '\u{2010}']) {
                    compounds.push(s..i);
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    (out, compounds)
}

/// True when letters of `text` may be spaced: no script whose letters join
/// (Arabic) or that is set without spaces (Chinese, Japanese).
fn trackable(text: &str) -> bool {
    !text.chars().any(|c| {
        matches!(c, '\u{0600}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
            || release_text::is_cjk(c)
    })
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
    let (protected, compounds) = if hyphenate {
        protected_tokens(text)
    } else {
        (Vec::new(), Vec::new())
    };
    let spaced = |content: &Range<usize>| {
        if justify && trackable(&text[content.clone()]) {
            LETTER_SPACING
        } else {
            0.0
        }
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
            let in_compound = compounds
                .iter()
                .any(|t| t.start < content.end && content.start < t.end);
            let penalty = if in_compound {
                COMPOUND_HYPHEN_PENALTY
            } else {
                HYPHEN_PENALTY
            };
            let tracking = spaced(&content);
            let mut from = content.start;
            for cut in cuts.iter().copied().chain(std::iter::once(content.end)) {
                let range = p.glyph_range(from..cut);
                push_box(&mut items, range.clone(), &p.advances, p.measure, tracking);
                if cut != content.end {
                    let hyphen = hyphen_width(p, range.end, faces);
                    items.push(Item::penalty(hyphen, penalty, true));
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

/// The glyphs `range` as one box (or, too wide for any line, one box per
/// glyph with emergency breaks between), whose letters may be spaced by
/// `tracking` of their width.
fn push_box(
    items: &mut Vec<Item>,
    range: Range<usize>,
    advances: &[f32],
    measure: f32,
    tracking: f32,
) {
    let boxed = |width: f32, glyphs: Range<usize>| Item {
        stretch: width * tracking,
        shrink: width * tracking,
        ..Item::boxed(width, glyphs)
    };
    let width: f32 = advances[range.clone()].iter().sum();
    if width <= measure || range.len() < 2 {
        items.push(boxed(width, range));
        return;
    }
    for (n, g) in range.clone().enumerate() {
        if n > 0 {
            items.push(Item::penalty(0.0, EMERGENCY_PENALTY, false));
        }
        items.push(boxed(advances[g], g..g + 1));
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

#[cfg(test)]
mod tests {
    use super::{protected_tokens, trackable};

    #[test]
    fn joined_and_unspaced_scripts_are_not_letter_spaced() {
        assert!(trackable("Counter-Terrorism"));
        assert!(trackable("Контртеррористический éàü"));
        assert!(!trackable("مكافحة الإرهاب"));
        assert!(!trackable("反恐"));
    }

    #[test]
    fn compounds_are_told_from_protected_tokens() {
        let text = "Under-Secretary-General gerardl@un.org Dushanbe";
        let (protected, compounds) = protected_tokens(text);
        assert_eq!(compounds, vec![0..23]);
        assert_eq!(
            protected
                .iter()
                .map(|r| &text[r.clone()])
                .collect::<Vec<_>>(),
            ["gerardl@un.org"]
        );
    }
}
