//! One paragraph set into lines: spans shaped, break opportunities found
//! (unicode-linebreak), hyphenation points added, lines chosen (optimal fit
//! when justified), then glyphs positioned along each line.

use crate::fonts::{FaceId, Faces};
use crate::hyphenate;
use crate::linebreak::{self, Break, FIL, FORCE, Item, Kind};
use crate::shape::{Glyph, shape};
use crate::subset::UsedGlyphs;
use release_model::{Direction, Language};
use release_style::{Align, Block, CharStyle, ListMarker, ParagraphStyle, Rgb};
use std::ops::Range;
use unicode_bidi::{BidiInfo, Level};
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Penalty for breaking after a hyphen or dash already in the text.
const EXPLICIT_HYPHEN_PENALTY: f32 = 50.0;
/// Penalty for a hyphen the writer adds.
const HYPHEN_PENALTY: f32 = 50.0;
/// Penalty for cutting a word too long for any line.
const EMERGENCY_PENALTY: f32 = 1_000.0;

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

struct Piece {
    range: Range<usize>,
    face: FaceId,
    color: Rgb,
    link: Option<usize>,
}

struct Shaped {
    glyph: Glyph,
    piece: usize,
    /// The face that drew the glyph: the piece's face or a fallback font.
    face: FaceId,
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
    let (text, pieces, links) = gather(block, style, setting);
    let mut uncovered = false;
    let right_to_left = text.chars().any(is_strong_rtl);
    let levels = bidi_levels(&text, setting.direction, right_to_left);
    let mut glyphs: Vec<Shaped> = Vec::with_capacity(text.len());
    for (p, piece) in pieces.iter().enumerate() {
        let mut start = piece.range.start;
        for (i, c) in text[piece.range.clone()].char_indices() {
            if c == '\n' {
                let at = piece.range.start + i;
                shape_runs(
                    &text,
                    start..at,
                    piece.face,
                    p,
                    &levels,
                    faces,
                    used,
                    &mut glyphs,
                    &mut uncovered,
                );
                start = at + 1;
            }
        }
        shape_runs(
            &text,
            start..piece.range.end,
            piece.face,
            p,
            &levels,
            faces,
            used,
            &mut glyphs,
            &mut uncovered,
        );
    }
    let scale =
        |p: &Shaped, units: i32| units as f32 * style.size_pt / faces.get(p.face).units_per_em;
    let advances: Vec<f32> = glyphs.iter().map(|g| scale(g, g.glyph.advance)).collect();
    let measure = (width - style.indent_pt).max(style.size_pt);
    let justify = style.align == Align::Justify;
    let items = items(
        &text, &glyphs, &advances, &pieces, style, setting, measure, faces, hyphens,
    );
    let breaks = if justify {
        linebreak::optimal_fit(&items, measure)
    } else {
        linebreak::first_fit(&items, measure)
    };
    let face = faces.get(FaceId::of(style.bold, style.italic));
    let (asc, desc) = (face.ascender, face.descender);
    let line_height = style.size_pt * style.line_height;
    let content = (asc - desc) * style.size_pt;
    let ascent = (line_height - content) / 2.0 + asc * style.size_pt;
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for (n, b) in breaks.iter().enumerate() {
        let last = n + 1 == breaks.len();
        let mut line = place(
            &items, start, *b, &glyphs, &advances, &pieces, &levels, style, setting, measure,
            justify, last, faces, used,
        );
        if line.glyphs.is_empty() && last && !lines.is_empty() {
            break;
        }
        // The indent is at the start side: on the right of right-to-left
        // lines, which are set from the right edge already.
        if setting.direction != Direction::RightToLeft {
            for g in &mut line.glyphs {
                g.x += style.indent_pt;
            }
        }
        lines.push(line);
        start = b.at + 1;
        while start < items.len() && items[start].kind != Kind::Box && items[start].penalty > FORCE
        {
            start += 1;
        }
    }
    if lines.is_empty() {
        lines.push(Line::default());
    }
    if let (Some(marker), Some(first)) = (block.marker, lines.first_mut()) {
        let rtl = setting.direction == Direction::RightToLeft;
        set_marker(marker, style, rtl.then_some(width), first, faces, used);
    }
    Paragraph {
        lines,
        links,
        line_height,
        ascent,
        uncovered,
    }
}

