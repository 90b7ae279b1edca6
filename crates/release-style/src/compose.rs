//! Release + HouseStyle → Document: the one place that knows what goes where.

use crate::document::{
    Block, CharStyle, Document, Figure, Footer, Image, ListMarker, Metadata, Role, Span,
};
use crate::pattern::Pattern;
use crate::style::{CityCase, ContactLayout, HouseStyle, Part, PhotoPlace, TextEnd};
use release_model::{
    Block as DraftBlock, Contact, Date, Draft, EmbargoTime, Finding, Language, Quote, Run,
    format_date, is_forbidden_control,
};
use release_photo::Facts;

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Builds the styled Document of `draft` in `style`, without its photos
/// (their files are read by the pipeline: see [`document_with_photos`]).
/// Never fails: problems a writer must know of (a control character left
/// out) are in `warnings`, and drafts with validation errors are refused
/// before this by the callers.
pub fn document(draft: &Draft, style: &HouseStyle) -> Document {
    document_with_photos(draft, style, &[])
}

/// The size a photo is printed at in `style`, in points, upright: as large
/// as the style's `max_width_mm` (never more than the text's width) and
/// `max_height_mm` allow, its proportions kept.
pub fn photo_size(style: &HouseStyle, facts: &Facts) -> (f32, f32) {
    let p = &style.page;
    let text_width = p.width_mm - p.margin_left_mm - p.margin_right_mm;
    let max_w = style.photos.max_width_mm.min(text_width).max(1.0) * PT_PER_MM;
    let max_h = style.photos.max_height_mm.max(1.0) * PT_PER_MM;
    let (w, h) = facts.upright();
    let (w, h) = (w.max(1) as f32, h.max(1) as f32);
    let scale = (max_w / w).min(max_h / h);
    (w * scale, h * scale)
}

/// [`document`] with the photos: `images[i]` is the checked image of
/// `draft.release.photos[i]`; a photo without one is left out. Each photo
/// is placed where the style's `[photos] place` says, above its caption and
/// credit.
pub fn document_with_photos(
    draft: &Draft,
    style: &HouseStyle,
    images: &[Option<Image>],
) -> Document {
    let language = Language::from_tag(&draft.language).unwrap_or(Language::En);
    let mut c = Composer {
        draft,
        style,
        language,
        blocks: Vec::new(),
        warnings: Vec::new(),
        list_count: 0,
    };
    for part in &style.order {
        c.part(*part);
    }
    let figures = c.photos(images);
    let mut styles = style.styles.clone();
    if figures.is_empty() {
        styles.retain(|role, _| !Role::PHOTO.contains(role));
    }
    let r = &draft.release;
    let author = r
        .contacts
        .iter()
        .map(|c| c.organization.trim())
        .find(|o| !o.is_empty())
        .unwrap_or(&style.organization)
        .to_owned();
    let page = style.label(language, "page");
    let subject_line = c.subject_line();
    let tag = if draft.language.trim().is_empty() {
        language.code().to_owned()
    } else {
        draft.language.trim().to_owned()
    };
    let mut blocks = c.blocks;
    crate::span_language::mark(&mut blocks, language, &tag);
    Document {
        style: style.name.clone(),
        language,
        direction: language.direction(),
        page: style.page,
        fonts: style.fonts.clone(),
        fallback: style.fallback.clone(),
        styles,
        dateline_bold: style.dateline.bold,
        link_color: crate::document::Rgb(0x00, 0x56, 0xB3),
        blocks,
        footer: (!page.is_empty()).then(|| Footer {
            pattern: page.to_owned(),
        }),
        logo: style.logo.clone(),
        figures,
        metadata: Metadata {
            title: clean(&r.headline),
            author,
            subject: clean(&r.kind),
            subject_line,
            language: tag,
            creator: concat!("Release Composer ", env!("CARGO_PKG_VERSION")).to_owned(),
            date: Date::parse(r.dateline.date.trim()).ok(),
        },
        pdf_standard: style.pdf_standard,
        warnings: c.warnings,
    }
}

