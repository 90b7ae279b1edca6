//! A house style file, `templates/NAME/style.toml`, read and checked.

use crate::blob::Blob;
use crate::document::{
    DocxScript, FallbackFont, Font, FontFamily, Logo, LogoPlace, Page, ParagraphStyle, PdfStandard,
    Role,
};
use crate::error::StyleError;
use crate::pattern::Pattern;
use release_model::{Checks, DateFormat, Language};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The parts of a release, as `order` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Reference,
    Kind,
    Embargo,
    Headline,
    Subheadline,
    Body,
    Quotes,
    Closing,
    NotesToEditors,
    About,
    Contacts,
    EndMark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CityCase {
    AsTyped,
    Upper,
}

/// How the end of a quotation meets the pattern's closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEnd {
    /// The quotation's own punctuation is printed as typed.
    Keep,
    /// Wire style `“…,” said`: a final full stop becomes a comma, `?` and `!` stay.
    Comma,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactLayout {
    /// The label and every contact in one paragraph, joined by the separator.
    Inline,
    /// The label as a heading, then one contact a line.
    Lines,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FontsFile {
    family: String,
    docx_family: String,
    regular: String,
    bold: String,
    italic: String,
    bold_italic: String,
    licence: Option<String>,
    /// Fonts for what the family does not cover (Arabic, Chinese), in order.
    #[serde(default)]
    fallback: Vec<FallbackFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FallbackFile {
    family: String,
    docx_family: String,
    docx_script: DocxScript,
    regular: String,
    bold: Option<String>,
    licence: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LogoFile {
    file: String,
    height_mm: f32,
    place: LogoPlace,
    /// What the logo shows, for screen readers; required unless decorative.
    description: Option<String>,
    #[serde(default = "english")]
    description_language: String,
    /// The logo says nothing the text does not: readers pass over it.
    #[serde(default)]
    decorative: bool,
}

fn english() -> String {
    "en".to_owned()
}

/// How the PDF is written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PdfFile {
    #[serde(default)]
    standard: PdfStandard,
}

/// Rules of the release line at the top.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseLine {
    /// Printed when the release is not embargoed (`FOR IMMEDIATE RELEASE`); empty prints nothing.
    pub not_embargoed: String,
}

/// How the dateline is written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatelineRules {
    #[serde(deserialize_with = "date_format")]
    pub date_format: DateFormat,
    pub city_case: CityCase,
    pub bold: bool,
}

fn date_format<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateFormat, D::Error> {
    let name = String::deserialize(d)?;
    DateFormat::from_name(&name).ok_or_else(|| {
        serde::de::Error::custom(format!("`{name}` is not a date format: use `long` or `ap`"))
    })
}

/// How quotations are printed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteRules {
    /// A section heading (`labels.quotes`) above the quotations.
    pub heading: bool,
    pub text_end: TextEnd,
}

/// How contacts are printed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRules {
    pub layout: ContactLayout,
    pub separator: String,
}

/// Where the photos go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhotoPlace {
    /// After the headline (and the subheadline), before the body.
    AfterHeadline,
    /// After the first paragraph of the body.
    AfterFirstParagraph,
    /// Before the contacts (or the end mark, or at the end).
    BeforeContacts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhotosFile {
    place: PhotoPlace,
    max_width_mm: f32,
    max_height_mm: f32,
    #[serde(default = "yes")]
    keep_together: bool,
    #[serde(default = "default_gap")]
    gap_pt: f32,
    caption: ParagraphStyle,
    credit: ParagraphStyle,
}

fn yes() -> bool {
    true
}

fn default_gap() -> f32 {
    4.0
}