/// The paragraph's text, cleaned of control characters, and its style runs.
fn gather(
    block: &Block,
    style: &ParagraphStyle,
    setting: Setting,
) -> (String, Vec<Piece>, Vec<String>) {
    let mut text = String::new();
    let mut pieces = Vec::new();
    let mut links: Vec<String> = Vec::new();
    for span in &block.spans {
        let start = text.len();
        for c in span.text.chars() {
            match c {
                '\n' | '\u{2028}' | '\u{2029}' => text.push('\n'),
                '\t' => text.push(' '),
                c if c.is_control() => {}
                c => text.push(c),
            }
        }
        if text.len() == start {
            continue;
        }
        let dateline = span.char_style == Some(CharStyle::Dateline);
        let bold = style.bold || span.bold || (dateline && setting.dateline_bold);
        let link = span.link.as_ref().map(|uri| {
            links.push(uri.clone());
            links.len() - 1
        });
        let color = if link.is_some() || span.char_style == Some(CharStyle::Link) {
            setting.link_color
        } else {
            style.color
        };
        pieces.push(Piece {
            range: start..text.len(),
            face: FaceId::of(bold, style.italic || span.italic),
            color,
            link,
        });
    }
    (text, pieces, links)
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

/// Combining marks, joiners and variation selectors: drawn by the font of
/// the character they belong to.
fn is_attached(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x08D3..=0x08FF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// Splits `range` into runs of one face (the piece's, or the first
/// fallback font that has the letters) and one bidi level, and shapes each.
#[allow(clippy::too_many_arguments)]
fn shape_runs(
    text: &str,
    range: Range<usize>,
    base: FaceId,
    piece: usize,
    levels: &[u8],
    faces: &mut Faces<'_>,
    used: &mut UsedGlyphs,
    out: &mut Vec<Shaped>,
    uncovered: &mut bool,
) {
    let level = |i: usize| levels.get(i).copied().unwrap_or(0);
    let mut run: Option<(usize, FaceId, u8)> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        let lv = level(at);
        let face = match run {
            Some((_, f, l)) if l == lv && is_attached(c) => f,
            // Spaces and punctuation stay in the run's font when it has them.
            Some((_, f, l))
                if l == lv && !c.is_alphanumeric() && faces.get(f).glyph(c).is_some() =>
            {
                f
            }
            _ => match faces.cover(base, c) {
                Some(f) => f,
                None => {
                    if !c.is_whitespace() {
                        *uncovered = true;
                    }
                    run.map_or(base, |(_, f, _)| f)
                }
            },
        };
        match run {
            Some((s, f, l)) if f == face && l == lv => run = Some((s, f, l)),
            Some((s, f, l)) => {
                shape_into(
                    text,
                    s..at,
                    f,
                    l % 2 == 1,
                    piece,
                    faces,
                    used,
                    out,
                    uncovered,
                );
                run = Some((at, face, lv));
            }
            None => run = Some((at, face, lv)),
        }
    }
    if let Some((s, f, l)) = run {
        shape_into(
            text,
            s..range.end,
            f,
            l % 2 == 1,
            piece,
            faces,
            used,
            out,
            uncovered,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn shape_into(
    text: &str,
    range: Range<usize>,
    face_id: FaceId,
    rtl: bool,
    piece: usize,
    faces: &mut Faces<'_>,
    used: &mut UsedGlyphs,
    out: &mut Vec<Shaped>,
    uncovered: &mut bool,
) {
    if range.is_empty() {
        return;
    }
    let face = faces.get_mut(face_id);
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
            *uncovered = true;
        }
        out.push(Shaped {
            glyph: *g,
            piece,
            face: face_id,
        });
        if used.is_exact(face_id, g.gid) {
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
            used.record(face_id, g.gid, cluster, exact);
        } else {
            let own = cluster.chars().find(|&c| face.glyph(c) == Some(g.gid));
            match own {
                Some(c) => used.record(face_id, g.gid, c.encode_utf8(&mut [0; 4]), true),
                None => used.record(face_id, g.gid, "", false),
            }
        }
    }
}

fn glyph_range(glyphs: &[Shaped], bytes: Range<usize>) -> Range<usize> {
    let a = glyphs.partition_point(|g| g.glyph.cluster < bytes.start);
    let b = glyphs.partition_point(|g| g.glyph.cluster < bytes.end);
    a..b.max(a)
}

fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}')
}

