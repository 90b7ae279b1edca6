//! The house style as named Word styles: one paragraph style per [`Role`] and
//! the character styles `Dateline` and `Hyperlink`, each defined once in
//! styles.xml so a Word user restyles the whole release by editing one style.
//! Paragraphs in the body then name their style and carry no formatting of
//! their own.

use crate::units::{eighths, half_points, twips, twips_u};
use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, Style, StyleType, Styles,
};
use release_model::Direction;
use release_style::{Align, Document, DocxScript, ParagraphStyle, Rgb, Role, Rule};

/// The id Word keys a style by: its name without spaces (`Body Text` → `BodyText`).
pub(crate) fn style_id(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The style of the page header that holds the logo.
pub(crate) const HEADER: &str = "Header";

/// All the styles of `doc`: document defaults (font, size), the paragraph
/// styles of every role the house style defines, the character styles, and
/// `Header` when there is a logo to put in one.
pub(crate) fn styles(doc: &Document) -> Styles {
    let body_size = doc.styles.get(&Role::Body).map_or(11.0, |s| s.size_pt);
    let mut styles = Styles::new()
        .default_fonts(run_fonts(doc))
        .default_size(half_points(body_size));
    let rtl = doc.direction == Direction::RightToLeft;
    for (role, style) in &doc.styles {
        let mut word = paragraph_style(role.style_name(), style, rtl);
        if let Some(level) = crate::body::outline_level(*role) {
            // A heading for Word's navigation pane and for PDF tags.
            word = word.outline_lvl(usize::from(level - 1));
        }
        styles = styles.add_style(word);
    }
    let mut dateline = Style::new("Dateline", StyleType::Character).name("Dateline");
    if doc.dateline_bold {
        dateline = dateline.bold();
    }
    styles = styles.add_style(dateline).add_style(
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color(doc.link_color.hex())
            .underline("single"),
    );
    if let (Some(figure), Some(caption)) = (doc.figures.first(), doc.styles.get(&Role::Caption)) {
        let photo = crate::photo::PHOTO_STYLE;
        let mut style = Style::new(photo, StyleType::Paragraph)
            .name(photo)
            .based_on("Normal")
            .align(justification(caption.align, rtl))
            .line_spacing(
                LineSpacing::new()
                    .before(twips_u(caption.space_before_pt))
                    .after(twips_u(figure.gap_pt)),
            );
        style.paragraph_property = style.paragraph_property.keep_next(true);
        if rtl {
            style.paragraph_property = style.paragraph_property.bidi(true);
        }
        styles = styles.add_style(style);
    }
    if doc.logo.is_some() {
        let mut header = Style::new(HEADER, StyleType::Paragraph)
            .name(HEADER)
            .align(justification(Align::End, rtl));
        if rtl {
            header.paragraph_property = header.paragraph_property.bidi(true);
        }
        styles = styles.add_style(header);
    }
    styles
}

/// The document's fonts: the style's family for Latin, Greek and Cyrillic,
/// and the fallback fonts' Word families for complex scripts (`w:cs`, Arabic)
/// and East Asian text (`w:eastAsia`, Chinese); the style's family where the
/// style names none.
fn run_fonts(doc: &Document) -> RunFonts {
    let family = doc.fonts.docx_family.as_str();
    let slot = |script: DocxScript| {
        doc.fallback
            .iter()
            .find(|f| f.docx_script == script)
            .map_or(family, |f| f.docx_family.as_str())
    };
    RunFonts::new()
        .ascii(family)
        .hi_ansi(family)
        .cs(slot(DocxScript::Complex))
        .east_asia(slot(DocxScript::EastAsian))
}

/// The ids of the paragraph styles that must never be hyphenated, when the
/// document turns automatic hyphenation on for the others.
pub(crate) fn unhyphenated(doc: &Document) -> Option<Vec<String>> {
    if !doc.styles.values().any(|s| s.hyphenate) {
        return None;
    }
    let mut ids: Vec<String> = doc
        .styles
        .iter()
        .filter(|(_, s)| !s.hyphenate)
        .map(|(role, _)| style_id(role.style_name()))
        .collect();
    if doc.logo.is_some() {
        ids.push(HEADER.to_owned());
    }
    if !doc.figures.is_empty() && doc.styles.contains_key(&Role::Caption) {
        ids.push(crate::photo::PHOTO_STYLE.to_owned());
    }
    Some(ids)
}

fn paragraph_style(name: &str, ps: &ParagraphStyle, rtl: bool) -> Style {
    // Based on Normal, where LibreOffice puts the document's automatic
    // hyphenation: without it no style would inherit the setting.
    let mut style = Style::new(style_id(name), StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .size(half_points(ps.size_pt))
        .align(justification(ps.align, rtl))
        .line_spacing(
            LineSpacing::new()
                .before(twips_u(ps.space_before_pt))
                .after(twips_u(ps.space_after_pt))
                // "At least" the style's baseline distance: the PDF's line
                // height, while a taller glyph still gets room.
                .line(twips(ps.size_pt * ps.line_height))
                .line_rule(LineSpacingType::AtLeast),
        );
    if ps.bold {
        style = style.bold();
    }
    if ps.italic {
        style = style.italic();
    }
    if ps.color != Rgb::BLACK {
        style = style.color(ps.color.hex());
    }
    if ps.indent_pt > 0.0 {
        style = style.indent(Some(twips(ps.indent_pt)), None, None, None);
    }
    let mut ppr = style.paragraph_property.widow_control(true);
    if ps.keep_with_next {
        ppr = ppr.keep_next(true);
    }
    if ps.keep_together {
        ppr = ppr.keep_lines(true);
    }
    if rtl {
        ppr = ppr.bidi(true);
    }
    if ps.rule_above.is_some() || ps.rule_below.is_some() {
        let mut borders = ParagraphBorders::with_empty();
        if let Some(rule) = &ps.rule_above {
            borders = borders.set(border(ParagraphBorderPosition::Top, rule));
        }
        if let Some(rule) = &ps.rule_below {
            borders = borders.set(border(ParagraphBorderPosition::Bottom, rule));
        }
        ppr = ppr.set_borders(borders);
    }
    style.paragraph_property = ppr;
    style
}

fn border(position: ParagraphBorderPosition, rule: &Rule) -> ParagraphBorder {
    ParagraphBorder::new(position)
        .val(BorderType::Single)
        .size(eighths(rule.width_pt))
        // Word measures the gap in whole points, at most 31.
        .space(rule.gap_pt.round().clamp(0.0, 31.0) as usize)
        .color(rule.color.hex())
}

/// Word's `jc` for an alignment. In a right-to-left paragraph Word reads
/// `left` as the start side, so `Left` and `Right`, which ignore the text
/// direction, swap there.
fn justification(align: Align, rtl: bool) -> AlignmentType {
    match (align, rtl) {
        (Align::Start, _) | (Align::Left, false) | (Align::Right, true) => AlignmentType::Left,
        (Align::End, _) | (Align::Right, false) | (Align::Left, true) => AlignmentType::Right,
        (Align::Center, _) => AlignmentType::Center,
        (Align::Justify, _) => AlignmentType::Both,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_drop_spaces() {
        assert_eq!(style_id("Body Text"), "BodyText");
        assert_eq!(style_id("Kind"), "Kind");
    }

    #[test]
    fn alignment_follows_direction_only_for_left_and_right() {
        assert_eq!(justification(Align::Start, true).to_string(), "left");
        assert_eq!(justification(Align::Left, true).to_string(), "right");
        assert_eq!(justification(Align::Right, false).to_string(), "right");
        assert_eq!(justification(Align::Justify, false).to_string(), "both");
    }
}