/// How photos are printed: where, how large at most, and whether they are
/// kept with their captions. Caption and credit styles are in the style's
/// paragraph styles (`Role::Caption`, `Role::Credit`).
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoRules {
    pub place: PhotoPlace,
    /// The most a photo is printed across; never more than the text's width.
    pub max_width_mm: f32,
    pub max_height_mm: f32,
    /// Photo, caption and credit never split by a page break.
    pub keep_together: bool,
    /// Between the photo and its caption.
    pub gap_pt: f32,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EndMark {
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Parts {
    reference: ParagraphStyle,
    kind: ParagraphStyle,
    embargo: ParagraphStyle,
    headline: ParagraphStyle,
    subheadline: ParagraphStyle,
    body: ParagraphStyle,
    subheading: ParagraphStyle,
    section_heading: ParagraphStyle,
    list_item: ParagraphStyle,
    contacts_label: ParagraphStyle,
    contacts: ParagraphStyle,
    end_mark: ParagraphStyle,
    footer: ParagraphStyle,
    /// Quotations are body paragraphs unless the style says otherwise.
    quote: Option<ParagraphStyle>,
}

/// The texts a style prints, for one language. In `labels.en` every key is
/// required; other languages fall back to English key by key.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub quotes: Option<String>,
    pub notes_to_editors: Option<String>,
    pub about: Option<String>,
    pub contacts: Option<String>,
    pub page: Option<String>,
    pub embargo: Option<String>,
    pub default_verb: Option<String>,
    pub quote: Option<String>,
    pub contact: Option<String>,
    pub dateline_city_country: Option<String>,
    pub dateline_city: Option<String>,
    pub dateline_country: Option<String>,
    pub dateline_date: Option<String>,
    /// Optional in every language: the credit under a photo; without it the
    /// credit is printed as written.
    pub photo_credit: Option<String>,
    /// The e-mail's subject line.
    pub subject: Option<String>,
    /// Optional in every language: the line that lists the release's other
    /// language editions in its e-mail edition; without it none is listed.
    pub editions: Option<String>,
}

/// Label keys that `labels.en` may leave out.
const OPTIONAL_LABELS: [&str; 2] = ["photo_credit", "editions"];

/// Every label key with the placeholders its pattern may use.
const LABEL_KEYS: [(&str, &[&str]); 16] = [
    ("quotes", &[]),
    ("notes_to_editors", &[]),
    ("about", &["organization"]),
    ("contacts", &[]),
    ("page", &["page", "pages"]),
    ("embargo", &["time", "offset", "date"]),
    ("default_verb", &[]),
    (
        "quote",
        &[
            "speaker", "title", "context", "verb", "open", "text", "close", "after",
        ],
    ),
    (
        "contact",
        &["name", "title", "organization", "email", "phone"],
    ),
    ("dateline_city_country", &["city", "country", "date"]),
    ("dateline_city", &["city", "date"]),
    ("dateline_country", &["country", "date"]),
    ("dateline_date", &["date"]),
    ("photo_credit", &["credit"]),
    ("subject", &["lead", "headline"]),
    ("editions", &["languages"]),
];

impl Labels {
    fn get(&self, key: &str) -> Option<&str> {
        match key {
            "quotes" => self.quotes.as_deref(),
            "notes_to_editors" => self.notes_to_editors.as_deref(),
            "about" => self.about.as_deref(),
            "contacts" => self.contacts.as_deref(),
            "page" => self.page.as_deref(),
            "embargo" => self.embargo.as_deref(),
            "default_verb" => self.default_verb.as_deref(),
            "quote" => self.quote.as_deref(),
            "contact" => self.contact.as_deref(),
            "dateline_city_country" => self.dateline_city_country.as_deref(),
            "dateline_city" => self.dateline_city.as_deref(),
            "dateline_country" => self.dateline_country.as_deref(),
            "dateline_date" => self.dateline_date.as_deref(),
            "photo_credit" => self.photo_credit.as_deref(),
            "subject" => self.subject.as_deref(),
            "editions" => self.editions.as_deref(),
            _ => None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleFile {
    name: String,
    description: String,
    #[serde(default)]
    organization: String,
    order: Vec<Part>,
    page: Page,
    fonts: FontsFile,
    logo: Option<LogoFile>,
    #[serde(default)]
    pdf: PdfFile,
    release_line: ReleaseLine,
    dateline: DatelineRules,
    quotes: QuoteRules,
    contacts: ContactRules,
    #[serde(default)]
    end_mark: EndMark,
    /// How photos are printed; a style without the table gets defaults.
    photos: Option<PhotosFile>,
    parts: Parts,
    labels: BTreeMap<String, Labels>,
    /// House-style checks; a style without the table gets the defaults.
    #[serde(default)]
    checks: Checks,
    /// Dictionaries and the house's word list.
    spelling: Option<crate::spelling::SpellingFile>,
}

/// A loaded, checked house style with its assets.
#[derive(Debug, Clone)]
pub struct HouseStyle {
    pub name: String,
    pub description: String,
    /// The organisation named in metadata when the release's contacts name none.
    pub organization: String,
    pub order: Vec<Part>,
    pub page: Page,
    pub fonts: FontFamily,
    /// Fonts for scripts `fonts` does not cover, tried in order.
    pub fallback: Vec<FallbackFont>,
    /// The font licence text, shown in the app's About window.
    pub licence: Option<String>,
    pub logo: Option<Logo>,
    /// The standards its PDF is written to (`[pdf] standard`).
    pub pdf_standard: PdfStandard,
    pub release_line: ReleaseLine,
    pub dateline: DatelineRules,
    pub quotes: QuoteRules,
    pub contacts: ContactRules,
    pub end_mark: String,
    pub photos: PhotoRules,
    /// Every role's paragraph style, `Caption` and `Credit` included.
    pub styles: BTreeMap<Role, ParagraphStyle>,
    /// Which house-style checks run on releases in this style, and their limits.
    pub checks: Checks,
    /// The dictionaries its releases are spell-checked with, and its words.
    pub spelling: crate::spelling::SpellingRules,
    labels: BTreeMap<String, Labels>,
}

impl HouseStyle {
    /// Reads a style folder from disk: `DIR/style.toml` and the assets it
    /// names, which must be inside the folder (no `..`, no absolute path) or
    /// bundled with the program (`builtin:…`).
    pub fn from_dir(dir: &Path) -> Result<HouseStyle, StyleError> {
        let file = dir.join("style.toml");
        let text = std::fs::read_to_string(&file).map_err(|e| StyleError::Unreadable {
            file: file.clone(),
            message: e.to_string(),
        })?;
        HouseStyle::parse(&file, &text, |relative| {
            let inside = Path::new(relative).components().all(|c| {
                matches!(
                    c,
                    std::path::Component::Normal(_) | std::path::Component::CurDir
                )
            });
            if !inside {
                return None;
            }
            std::fs::read(dir.join(relative))
                .ok()
                .map(|bytes| Blob::Shared(bytes.into()))
        })
    }

    /// Reads a style from the text of its `style.toml`; `asset` returns the
    /// bytes of a file named relative to the style's folder, or `None`.
    /// `file` names the style file in messages.
    pub fn parse(
        file: &Path,
        text: &str,
        local_asset: impl Fn(&str) -> Option<Blob>,
    ) -> Result<HouseStyle, StyleError> {
        let asset = |name: &str| match name.strip_prefix(crate::builtin::BUNDLED_PREFIX) {
            Some(bundled) => crate::builtin::bundled(bundled),
            None => local_asset(name),
        };
        let at = At { file };
        let raw = deserialize(file, text)?;
        let (fonts, fallback, licence) = at.fonts(&raw.fonts, &asset)?;
        let logo = raw.logo.map(|l| at.logo(l, &asset)).transpose()?;
        check_page(&raw.page).map_err(|(key, message)| at.bad(key, message))?;
        let spelling = crate::spelling::rules(file, raw.spelling, asset)?;
        if let Some((key, message)) = raw.checks.problems() {
            return Err(at.bad(&format!("checks.{key}"), message));
        }
        if raw.order.is_empty() {
            return Err(at.bad("order", "names no parts".to_owned()));
        }
        at.labels(&raw.labels)?;
        let text_width_mm = raw.page.width_mm - raw.page.margin_left_mm - raw.page.margin_right_mm;
        let (photos, styles) = at.paragraph_styles(raw.parts, raw.photos, text_width_mm)?;
        Ok(HouseStyle {
            name: raw.name,
            description: raw.description,
            organization: raw.organization,
            order: raw.order,
            page: raw.page,
            fonts,
            fallback,
            licence,
            logo,
            pdf_standard: raw.pdf.standard,
            release_line: raw.release_line,
            dateline: raw.dateline,
            quotes: raw.quotes,
            contacts: raw.contacts,
            end_mark: raw.end_mark.text,
            photos,
            styles,
            checks: raw.checks,
            spelling,
            labels: raw.labels,
        })
    }

    /// A label for a language, falling back to English (always present).
    pub fn label(&self, language: Language, key: &str) -> &str {
        self.labels
            .iter()
            .find(|(tag, _)| Language::from_tag(tag) == Some(language))
            .and_then(|(_, labels)| labels.get(key))
            .or_else(|| self.labels.get("en").and_then(|labels| labels.get(key)))
            .unwrap_or("")
    }

    /// The languages this style has labels for.
    pub fn languages(&self) -> Vec<Language> {
        self.labels
            .keys()
            .filter_map(|t| Language::from_tag(t))
            .collect()
    }
}

/// `style.toml` read into its raw form: a TOML error is a syntax error of
/// the file, a value of the wrong shape is named by its key.
fn deserialize(file: &Path, text: &str) -> Result<StyleFile, StyleError> {
    let deserializer = toml::Deserializer::parse(text).map_err(|e| StyleError::Syntax {
        file: file.to_owned(),
        message: e.to_string(),
    })?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let key = e.path().to_string();
        let message = e.inner().message().to_owned();
        if key == "." || key.is_empty() {
            StyleError::Syntax {
                file: file.to_owned(),
                message,
            }
        } else {
            StyleError::BadValue {
                file: file.to_owned(),
                key,
                message,
            }
        }
    })
}

/// The style file being read, for its errors; each step of
/// [`HouseStyle::parse`] checks one part of it.
struct At<'a> {
    file: &'a Path,
}

impl At<'_> {
    fn bad(&self, key: &str, message: String) -> StyleError {
        StyleError::BadValue {
            file: self.file.to_owned(),
            key: key.to_owned(),
            message,
        }
    }

    fn missing(&self, key: &str, name: &str) -> StyleError {
        StyleError::MissingAsset {
            file: self.file.to_owned(),
            key: key.to_owned(),
            asset: PathBuf::from(name),
        }
    }

    fn font(
        &self,
        key: &str,
        name: &str,
        asset: &impl Fn(&str) -> Option<Blob>,
    ) -> Result<Font, StyleError> {
        let bytes = asset(name).ok_or_else(|| self.missing(key, name))?;
        if !looks_like_font(&bytes) {
            return Err(self.bad(key, format!("`{name}` is not a TrueType or OpenType font")));
        }
        Ok(Font {
            file: name.to_owned(),
            bytes,
        })
    }

    fn text(
        &self,
        key: &str,
        name: &str,
        asset: &impl Fn(&str) -> Option<Blob>,
    ) -> Result<String, StyleError> {
        asset(name)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .ok_or_else(|| self.missing(key, name))
    }

    /// The family, its fallback fonts and the licence text.
    fn fonts(
        &self,
        f: &FontsFile,
        asset: &impl Fn(&str) -> Option<Blob>,
    ) -> Result<(FontFamily, Vec<FallbackFont>, Option<String>), StyleError> {
        let family = FontFamily {
            family: f.family.clone(),
            docx_family: f.docx_family.clone(),
            regular: self.font("fonts.regular", &f.regular, asset)?,
            bold: self.font("fonts.bold", &f.bold, asset)?,
            italic: self.font("fonts.italic", &f.italic, asset)?,
            bold_italic: self.font("fonts.bold_italic", &f.bold_italic, asset)?,
        };
        let mut fallback = Vec::new();
        for (i, fb) in f.fallback.iter().enumerate() {
            let key = |face: &str| format!("fonts.fallback[{i}].{face}");
            fallback.push(FallbackFont {
                family: fb.family.clone(),
                docx_family: fb.docx_family.clone(),
                docx_script: fb.docx_script,
                regular: self.font(&key("regular"), &fb.regular, asset)?,
                bold: fb
                    .bold
                    .as_ref()
                    .map(|b| self.font(&key("bold"), b, asset))
                    .transpose()?,
                licence: fb
                    .licence
                    .as_ref()
                    .map(|name| self.text(&key("licence"), name, asset))
                    .transpose()?,
            });
        }
        let licence = f
            .licence
            .as_ref()
            .map(|name| self.text("fonts.licence", name, asset))
            .transpose()?;
        Ok((family, fallback, licence))
    }

    /// The logo: a PNG, described for screen readers or declared decorative.
    fn logo(&self, l: LogoFile, asset: &impl Fn(&str) -> Option<Blob>) -> Result<Logo, StyleError> {
        let png = asset(&l.file).ok_or_else(|| self.missing("logo.file", &l.file))?;
        if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(self.bad("logo.file", format!("`{}` is not a PNG image", l.file)));
        }
        if l.height_mm <= 0.0 {
            return Err(self.bad("logo.height_mm", "must be more than 0".to_owned()));
        }
        let description = l
            .description
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned);
        match (&description, l.decorative) {
            (None, false) => {
                return Err(self.bad(
                    "logo.description",
                    "is required: say what the logo shows for screen readers (\"United Nations emblem\"), or set `decorative = true` when it adds nothing to the text".to_owned(),
                ));
            }
            (Some(_), true) => {
                return Err(self.bad(
                    "logo.decorative",
                    "a decorative logo is passed over by screen readers: remove `description` or `decorative`".to_owned(),
                ));
            }
            _ => {}
        }
        if !release_model::is_language_tag(&l.description_language) {
            return Err(self.bad(
                "logo.description_language",
                format!(
                    "`{}` is not a language tag like `en` or `fr`",
                    l.description_language
                ),
            ));
        }
        Ok(Logo {
            file: l.file,
            png,
            height_mm: l.height_mm,
            place: l.place,
            description,
            description_language: l.description_language,
        })
    }

    /// Every language's labels: English complete, each pattern valid.
    fn labels(&self, labels: &BTreeMap<String, Labels>) -> Result<(), StyleError> {
        let english = labels.get("en").ok_or_else(|| {
            self.bad(
                "labels.en",
                "is required: every style needs English labels".to_owned(),
            )
        })?;
        for (key, _) in LABEL_KEYS {
            if english.get(key).is_none() && !OPTIONAL_LABELS.contains(&key) {
                return Err(self.bad(&format!("labels.en.{key}"), "is missing".to_owned()));
            }
        }
        for (language, labels) in labels {
            if Language::from_tag(language).is_none() {
                return Err(self.bad(
                    &format!("labels.{language}"),
                    "is not one of en, fr, es, ru, ar, zh".to_owned(),
                ));
            }
            for (key, allowed) in LABEL_KEYS {
                if let Some(text) = labels.get(key) {
                    Pattern::parse(text, allowed).map_err(|message| {
                        self.bad(&format!("labels.{language}.{key}"), message)
                    })?;
                }
            }
        }
        Ok(())
    }

    /// Where photos go, and every role's paragraph style, sizes checked.
    fn paragraph_styles(
        &self,
        parts: Parts,
        photos: Option<PhotosFile>,
        text_width_mm: f32,
    ) -> Result<(PhotoRules, BTreeMap<Role, ParagraphStyle>), StyleError> {
        let p = parts;
        let quote = p.quote.unwrap_or_else(|| p.body.clone());
        let (photos, caption, credit) = match photos {
            Some(ph) => {
                for (key, value, most) in [
                    ("photos.max_width_mm", ph.max_width_mm, 2000.0),
                    ("photos.max_height_mm", ph.max_height_mm, 2000.0),
                    ("photos.gap_pt", ph.gap_pt + 1.0, 201.0),
                ] {
                    if !(value > 0.0 && value <= most) {
                        return Err(self.bad(key, format!("{value} is not a usable size")));
                    }
                }
                let rules = PhotoRules {
                    place: ph.place,
                    max_width_mm: ph.max_width_mm,
                    max_height_mm: ph.max_height_mm,
                    keep_together: ph.keep_together,
                    gap_pt: ph.gap_pt,
                };
                (rules, ph.caption, ph.credit)
            }
            None => default_photos(&p.body, text_width_mm),
        };
        let styles = BTreeMap::from([
            (Role::Reference, p.reference),
            (Role::Kind, p.kind),
            (Role::Embargo, p.embargo),
            (Role::Headline, p.headline),
            (Role::Subheadline, p.subheadline),
            (Role::Body, p.body),
            (Role::Subheading, p.subheading),
            (Role::SectionHeading, p.section_heading),
            (Role::ListItem, p.list_item),
            (Role::Quote, quote),
            (Role::ContactsLabel, p.contacts_label),
            (Role::Contacts, p.contacts),
            (Role::EndMark, p.end_mark),
            (Role::Footer, p.footer),
            (Role::Caption, caption),
            (Role::Credit, credit),
        ]);
        for (role, style) in &styles {
            if !(style.size_pt > 0.0 && style.size_pt <= 200.0) {
                return Err(self.bad(
                    &format!("{}.size_pt", part_key(*role)),
                    format!("{} is not a font size between 0 and 200 pt", style.size_pt),
                ));
            }
            if !(style.line_height >= 0.5 && style.line_height <= 5.0) {
                return Err(self.bad(
                    &format!("{}.line_height", part_key(*role)),
                    format!(
                        "{} is not a line height between 0.5 and 5",
                        style.line_height
                    ),
                ));
            }
        }
        Ok((photos, styles))
    }
}