fn is_strong_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
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

#[allow(clippy::too_many_arguments)]
fn items(
    text: &str,
    glyphs: &[Shaped],
    advances: &[f32],
    pieces: &[Piece],
    style: &ParagraphStyle,
    setting: Setting,
    measure: f32,
    faces: &Faces<'_>,
    hyphens: &mut hyphenate::Cache,
) -> Vec<Item> {
    let justify = style.align == Align::Justify;
    // Chinese is not hyphenated: lines break between characters.
    let hyphenate = setting.hyphenate && style.hyphenate && setting.language != Language::Zh;
    let protected = if hyphenate {
        protected_tokens(text)
    } else {
        Vec::new()
    };
    let width_of = |r: &Range<usize>| advances[r.clone()].iter().sum::<f32>();
    let mut items = Vec::with_capacity(glyphs.len() / 3 + 4);
    let mut prev = 0;
    for (pos, opportunity) in opportunities(text) {
        let segment = &text[prev..pos];
        let trimmed = segment.trim_end_matches(is_breaking_space);
        let content = prev..prev + trimmed.len();
        if !content.is_empty() {
            let mut cuts = Vec::new();
            let shielded = protected
                .iter()
                .any(|p| p.start < content.end && content.start < p.end);
            if hyphenate && !shielded {
                cuts = hyphen_points(text, content.clone(), setting.language, hyphens);
            }
            let mut from = content.start;
            for cut in cuts.iter().copied().chain(std::iter::once(content.end)) {
                let range = glyph_range(glyphs, from..cut);
                push_box(&mut items, range.clone(), advances, measure);
                if cut != content.end {
                    let hyphen = hyphen_width(glyphs, range.end, pieces, style.size_pt, faces);
                    items.push(Item::penalty(hyphen, HYPHEN_PENALTY, true));
                }
                from = cut;
            }
        }
        let space = content.end..pos;
        let spaces = glyph_range(glyphs, space.clone());
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

/// How far the space between two Chinese characters may stretch, in em.
const CJK_STRETCH: f32 = 0.15;

/// Chinese, Japanese and Korean letters and their punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

fn cjk_around(text: &str, pos: usize) -> bool {
    text[..pos].chars().next_back().is_some_and(is_cjk)
        || text[pos..].chars().next().is_some_and(is_cjk)
}

/// Chinese opening punctuation: a line may end before it.
fn is_cjk_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '《' | '（' | '「' | '『' | '【' | '〈' | '〔'
    )
}

/// Break opportunities (UAX 14), with those UAX 14 before Unicode 15.1
/// lacks between Chinese text and quotation marks: before an opening
/// quote that follows Chinese text, after a closing quote that precedes
/// it. Closing punctuation never starts a line.
fn opportunities(text: &str) -> Vec<(usize, BreakOpportunity)> {
    let mut ops: Vec<(usize, BreakOpportunity)> = linebreaks(text).collect();
    let mut extra = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if let Some(p) = prev {
            let next_cjk = is_cjk(c) && !is_cjk_closing(c);
            let before_quote = matches!(c, '“' | '‘') && is_cjk(p) && !is_cjk_opening(p);
            let after_quote = matches!(p, '”' | '’') && next_cjk;
            if before_quote || after_quote {
                extra.push(i);
            }
        }
        prev = Some(c);
    }
    if !extra.is_empty() {
        ops.extend(extra.into_iter().map(|i| (i, BreakOpportunity::Allowed)));
        ops.sort_by_key(|(i, o)| (*i, *o == BreakOpportunity::Allowed));
        ops.dedup_by_key(|(i, _)| *i);
    }
    ops
}

