//! The styled Document: what both writers print, in order, with every style
//! decision already taken. Writers add layout (PDF) or structure (DOCX), never
//! content: the PDF and the DOCX carry the same words in the same order.

use crate::blob::Blob;
use release_model::{Date, Direction, Finding, Language};
use release_photo::Facts;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A colour as the style file writes it, `#RRGGBB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);

    /// Reads `#RRGGBB`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// `RRGGBB`, as DOCX writes colours.
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// Components from 0.0 to 1.0, as PDF writes colours.
    pub fn unit(self) -> [f32; 3] {
        [self.0, self.1, self.2].map(|c| f32::from(c) / 255.0)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rgb, D::Error> {
        let text = String::deserialize(d)?;
        Rgb::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a colour like #009EDB"))
        })
    }
}

/// Horizontal alignment of a paragraph's lines. `Start` and `End` follow the
/// text direction; `Left` and `Right` do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    #[default]
    Start,
    End,
    Left,
    Right,
    Center,
    Justify,
}

/// A horizontal rule drawn above or below a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub color: Rgb,
    pub width_pt: f32,
    /// Space between the rule and the paragraph's text.
    #[serde(default)]
    pub gap_pt: f32,
}

/// How a paragraph looks. One per [`Role`]; the DOCX writer makes each a named
/// Word style, the PDF writer lays out with it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParagraphStyle {
    pub size_pt: f32,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub color: Rgb,
    #[serde(default)]
    pub align: Align,
    /// Baseline-to-baseline distance as a multiple of the size.
    #[serde(default = "default_line_height")]
    pub line_height: f32,
    #[serde(default)]
    pub space_before_pt: f32,
    #[serde(default)]
    pub space_after_pt: f32,
    /// Left indent (the start side for right-to-left text).
    #[serde(default)]
    pub indent_pt: f32,
    /// Text of this part is printed in capitals (already applied to the Document's text).
    #[serde(default)]
    pub upper_case: bool,
    #[serde(default)]
    pub hyphenate: bool,
    /// Never the last thing on a page: headings.
    #[serde(default)]
    pub keep_with_next: bool,
    /// Never split across pages: the contact block.
    #[serde(default)]
    pub keep_together: bool,
    #[serde(default)]
    pub rule_above: Option<Rule>,
    #[serde(default)]
    pub rule_below: Option<Rule>,
}

fn default_line_height() -> f32 {
    1.2
}

/// What a paragraph is, which decides its [`ParagraphStyle`] and, in DOCX, its
/// Word style name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Reference,
    Kind,
    Embargo,
    Headline,
    Subheadline,
    Body,
    Subheading,
    SectionHeading,
    ListItem,
    Quote,
    ContactsLabel,
    Contacts,
    EndMark,
    Footer,
    /// The caption under a photo.
    Caption,
    /// The credit under a photo's caption.
    Credit,
}

impl Role {
    /// The roles of what is printed with a photo. Their styles are in a
    /// Document only when it has photos, so a release without photos is the
    /// same file it always was.
    pub const PHOTO: [Role; 2] = [Role::Caption, Role::Credit];

    /// Every role, in the order a release uses them.
    pub const ALL: [Role; 16] = [
        Role::Reference,
        Role::Kind,
        Role::Embargo,
        Role::Headline,
        Role::Subheadline,
        Role::Body,
        Role::Subheading,
        Role::SectionHeading,
        Role::ListItem,
        Role::Quote,
        Role::ContactsLabel,
        Role::Contacts,
        Role::EndMark,
        Role::Footer,
        Role::Caption,
        Role::Credit,
    ];

    /// The style's name as a word processor shows it.
    pub fn style_name(self) -> &'static str {
        match self {
            Role::Reference => "Reference",
            Role::Kind => "Kind",
            Role::Embargo => "Embargo",
            Role::Headline => "Headline",
            Role::Subheadline => "Subheadline",
            Role::Body => "Body Text",
            Role::Subheading => "Subheading",
            Role::SectionHeading => "Section Heading",
            Role::ListItem => "List Paragraph",
            Role::Quote => "Quote",
            Role::ContactsLabel => "Contacts Heading",
            Role::Contacts => "Contact",
            Role::EndMark => "End Mark",
            Role::Footer => "Footer",
            Role::Caption => "Caption",
            Role::Credit => "Photo Credit",
        }
    }
}

