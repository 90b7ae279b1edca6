//! One page's content stream, written as bytes: rules, the logo and photos,
//! then the text in reading order.
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
//!
//! Consecutive runs on one baseline in one font and size, with nothing
//! drawn between them, are shown by one `TJ` whose numbers move the pen to
//! where each run starts: a reader of the text sees one line, not words
//! stacked at its start.

use crate::fonts::Faces;
use crate::page::{Artifact, Item, Mark, Page, Run};
use crate::structure::{Tree, text_string};
use crate::subset::{Subset, UsedGlyphs};
use release_style::Rgb;

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
    /// The marks of the page's marked-content sequences so far, by their
    /// ids (what [`crate::streams`] gives the tree again).
    pub marks: Vec<Mark>,
}

/// The font resource name of a subset.
pub(crate) fn font_name(subset: &Subset) -> String {
    format!("F{}", subset.face.0)
}

/// Rounds to a hundredth: smaller files, and nothing a printer could show.
pub(crate) fn round(value: f32) -> f32 {
    (value * 100.0).round() / 100.0
}

/// Rounds to a thousandth, for matrices that mix units and points.
fn round_fine(value: f32) -> f32 {
    (value * 1000.0).round() / 1000.0
}

/// Writes `value` to a thousandth, with no trailing zeros (`12`, `-0.5`,
/// `595.276`): the shortest form a reader gives back the same number for.
pub(crate) fn number(out: &mut Vec<u8>, value: f32) {
    let mut thousandths = (f64::from(value) * 1000.0).round() as i64;
    if thousandths < 0 {
        out.push(b'-');
        thousandths = -thousandths;
    }
    let (whole, mut fraction) = (thousandths / 1000, thousandths % 1000);
    integer(out, whole as u64);
    if fraction != 0 {
        out.push(b'.');
        let mut digits = 3;
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        let mut buf = [b'0'; 3];
        for d in (0..digits).rev() {
            buf[d] = b'0' + (fraction % 10) as u8;
            fraction /= 10;
        }
        out.extend_from_slice(&buf[..digits]);
    }
}