/// Punctuation that must not start a line.
fn is_cjk_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '〕'
            | '·'
            | '・'
    )
}

/// A box, cut into pieces that fit when it is wider than the measure.
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

fn hyphen_width(
    glyphs: &[Shaped],
    end: usize,
    pieces: &[Piece],
    size: f32,
    faces: &Faces<'_>,
) -> f32 {
    let Some(last) = end.checked_sub(1).and_then(|i| glyphs.get(i)) else {
        return 0.0;
    };
    let _ = pieces;
    let face = faces.get(last.face);
    face.hyphen.map_or(0.0, |h| {
        f32::from(face.advance(h)) * size / face.units_per_em
    })
}

#[allow(clippy::too_many_arguments)]
fn place(
    items: &[Item],
    start: usize,
    b: Break,
    glyphs: &[Shaped],
    advances: &[f32],
    pieces: &[Piece],
    levels: &[u8],
    style: &ParagraphStyle,
    setting: Setting,
    measure: f32,
    justify: bool,
    last: bool,
    faces: &Faces<'_>,
    used: &mut UsedGlyphs,
) -> Line {
    let end = b.at.min(items.len());
    let span = if start <= end {
        &items[start..end]
    } else {
        &[][..]
    };
    let ratio = if justify && b.ratio.is_finite() {
        b.ratio
    } else {
        0.0
    };
    let ratio = if justify && last {
        ratio.min(0.0)
    } else {
        ratio
    };
    let hyphen = items
        .get(b.at)
        .is_some_and(|i| i.kind == Kind::Penalty && i.flagged);
    // Trailing glue is not drawn and does not count for alignment.
    let drawn = span
        .iter()
        .rposition(|i| i.kind == Kind::Box)
        .map_or(0, |p| p + 1);
    let mut natural: f32 = span[..drawn]
        .iter()
        .filter(|i| i.kind != Kind::Penalty)
        .map(|i| i.width)
        .sum();
    let mut line = Line::default();
    let mut glyph_levels: Vec<u8> = Vec::new();
    let mut x = 0.0;
    let size = style.size_pt;
    for item in &span[..drawn] {
        let extra = match item.kind {
            Kind::Penalty => continue,
            Kind::Box => 0.0,
            Kind::Glue if ratio >= 0.0 => ratio * item.stretch,
            Kind::Glue => ratio * item.shrink,
        };
        for g in item.glyphs.clone() {
            let s = &glyphs[g];
            let piece = &pieces[s.piece];
            let em = size / faces.get(s.face).units_per_em;
            let mut advance = advances[g];
            if g + 1 == item.glyphs.end {
                advance += extra;
            }
            glyph_levels.push(levels.get(s.glyph.cluster).copied().unwrap_or(0));
            line.glyphs.push(LineGlyph {
                face: s.face,
                size,
                color: piece.color,
                gid: s.glyph.gid,
                x,
                dy: s.glyph.y_offset as f32 * em,
                advance,
                x_offset: s.glyph.x_offset as f32 * em,
                link: piece.link,
            });
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
    if hyphen && let Some(prev) = line.glyphs.last().copied() {
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
                ..prev
            });
            natural += advance;
        }
    }
    if !levels.is_empty() {
        reorder(&mut line, &glyph_levels);
    }
    let slack = measure - natural;
    let rtl = setting.direction == Direction::RightToLeft;
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
    line
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
fn set_marker(
    marker: ListMarker,
    style: &ParagraphStyle,
    rtl_width: Option<f32>,
    line: &mut Line,
    faces: &mut Faces<'_>,
    used: &mut UsedGlyphs,
) {
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
        });
        x += advance;
    }
    marks.append(&mut line.glyphs);
    line.glyphs = marks;
}