fn part_key(role: Role) -> &'static str {
    match role {
        Role::Reference => "parts.reference",
        Role::Kind => "parts.kind",
        Role::Embargo => "parts.embargo",
        Role::Headline => "parts.headline",
        Role::Subheadline => "parts.subheadline",
        Role::Body => "parts.body",
        Role::Subheading => "parts.subheading",
        Role::SectionHeading => "parts.section_heading",
        Role::ListItem => "parts.list_item",
        Role::Quote => "parts.quote",
        Role::ContactsLabel => "parts.contacts_label",
        Role::Contacts => "parts.contacts",
        Role::EndMark => "parts.end_mark",
        Role::Footer => "parts.footer",
        Role::Caption => "photos.caption",
        Role::Credit => "photos.credit",
    }
}

/// The photos of a style without a `[photos]` table: after the first
/// paragraph, at most the text's width and 100 mm high, the caption in
/// the body's size less one, italic, the credit smaller and grey.
fn default_photos(
    body: &ParagraphStyle,
    text_width_mm: f32,
) -> (PhotoRules, ParagraphStyle, ParagraphStyle) {
    let rules = PhotoRules {
        place: PhotoPlace::AfterFirstParagraph,
        max_width_mm: text_width_mm.max(20.0),
        max_height_mm: 100.0,
        keep_together: true,
        gap_pt: default_gap(),
    };
    let caption = ParagraphStyle {
        size_pt: (body.size_pt - 1.0).max(6.0),
        italic: true,
        align: crate::document::Align::Start,
        line_height: 1.25,
        space_before_pt: 0.0,
        space_after_pt: 2.0,
        hyphenate: false,
        rule_above: None,
        rule_below: None,
        keep_with_next: false,
        keep_together: false,
        ..body.clone()
    };
    let credit = ParagraphStyle {
        size_pt: (body.size_pt - 2.0).max(6.0),
        italic: false,
        bold: false,
        color: crate::document::Rgb(0x59, 0x59, 0x59),
        space_after_pt: body.space_after_pt.max(6.0),
        ..caption.clone()
    };
    (rules, caption, credit)
}

