//! Our PDFs read back with lopdf, independently of the writer: each page's
//! text runs from its content stream (`Tf`, `Tm`, `TJ`), their text from
//! the fonts' ToUnicode maps, grouped into lines; its fonts and links.

use lopdf::content::Content;
use lopdf::{Dictionary, Document as Pdf, Object};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One `TJ` or `Tj`: where it starts, in which font, what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The font's resource name, e.g. `F0`.
    pub font: String,
    pub size: f32,
    pub x: f32,
    pub y: f32,
    pub text: String,
}

/// Runs on one baseline, in the order the content stream draws them.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub runs: Vec<Run>,
}

impl Line {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A link annotation: its rectangle and address.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub rect: [f32; 4],
    pub uri: String,
}

/// One page read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub lines: Vec<Line>,
    pub links: Vec<Link>,
}

/// A font the pages use: resource name, `BaseFont`, the descendant's
/// subtype and the key of its embedded program.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Font {
    pub resource: String,
    pub base_font: String,
    pub subtype: String,
    pub program: String,
}

fn name(object: &Object) -> String {
    object
        .as_name()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

fn number(object: &Object) -> f32 {
    object.as_float().expect("a number")
}

fn deref<'a>(pdf: &'a Pdf, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => pdf.get_object(*id).expect("the object a reference names"),
        other => other,
    }
}

fn dict<'a>(pdf: &'a Pdf, object: &'a Object) -> &'a Dictionary {
    deref(pdf, object).as_dict().expect("a dictionary")
}

/// The pages of `bytes`, in order.
pub fn pages(bytes: &[u8]) -> Vec<Page> {
    let pdf = Pdf::load_mem(bytes).expect("the PDF parses");
    pdf.get_pages().values().map(|&id| page(&pdf, id)).collect()
}

fn page(pdf: &Pdf, id: lopdf::ObjectId) -> Page {
    let dictionary = pdf.get_dictionary(id).expect("page");
    let media = dictionary
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .expect("MediaBox");
    let fonts = pdf.get_page_fonts(id).expect("the page's fonts");
    let encodings: BTreeMap<Vec<u8>, lopdf::Encoding> = fonts
        .iter()
        .map(|(name, font)| {
            let encoding = font.get_font_encoding(pdf).expect("a font encoding");
            (name.clone(), encoding)
        })
        .collect();
    let content = Content::decode(&pdf.get_page_content(id)).expect("the content stream parses");
    let mut runs: Vec<Run> = Vec::new();
    let (mut font, mut size, mut x, mut y) = (Vec::new(), 0.0, 0.0, 0.0);
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                font = op.operands[0].as_name().expect("font name").to_vec();
                size = number(&op.operands[1]);
            }
            "Tm" => {
                x = number(&op.operands[4]);
                y = number(&op.operands[5]);
            }
            "Td" => {
                x += number(&op.operands[0]);
                y += number(&op.operands[1]);
            }
            "TJ" | "Tj" => {
                let encoding = encodings
                    .get(&font)
                    .unwrap_or_else(|| panic!("text in the unknown font {font:?}"));
                let strings: Vec<&Object> = match op.operands.first() {
                    Some(Object::Array(items)) => items.iter().collect(),
                    Some(other) => vec![other],
                    None => Vec::new(),
                };
                let mut text = String::new();
                for s in strings {
                    if let Object::String(bytes, _) = s {
                        text.push_str(&Pdf::decode_text(encoding, bytes).expect("decodes"));
                    }
                }
                runs.push(Run {
                    font: String::from_utf8_lossy(&font).into_owned(),
                    size,
                    x,
                    y,
                    text,
                });
            }
            _ => {}
        }
    }
    let mut lines: Vec<Line> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some(line) if (line.runs[0].y - run.y).abs() < 0.005 => line.runs.push(run),
            _ => lines.push(Line { runs: vec![run] }),
        }
    }
    let mut links = Vec::new();
    if let Ok(annots) = dictionary.get(b"Annots") {
        for annot in deref(pdf, annots).as_array().expect("Annots") {
            let annot = dict(pdf, annot);
            let rect = annot.get(b"Rect").and_then(Object::as_array).expect("Rect");
            let uri = annot
                .get(b"A")
                .map(|a| dict(pdf, a))
                .and_then(|a| a.get(b"URI"))
                .and_then(Object::as_str)
                .map(|u| String::from_utf8_lossy(u).into_owned())
                .unwrap_or_default();
            links.push(Link {
                rect: [
                    number(&rect[0]),
                    number(&rect[1]),
                    number(&rect[2]),
                    number(&rect[3]),
                ],
                uri,
            });
        }
    }
    Page {
        width: number(&media[2]),
        height: number(&media[3]),
        lines,
        links,
    }
}

