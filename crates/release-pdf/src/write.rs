//! Writing the pages with printpdf.
//!
//! printpdf builds every object: pages and content streams (from its `Op`
//! list), the embedded Type0/CIDFontType2 fonts with their `/W` widths and
//! ToUnicode maps, the image with its soft mask, link annotations and the
//! Info dictionary. We use its lower-level pieces rather than its HTML
//! layout: text goes in as already-shaped glyph ids (`TextItem::GlyphIds`,
//! each carrying the text it stands for) in fonts we subset ourselves.
//!
//! Three things printpdf 0.12 cannot be told, so we set them on the lopdf
//! document it hands back before saving: the catalog's `/Lang`, a PDF
//! version that allows soft masks (1.7 rather than its 1.3), and a trailer
//! `/ID` derived from the content, where printpdf would draw it (and its
//! resource names) from a process-wide counter: the same Document must give
//! the same bytes however many PDFs the process has written before.

use crate::PdfOptions;
use crate::error::PdfError;
use crate::fonts::Faces;
use crate::page::{Item, Page, Run};
use crate::subset::{Subset, UsedGlyphs};
use lopdf::{Object, StringFormat};
use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, CurTransMat, FontId, HighlightingMode,
    LinkAnnotation, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, RawImage, Rect, TextItem, TextMatrix, TextRenderingMode, XObject,
    XObjectId, XObjectTransform,
};
use release_style::{Document, Rgb};

const MM_PER_PT: f32 = 25.4 / 72.0;
const LOGO_ID: &str = "Im1";

