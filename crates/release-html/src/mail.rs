//! The e-mail edition's HTML: what Gmail, Outlook and Apple Mail render
//! alike. One centred table column 640 px wide (Outlook ignores `max-width`
//! on `div`s), every style inline (Gmail drops `<style>` in many views),
//! no scripts, no images from the web, no forms.

use crate::escape::{escape_attr, escape_text};
use crate::look::{declarations, font_stack, text_align};
use crate::parts::{
    Group, ImageSource, Markup, figure_above, groups, image_src, inline, list, tag,
};
use release_model::Direction;
use release_style::{Document, Role};
use std::fmt::Write;

/// The width of the release's column, in CSS pixels.
pub const MAIL_WIDTH_PX: u32 = 640;

/// The HTML body of the e-mail edition of `doc`, its photos taken from
/// `images` (the message's own parts, or inline for the clipboard).
pub fn mail_html(doc: &Document, images: ImageSource) -> String {
    let dir = match doc.direction {
        Direction::LeftToRight => "ltr",
        Direction::RightToLeft => "rtl",
    };
    let lang = crate::escape::escape_attr(&doc.metadata.language);
    let fonts = font_stack(doc).replace('\'', "&#39;");
    let mut rows = String::new();
    for group in groups(doc) {
        let cell = match group {
            Group::Paragraph(_, block) if block.role == Role::Footer => continue,
            Group::Paragraph(index, block) => {
                let element = tag(block.role);
                let css = declarations(doc.style(block.role), doc.direction);
                let mut cell = String::new();
                if let Some(n) = figure_above(doc, index) {
                    let figure = &doc.figures[n];
                    // The column's width less its padding, at most.
                    let width = (figure.width_pt * 96.0 / 72.0).round().min(592.0) as u32;
                    let _ = write!(
                        cell,
                        "<img src=\"{}\" alt=\"{}\" width=\"{width}\" style=\"display:block;width:{width}px;max-width:100%;height:auto;border:0;margin:12px 0 4px 0;\">",
                        image_src(doc, n, images),
                        escape_attr(&figure.alt)
                    );
                }
                if !block.text().trim().is_empty() {
                    let _ = write!(
                        cell,
                        "<{element} style=\"{css}font-family:{fonts};\">{}</{element}>",
                        inline(doc, block, Markup::Inline)
                    );
                }
                cell
            }
            Group::List { ordered, items } => {
                let css = declarations(doc.style(Role::ListItem), doc.direction);
                let item = format!(" style=\"{css}font-family:{fonts};\"");
                let attrs = (
                    " style=\"margin:0;padding-inline-start:24px;\"",
                    item.as_str(),
                );
                list(doc, ordered, &items, attrs, (Markup::Inline, ""))
            }
        };
        let _ = write!(
            rows,
            "<tr><td dir=\"{dir}\" style=\"padding:0 24px;text-align:{};\">{cell}</td></tr>\r\n",
            text_align(release_style::Align::Start, doc.direction)
        );
    }
    format!(
        "<!DOCTYPE html>\r\n<html lang=\"{lang}\" dir=\"{dir}\">\r\n<head>\r\n<meta charset=\"utf-8\">\r\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\r\n\
         <title>{title}</title>\r\n</head>\r\n\
         <body style=\"margin:0;padding:0;background:#ffffff;\">\r\n\
         <table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#ffffff;\"><tr><td align=\"center\" style=\"padding:24px 0;\">\r\n\
         <table role=\"presentation\" width=\"{MAIL_WIDTH_PX}\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:{MAIL_WIDTH_PX}px;max-width:100%;font-family:{fonts};\">\r\n\
         {rows}</table>\r\n</td></tr></table>\r\n</body>\r\n</html>\r\n",
        title = escape_text(&doc.metadata.title),
    )
}