/// A character style applied over the paragraph's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CharStyle {
    /// The dateline that opens the first body paragraph.
    Dateline,
    /// A live link: blue and underlined.
    Link,
}

impl CharStyle {
    /// The character style's name as a word processor shows it.
    pub fn style_name(self) -> &'static str {
        match self {
            CharStyle::Dateline => "Dateline",
            CharStyle::Link => "Hyperlink",
        }
    }
}

/// What a link is, for a reader who cannot see it: its text, and its
/// target when the text does not say it (`the statement
/// (https://www.un.org/…)`). The PDF's link annotation and the DOCX's
/// hyperlink tip both carry it.
pub fn link_description(text: &str, uri: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let target = uri.strip_prefix("mailto:").unwrap_or(uri);
    if text.is_empty() {
        target.to_owned()
    } else if text.contains(target) || target.trim_end_matches('/').ends_with(text.as_str()) {
        text
    } else {
        format!("{text} ({target})")
    }
}

/// A stretch of text with one set of attributes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// `https://…` or `mailto:…`; the span is a live link.
    pub link: Option<String>,
    pub char_style: Option<CharStyle>,
    /// The BCP 47 tag of the span's language when it is not the document's
    /// (an English acronym in an Arabic release); `None` for the
    /// document's own.
    pub lang: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }
}

/// The marker of a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMarker {
    Bullet,
    /// The item's number, from 1; `list` tells items of different lists apart.
    Number {
        list: u32,
        number: u32,
    },
}

/// One paragraph of the Document.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub role: Role,
    pub spans: Vec<Span>,
    pub marker: Option<ListMarker>,
    /// The JSON path in the draft this paragraph comes from, for warnings.
    pub source: String,
}

impl Block {
    /// The paragraph's text, attributes dropped.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Page size and margins.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub width_mm: f32,
    pub height_mm: f32,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    pub margin_left_mm: f32,
    pub margin_right_mm: f32,
}

/// One font file.
#[derive(Debug, Clone, PartialEq)]
pub struct Font {
    /// The file's path inside its style folder, for messages.
    pub file: String,
    pub bytes: Blob,
}

/// The four faces of the style's font family.
#[derive(Debug, Clone, PartialEq)]
pub struct FontFamily {
    /// The family embedded in the PDF, e.g. `Liberation Sans`.
    pub family: String,
    /// The metric-compatible family the DOCX names, e.g. `Arial`.
    pub docx_family: String,
    pub regular: Font,
    pub bold: Font,
    pub italic: Font,
    pub bold_italic: Font,
}

impl FontFamily {
    /// The face for a combination of bold and italic.
    pub fn face(&self, bold: bool, italic: bool) -> &Font {
        match (bold, italic) {
            (false, false) => &self.regular,
            (true, false) => &self.bold,
            (false, true) => &self.italic,
            (true, true) => &self.bold_italic,
        }
    }
}

/// Which of a Word run's font slots a fallback font fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocxScript {
    /// `w:cs`: complex scripts (Arabic).
    Complex,
    /// `w:eastAsia`: Chinese, Japanese, Korean.
    EastAsian,
}

/// A font for what the style's family does not cover (Arabic, Chinese).
#[derive(Debug, Clone, PartialEq)]
pub struct FallbackFont {
    /// The family embedded in the PDF, e.g. `Noto Naskh Arabic`.
    pub family: String,
    /// The family the DOCX names for this script, e.g. `Arial` or `SimSun`.
    pub docx_family: String,
    pub docx_script: DocxScript,
    pub regular: Font,
    /// The bold face, when the font has one; else bold text uses `regular`.
    pub bold: Option<Font>,
    /// The font's licence text.
    pub licence: Option<String>,
}

impl FallbackFont {
    /// The face for bold or regular text.
    pub fn face(&self, bold: bool) -> &Font {
        match (&self.bold, bold) {
            (Some(b), true) => b,
            _ => &self.regular,
        }
    }
}