fn integer(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

/// A PDF name: `/` and the name, with `#xx` for what a name cannot hold.
fn name(out: &mut Vec<u8>, text: &str) {
    out.push(b'/');
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'+' | b'*') {
            out.push(b);
        } else {
            out.push(b'#');
            hex_byte(out, b);
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex_byte(out: &mut Vec<u8>, b: u8) {
    out.push(HEX[usize::from(b >> 4)]);
    out.push(HEX[usize::from(b & 15)]);
}

/// A text string: literal when it is printable ASCII, else UTF-16BE in hex.
fn string(out: &mut Vec<u8>, text: &str) {
    match text_string(text) {
        lopdf::Object::String(bytes, lopdf::StringFormat::Literal) => {
            out.push(b'(');
            for b in bytes {
                if matches!(b, b'(' | b')' | b'\\') {
                    out.push(b'\\');
                }
                out.push(b);
            }
            out.push(b')');
        }
        lopdf::Object::String(bytes, _) => {
            out.push(b'<');
            for b in bytes {
                hex_byte(out, b);
            }
            out.push(b'>');
        }
        _ => out.extend_from_slice(b"()"),
    }
}

/// A value of a marked-content property list.
enum Value<'t> {
    Int(u32),
    Name(&'static str),
    Text(&'t str),
}

/// One glyph as shown: its id in the subset, the `TJ` number after it
/// (thousandths of an em, positive to the left), the advance a viewer
/// gives it (`/W`), and the text it stands for in the ToUnicode map.
struct Shown<'u> {
    gid: u16,
    offset: f32,
    width: f32,
    text: &'u str,
}

/// The `TJ` being gathered.
struct Line {
    x: f32,
    y: f32,
    size: f32,
    /// Where the viewer's pen is, in thousandths of an em from `x`.
    pen: f64,
    /// The array's contents so far.
    array: Vec<u8>,
    /// A hex string of glyph ids is open at the array's end.
    open: bool,
}

impl Line {
    fn number(&mut self, value: f32) {
        if self.open {
            self.array.push(b'>');
            self.open = false;
        }
        if self.array.last().is_some_and(u8::is_ascii_digit) {
            self.array.push(b' ');
        }
        number(&mut self.array, value);
        self.pen -= f64::from(value);
    }

    fn glyph(&mut self, glyph: &Shown<'_>) {
        if !self.open {
            self.array.push(b'<');
            self.open = true;
        }
        for b in glyph.gid.to_be_bytes() {
            hex_byte(&mut self.array, b);
        }
        self.pen += f64::from(glyph.width);
        if glyph.offset != 0.0 {
            self.number(glyph.offset);
        }
    }
}

/// A content stream being written.
#[derive(Default)]
struct Content {
    out: Vec<u8>,
    line: Option<Line>,
}

impl Content {
    /// The bytes before the next operator: the `TJ` gathered so far.
    fn flush(&mut self) -> &mut Vec<u8> {
        if let Some(mut line) = self.line.take() {
            if line.open {
                line.array.push(b'>');
            }
            self.out.extend_from_slice(b"1 0 0 1 ");
            number(&mut self.out, line.x);
            self.out.push(b' ');
            number(&mut self.out, line.y);
            self.out.extend_from_slice(b" Tm\n[");
            self.out.extend_from_slice(&line.array);
            self.out.extend_from_slice(b"] TJ\n");
        }
        &mut self.out
    }

    /// Writes `numbers` and `operator` on a line.
    fn op(&mut self, numbers: &[f32], operator: &str) {
        let out = self.flush();
        for &n in numbers {
            number(out, n);
            out.push(b' ');
        }
        out.extend_from_slice(operator.as_bytes());
        out.push(b'\n');
    }

    fn color(&mut self, rgb: Rgb, operator: &str) {
        self.op(&rgb.unit(), operator);
    }

    fn font(&mut self, resource: &str, size: f32) {
        let out = self.flush();
        name(out, resource);
        out.push(b' ');
        number(out, size);
        out.extend_from_slice(b" Tf\n");
    }

    fn begin_marked(&mut self, tag: &str, properties: &[(&'static str, Value<'_>)]) {
        let out = self.flush();
        name(out, tag);
        out.extend_from_slice(b" <<");
        for (key, value) in properties {
            name(out, key);
            out.push(b' ');
            match value {
                Value::Int(n) => integer(out, u64::from(*n)),
                Value::Name(n) => name(out, n),
                Value::Text(t) => string(out, t),
            }
        }
        out.extend_from_slice(b">> BDC\n");
    }

    fn end_marked(&mut self) {
        self.op(&[], "EMC");
    }

    fn image(&mut self, resource: &str, matrix: [f32; 6]) {
        self.op(&[], "q");
        self.op(&matrix, "cm");
        let out = self.flush();
        name(out, resource);
        out.extend_from_slice(b" Do\nQ\n");
    }

    /// Shows `glyphs` from `x`, `y` at `size`, in the same `TJ` as the
    /// glyphs before when `joins` and they are on the same baseline.
    fn show(&mut self, (x, y, size): (f32, f32, f32), glyphs: &[Shown<'_>], joins: bool) {
        match &mut self.line {
            Some(line) if joins && line.y == y && line.size == size => {
                let to = f64::from(x - line.x) * 1000.0 / f64::from(size);
                let kern = ((line.pen - to) * 1000.0).round() / 1000.0;
                if kern != 0.0 {
                    line.number(kern as f32);
                }
            }
            _ => {
                self.flush();
                self.line = Some(Line {
                    x,
                    y,
                    size,
                    pen: 0.0,
                    array: Vec::with_capacity(glyphs.len() * 6),
                    open: false,
                });
            }
        }
        if let Some(line) = &mut self.line {
            for glyph in glyphs {
                line.glyph(glyph);
            }
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.flush();
        self.out
    }
}

impl Pen<'_, '_> {
    /// Draws the image XObject `resource` placed by `matrix`, in marked
    /// content for `mark` (on page `at.0`, with its next marked-content id
    /// `at.1`).
    fn image(
        &mut self,
        content: &mut Content,
        at: (usize, &mut u32),
        mark: Mark,
        resource: &str,
        matrix: [f32; 6],
    ) {
        let marked = self.open(content, at.0, at.1, mark);
        content.image(resource, matrix);
        if marked {
            content.end_marked();
        }
    }

    /// Opens the marked-content sequence of `mark`, giving the element that
    /// owns it the sequence's id. Does nothing in an untagged PDF.
    fn open(&mut self, content: &mut Content, page: usize, mcid: &mut u32, mark: Mark) -> bool {
        let Some(tree) = self.tree.as_deref_mut() else {
            return false;
        };
        match mark {
            Mark::Artifact(kind) => {
                let properties: &[(&str, Value<'_>)] = match kind {
                    Artifact::Layout => &[("Type", Value::Name("Layout"))],
                    Artifact::Footer => &[
                        ("Type", Value::Name("Pagination")),
                        ("Subtype", Value::Name("Footer")),
                    ],
                    Artifact::Header => &[
                        ("Type", Value::Name("Pagination")),
                        ("Subtype", Value::Name("Header")),
                    ],
                };
                content.begin_marked("Artifact", properties);
            }
            other => {
                let Some(element) = tree.owner(other) else {
                    // Nothing owns it (a figure that was not made): an artifact.
                    return self.open(content, page, mcid, Mark::Artifact(Artifact::Layout));
                };
                let id = *mcid;
                *mcid += 1;
                tree.add_content(element, page, id);
                self.marks.push(other);
                let tag = tree.elements[element].kind.name();
                content.begin_marked(tag, &[("MCID", Value::Int(id))]);
            }
        }
        true
    }
}

/// The content stream that draws `page`, the `index`th.
pub(crate) fn page(page: &Page, index: usize, pen: &mut Pen<'_, '_>) -> Vec<u8> {
    let mut content = Content::default();
    let mut fill: Option<Rgb> = None;
    let mut mcid = 0u32;
    let mut rules = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rule {
                x,
                y,
                width,
                height,
                color,
            } => Some(([*x, *y, *width, *height].map(round), *color)),
            _ => None,
        })
        .peekable();
    if rules.peek().is_some() {
        let marked = pen.open(
            &mut content,
            index,
            &mut mcid,
            Mark::Artifact(Artifact::Layout),
        );
        for (rectangle, c) in rules {
            if fill != Some(c) {
                content.color(c, "rg");
                fill = Some(c);
            }
            content.op(&rectangle, "re");
            content.op(&[], "f");
        }
        if marked {
            content.end_marked();
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
        pen.image(&mut content, (index, &mut mcid), *mark, LOGO_ID, matrix);
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
        let resource = crate::photo::name(*n);
        pen.image(
            &mut content,
            (index, &mut mcid),
            Mark::Photo(*n),
            &resource,
            matrix,
        );
    }
    text(&mut content, page, index, (&mut fill, &mut mcid), pen);
    content.finish()
}

/// The page's text runs, in one text object.
fn text(
    content: &mut Content,
    page: &Page,
    index: usize,
    (fill, mcid): (&mut Option<Rgb>, &mut u32),
    pen: &mut Pen<'_, '_>,
) {
    let mut font: Option<(u8, f32)> = None;
    let mut in_text = false;
    // Stroke colour and width of emboldened text, while it is on.
    let mut embolden: Option<(Rgb, f32)> = None;
    let mut open: Option<Mark> = None;
    let mut reversed_before = false;
    let mut glyphs = Vec::new();
    for item in &page.items {
        let Item::Text(run) = item else { continue };
        let Some(subset) = pen.subsets.iter().find(|s| s.face == run.face) else {
            continue;
        };
        if !in_text {
            content.op(&[], "BT");
            in_text = true;
        }
        if pen.tree.is_some() && open != Some(run.mark) {
            if open.is_some() {
                content.end_marked();
            }
            pen.open(content, index, mcid, run.mark);
            open = Some(run.mark);
        }
        if font != Some((run.face.0, run.size)) {
            content.font(&font_name(subset), run.size);
            font = Some((run.face.0, run.size));
        }
        if *fill != Some(run.color) {
            content.color(run.color, "rg");
            *fill = Some(run.color);
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
                        content.op(&[2.0], "Tr");
                    }
                    content.color(c, "RG");
                    content.op(&[width], "w");
                }
                None => content.op(&[0.0], "Tr"),
            }
            embolden = wanted;
        }
        let start = shown(run, subset, pen.faces, pen.used, &mut glyphs);
        let span = if pen.tree.is_some() && !matches!(run.mark, Mark::Artifact(_)) {
            span(run, &glyphs)
        } else {
            Vec::new()
        };
        if !span.is_empty() {
            content.begin_marked("Span", &span);
        }
        // A right-to-left run, drawn backwards, is a show operation of its
        // own, so that a reader reverses it alone.
        let joins = !(run.reversed || reversed_before);
        content.show(
            (round(run.x + start), round(run.y), run.size),
            &glyphs,
            joins,
        );
        if !span.is_empty() {
            content.end_marked();
        }
        reversed_before = run.reversed;
    }
    if open.is_some() {
        content.end_marked();
    }
    if embolden.is_some() {
        content.op(&[0.0], "Tr");
    }
    if in_text {
        content.op(&[], "ET");
    }
}

/// Whether the run's glyphs, read through the fonts' ToUnicode maps as
/// readers of PDF read right-to-left text, which every producer draws in
/// visual order (a reversed run from its right end), give its text, and
/// none of it from the private use area (which PDF/A-2 level A lets through
/// only with an ActualText).
fn glyphs_spell(run: &Run, shown: &[Shown<'_>]) -> bool {
    let mut rest = run.text.as_str();
    let mut reads = |glyph: &Shown<'_>| match rest.strip_prefix(glyph.text) {
        Some(after) if !glyph.text.chars().any(is_private_use) => {
            rest = after;
            true
        }
        _ => false,
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
fn span<'r>(run: &'r Run, shown: &[Shown<'_>]) -> Vec<(&'static str, Value<'r>)> {
    let mut entries = Vec::new();
    if let Some(lang) = &run.lang {
        entries.push(("Lang", Value::Text(lang)));
    }
    let unmarked_reversal = run.reversed && !run.text.chars().any(is_strong_rtl);
    if unmarked_reversal || !glyphs_spell(run, shown) {
        entries.push(("ActualText", Value::Text(&run.text)));
    }
    entries
}

/// Letters of scripts written right to left (bidi classes R and AL).
fn is_strong_rtl(c: char) -> bool {
    use unicode_bidi::BidiClass;
    matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL)
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

/// Puts in `out` the run's glyphs as shown: subset glyph ids, each with the
/// TJ adjustment that puts the next glyph where the layout put it. Returns
/// how far the first shown glyph is from the run's start (in points; not
/// zero when the run starts with glyphs no font has, which are not shown:
/// PDF/A forbids showing `.notdef`, and the layout drew a box in their
/// place). The viewer advances by the `/W` width (to a thousandth of an
/// em), so the difference from the shaped (kerned, justified) advance is
/// carried from glyph to glyph and written out in whole thousandths once it
/// reaches half of one: glyphs land within 0.0005 em of their place, and
/// adjustments are written only where kerning or justification put them.
fn shown<'u>(
    run: &Run,
    subset: &Subset,
    faces: &Faces<'_>,
    used: &'u UsedGlyphs,
    out: &mut Vec<Shown<'u>>,
) -> f32 {
    out.clear();
    let face = faces.get(run.face);
    let per_em = 1000.0 / run.size;
    let mut carry = 0.0_f32;
    let mut lead = run.glyphs.first().map_or(0.0, |g| g.x_offset);
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
            let width = pdf_width(face, g.gid);
            carry += width - wanted;
            out.push(Shown {
                gid: subset.code(g.gid),
                offset: 0.0,
                width,
                text: used.text(run.face, g.gid),
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
    lead
}

/// A glyph's advance in thousandths of an em, to a thousandth, as `/W` says.
pub(crate) fn pdf_width(face: &crate::fonts::Face<'_>, gid: u16) -> f32 {
    (f32::from(face.advance(gid)) * 1_000_000.0 / face.units_per_em).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: f32) -> String {
        let mut out = Vec::new();
        number(&mut out, value);
        String::from_utf8(out).expect("ASCII")
    }

    #[test]
    fn numbers_are_written_to_a_thousandth_without_trailing_zeros() {
        assert_eq!(written(0.0), "0");
        assert_eq!(written(-0.0001), "0");
        assert_eq!(written(12.0), "12");
        assert_eq!(written(-0.5), "-0.5");
        assert_eq!(written(595.2756), "595.276");
        assert_eq!(written(0.05), "0.05");
        assert_eq!(written(1.007), "1.007");
        assert_eq!(written(-1234.0), "-1234");
    }

    #[test]
    fn names_and_strings_escape_what_they_cannot_hold() {
        let mut out = Vec::new();
        name(&mut out, "A b#");
        out.push(b' ');
        string(&mut out, "a (b) \\");
        out.push(b' ');
        string(&mut out, "é");
        assert_eq!(
            String::from_utf8(out).expect("ASCII"),
            "/A#20b#23 (a \\(b\\) \\\\) <FEFF00E9>"
        );
    }

    #[test]
    fn runs_on_one_baseline_share_a_tj_that_moves_the_pen_to_each() {
        let glyph = |gid| Shown {
            gid,
            offset: 0.0,
            width: 500.0,
            text: "a",
        };
        let mut content = Content::default();
        content.show((10.0, 700.0, 10.0), &[glyph(1), glyph(2)], true);
        // 10 pt + two glyphs of half an em at 10 pt = 20 pt; the run starts at 22.
        content.show((22.0, 700.0, 10.0), &[glyph(3)], true);
        content.show((10.0, 688.0, 10.0), &[glyph(4)], true);
        content.show((15.0, 688.0, 10.0), &[glyph(5)], false);
        assert_eq!(
            String::from_utf8(content.finish()).expect("ASCII"),
            "1 0 0 1 10 700 Tm\n[<00010002>-200<0003>] TJ\n\
             1 0 0 1 10 688 Tm\n[<0004>] TJ\n\
             1 0 0 1 15 688 Tm\n[<0005>] TJ\n"
        );
    }
}
