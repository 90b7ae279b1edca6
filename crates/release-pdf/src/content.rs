//! One page's content stream as printpdf operations: rules, the logo, then
//! the text in reading order.
//!
//! In a tagged PDF everything drawn is marked: the document's content in
//! marked-content sequences with an `/MCID` that the structure tree's
//! element owns (one sequence for each stretch of one element's content),
//! rules, underlines and the footer as `/Artifact`s. Inside an element's
//! sequence, a run whose language is not the document's is a `/Span` with
//! its `/Lang`, and a run whose glyphs, read through the fonts' ToUnicode
//! maps, do not give its text (right-to-left text drawn in visual order, a
//! glyph standing for a cluster, the hyphen added at a line break, which
//! reads as a soft hyphen) is a `/Span` with the text as `/ActualText`.

use crate::fonts::Faces;
use crate::page::{Artifact, Item, Mark, Page, Run};
use crate::structure::{Tree, text_string};
use crate::subset::{Subset, UsedGlyphs};
use printpdf::{
    Codepoint, Color, CurTransMat, DictItem, FontId, Op, PaintMode, PdfFontHandle, Pt, Rect,
    TextItem, TextMatrix, TextRenderingMode, XObjectId, XObjectTransform,
};
use release_style::Rgb;
use std::collections::BTreeMap;

pub(crate) const LOGO_ID: &str = "Im1";

/// Stroke width of emboldened text, in em.
const SYNTHETIC_BOLD: f32 = 0.035;

/// What the page writer needs besides the page.
pub(crate) struct Pen<'a, 'f> {
    pub subsets: &'a [Subset],
    pub faces: &'a Faces<'f>,
    pub used: &'a UsedGlyphs,
    /// The structure tree, when the PDF is tagged.
    pub tree: Option<&'a mut Tree>,
    /// The Document's photos, by the index an `Item::Photo` gives.
    pub figures: &'a [release_style::Figure],
}

pub(crate) fn font_id(subset: &Subset) -> FontId {
    FontId(format!("F{}", subset.face.0))
}

