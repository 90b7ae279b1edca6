//! The Document laid out: every block set into lines, the lines paginated,
//! then placed on pages with rules, the logo, link areas and the footer.

use crate::fonts::Faces;
use crate::memo::Typesetter;
use crate::page::{Artifact, Item, Mark, Page, Part, Run, RunGlyph};
use crate::paginate::{Flow, Slice, paginate};
use crate::paragraph::{Added, Line, LineGlyph, Paragraph, Setting};
use crate::photo;
use crate::subset::UsedGlyphs;
use crate::{PdfOptions, PlacedBlock};
use release_model::Finding;
use release_style::{Block, Document, LogoPlace, ParagraphStyle, Role, Rule, Span};
use std::sync::Arc;

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Where text goes on a page, in points from the bottom left.
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f32,
    top: f32,
    measure: f32,
    depth: f32,
    bottom_margin: f32,
    top_margin: f32,
    /// Lines run right to left: the logo stands on the left.
    rtl: bool,
}

/// The document laid out.
#[derive(Debug)]
pub(crate) struct Laid {
    pub pages: Vec<Page>,
    /// What could not be shown as written.
    pub warnings: Vec<Finding>,
    /// Which lines of which block are on each page.
    pub map: Vec<Vec<PlacedBlock>>,
}

/// The pages of the document.
pub(crate) fn layout(
    doc: &Document,
    options: &PdfOptions,
    logo_size: Option<(f32, f32)>,
    faces: &mut Faces<'_>,
    used: &mut UsedGlyphs,
    typesetter: &mut Typesetter,
) -> Laid {
    let mut hyphens = crate::hyphenate::Cache::new();
    let p = &doc.page;
    let width = (p.width_mm * PT_PER_MM).max(72.0);
    let height = (p.height_mm * PT_PER_MM).max(72.0);
    let left = (p.margin_left_mm * PT_PER_MM).clamp(0.0, width / 3.0);
    let right = (p.margin_right_mm * PT_PER_MM).clamp(0.0, width / 3.0);
    let top_margin = (p.margin_top_mm * PT_PER_MM).clamp(0.0, height / 3.0);
    let bottom_margin = (p.margin_bottom_mm * PT_PER_MM).clamp(0.0, height / 3.0);
    let frame = Frame {
        left,
        top: height - top_margin,
        measure: width - left - right,
        depth: height - top_margin - bottom_margin,
        bottom_margin,
        top_margin,
        rtl: doc.direction == release_model::Direction::RightToLeft,
    };
    let setting = Setting {
        language: doc.language,
        direction: doc.direction,
        link_color: doc.link_color,
        dateline_bold: doc.dateline_bold,
        hyphenate: options.hyphenate,
    };
    let fallback = fallback_style();
    let style_of = |role: Role| doc.styles.get(&role).unwrap_or(&fallback);
    let kind_logo = doc
        .logo
        .as_ref()
        .filter(|l| l.place == LogoPlace::KindLine)
        .and(logo_size);
    let first_kind = doc.blocks.iter().position(|b| b.role == Role::Kind);

    let mut warnings = Vec::new();
    let mut paragraphs = Vec::with_capacity(doc.blocks.len());
    let mut flows = Vec::with_capacity(doc.blocks.len());
    for (i, block) in doc.blocks.iter().enumerate() {
        let style = style_of(block.role);
        let mut measure = frame.measure;
        let mut logo_room = 0.0;
        if let (Some((w, h)), true) = (kind_logo, Some(i) == first_kind) {
            measure -= w + 6.0;
            logo_room = h;
        }
        let mut para = typesetter.set(block, style, measure, setting, faces, used, &mut hyphens);
        warn(block, &para, &doc.fonts.family, &mut warnings);
        let figure = doc.figure_at(i);
        if figure.is_some() && block.text().trim().is_empty() {
            Arc::make_mut(&mut para).lines.clear();
        }
        let photo_room = figure.map_or(0.0, |f| photo::room(f, frame.measure, frame.depth));
        let kept = figure.is_some_and(|f| f.keep_together);
        let line_height = para.line_height;
        let logo_extra = (logo_room - line_height).max(0.0);
        flows.push(Flow {
            lines: para.lines.len(),
            line_height,
            before: style.space_before_pt,
            after: style.space_after_pt,
            above: rule_height(style.rule_above) + logo_extra + photo_room,
            below: rule_height(style.rule_below),
            // The end mark (`###`) never stands alone at the top of a page.
            keep_with_next: style.keep_with_next
                || doc
                    .blocks
                    .get(i + 1)
                    .is_some_and(|b| b.role == Role::EndMark)
                // A photo kept together takes its credit along.
                || (kept && doc.blocks.get(i + 1).is_some_and(|b| b.role == Role::Credit)),
            keep_together: style.keep_together || kept,
        });
        paragraphs.push(para);
    }

    let slices = paginate(&flows, frame.depth);
    let count = slices.len();
    let mut pages = Vec::with_capacity(count);
    for (n, page_slices) in slices.iter().enumerate() {
        let mut page = Page {
            width,
            height,
            items: Vec::new(),
        };
        for slice in page_slices {
            let block = &doc.blocks[slice.block];
            let style = style_of(block.role);
            let logo = kind_logo
                .filter(|_| slice.first && Some(slice.block) == first_kind)
                .map(|(w, h)| {
                    let decorative = doc.logo.as_ref().is_some_and(|l| l.description.is_none());
                    let mark = if decorative {
                        Mark::Artifact(Artifact::Layout)
                    } else {
                        Mark::Figure(0)
                    };
                    (w, h, mark)
                });
            let mut frame = frame;
            if let Some(figure) = doc.figure_at(slice.block).filter(|_| slice.first) {
                let index = doc.figures.iter().position(|f| f.block == slice.block);
                let top = frame.top - slice.y;
                let area = (frame.left, top, frame.measure, frame.depth);
                page.items.push(photo::item(
                    index.unwrap_or(0),
                    figure,
                    style,
                    area,
                    frame.rtl,
                ));
                frame.top -= photo::room(figure, frame.measure, frame.depth);
            }
            place_slice(
                &mut page,
                frame,
                slice,
                style,
                &paragraphs[slice.block],
                logo,
                (faces, &mut typesetter.lines),
            );
        }
        if let (Some(logo), Some((w, h))) = (&doc.logo, logo_size)
            && logo.place == LogoPlace::Header
        {
            let y = height - (frame.top_margin + h) / 2.0;
            // Read once, where the document starts; a running head after.
            let mark = if n == 0 && logo.description.is_some() {
                Mark::Figure(0)
            } else {
                Mark::Artifact(Artifact::Header)
            };
            page.items.push(Item::Logo {
                x: if frame.rtl {
                    frame.left
                } else {
                    frame.left + frame.measure - w
                },
                y,
                width: w,
                height: h,
                mark,
            });
        }
        if let Some(footer) = &doc.footer {
            let block = Block {
                role: Role::Footer,
                spans: vec![Span::plain(footer.text(n + 1, count))],
                marker: None,
                source: "footer".to_owned(),
            };
            let style = style_of(Role::Footer);
            let para = typesetter.set(
                &block,
                style,
                frame.measure,
                setting,
                faces,
                used,
                &mut hyphens,
            );
            let baseline = frame.bottom_margin / 2.0 - style.size_pt * 0.3;
            for line in para.lines.iter().take(1) {
                let at = (frame.left, baseline);
                place_line(&mut page, at, line, &para, faces, Owner::Footer);
            }
        }
        pages.push(page);
    }
    let map = slices
        .iter()
        .map(|page| {
            page.iter()
                .map(|s| PlacedBlock {
                    block: s.block,
                    lines: s.lines.clone(),
                    total_lines: flows[s.block].lines,
                })
                .collect()
        })
        .collect();
    Laid {
        pages,
        warnings,
        map,
    }
}

