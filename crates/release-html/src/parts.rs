//! What both HTML editions share: which element each part of the release
//! is, lists gathered from their items, and runs of text as inline markup.

use crate::escape::{escape_attr, escape_text, safe_link};
use crate::look::{css_color, link_color};
use release_style::{Block, CharStyle, Document, ListMarker, Role};
use std::fmt::Write;

/// The element a paragraph of `role` is written as.
pub(crate) fn tag(role: Role) -> &'static str {
    match role {
        Role::Headline => "h1",
        Role::SectionHeading => "h2",
        Role::Subheading => "h3",
        _ => "p",
    }
}

/// A run of the Document's paragraphs as HTML lays them out: one paragraph,
/// or the items of one list.
pub(crate) enum Group<'d> {
    /// A paragraph and its index among the Document's blocks.
    Paragraph(usize, &'d Block),
    List {
        ordered: bool,
        items: Vec<&'d Block>,
    },
}

/// The Document's paragraphs, list items gathered into their lists.
pub(crate) fn groups(doc: &Document) -> Vec<Group<'_>> {
    let mut out: Vec<Group<'_>> = Vec::new();
    let mut last_list: Option<(bool, u32)> = None;
    for (index, block) in doc.blocks.iter().enumerate() {
        let kind = match (block.role, block.marker) {
            (Role::ListItem, Some(ListMarker::Bullet)) | (Role::ListItem, None) => Some((false, 0)),
            (Role::ListItem, Some(ListMarker::Number { list, .. })) => Some((true, list)),
            _ => None,
        };
        match (kind, out.last_mut()) {
            (Some(k), Some(Group::List { items, .. })) if last_list == Some(k) => items.push(block),
            (Some((ordered, _)), _) => out.push(Group::List {
                ordered,
                items: vec![block],
            }),
            (None, _) => out.push(Group::Paragraph(index, block)),
        }
        last_list = kind;
    }
    out
}

/// How links and the dateline are marked up: with inline styles (mail) or
/// with classes the page's stylesheet styles (web).
#[derive(Clone, Copy)]
pub(crate) enum Markup {
    Inline,
    Classes,
}

/// The spans of `block` as inline HTML.
pub(crate) fn inline(doc: &Document, block: &Block, markup: Markup) -> String {
    let mut out = String::new();
    let link_style = format!(
        "color:{};text-decoration:underline;",
        css_color(link_color(doc))
    );
    for span in &block.spans {
        let mut text = escape_text(&span.text);
        let dateline = span.char_style == Some(CharStyle::Dateline);
        if span.italic {
            text = format!("<em>{text}</em>");
        }
        if span.bold || (dateline && doc.dateline_bold) {
            text = format!("<strong>{text}</strong>");
        }
        if let Some(target) = span.link.as_deref().and_then(safe_link) {
            let href = escape_attr(target);
            text = match markup {
                Markup::Inline => format!("<a href=\"{href}\" style=\"{link_style}\">{text}</a>"),
                Markup::Classes => format!("<a href=\"{href}\">{text}</a>"),
            };
        }
        if dateline && matches!(markup, Markup::Classes) {
            text = match doc.metadata.date {
                Some(date) => format!("<time class=\"dateline\" datetime=\"{date}\">{text}</time>"),
                None => format!("<span class=\"dateline\">{text}</span>"),
            };
        }
        out.push_str(&text);
    }
    out
}

/// The first body paragraph's words, shortened to about `max` characters at
/// a word: a page's description.
pub(crate) fn description(doc: &Document, max: usize) -> String {
    let Some(first) = doc.blocks.iter().find(|b| b.role == Role::Body) else {
        return doc.metadata.title.clone();
    };
    let text = first.text();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let _ = write!(out, "…");
    out
}

/// How an edition's HTML points at a photo's image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageSource {
    /// `cid:` parts of the same message (the `.eml`): see [`content_id`].
    ContentId,
    /// The image itself, as a `data:` address (the web page, the clipboard).
    Inline,
}

/// The `Content-ID` of photo `n` (from 0) in the e-mail: `<img src="cid:…">`.
pub fn content_id(n: usize) -> String {
    format!("photo-{}@release-composer", n + 1)
}

/// The `src` of photo `n` of `doc`.
pub(crate) fn image_src(doc: &Document, n: usize, source: ImageSource) -> String {
    let figure = &doc.figures[n];
    match source {
        ImageSource::ContentId => format!("cid:{}", content_id(n)),
        ImageSource::Inline => {
            use base64::Engine;
            let data = base64::engine::general_purpose::STANDARD.encode(&*figure.image.bytes);
            format!("data:{};base64,{data}", figure.image.facts.format.mime())
        }
    }
}

/// The index among `doc.figures` of the photo standing above block `index`.
pub(crate) fn figure_above(doc: &Document, index: usize) -> Option<usize> {
    doc.figures.iter().position(|f| f.block == index)
}

/// A list: `<ul>` or `<ol>` with `list_attrs`, each item an `<li>` with
/// `item_attrs`, lines joined by `newline`.
pub(crate) fn list(
    doc: &Document,
    ordered: bool,
    items: &[&Block],
    (list_attrs, item_attrs): (&str, &str),
    (markup, newline): (Markup, &str),
) -> String {
    let element = if ordered { "ol" } else { "ul" };
    let mut out = format!("<{element}{list_attrs}>{newline}");
    for item in items {
        let _ = write!(
            out,
            "<li{item_attrs}>{}</li>{newline}",
            inline(doc, item, markup)
        );
    }
    let _ = write!(out, "</{element}>");
    out
}
