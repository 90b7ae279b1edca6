//! The web edition: one standalone HTML5 page, semantic and accessible,
//! with the house style's look in its own `<style>`, to post as it is.

use crate::escape::{escape_attr, escape_text};
use crate::look::{css_color, declarations, font_stack, link_color};
use crate::parts::{
    Group, ImageSource, Markup, description, figure_above, groups, image_src, inline, list, tag,
};
use release_model::Direction;
use release_style::{Document, Role};
use std::fmt::Write;

/// What the page needs to know beyond the Document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebOptions {
    /// The page's own address, when known, for `og:url` and the JSON-LD.
    pub url: Option<String>,
    /// Where the first photo is published, for `og:image` (Open Graph wants
    /// an absolute address; the page itself carries its photos inline).
    pub image_url: Option<String>,
}

/// The class a paragraph of `role` has in the page's stylesheet.
fn class(role: Role) -> &'static str {
    match role {
        Role::Reference => "reference",
        Role::Kind => "kind",
        Role::Embargo => "embargo",
        Role::Headline => "headline",
        Role::Subheadline => "subheadline",
        Role::Body => "body",
        Role::Subheading => "subheading",
        Role::SectionHeading => "section-heading",
        Role::ListItem => "list-item",
        Role::Quote => "quote",
        Role::ContactsLabel => "contacts-label",
        Role::Contacts => "contacts",
        Role::EndMark => "end-mark",
        Role::Footer => "footer",
        Role::Caption => "caption",
        Role::Credit => "credit",
    }
}

fn stylesheet(doc: &Document) -> String {
    let mut css = format!(
        "body{{margin:0;background:#ffffff;font-family:{};}}\n\
         main{{max-width:46rem;margin:0 auto;padding:2rem 1.5rem;}}\n\
         a{{color:{};text-decoration:underline;}}\n\
         address{{font-style:normal;}}\n\
         figure{{margin:1rem 0;}}\n\
         figure img{{display:block;max-width:100%;height:auto;}}\n\
         ul,ol{{margin:0;padding-inline-start:1.5rem;}}\n",
        font_stack(doc),
        css_color(link_color(doc)),
    );
    for role in Role::ALL {
        // A photo's roles have styles only in a release with photos.
        let Some(style) = doc.styles.get(&role).filter(|_| role != Role::Footer) else {
            continue;
        };
        let _ = writeln!(
            css,
            ".{}{{{}}}",
            class(role),
            declarations(style, doc.direction)
        );
    }
    if !doc.dateline_bold {
        css.push_str(".dateline{font-weight:normal;}\n");
    }
    css
}

/// JSON for a `<script>` element: `<` escaped so no text can close it.
fn script_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The web page of `doc`.
pub fn web_page(doc: &Document, options: &WebOptions) -> String {
    let m = &doc.metadata;
    let dir = match doc.direction {
        Direction::LeftToRight => "ltr",
        Direction::RightToLeft => "rtl",
    };
    let summary = description(doc, 160);
    let mut head = String::new();
    let _ = write!(
        head,
        "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<meta name=\"description\" content=\"{}\">\n\
         <meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"{}\">\n\
         <meta property=\"og:description\" content=\"{}\">\n<meta property=\"og:locale\" content=\"{}\">\n",
        escape_text(&m.title),
        escape_attr(&summary),
        escape_attr(&m.title),
        escape_attr(&summary),
        escape_attr(&m.language.replace('-', "_")),
    );
    if let Some(url) = options.url.as_deref().and_then(crate::escape::safe_link) {
        let _ = writeln!(
            head,
            "<meta property=\"og:url\" content=\"{}\">",
            escape_attr(url)
        );
    }
    let image_url = options
        .image_url
        .as_deref()
        .and_then(crate::escape::safe_link);
    if let (Some(url), Some(first)) = (image_url, doc.figures.first()) {
        let _ = writeln!(
            head,
            "<meta property=\"og:image\" content=\"{}\">\n<meta property=\"og:image:alt\" content=\"{}\">",
            escape_attr(url),
            escape_attr(&first.alt)
        );
    }
    let mut article = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": m.title,
        "description": summary,
        "inLanguage": m.language,
    });
    if let Some(date) = m.date {
        article["datePublished"] = date.to_string().into();
    }
    if !m.author.is_empty() {
        let organization = serde_json::json!({ "@type": "Organization", "name": m.author });
        article["author"] = organization.clone();
        article["publisher"] = organization;
    }
    if let Some(url) = &options.url {
        article["url"] = url.clone().into();
    }
    if let (Some(url), false) = (image_url, doc.figures.is_empty()) {
        article["image"] = url.into();
    }
    let _ = write!(
        head,
        "<script type=\"application/ld+json\">{}</script>\n<style>\n{}</style>\n",
        script_json(&article),
        stylesheet(doc)
    );

    let mut body = String::new();
    let mut in_address = false;
    // A photo's figure stays open for its caption and its credit.
    let mut in_figure = false;
    for group in groups(doc) {
        let credit = matches!(&group, Group::Paragraph(_, b) if b.role == Role::Credit);
        if in_figure && !credit {
            body.push_str("</figcaption>\n</figure>\n");
            in_figure = false;
        }
        let contact = matches!(&group, Group::Paragraph(_, b) if matches!(b.role, Role::ContactsLabel | Role::Contacts));
        if contact && !in_address {
            body.push_str("<address>\n");
        } else if !contact && in_address {
            body.push_str("</address>\n");
        }
        in_address = contact;
        match group {
            Group::Paragraph(_, block) if block.role == Role::Footer => {}
            Group::Paragraph(index, block) => {
                if let Some(n) = figure_above(doc, index) {
                    let figure = &doc.figures[n];
                    let (w, h) = figure.image.facts.upright();
                    let _ = writeln!(
                        body,
                        "<figure class=\"photo\">\n<img src=\"{}\" alt=\"{}\" width=\"{w}\" height=\"{h}\">\n<figcaption>",
                        image_src(doc, n, ImageSource::Inline),
                        escape_attr(&figure.alt)
                    );
                    in_figure = true;
                    if block.text().trim().is_empty() {
                        continue;
                    }
                }
                let element = tag(block.role);
                let _ = writeln!(
                    body,
                    "<{element} class=\"{}\">{}</{element}>",
                    class(block.role),
                    inline(doc, block, Markup::Classes)
                );
            }
            Group::List { ordered, items } => {
                let attrs = ("", " class=\"list-item\"");
                let _ = writeln!(
                    body,
                    "{}",
                    list(doc, ordered, &items, attrs, (Markup::Classes, "\n"))
                );
            }
        }
    }
    if in_figure {
        body.push_str("</figcaption>\n</figure>\n");
    }
    if in_address {
        body.push_str("</address>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n{head}</head>\n<body>\n<main>\n<article>\n{body}</article>\n</main>\n</body>\n</html>\n",
        escape_attr(&m.language)
    )
}
