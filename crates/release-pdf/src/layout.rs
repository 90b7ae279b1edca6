//! The Document laid out: every block set into lines, the lines paginated,
//! then placed on pages with rules, the logo, link areas and the footer.

use crate::fonts::Faces;
use crate::page::{Item, Page, Run, RunGlyph};
use crate::paginate::{Flow, Slice, paginate};
use crate::paragraph::{self, Line, Paragraph, Setting};
use crate::photo;
use crate::subset::UsedGlyphs;
use crate::{PdfOptions, PlacedBlock};
use release_model::Finding;
use release_style::{Block, Document, LogoPlace, ParagraphStyle, Role, Rule, Span};

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
        let mut para = paragraph::set(block, style, measure, setting, faces, used, &mut hyphens);
        warn(block, &para, &doc.fonts.family, &mut warnings);
        let figure = doc.figure_at(i);
        if figure.is_some() && block.text().trim().is_empty() {
            para.lines.clear();
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
            let logo = kind_logo.filter(|_| slice.first && Some(slice.block) == first_kind);
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
                faces,
            );
        }
        if let (Some(logo), Some((w, h))) = (&doc.logo, logo_size)
            && logo.place == LogoPlace::Header
        {
            let y = height - (frame.top_margin + h) / 2.0;
            page.items.push(Item::Logo {
                x: if frame.rtl {
                    frame.left
                } else {
                    frame.left + frame.measure - w
                },
                y,
                width: w,
                height: h,
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
            let para = paragraph::set(
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
                place_line(&mut page, frame.left, baseline, line, &para, faces);
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
    para: &Paragraph,
    logo: Option<(f32, f32)>,
    faces: &Faces<'_>,
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
        if let Some((w, h)) = logo {
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
            });
        }
    }
    for index in slice.lines.clone() {
        let baseline = y - para.ascent;
        place_line(page, left, baseline, &para.lines[index], para, faces);
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

/// Turns a line's glyphs into runs of one face, size and colour, with the
/// link areas and underlines of its links.
fn place_line(
    page: &mut Page,
    left: f32,
    baseline: f32,
    line: &Line,
    para: &Paragraph,
    faces: &Faces<'_>,
) {
    let glyphs = &line.glyphs;
    let mut i = 0;
    while i < glyphs.len() {
        let first = glyphs[i];
        let mut j = i + 1;
        while j < glyphs.len()
            && glyphs[j].face == first.face
            && glyphs[j].size == first.size
            && glyphs[j].color == first.color
            && glyphs[j].dy == first.dy
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
        page.items.push(Item::Text(Run {
            face: first.face,
            size: first.size,
            color: first.color,
            x: left + first.x,
            y: baseline + first.dy,
            glyphs: run,
        }));
        i = j;
    }
    let mut i = 0;
    while i < glyphs.len() {
        let Some(link) = glyphs[i].link else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < glyphs.len() && glyphs[j].link == Some(link) {
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
        page.items.push(Item::Link {
            x0,
            y0: baseline + face.descender * a.size,
            x1,
            y1: baseline + face.ascender * a.size,
            uri: para.links[link].clone(),
        });
        i = j;
    }
}