/// Where the logo goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogoPlace {
    /// At the end of the kind label's line, first page only.
    KindLine,
    /// In the page header at the end side, every page.
    Header,
}

/// The organisation's logo (PNG).
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    pub file: String,
    pub png: Blob,
    pub height_mm: f32,
    pub place: LogoPlace,
    /// What the logo shows, for screen readers (the PDF's `/Alt`, the DOCX
    /// picture's description); `None` when the style declares it
    /// decorative, and readers pass over it.
    pub description: Option<String>,
    /// The BCP 47 tag of the description's language.
    pub description_language: String,
}

/// The standards a PDF is written to, which decide how much it says about
/// its structure. The built-in styles ask for [`PdfStandard::UaA`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum PdfStandard {
    /// Untagged: the page content only, as a PDF without structure.
    #[serde(rename = "none")]
    None,
    /// Tagged PDF (structure tree in reading order, languages, alternative
    /// texts, artifacts, link descriptions, bookmarks) without claiming
    /// conformance to a standard.
    #[serde(rename = "tagged")]
    Tagged,
    /// PDF/UA-1 (ISO 14289-1) and PDF/A-2a (ISO 19005-2, level A): tagged,
    /// with the XMP metadata that identifies both and an sRGB output intent.
    #[default]
    #[serde(rename = "pdfua-1+pdfa-2a")]
    UaA,
}

impl PdfStandard {
    /// Every standard, from the least to the most.
    pub const ALL: [PdfStandard; 3] = [PdfStandard::None, PdfStandard::Tagged, PdfStandard::UaA];

    /// The name a style file and `--pdf-standard` use.
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::None => "none",
            PdfStandard::Tagged => "tagged",
            PdfStandard::UaA => "pdfua-1+pdfa-2a",
        }
    }

    /// The standard of a name, as [`PdfStandard::name`] gives it.
    pub fn from_name(name: &str) -> Option<PdfStandard> {
        PdfStandard::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether the PDF carries a structure tree.
    pub fn tagged(self) -> bool {
        self != PdfStandard::None
    }
}

/// A photo's image: its bytes as the file holds them, and the facts read
/// from its headers when it was checked (by the pipeline, which reads files).
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The draft's `file`, for messages.
    pub file: String,
    pub bytes: Blob,
    pub facts: Facts,
}

/// A photo placed in the Document. It stands right above its caption block,
/// `blocks[block]` (role `Caption`, with no text when the photo has no
/// caption), and the credit block, when there is one, follows that.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Index of its caption block in the Document's blocks.
    pub block: usize,
    pub image: Image,
    /// The alt text, for readers who cannot see the photo.
    pub alt: String,
    /// The size it is printed at, upright, in points.
    pub width_pt: f32,
    pub height_pt: f32,
    /// Space between the photo and its caption, in points.
    pub gap_pt: f32,
    /// The photo, caption and credit are never split by a page break.
    pub keep_together: bool,
    /// The JSON path of the photo in the draft, e.g. `release.photos[0]`.
    pub source: String,
}

/// The footer on every page; `{page}` and `{pages}` are filled in by the writer.
#[derive(Debug, Clone, PartialEq)]
pub struct Footer {
    pub pattern: String,
}

impl Footer {
    /// The footer's text for one page.
    pub fn text(&self, page: usize, pages: usize) -> String {
        self.pattern
            .replace("{page}", &page.to_string())
            .replace("{pages}", &pages.to_string())
    }
}

/// What the files say about themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    /// The headline.
    pub title: String,
    /// The issuing organisation.
    pub author: String,
    /// The kind label, e.g. `PRESS RELEASE`.
    pub subject: String,
    /// The e-mail edition's subject line, from the style's `subject` pattern:
    /// `EMBARGOED UNTIL …: Launch of …`.
    pub subject_line: String,
    /// BCP 47 tag, e.g. `en`.
    pub language: String,
    /// `Release Composer 0.1.0`.
    pub creator: String,
    /// The dateline's date: files are dated by the draft, never by the clock.
    pub date: Option<Date>,
}