fn check_page(page: &Page) -> Result<(), (&'static str, String)> {
    let sizes = [
        ("page.width_mm", page.width_mm),
        ("page.height_mm", page.height_mm),
    ];
    for (key, value) in sizes {
        if !(50.0..=2000.0).contains(&value) {
            return Err((key, format!("{value} mm is not a page size")));
        }
    }
    let margins = [
        ("page.margin_top_mm", page.margin_top_mm),
        ("page.margin_bottom_mm", page.margin_bottom_mm),
        ("page.margin_left_mm", page.margin_left_mm),
        ("page.margin_right_mm", page.margin_right_mm),
    ];
    for (key, value) in margins {
        if !(0.0..=200.0).contains(&value) {
            return Err((key, format!("{value} mm is not a margin")));
        }
    }
    if page.margin_left_mm + page.margin_right_mm > page.width_mm - 20.0
        || page.margin_top_mm + page.margin_bottom_mm > page.height_mm - 20.0
    {
        return Err(("page", "the margins leave no room for text".to_owned()));
    }
    Ok(())
}

fn looks_like_font(bytes: &[u8]) -> bool {
    matches!(
        bytes.get(..4),
        Some(b"\x00\x01\x00\x00" | b"OTTO" | b"true" | b"ttcf")
    )
}