struct Composer<'a> {
    draft: &'a Draft,
    style: &'a HouseStyle,
    language: Language,
    blocks: Vec<Block>,
    warnings: Vec<Finding>,
    list_count: u32,
}

/// Text as the Document holds it: tabs become spaces, control characters
/// that no export can carry are left out (validation warns about them).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_forbidden_control(c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}

fn has_text(spans: &[Span]) -> bool {
    spans.iter().any(|s| !s.text.trim().is_empty())
}

impl Composer<'_> {
    fn label(&self, key: &str) -> &str {
        self.style.label(self.language, key)
    }

    fn pattern(&self, key: &str, allowed: &[&str]) -> Pattern {
        // Patterns were checked when the style loaded.
        Pattern::parse(self.label(key), allowed).unwrap_or_else(|_| {
            Pattern::parse("", &[]).unwrap_or_else(|_| unreachable!("the empty pattern parses"))
        })
    }

    fn push(&mut self, role: Role, mut spans: Vec<Span>, source: &str) {
        if !has_text(&spans) {
            return;
        }
        if self.style.styles[&role].upper_case {
            for span in &mut spans {
                span.text = span.text.to_uppercase();
            }
        }
        self.blocks.push(Block {
            role,
            spans,
            marker: None,
            source: source.to_owned(),
        });
    }

    fn spans(&mut self, runs: &[Run], path: &str) -> Vec<Span> {
        runs.iter()
            .enumerate()
            .map(|(i, run)| {
                let text = clean(&run.text);
                if run.text.chars().any(is_forbidden_control) {
                    self.left_out(&format!("{path}[{i}].text"));
                }
                Span {
                    text,
                    bold: run.bold,
                    italic: run.italic,
                    link: run.link.clone().filter(|l| !l.trim().is_empty()),
                    char_style: run.link.as_ref().map(|_| CharStyle::Link),
                    lang: run
                        .lang
                        .as_deref()
                        .map(str::trim)
                        .filter(|l| release_model::is_language_tag(l))
                        .map(str::to_owned),
                }
            })
            .collect()
    }

    fn left_out(&mut self, path: &str) {
        self.warnings.push(Finding::warning(
            "control-character",
            path,
            "control characters were left out of the export",
        ));
    }

    fn part(&mut self, part: Part) {
        let r = &self.draft.release;
        match part {
            Part::Reference => self.push(
                Role::Reference,
                vec![Span::plain(clean(&r.reference))],
                "release.reference",
            ),
            Part::Kind => self.push(
                Role::Kind,
                vec![Span::plain(clean(&r.kind))],
                "release.kind",
            ),
            Part::Embargo => {
                let line = match &r.embargo {
                    Some(embargo) => self.embargo_line(&embargo.until),
                    None => self.style.release_line.not_embargoed.clone(),
                };
                let source = if r.embargo.is_some() {
                    "release.embargo"
                } else {
                    "release"
                };
                self.push(Role::Embargo, vec![Span::plain(line)], source);
            }
            Part::Headline => self.push(
                Role::Headline,
                vec![Span::plain(clean(&r.headline))],
                "release.headline",
            ),
            Part::Subheadline => {
                self.push(
                    Role::Subheadline,
                    vec![Span::plain(clean(&r.subheadline))],
                    "release.subheadline",
                );
            }
            Part::Body => {
                let dateline = self.dateline();
                self.section(&r.body, "release.body", dateline);
            }
            Part::Quotes => {
                if r.quotes.is_empty() {
                    return;
                }
                if self.style.quotes.heading {
                    let heading = self.label("quotes").to_owned();
                    self.push(
                        Role::SectionHeading,
                        vec![Span::plain(heading)],
                        "release.quotes",
                    );
                }
                for (i, quote) in r.quotes.iter().enumerate() {
                    let path = format!("release.quotes[{i}]");
                    let spans = self.quote(quote, &path);
                    self.push(Role::Quote, spans, &path);
                }
            }
            Part::Closing => self.section(&r.closing, "release.closing", Vec::new()),
            Part::NotesToEditors => self.headed_section(
                "notes_to_editors",
                &r.notes_to_editors,
                "release.notes_to_editors",
            ),
            Part::About => self.headed_section("about", &r.about, "release.about"),
            Part::Contacts => self.contacts(&r.contacts),
            Part::EndMark => {
                let mark = self.style.end_mark.clone();
                self.push(Role::EndMark, vec![Span::plain(mark)], "release");
            }
        }
    }

    /// Inserts each photo's caption (and credit) block where the style puts
    /// photos, and returns the figures standing above the captions.
    fn photos(&mut self, images: &[Option<Image>]) -> Vec<Figure> {
        let mut at = self.photo_place();
        let mut figures = Vec::new();
        let photos = &self.draft.release.photos;
        for (i, (photo, image)) in photos.iter().zip(images).enumerate() {
            let Some(image) = image else { continue };
            let path = format!("release.photos[{i}]");
            let mut caption = self.spans(&photo.caption, &format!("{path}.caption"));
            if !has_text(&caption) {
                caption.clear();
            }
            if self.style.styles[&Role::Caption].upper_case {
                for span in &mut caption {
                    span.text = span.text.to_uppercase();
                }
            }
            self.blocks.insert(
                at,
                Block {
                    role: Role::Caption,
                    spans: caption,
                    marker: None,
                    source: format!("{path}.caption"),
                },
            );
            let (width_pt, height_pt) = photo_size(self.style, &image.facts);
            figures.push(Figure {
                block: at,
                image: image.clone(),
                alt: clean(photo.alt.trim()),
                width_pt,
                height_pt,
                gap_pt: self.style.photos.gap_pt,
                keep_together: self.style.photos.keep_together,
                source: path.clone(),
            });
            at += 1;
            let credit = clean(photo.credit.trim());
            if !credit.is_empty() {
                let pattern = self.label("photo_credit");
                let text = if pattern.is_empty() {
                    credit
                } else {
                    self.pattern("photo_credit", &["credit"])
                        .fill_text(&|_| credit.clone())
                };
                let mut spans = vec![Span::plain(text)];
                if self.style.styles[&Role::Credit].upper_case {
                    spans[0].text = spans[0].text.to_uppercase();
                }
                self.blocks.insert(
                    at,
                    Block {
                        role: Role::Credit,
                        spans,
                        marker: None,
                        source: format!("{path}.credit"),
                    },
                );
                at += 1;
            }
        }
        figures
    }

    /// The index in `blocks` where the style's photos go.
    fn photo_place(&self) -> usize {
        let blocks = &self.blocks;
        let after_headline = || {
            blocks
                .iter()
                .rposition(|b| matches!(b.role, Role::Headline | Role::Subheadline))
                .map(|i| i + 1)
                .or_else(|| {
                    blocks
                        .iter()
                        .position(|b| b.source.starts_with("release.body"))
                })
                .unwrap_or(0)
        };
        match self.style.photos.place {
            PhotoPlace::AfterHeadline => after_headline(),
            PhotoPlace::AfterFirstParagraph => blocks
                .iter()
                .position(|b| b.role == Role::Body && b.source.starts_with("release.body"))
                .map_or_else(after_headline, |i| i + 1),
            PhotoPlace::BeforeContacts => blocks
                .iter()
                .position(|b| matches!(b.role, Role::ContactsLabel | Role::Contacts))
                .or_else(|| blocks.iter().position(|b| b.role == Role::EndMark))
                .unwrap_or(blocks.len()),
        }
    }

    /// The e-mail's subject: the style's pattern with the embargo line (or,
    /// not embargoed, the kind) and the headline.
    fn subject_line(&self) -> String {
        let r = &self.draft.release;
        let lead = match &r.embargo {
            Some(embargo) => self.embargo_line(&embargo.until),
            None => clean(&r.kind),
        };
        let headline = clean(&r.headline);
        self.pattern("subject", &["lead", "headline"])
            .fill_text(&|name| match name {
                "lead" => lead.clone(),
                _ => headline.clone(),
            })
    }

    fn embargo_line(&self, until: &str) -> String {
        let pattern = self.pattern("embargo", &["time", "offset", "date"]);
        match EmbargoTime::parse(until.trim()) {
            Ok(t) => pattern.fill_text(&|name| match name {
                "time" => t.time_text(),
                "offset" => t.offset_text(),
                _ => format_date(t.date, self.language, self.style.dateline.date_format),
            }),
            Err(_) => pattern.fill_text(&|name| match name {
                "date" => clean(until.trim()),
                _ => String::new(),
            }),
        }
    }

    fn dateline(&self) -> Vec<Span> {
        let d = &self.draft.release.dateline;
        let city = clean(d.city.trim());
        let city = match self.style.dateline.city_case {
            CityCase::Upper => city.to_uppercase(),
            CityCase::AsTyped => city,
        };
        let country = clean(d.country.trim());
        let date = match Date::parse(d.date.trim()) {
            Ok(date) => format_date(date, self.language, self.style.dateline.date_format),
            Err(_) => clean(d.date.trim()),
        };
        let key = match (city.is_empty(), country.is_empty()) {
            (false, false) => "dateline_city_country",
            (false, true) => "dateline_city",
            (true, false) => "dateline_country",
            (true, true) => "dateline_date",
        };
        let text = self
            .pattern(key, &["city", "country", "date"])
            .fill_text(&|name| match name {
                "city" => city.clone(),
                "country" => country.clone(),
                _ => date.clone(),
            });
        if text.trim().is_empty() {
            return Vec::new();
        }
        vec![Span {
            text,
            bold: self.style.dateline.bold,
            char_style: Some(CharStyle::Dateline),
            ..Span::default()
        }]
    }

    /// The blocks of a section; `lead` (the dateline) opens its first paragraph.
    fn section(&mut self, blocks: &[DraftBlock], path: &str, mut lead: Vec<Span>) {
        for (i, block) in blocks.iter().enumerate() {
            let p = format!("{path}[{i}]");
            match block {
                DraftBlock::Paragraph { content, .. } => {
                    let mut spans = std::mem::take(&mut lead);
                    spans.extend(self.spans(content, &format!("{p}.content")));
                    self.push(Role::Body, spans, &p);
                }
                DraftBlock::Heading { content, .. } => {
                    let spans = self.spans(content, &format!("{p}.content"));
                    self.push(Role::Subheading, spans, &p);
                }
                DraftBlock::List { ordered, items, .. } => {
                    if !lead.is_empty() {
                        self.push(Role::Body, std::mem::take(&mut lead), path);
                    }
                    self.list_count += 1;
                    let list = self.list_count;
                    let mut number = 0;
                    for (j, item) in items.iter().enumerate() {
                        let item_path = format!("{p}.items[{j}]");
                        let spans = self.spans(item, &item_path);
                        if !has_text(&spans) {
                            continue;
                        }
                        number += 1;
                        self.blocks.push(Block {
                            role: Role::ListItem,
                            spans,
                            marker: Some(if *ordered {
                                ListMarker::Number { list, number }
                            } else {
                                ListMarker::Bullet
                            }),
                            source: item_path,
                        });
                    }
                }
                DraftBlock::Other(_) => {}
            }
        }
        if !lead.is_empty() {
            self.push(Role::Body, lead, path);
        }
    }

    fn headed_section(&mut self, label: &str, blocks: &[DraftBlock], path: &str) {
        let before = self.blocks.len();
        self.section(blocks, path, Vec::new());
        if self.blocks.len() == before {
            return;
        }
        let organization = self
            .draft
            .release
            .contacts
            .iter()
            .map(|c| clean(c.organization.trim()))
            .find(|o| !o.is_empty())
            .unwrap_or_else(|| self.style.organization.clone());
        let heading = self
            .pattern(label, &["organization"])
            .fill_text(&|_| organization.clone());
        let role = Role::SectionHeading;
        let mut spans = vec![Span::plain(heading)];
        if self.style.styles[&role].upper_case {
            spans[0].text = spans[0].text.to_uppercase();
        }
        if has_text(&spans) {
            self.blocks.insert(
                before,
                Block {
                    role,
                    spans,
                    marker: None,
                    source: path.to_owned(),
                },
            );
        }
    }

    fn quote(&mut self, quote: &Quote, path: &str) -> Vec<Span> {
        let mut text = self.spans(&quote.text, &format!("{path}.text"));
        if self.style.quotes.text_end == TextEnd::Comma {
            end_with_comma(&mut text);
        }
        let after = self.spans(&quote.after, &format!("{path}.after"));
        let marks = self.language.quote_marks();
        let verb = if quote.verb.trim().is_empty() {
            self.label("default_verb").to_owned()
        } else {
            clean(quote.verb.trim())
        };
        let plain = |s: &str| vec![Span::plain(clean(s.trim()))];
        self.pattern(
            "quote",
            &[
                "speaker", "title", "context", "verb", "open", "text", "close", "after",
            ],
        )
        .fill(&|name| match name {
            "speaker" => plain(&quote.speaker),
            "title" => plain(&quote.title),
            "context" => plain(&quote.context),
            "verb" => vec![Span::plain(verb.clone())],
            "open" => vec![Span::plain(marks.open)],
            "close" => vec![Span::plain(marks.close)],
            "text" => text.clone(),
            _ => after.clone(),
        })
    }

    fn contact(&self, contact: &Contact) -> Vec<Span> {
        let email = clean(contact.email.trim());
        self.pattern(
            "contact",
            &["name", "title", "organization", "email", "phone"],
        )
        .fill(&|name| match name {
            "name" => vec![Span::plain(clean(contact.name.trim()))],
            "title" => vec![Span::plain(clean(contact.title.trim()))],
            "organization" => vec![Span::plain(clean(contact.organization.trim()))],
            "phone" => vec![Span::plain(clean(contact.phone.trim()))],
            _ => vec![Span {
                link: (!email.is_empty()).then(|| format!("mailto:{email}")),
                char_style: (!email.is_empty()).then_some(CharStyle::Link),
                text: email.clone(),
                ..Span::default()
            }],
        })
    }

    fn contacts(&mut self, contacts: &[Contact]) {
        let lines: Vec<Vec<Span>> = contacts
            .iter()
            .map(|c| self.contact(c))
            .filter(|spans| has_text(spans))
            .collect();
        if lines.is_empty() {
            return;
        }
        let label = self.label("contacts").to_owned();
        let separator = self.style.contacts.separator.clone();
        match self.style.contacts.layout {
            ContactLayout::Inline => {
                // Full-width punctuation (Chinese `：`) carries its own space.
                let gap = if label.ends_with(['：', '，']) {
                    ""
                } else {
                    " "
                };
                let mut spans = vec![Span::plain(format!("{label}{gap}"))];
                for (i, line) in lines.into_iter().enumerate() {
                    if i > 0 {
                        spans.push(Span::plain(separator.clone()));
                    }
                    spans.extend(line);
                }
                self.push(Role::Contacts, spans, "release.contacts");
            }
            ContactLayout::Lines => {
                self.push(
                    Role::ContactsLabel,
                    vec![Span::plain(label)],
                    "release.contacts",
                );
                let mut spans = Vec::new();
                for (i, line) in lines.into_iter().enumerate() {
                    if i > 0 {
                        spans.push(Span::plain(format!("{separator}\n")));
                    }
                    spans.extend(line);
                }
                self.push(Role::Contacts, spans, "release.contacts");
            }
        }
    }
}

/// Wire style: a quotation's final full stop becomes a comma before the
/// closing mark; a question or exclamation mark stays and takes no comma.
fn end_with_comma(spans: &mut [Span]) {
    let Some(last) = spans.iter_mut().rev().find(|s| !s.text.trim().is_empty()) else {
        return;
    };
    let trimmed = last.text.trim_end().len();
    last.text.truncate(trimmed);
    match last.text.chars().last() {
        Some('?' | '!' | '…' | ',') => {}
        Some('.') => {
            last.text.pop();
            last.text.push(',');
        }
        _ => last.text.push(','),
    }
}