/// The styled, format-neutral release both writers print.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The house style's name.
    pub style: String,
    pub language: Language,
    pub direction: Direction,
    pub page: Page,
    pub fonts: FontFamily,
    /// Fonts for scripts `fonts` does not cover, in the order to try them.
    pub fallback: Vec<FallbackFont>,
    pub styles: BTreeMap<Role, ParagraphStyle>,
    /// Bold or not, per character style (colour and underline are the writers' link convention).
    pub dateline_bold: bool,
    pub link_color: Rgb,
    pub blocks: Vec<Block>,
    pub footer: Option<Footer>,
    pub logo: Option<Logo>,
    /// The photos, each above its caption block, in the order of the blocks.
    pub figures: Vec<Figure>,
    pub metadata: Metadata,
    /// The standards the style's PDF is written to.
    pub pdf_standard: PdfStandard,
    /// What building the document had to leave out or change, by field.
    pub warnings: Vec<Finding>,
}

impl Document {
    /// The style of a role.
    pub fn style(&self, role: Role) -> &ParagraphStyle {
        &self.styles[&role]
    }

    /// The photo standing above block `index`, if any.
    pub fn figure_at(&self, index: usize) -> Option<&Figure> {
        self.figures.iter().find(|f| f.block == index)
    }

    /// The heading level of each block that is a heading (1 for the
    /// headline, 2 for a section heading or the contacts label, one below
    /// its section for a subheading), `None` for the others. No level is
    /// ever skipped and the first heading is at level 1, whatever order the
    /// style gives the parts: both writers' outlines (the PDF's `H1`–`H6`,
    /// the DOCX's outline levels) follow it.
    pub fn heading_levels(&self) -> Vec<Option<u8>> {
        // The last heading's level, the current section's, and whether the
        // headline came (sections are below it, else at the top).
        let (mut last, mut section, mut headline) = (0u8, None::<u8>, false);
        self.blocks
            .iter()
            .map(|block| {
                let top = if headline { 2 } else { 1 };
                let wanted = match block.role {
                    Role::Headline => 1,
                    Role::SectionHeading | Role::ContactsLabel => top,
                    Role::Subheading => section.map_or(top, |s| s + 1),
                    _ => return None,
                };
                let level = wanted.min(last + 1).clamp(1, 6);
                match block.role {
                    Role::Headline => (headline, section) = (true, None),
                    Role::Subheading => {}
                    _ => section = Some(level),
                }
                last = level;
                Some(level)
            })
            .collect()
    }

    /// All the words of the document in reading order, one paragraph a line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            out.push_str(&block.text());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_described_by_its_text_and_a_target_the_text_does_not_say() {
        assert_eq!(
            link_description("gerardl@un.org", "mailto:gerardl@un.org"),
            "gerardl@un.org"
        );
        assert_eq!(
            link_description("the  statement", "https://www.un.org/x"),
            "the statement (https://www.un.org/x)"
        );
        assert_eq!(link_description(" ", "https://un.org/"), "https://un.org/");
        assert_eq!(
            link_description("un.org", "https://un.org/"),
            "un.org",
            "the text is the address"
        );
    }

    #[test]
    fn heading_levels_follow_sections_and_never_skip() {
        let doc = |roles: &[Role]| Document {
            blocks: roles
                .iter()
                .map(|&role| Block {
                    role,
                    spans: vec![Span::plain("x")],
                    marker: None,
                    source: String::new(),
                })
                .collect(),
            ..crate::document(
                &release_model::example(),
                &crate::builtin("un").expect("style"),
            )
        };
        use Role::*;
        let levels =
            doc(&[Headline, Body, Subheading, SectionHeading, Subheading, Body]).heading_levels();
        assert_eq!(levels, [Some(1), None, Some(2), Some(2), Some(3), None]);
        // No headline: the first heading is at level 1, a subheading below it.
        let levels = doc(&[Subheading, SectionHeading, Subheading]).heading_levels();
        assert_eq!(levels, [Some(1), Some(1), Some(2)]);
        let levels = doc(&[SectionHeading, Subheading, ContactsLabel]).heading_levels();
        assert_eq!(levels, [Some(1), Some(2), Some(1)]);
    }
}