fn color(rgb: Rgb) -> Color {
    let [r, g, b] = rgb.unit();
    Color::Rgb(printpdf::Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// Rounds to a hundredth: smaller files, and nothing a printer could show.
pub(crate) fn round(value: f32) -> f32 {
    (value * 100.0).round() / 100.0
}

/// Rounds to a thousandth, for matrices that mix units and points.
fn round_fine(value: f32) -> f32 {
    (value * 1000.0).round() / 1000.0
}

fn name(text: &str) -> Vec<u8> {
    text.as_bytes().to_vec()
}

fn dict(entries: Vec<(&str, DictItem)>) -> DictItem {
    DictItem::Dict {
        map: entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect::<BTreeMap<_, _>>(),
    }
}

fn string(text: &str) -> DictItem {
    match text_string(text) {
        lopdf::Object::String(data, format) => DictItem::String {
            data,
            literal: format == lopdf::StringFormat::Literal,
        },
        _ => DictItem::Null,
    }
}

impl Pen<'_, '_> {
    /// Draws the image XObject `name` placed by `matrix`, in marked content
    /// for `mark` (on page `at.0`, with its next marked-content id `at.1`).
    fn image(
        &mut self,
        ops: &mut Vec<Op>,
        at: (usize, &mut u32),
        mark: Mark,
        name: String,
        matrix: [f32; 6],
    ) {
        let marked = self.open(ops, at.0, at.1, mark);
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw(matrix),
        });
        ops.push(Op::UseXobject {
            id: XObjectId(name),
            transform: XObjectTransform {
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        });
        ops.push(Op::RestoreGraphicsState);
        if marked {
            ops.push(Op::EndMarkedContent);
        }
    }

    /// Opens the marked-content sequence of `mark`, giving the element that
    /// owns it the sequence's id. Does nothing in an untagged PDF.
    fn open(&mut self, ops: &mut Vec<Op>, page: usize, mcid: &mut u32, mark: Mark) -> bool {
        let Some(tree) = self.tree.as_deref_mut() else {
            return false;
        };
        let (tag, properties) = match mark {
            Mark::Artifact(kind) => {
                let properties = match kind {
                    Artifact::Layout => vec![("Type", DictItem::Name(name("Layout")))],
                    Artifact::Footer => vec![
                        ("Type", DictItem::Name(name("Pagination"))),
                        ("Subtype", DictItem::Name(name("Footer"))),
                    ],
                    Artifact::Header => vec![
                        ("Type", DictItem::Name(name("Pagination"))),
                        ("Subtype", DictItem::Name(name("Header"))),
                    ],
                };
                ("Artifact".to_owned(), properties)
            }
            other => {
                let Some(element) = tree.owner(other) else {
                    // Nothing owns it (a figure that was not made): an artifact.
                    return self.open(ops, page, mcid, Mark::Artifact(Artifact::Layout));
                };
                let id = *mcid;
                *mcid += 1;
                tree.add_content(element, page, id);
                (
                    tree.elements[element].kind.name().to_owned(),
                    vec![("MCID", DictItem::Int(i64::from(id)))],
                )
            }
        };
        ops.push(Op::BeginMarkedContentWithProperties {
            tag,
            properties: dict(properties),
        });
        true
    }
}

/// The operations that draw `page`, the `index`th.
pub(crate) fn ops(page: &Page, index: usize, pen: &mut Pen<'_, '_>) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut fill: Option<Rgb> = None;
    let mut mcid = 0u32;
    let rules: Vec<&Item> = page
        .items
        .iter()
        .filter(|i| matches!(i, Item::Rule { .. }))
        .collect();
    if !rules.is_empty() {
        let marked = pen.open(&mut ops, index, &mut mcid, Mark::Artifact(Artifact::Layout));
        for item in rules {
            let Item::Rule {
                x,
                y,
                width,
                height,
                color: c,
            } = item
            else {
                continue;
            };
            if fill != Some(*c) {
                ops.push(Op::SetFillColor { col: color(*c) });
                fill = Some(*c);
            }
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(round(*x)),
                    y: Pt(round(*y)),
                    width: Pt(round(*width)),
                    height: Pt(round(*height)),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            });
        }
        if marked {
            ops.push(Op::EndMarkedContent);
        }
    }
    for item in &page.items {
        let Item::Logo {
            x,
            y,
            width,
            height,
            mark,
        } = item
        else {
            continue;
        };
        let matrix = [*width, 0.0, 0.0, *height, *x, *y];
        pen.image(
            &mut ops,
            (index, &mut mcid),
            *mark,
            LOGO_ID.to_owned(),
            matrix,
        );
    }
    for item in &page.items {
        let Item::Photo {
            index: n,
            x,
            y,
            width,
            height,
        } = item
        else {
            continue;
        };
        let Some(figure) = pen.figures.get(*n) else {
            continue;
        };
        let matrix = crate::photo::matrix(figure, *x, *y, *width, *height).map(round_fine);
        let name = crate::photo::name(*n);
        pen.image(&mut ops, (index, &mut mcid), Mark::Photo(*n), name, matrix);
    }
    let mut font: Option<(u8, f32)> = None;
    let mut in_text = false;
    // Stroke colour and width of emboldened text, while it is on.
    let mut embolden: Option<(Rgb, f32)> = None;
    let mut open: Option<Mark> = None;
    let mut reversed_before = false;
    for item in &page.items {
        let Item::Text(run) = item else { continue };
        let Some(subset) = pen.subsets.iter().find(|s| s.face == run.face) else {
            continue;
        };
        if !in_text {
            ops.push(Op::StartTextSection);
            in_text = true;
        }
        if pen.tree.is_some() && open != Some(run.mark) {
            if open.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            pen.open(&mut ops, index, &mut mcid, run.mark);
            open = Some(run.mark);
        }
        // printpdf joins consecutive runs on one baseline into one `TJ`;
        // a right-to-left run, drawn backwards, stays a show operation of
        // its own, so that a reader reverses it alone.
        let joins = matches!(ops.last(), Some(Op::ShowText { .. }));
        if font != Some((run.face.0, run.size)) || (joins && (run.reversed || reversed_before)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(subset)),
                size: Pt(run.size),
            });
            font = Some((run.face.0, run.size));
        }
        if fill != Some(run.color) {
            ops.push(Op::SetFillColor {
                col: color(run.color),
            });
            fill = Some(run.color);
        }
        // A font with no bold face: fill and stroke its outlines.
        let wanted = pen
            .faces
            .get(run.face)
            .synthetic_bold
            .then_some((run.color, round(run.size * SYNTHETIC_BOLD)));
        if wanted != embolden {
            match wanted {
                Some((c, width)) => {
                    if embolden.is_none() {
                        ops.push(Op::SetTextRenderingMode {
                            mode: TextRenderingMode::FillStroke,
                        });
                    }
                    ops.push(Op::SetOutlineColor { col: color(c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                }
                None => ops.push(Op::SetTextRenderingMode {
                    mode: TextRenderingMode::Fill,
                }),
            }
            embolden = wanted;
        }
        let (start, glyphs) = codepoints(run, subset, pen.faces, pen.used);
        let span = if pen.tree.is_some() && !matches!(run.mark, Mark::Artifact(_)) {
            span(run, &glyphs)
        } else {
            None
        };
        let in_span = span.is_some();
        if let Some(properties) = span {
            ops.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".to_owned(),
                properties,
            });
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(round(run.x + start)), Pt(round(run.y))),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
        if in_span {
            ops.push(Op::EndMarkedContent);
        }
        reversed_before = run.reversed;
    }
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    if embolden.is_some() {
        ops.push(Op::SetTextRenderingMode {
            mode: TextRenderingMode::Fill,
        });
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// Whether the run's glyphs, read through the fonts' ToUnicode maps as
/// readers of PDF read right-to-left text, which every producer draws in
/// visual order (a reversed run from its right end), give its text, and
/// none of it from the private use area (which PDF/A-2 level A lets through
/// only with an ActualText).
fn glyphs_spell(run: &Run, shown: &[Codepoint]) -> bool {
    let mut rest = run.text.as_str();
    let mut reads = |glyph: &Codepoint| {
        let text = glyph.cid.as_deref().unwrap_or("");
        match rest.strip_prefix(text) {
            Some(after) if !text.chars().any(is_private_use) => {
                rest = after;
                true
            }
            _ => false,
        }
    };
    let all = if run.reversed {
        shown.iter().rev().all(&mut reads)
    } else {
        shown.iter().all(&mut reads)
    };
    all && rest.is_empty()
}

/// The properties of the `/Span` a run needs, if any: its language when
/// it is not the document's, its text when the glyphs do not give it, when
/// they give characters of the private use area (which PDF/A-2 level A lets
/// through only with an ActualText), or when a reader cannot tell that they
/// are drawn backwards: a right-to-left run is read from its right end by
/// its right-to-left letters, and spaces and punctuation set right to left
/// on their own have none.
fn span(run: &Run, shown: &[Codepoint]) -> Option<DictItem> {
    let mut entries = Vec::new();
    if let Some(lang) = &run.lang {
        entries.push(("Lang", string(lang)));
    }
    let unmarked_reversal = run.reversed && !run.text.chars().any(is_strong_rtl);
    if unmarked_reversal || !glyphs_spell(run, shown) {
        entries.push(("ActualText", string(&run.text)));
    }
    (!entries.is_empty()).then(|| dict(entries))
}

/// Letters of scripts written right to left (bidi classes R and AL).
fn is_strong_rtl(c: char) -> bool {
    use unicode_bidi::BidiClass;
    matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL)
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

/// The run's glyphs as subset glyph ids, each followed by the TJ adjustment
/// that puts the next glyph where the layout put it, and how far the first
/// shown glyph is from the run's start (in points; not zero when the run
/// starts with glyphs no font has, which are not shown: PDF/A forbids
/// showing `.notdef`, and the layout drew a box in their place). The viewer
/// advances by the `/W` width printpdf writes (whole thousandths of an em),
/// so the difference from the shaped (kerned, justified) advance is carried
/// from glyph to glyph and written out in whole thousandths once it reaches
/// half of one: glyphs land within 0.0005 em of their place, and adjustments
/// are written only where kerning or justification put them.
fn codepoints(
    run: &Run,
    subset: &Subset,
    faces: &Faces<'_>,
    used: &UsedGlyphs,
) -> (f32, Vec<Codepoint>) {
    let face = faces.get(run.face);
    let per_em = 1000.0 / run.size;
    let mut carry = 0.0_f32;
    let mut lead = run.glyphs.first().map_or(0.0, |g| g.x_offset);
    let mut out: Vec<Codepoint> = Vec::with_capacity(run.glyphs.len());
    for (k, g) in run.glyphs.iter().enumerate() {
        let next_shift = run.glyphs.get(k + 1).map_or(0.0, |n| n.x_offset);
        let wanted = (g.advance - g.x_offset + next_shift) * per_em;
        if g.gid == 0 {
            if out.is_empty() {
                lead += wanted / per_em;
                continue;
            }
            carry -= wanted;
        } else {
            carry += pdf_width(face, g.gid) - wanted;
            out.push(Codepoint {
                gid: subset.gid(g.gid),
                offset: 0.0,
                cid: Some(used.text(run.face, g.gid).to_owned()),
            });
        }
        if carry.abs() >= 0.5
            && let Some(last) = out.last_mut()
        {
            let offset = carry.round();
            last.offset += offset;
            carry -= offset;
        }
    }
    (lead, out)
}

/// A glyph's advance in thousandths of an em, to a thousandth, as `/W` says.
pub(crate) fn pdf_width(face: &crate::fonts::Face<'_>, gid: u16) -> f32 {
    (f32::from(face.advance(gid)) * 1_000_000.0 / face.units_per_em).round() / 1000.0
}