/// The PDF file for the laid-out pages.
pub(crate) fn write(
    doc: &Document,
    pages: &[Page],
    subsets: &[Subset],
    faces: &Faces<'_>,
    used: &UsedGlyphs,
    logo: Option<RawImage>,
    options: &PdfOptions,
) -> Result<Vec<u8>, PdfError> {
    let mut pdf = PdfDocument::new(&doc.metadata.title);
    let info = &mut pdf.metadata.info;
    info.author = doc.metadata.author.clone();
    info.subject = doc.metadata.subject.clone();
    info.creator = doc.metadata.creator.clone();
    info.producer = format!("{} (printpdf 0.12)", doc.metadata.creator);
    if let Some(date) = doc.metadata.date {
        let when = printpdf::OffsetDateTime::new_in_offset(
            printpdf::date::Date {
                year: date.year,
                month: date.month,
                day: date.day,
            },
            printpdf::date::Time {
                hour: 0,
                minute: 0,
                second: 0,
                millisecond: 0,
            },
            printpdf::date::Offset {
                hours: 0,
                minutes: 0,
                seconds: 0,
                milliseconds: 0,
            },
        );
        info.creation_date = when;
        info.modification_date = when;
        info.metadata_date = when;
    }

    for subset in subsets {
        let face = faces.get(subset.face);
        let mut warnings = Vec::new();
        let mut parsed =
            ParsedFont::from_bytes(&subset.bytes, 0, &mut warnings).ok_or_else(|| {
                PdfError::Subset {
                    file: face.font.file.clone(),
                    reason: "the subset font cannot be read back".to_owned(),
                }
            })?;
        parsed.font_name = Some(subset.name.clone());
        pdf.resources
            .fonts
            .map
            .insert(font_id(subset), PdfFont::new(parsed));
    }
    if let Some(image) = logo {
        pdf.resources
            .xobjects
            .map
            .insert(XObjectId(LOGO_ID.to_owned()), XObject::Image(image));
    }

    let pdf_pages = pages
        .iter()
        .map(|page| {
            PdfPage::new(
                Mm(page.width * MM_PER_PT),
                Mm(page.height * MM_PER_PT),
                ops(page, subsets, faces, used, &doc.figures),
            )
        })
        .collect();
    pdf.with_pages(pdf_pages);

    let save = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&save, &mut warnings);
    set_widths(&mut lo, subsets, faces);
    crate::photo::embed(&mut lo, doc)?;
    finish(&mut lo, doc);
    if options.compress {
        compress(&mut lo)?;
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

fn font_id(subset: &Subset) -> FontId {
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
fn round(value: f32) -> f32 {
    (value * 100.0).round() / 100.0
}

/// Rounds to a thousandth, for matrices that mix units and points.
fn round_fine(value: f32) -> f32 {
    (value * 1000.0).round() / 1000.0
}

fn ops(
    page: &Page,
    subsets: &[Subset],
    faces: &Faces<'_>,
    used: &UsedGlyphs,
    figures: &[release_style::Figure],
) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut fill: Option<Rgb> = None;
    for item in &page.items {
        match item {
            Item::Rule {
                x,
                y,
                width,
                height,
                color: c,
            } => {
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
            Item::Logo {
                x,
                y,
                width,
                height,
            } => {
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([*width, 0.0, 0.0, *height, *x, *y]),
                });
                ops.push(Op::UseXobject {
                    id: XObjectId(LOGO_ID.to_owned()),
                    transform: XObjectTransform {
                        no_auto_scale: true,
                        ..XObjectTransform::default()
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Photo {
                index,
                x,
                y,
                width,
                height,
            } => {
                if let Some(figure) = figures.get(*index) {
                    let matrix = crate::photo::matrix(figure, *x, *y, *width, *height);
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetTransformationMatrix {
                        matrix: CurTransMat::Raw(matrix.map(round_fine)),
                    });
                    ops.push(Op::UseXobject {
                        id: XObjectId(crate::photo::name(*index)),
                        transform: XObjectTransform {
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                    ops.push(Op::RestoreGraphicsState);
                }
            }
            Item::Link { .. } | Item::Text(_) => {}
        }
    }
    let mut font: Option<(u8, f32)> = None;
    let mut in_text = false;
    // Stroke colour and width of emboldened text, while it is on.
    let mut embolden: Option<(Rgb, f32)> = None;
    for item in &page.items {
        let Item::Text(run) = item else { continue };
        let Some(subset) = subsets.iter().find(|s| s.face == run.face) else {
            continue;
        };
        if !in_text {
            ops.push(Op::StartTextSection);
            in_text = true;
        }
        if font != Some((run.face.0, run.size)) {
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
        let wanted = faces
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
        let first_offset = run.glyphs.first().map_or(0.0, |g| g.x_offset);
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(round(run.x + first_offset)), Pt(round(run.y))),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(codepoints(run, subset, faces, used))],
        });
    }
    if embolden.is_some() {
        ops.push(Op::SetTextRenderingMode {
            mode: TextRenderingMode::Fill,
        });
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    for item in &page.items {
        if let Item::Link {
            x0,
            y0,
            x1,
            y1,
            uri,
        } = item
        {
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect {
                        x: Pt(round(*x0)),
                        y: Pt(round(*y0)),
                        width: Pt(round(x1 - x0)),
                        height: Pt(round(y1 - y0)),
                        mode: None,
                        winding_order: None,
                    },
                    Actions::Uri(uri.clone()),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    Some(HighlightingMode::Invert),
                ),
            });
        }
    }
    ops
}

/// The run's glyphs as subset glyph ids, each followed by the TJ adjustment
/// that puts the next glyph where the layout put it. The viewer advances by
/// the `/W` width printpdf writes (whole thousandths of an em), so the
/// difference from the shaped (kerned, justified) advance is carried from
/// glyph to glyph and written out in whole thousandths once it reaches half
/// of one: glyphs land within 0.0005 em of their place, and adjustments are
/// written only where kerning or justification put them.
/// Stroke width of emboldened text, in em.
const SYNTHETIC_BOLD: f32 = 0.035;

fn codepoints(run: &Run, subset: &Subset, faces: &Faces<'_>, used: &UsedGlyphs) -> Vec<Codepoint> {
    let face = faces.get(run.face);
    let per_em = 1000.0 / run.size;
    let mut carry = 0.0_f32;
    run.glyphs
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let width = pdf_width(face, g.gid);
            let next_shift = run.glyphs.get(k + 1).map_or(0.0, |n| n.x_offset);
            let wanted = (g.advance - g.x_offset + next_shift) * per_em;
            carry += width - wanted;
            let offset = if carry.abs() >= 0.5 {
                carry.round()
            } else {
                0.0
            };
            carry -= offset;
            Codepoint {
                gid: subset.gid(g.gid),
                offset,
                cid: Some(used.text(run.face, g.gid).to_owned()),
            }
        })
        .collect()
}

