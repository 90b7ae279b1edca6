//! The house style's look on a screen: sizes in pixels, colours that stay
//! readable on white, the font stack, alignment by direction.

use release_model::Direction;
use release_style::{Align, Document, ParagraphStyle, Rgb};
use std::fmt::Write;

/// CSS pixels per point.
const PX_PER_PT: f32 = 96.0 / 72.0;

pub(crate) fn px(pt: f32) -> String {
    let px = (pt * PX_PER_PT * 10.0).round() / 10.0;
    format!("{px}px")
}

fn luminance(c: Rgb) -> f32 {
    let channel = |v: u8| {
        let s = f32::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// The contrast ratio of `c` on white, as WCAG defines it (1 to 21).
pub(crate) fn contrast_on_white(c: Rgb) -> f32 {
    1.05 / (luminance(c) + 0.05)
}

/// Large text in WCAG's sense: at least 18 pt, or 14 pt bold.
fn is_large(style: &ParagraphStyle) -> bool {
    style.size_pt >= 18.0 || (style.bold && style.size_pt >= 14.0)
}

/// `color`, darkened just enough (keeping its hue) to reach `ratio` on white.
pub(crate) fn readable(color: Rgb, ratio: f32) -> Rgb {
    let mut c = color;
    let mut scale = 1.0_f32;
    while contrast_on_white(c) < ratio && scale > 0.0 {
        scale -= 0.02;
        let dim = |v: u8| (f32::from(v) * scale).round().clamp(0.0, 255.0) as u8;
        c = Rgb(dim(color.0), dim(color.1), dim(color.2));
    }
    c
}

/// The colour text in `style` is shown in: the style's, readable (AA).
pub(crate) fn text_color(style: &ParagraphStyle) -> Rgb {
    let ratio = if is_large(style) { 3.0 } else { 4.5 };
    readable(style.color, ratio)
}

/// Links' colour, readable as normal text.
pub(crate) fn link_color(doc: &Document) -> Rgb {
    readable(doc.link_color, 4.5)
}

pub(crate) fn css_color(c: Rgb) -> String {
    format!("#{}", c.hex().to_ascii_lowercase())
}

/// The font stack: the family Word names (Arial, Times New Roman), the one
/// the PDF embeds, each fallback font, then the generic family.
pub(crate) fn font_stack(doc: &Document) -> String {
    let f = &doc.fonts;
    let serif = f.family.contains("Serif") || f.docx_family.contains("Times");
    let mut families = vec![f.docx_family.clone(), f.family.clone()];
    families.extend(doc.fallback.iter().map(|fb| fb.family.clone()));
    families.dedup();
    let mut out = String::new();
    for family in families {
        let clean: String = family
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ')
            .collect();
        let _ = write!(out, "'{clean}', ");
    }
    out.push_str(if serif { "serif" } else { "sans-serif" });
    out
}

/// `text-align` for `align` in a paragraph of direction `dir`. Justified
/// text is set ragged on screens: browsers and mail clients do not
/// hyphenate it well.
pub(crate) fn text_align(align: Align, dir: Direction) -> &'static str {
    let (start, end) = match dir {
        Direction::LeftToRight => ("left", "right"),
        Direction::RightToLeft => ("right", "left"),
    };
    match align {
        Align::Start | Align::Justify => start,
        Align::End => end,
        Align::Left => "left",
        Align::Right => "right",
        Align::Center => "center",
    }
}

/// The CSS declarations of a paragraph style (semicolon-separated).
pub(crate) fn declarations(style: &ParagraphStyle, dir: Direction) -> String {
    let mut css = format!(
        "margin:{} 0 {} 0;font-size:{};line-height:{};color:{};text-align:{};",
        px(style.space_before_pt),
        px(style.space_after_pt),
        px(style.size_pt),
        (style.line_height * 100.0).round() / 100.0,
        css_color(text_color(style)),
        text_align(style.align, dir),
    );
    css.push_str(if style.bold {
        "font-weight:bold;"
    } else {
        "font-weight:normal;"
    });
    if style.italic {
        css.push_str("font-style:italic;");
    }
    if style.indent_pt > 0.0 {
        let side = match dir {
            Direction::LeftToRight => "left",
            Direction::RightToLeft => "right",
        };
        let _ = write!(css, "padding-{side}:{};", px(style.indent_pt));
    }
    for (side, rule) in [("top", style.rule_above), ("bottom", style.rule_below)] {
        if let Some(rule) = rule {
            let _ = write!(
                css,
                "border-{side}:{} solid {};padding-{side}:{};",
                px(rule.width_pt.max(0.75)),
                css_color(rule.color),
                px(rule.gap_pt)
            );
        }
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn un_blue_is_darkened_to_pass_aa_and_black_is_kept() {
        let blue = Rgb(0x00, 0x9E, 0xDB);
        // UN blue is readable only as large text (3.04:1; AA asks 4.5 of the rest).
        assert!((3.0..4.5).contains(&contrast_on_white(blue)));
        assert_eq!(readable(blue, 3.0), blue);
        let normal = readable(blue, 4.5);
        assert!(contrast_on_white(normal) >= 4.5);
        assert!(
            normal.2 > normal.1 && normal.0 == 0,
            "still blue: {normal:?}"
        );
        assert_eq!(readable(Rgb::BLACK, 4.5), Rgb::BLACK);
        assert!((contrast_on_white(Rgb::BLACK) - 21.0).abs() < 0.01);
    }
}