/// The fonts of every page, each once.
pub fn fonts(bytes: &[u8]) -> Vec<Font> {
    let pdf = Pdf::load_mem(bytes).expect("the PDF parses");
    let mut out = Vec::new();
    for &id in pdf.get_pages().values() {
        for (resource, font) in pdf.get_page_fonts(id).expect("the page's fonts") {
            let descendant = font
                .get(b"DescendantFonts")
                .map(|d| deref(&pdf, d))
                .and_then(Object::as_array)
                .ok()
                .and_then(|d| d.first())
                .map(|d| dict(&pdf, d));
            let subtype = descendant
                .and_then(|d| d.get(b"Subtype").ok())
                .map_or_else(|| name(font.get(b"Subtype").expect("Subtype")), name);
            let program = descendant
                .and_then(|d| d.get(b"FontDescriptor").ok())
                .map(|d| dict(&pdf, d))
                .and_then(|d| {
                    ["FontFile", "FontFile2", "FontFile3"]
                        .into_iter()
                        .find(|k| d.has(k.as_bytes()))
                })
                .unwrap_or("not embedded");
            let font = Font {
                resource: String::from_utf8_lossy(&resource).into_owned(),
                base_font: name(font.get(b"BaseFont").expect("BaseFont")),
                subtype,
                program: program.to_owned(),
            };
            if !out.contains(&font) {
                out.push(font);
            }
        }
    }
    out.sort();
    out
}

/// Rounded to a tenth of a point, for a golden file that does not change
/// with a layout's last digits of rounding.
fn tenth(value: f32) -> String {
    let v = (value * 10.0).round() / 10.0;
    // No "-0.0".
    format!("{:.1}", if v == 0.0 { 0.0 } else { v })
}

/// The PDF as a person reviews it: page count and size, the fonts, every
/// line with the position of its first glyph (to 0.1 pt), its font and size
/// and its text (a change of font inside a line written `{F0 11}`), and the
/// links. What a golden file of this text catches, a diff shows.
pub fn readable(bytes: &[u8]) -> String {
    let pages = pages(bytes);
    let mut out = String::new();
    let _ = writeln!(out, "pages: {}", pages.len());
    for font in fonts(bytes) {
        let _ = writeln!(
            out,
            "font {}: {} ({}, {})",
            font.resource, font.base_font, font.subtype, font.program
        );
    }
    for (n, page) in pages.iter().enumerate() {
        let _ = writeln!(
            out,
            "\npage {}: {} x {} pt",
            n + 1,
            tenth(page.width),
            tenth(page.height)
        );
        for line in &page.lines {
            let first = &line.runs[0];
            let mut text = String::new();
            let mut font = (first.font.as_str(), first.size);
            for run in &line.runs {
                if (run.font.as_str(), run.size) != font {
                    let _ = write!(text, "{{{} {}}}", run.font, run.size);
                    font = (run.font.as_str(), run.size);
                }
                text.push_str(&run.text);
            }
            let _ = writeln!(
                out,
                "{:>6} {:>6} {} {}: {}",
                tenth(first.x),
                tenth(first.y),
                first.font,
                first.size,
                text
            );
        }
        for link in &page.links {
            let [a, b, c, d] = link.rect.map(tenth);
            let _ = writeln!(out, "link {a} {b} {c} {d}: {}", link.uri);
        }
    }
    out
}