/// A glyph's advance in thousandths of an em, to a thousandth, as `/W` says.
fn pdf_width(face: &crate::fonts::Face<'_>, gid: u16) -> f32 {
    (f32::from(face.advance(gid)) * 1_000_000.0 / face.units_per_em).round() / 1000.0
}

/// Replaces printpdf's `/W` widths, which it truncates to whole thousandths
/// of an em, with widths to a thousandth. With truncated widths every other
/// glyph needed an adjustment in the content stream to stay in place.
fn set_widths(lo: &mut lopdf::Document, subsets: &[Subset], faces: &Faces<'_>) {
    for object in lo.objects.values_mut() {
        let Ok(font) = object.as_dict_mut() else {
            continue;
        };
        let Ok(name) = font.get(b"BaseFont").and_then(Object::as_name) else {
            continue;
        };
        let Some(subset) = subsets.iter().find(|s| s.name.as_bytes() == name) else {
            continue;
        };
        let face = faces.get(subset.face);
        let widths: Vec<Object> = subset
            .original_gids()
            .map(|gid| Object::Real(pdf_width(face, gid)))
            .collect();
        if let Ok(descendants) = font
            .get_mut(b"DescendantFonts")
            .and_then(Object::as_array_mut)
            && let Some(Ok(descendant)) = descendants.first_mut().map(Object::as_dict_mut)
        {
            descendant.set(
                "W",
                Object::Array(vec![Object::Integer(0), Object::Array(widths)]),
            );
        }
    }
}

/// What printpdf cannot be told: language, version, a stable file id, and
/// an Info dictionary without its empty PDF/X keys.
fn finish(lo: &mut lopdf::Document, doc: &Document) {
    lo.version = "1.7".to_owned();
    if let Ok(root) = lo.trailer.get(b"Root").and_then(Object::as_reference)
        && let Ok(catalog) = lo.get_object_mut(root).and_then(Object::as_dict_mut)
    {
        catalog.set(
            "Lang",
            Object::String(
                doc.metadata.language.as_bytes().to_vec(),
                StringFormat::Literal,
            ),
        );
        let mut prefs = lopdf::Dictionary::new();
        prefs.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    }
    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(dict) = lo.get_object_mut(info).and_then(Object::as_dict_mut)
    {
        for key in ["GTS_PDFXVersion", "Identifier", "Keywords", "Trapped"] {
            dict.remove(key.as_bytes());
        }
        if doc.metadata.date.is_none() {
            dict.remove(b"CreationDate");
            dict.remove(b"ModDate");
        }
    }
    let id = content_id(lo);
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

/// Flate-compresses every stream not already filtered. lopdf's own
/// `compress` uses the slowest level, which was nearly half of a render's
/// time. Level 3 renders the example in about 8 ms instead of 10.5 ms at
/// level 6, for a file 3 % larger (35.6 kB instead of 34.6 kB).
fn compress(lo: &mut lopdf::Document) -> Result<(), PdfError> {
    for object in lo.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        // miniz_oxide itself, not flate2: flate2's backend is chosen by the
        // features other crates of the build ask for (zlib-rs in the app's),
        // and the backends compress to different bytes.
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&stream.content, 3);
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// Sixteen bytes that depend only on the document's content: its streams
/// and the strings of its dictionaries (the metadata).
fn content_id(lo: &lopdf::Document) -> Vec<u8> {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x8422_2325_cbf2_9ce4;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            a = (a ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            b = (b ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3 ^ 0x5bd1_e995);
        }
    };
    for (id, object) in &lo.objects {
        feed(&id.0.to_be_bytes());
        match object {
            // A photo's megabytes by a fast digest of them.
            Object::Stream(stream) if crate::photo::is_photo(stream) => {
                feed(&crate::photo::digest(stream));
            }
            Object::Stream(stream) => feed(&stream.content),
            Object::String(text, _) => feed(text),
            Object::Dictionary(dict) => {
                for (_, value) in dict.iter() {
                    if let Object::String(text, _) = value {
                        feed(text);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = a.to_be_bytes().to_vec();
    out.extend_from_slice(&b.to_be_bytes());
    out
}