fn warn(block: &Block, para: &Paragraph, family: &str, warnings: &mut Vec<Finding>) {
    if para.uncovered {
        warnings.push(Finding::warning(
            "pdf-glyphs-missing",
            block.source.clone(),
            format!(
                "neither the font {family} nor the style's fallback fonts have letters for some of this text; the PDF shows empty boxes there (use a style with a font that covers this script)"
            ),
        ));
    }
}

fn rule_height(rule: Option<Rule>) -> f32 {
    rule.map_or(0.0, |r| r.width_pt.max(0.0) + r.gap_pt.max(0.0))
}

fn fallback_style() -> ParagraphStyle {
    ParagraphStyle {
        size_pt: 11.0,
        bold: false,
        italic: false,
        color: release_style::Rgb::BLACK,
        align: release_style::Align::Start,
        line_height: 1.2,
        space_before_pt: 0.0,
        space_after_pt: 6.0,
        indent_pt: 0.0,
        upper_case: false,
        hyphenate: false,
        keep_with_next: false,
        keep_together: false,
        rule_above: None,
        rule_below: None,
    }
}

fn place_slice(
    page: &mut Page,
    frame: Frame,
    slice: &Slice,
    style: &ParagraphStyle,
    para: &Arc<Paragraph>,
    logo: Option<(f32, f32, Mark)>,
    (faces, lines): (&Faces<'_>, &mut crate::memo::Lines),
) {
    let mut y = frame.top - slice.y;
    let mut left = frame.left;
    if slice.first {
        if let Some(rule) = style.rule_above {
            page.items.push(Item::Rule {
                x: frame.left,
                y: y - rule.width_pt,
                width: frame.measure,
                height: rule.width_pt,
                color: rule.color,
            });
            y -= rule.width_pt + rule.gap_pt;
        }
        if let Some((w, h, mark)) = logo {
            y -= (h - para.line_height).max(0.0);
            // The logo stands at the end side: the left in right-to-left.
            let x = if frame.rtl {
                // The text, set in the measure less the logo, moves right.
                left += w + 6.0;
                frame.left
            } else {
                frame.left + frame.measure - w
            };
            page.items.push(Item::Logo {
                x,
                y: y - para.line_height,
                width: w,
                height: h,
                mark,
            });
        }
    }
    for index in slice.lines.clone() {
        let baseline = y - para.ascent;
        let key = (index, slice.block, left, baseline);
        lines.place(page, para, key, |page| {
            let owner = Owner::Block(slice.block);
            place_line(
                page,
                (left, baseline),
                &para.lines[index],
                para,
                faces,
                owner,
            );
        });
        y -= para.line_height;
    }
    if slice.last
        && let Some(rule) = style.rule_below
    {
        y -= rule.gap_pt;
        page.items.push(Item::Rule {
            x: frame.left,
            y: y - rule.width_pt,
            width: frame.measure,
            height: rule.width_pt,
            color: rule.color,
        });
    }
}

/// Whose a line is: a block's, or the page footer's.
#[derive(Debug, Clone, Copy)]
enum Owner {
    Block(usize),
    Footer,
}

impl Owner {
    fn mark(self, g: &LineGlyph) -> Mark {
        match self {
            Owner::Footer => Mark::Artifact(Artifact::Footer),
            Owner::Block(block) => Mark::Block {
                block,
                part: match (g.added, g.link) {
                    (Added::Label, _) => Part::Label,
                    (_, Some(link)) => Part::Link(link),
                    _ => Part::Text,
                },
            },
        }
    }
}

/// Whether `b` continues the text of `a` (either way: right-to-left text
/// is drawn backwards), so that one run stands for one stretch of text.
fn follows(a: &LineGlyph, b: &LineGlyph) -> bool {
    a.text == b.text || a.text.1 == b.text.0 || b.text.1 == a.text.0
}

/// Turns a line's glyphs into runs of one face, size, colour, language and
/// mark, each one stretch of the text, put in reading order; with the link
/// areas and underlines of its links, and a box for each glyph no font has.
fn place_line(
    page: &mut Page,
    (left, baseline): (f32, f32),
    line: &Line,
    para: &Paragraph,
    faces: &Faces<'_>,
    owner: Owner,
) {
    let glyphs = &line.glyphs;
    let mut runs: Vec<(u8, u32, Run)> = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        let first = glyphs[i];
        let mark = owner.mark(&first);
        let mut j = i + 1;
        while j < glyphs.len()
            && glyphs[j].face == first.face
            && glyphs[j].size == first.size
            && glyphs[j].color == first.color
            && glyphs[j].dy == first.dy
            && glyphs[j].lang == first.lang
            && (glyphs[j].added == Added::Hyphen) == (first.added == Added::Hyphen)
            && owner.mark(&glyphs[j]) == mark
            && follows(&glyphs[j - 1], &glyphs[j])
        {
            j += 1;
        }
        let run = glyphs[i..j]
            .iter()
            .enumerate()
            .map(|(k, g)| RunGlyph {
                gid: g.gid,
                advance: glyphs[i..j].get(k + 1).map_or(g.advance, |n| n.x - g.x),
                x_offset: g.x_offset,
            })
            .collect();
        let (order, start, text) = run_text(glyphs, i..j, para);
        let reversed = glyphs[i].text.0 > glyphs[j - 1].text.0;
        runs.push((
            order,
            start,
            Run {
                face: first.face,
                size: first.size,
                color: first.color,
                x: left + first.x,
                y: baseline + first.dy,
                glyphs: run,
                mark,
                lang: first.lang.and_then(|l| para.langs.get(l)).cloned(),
                reversed,
                text,
            },
        ));
        i = j;
    }
    runs.sort_by_key(|(order, start, _)| (*order, *start));
    for g in glyphs
        .iter()
        .filter(|g| g.gid == 0 && g.added == Added::Text)
    {
        let text = para
            .text
            .get(g.text.0 as usize..g.text.1 as usize)
            .unwrap_or("");
        if !text.trim().is_empty() {
            missing_box(page, left + g.x, baseline + g.dy, g);
        }
    }
    page.items
        .extend(runs.into_iter().map(|(_, _, run)| Item::Text(run)));
    // Link areas and underlines: not under the spaces a line ends at.
    let area = |g: &LineGlyph| g.link.filter(|_| g.added != Added::Space);
    let mut i = 0;
    while i < glyphs.len() {
        let Some(link) = area(&glyphs[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < glyphs.len() && area(&glyphs[j]) == Some(link) {
            j += 1;
        }
        let (a, b) = (glyphs[i], glyphs[j - 1]);
        let face = faces.get(a.face);
        let (x0, x1) = (left + a.x, left + b.x + b.advance);
        let (position, thickness) = face
            .shaper
            .underline_metrics()
            .map(|m| {
                (
                    f32::from(m.position) / face.units_per_em,
                    f32::from(m.thickness) / face.units_per_em,
                )
            })
            .unwrap_or((-0.1, 0.05));
        let thickness = (thickness * a.size).max(0.4);
        page.items.push(Item::Rule {
            x: x0,
            y: baseline + position * a.size - thickness / 2.0,
            width: x1 - x0,
            height: thickness,
            color: a.color,
        });
        if let Owner::Block(block) = owner {
            let uri = para.links[link].clone();
            let text = para.link_texts.get(link).map_or("", String::as_str);
            page.items.push(Item::Link {
                x0,
                y0: baseline + face.descender * a.size,
                x1,
                y1: baseline + face.ascender * a.size,
                description: release_style::link_description(text, &uri),
                uri,
                block,
                link,
            });
        }
        i = j;
    }
}

/// The text the run `range` of a line's glyphs stands for, in reading
/// order, and where it comes in the line: (0: a label, 1: text, 2: a
/// hyphen; the byte its text starts at). A cluster drawn by several glyphs
/// (a mark in a run of its own, raised above its letter) is the text of
/// the first of them only: the glyphs of a cluster are neighbours.
fn run_text(
    line: &[LineGlyph],
    range: std::ops::Range<usize>,
    para: &Paragraph,
) -> (u8, u32, String) {
    let glyphs = &line[range.clone()];
    match glyphs.first().map(|g| g.added) {
        Some(Added::Label) => (0, 0, para.label.clone().unwrap_or_default()),
        // A soft hyphen: the word goes on after the line break.
        Some(Added::Hyphen) => (2, 0, "\u{AD}".to_owned()),
        _ => {
            let owned = || {
                range
                    .clone()
                    .filter(|&k| k == 0 || line[k - 1].text != line[k].text)
                    .map(|k| line[k].text)
            };
            let start = glyphs.iter().map(|g| g.text.0).min().unwrap_or(0);
            // Mostly the clusters follow each other, forwards or (right to
            // left) backwards: the text is one slice of the paragraph's.
            let (mut low, mut high) = (u32::MAX, 0);
            let mut previous: Option<(u32, u32)> = None;
            let mut contiguous = true;
            for r in owned() {
                if let Some(p) = previous {
                    contiguous &= p.1 == r.0 || r.1 == p.0;
                }
                previous = Some(r);
                low = low.min(r.0);
                high = high.max(r.1);
            }
            let text = if previous.is_none() {
                String::new()
            } else if contiguous {
                para.text
                    .get(low as usize..high as usize)
                    .unwrap_or("")
                    .to_owned()
            } else {
                let mut ranges: Vec<(u32, u32)> = owned().collect();
                ranges.sort_unstable();
                ranges
                    .iter()
                    .filter_map(|&(a, b)| para.text.get(a as usize..b as usize))
                    .collect()
            };
            (1, start, text)
        }
    }
}

/// An empty box where a glyph no font has would be: the look of most fonts'
/// `.notdef`, which PDF/A forbids showing.
fn missing_box(page: &mut Page, x: f32, baseline: f32, g: &LineGlyph) {
    let stroke = (g.size * 0.05).max(0.3);
    let width = (g.advance * 0.8).max(stroke * 4.0);
    let height = g.size * 0.7;
    let x = x + (g.advance - width) / 2.0;
    let sides = [
        (x, baseline, width, stroke),
        (x, baseline + height - stroke, width, stroke),
        (x, baseline, stroke, height),
        (x + width - stroke, baseline, stroke, height),
    ];
    for (x, y, width, height) in sides {
        page.items.push(Item::Rule {
            x,
            y,
            width,
            height,
            color: g.color,
        });
    }
}
