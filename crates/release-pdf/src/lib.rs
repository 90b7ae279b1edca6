//! Document → print-ready PDF: our own typesetting, written as PDF objects
//! with lopdf.
//!
//! The pipeline, one module each:
//! - [`fonts`]: the style's four faces and its fallback fonts (Arabic,
//!   Chinese), parsed once per render;
//! - [`shape`]: rustybuzz shaping with kerning and ligatures, right to left
//!   for right-to-left runs;
//! - [`hyphenate`]: hyphenation points by language (en, fr, es, ru);
//! - [`linebreak`]: Knuth–Plass optimal fit for justified text, first fit
//!   for ragged text, over the break opportunities of `release-text`;
//! - [`paragraph`]: a block gathered into style runs, prepared (bidi levels
//!   with unicode-bidi, font fallback, shaping), broken into lines, each
//!   line then placed in visual order;
//! - [`memo`]: the [`Typesetter`], which keeps set paragraphs between
//!   renders so that an edit re-sets only the paragraphs it touched;
//! - [`paginate`]: lines onto pages without widows or orphans;
//! - [`layout`]: pages with rules, logo, photos, links and footers, each
//!   thing drawn marked with what it is for a reader ([`page::Mark`]);
//! - [`photo`]: where a photo stands, and its image XObject (a JPEG's own
//!   bytes, a PNG with its alpha);
//! - [`subset`]: fonts reduced to the glyphs used, with their text;
//! - [`content`]: each page's content stream, in marked content;
//! - [`streams`]: the content streams of earlier renders' pages, kept by
//!   what they are written from, so that an edit rewrites only its pages;
//! - [`structure`]: the structure tree of a tagged PDF, in reading order;
//! - [`links`], [`outline`], [`metadata`]: link annotations, bookmarks, the
//!   Info dictionary, XMP and output intent;
//! - [`image`]: pixel images (the logo, PNG photos) as image XObjects;
//! - [`write`]: the PDF objects: pages, fonts, images, then the rest.
//!
//! The Document's [`PdfStandard`] (from its house style, or
//! [`PdfOptions::standard`]) decides what the PDF carries: nothing more than
//! its pages (`none`), a structure tree (`tagged`), or everything PDF/UA-1
//! and PDF/A-2a ask for (`pdfua-1+pdfa-2a`, the built-in styles' choice).
//!
//! Rendering is pure: no clock, no environment, no files. The same Document
//! and options give the same bytes.
//!
//! Warnings (text no font of the style can show) do not stop a
//! render: [`render_with_warnings`] returns them with the bytes, each naming
//! the draft field (the block's `source`) it comes from; [`render`] is the
//! same render for callers that only want the bytes.

mod content;
mod error;
mod fingerprint;
mod fonts;
mod hyphenate;
mod image;
mod layout;
mod linebreak;
mod links;
mod logo;
mod memo;
mod metadata;
mod outline;
mod page;
mod paginate;
mod paragraph;
mod photo;
mod shape;
mod streams;
mod structure;
mod subset;
mod write;

pub use error::PdfError;
pub use memo::Typesetter;
use release_model::Finding;
use release_style::Document;
pub use release_style::PdfStandard;

/// How to write the PDF. `PdfOptions::default()` is what the app and the
/// CLI use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    /// Compress content streams and fonts (Flate). Off only to read the
    /// PDF's operators while debugging. Default: on.
    pub compress: bool,
    /// Hyphenate paragraphs whose style asks for it. Default: on.
    pub hyphenate: bool,
    /// The standards to write to instead of the Document's (its house
    /// style's), e.g. less for a quick proof. Default: the Document's.
    pub standard: Option<PdfStandard>,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            compress: true,
            hyphenate: true,
            standard: None,
        }
    }
}

/// A finished PDF and what the reader should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Warnings by draft field, e.g. text in a script the fonts lack.
    pub warnings: Vec<Finding>,
    /// Number of pages.
    pub pages: usize,
    /// Each page's fingerprint: equal when the page draws the same (see
    /// the preview, which redraws only the pages whose fingerprint changed).
    pub page_keys: Vec<u64>,
    /// Each page's text in reading order, a line of the page to a line
    /// (a line broken at an added hyphen ends in U+00AD): what the preview
    /// gives screen readers beside its pictures of the pages.
    pub page_texts: Vec<String>,
}

/// The PDF of `doc`. See [`render_with_warnings`] for the warnings.
pub fn render(doc: &Document, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    render_with_warnings(doc, options).map(|r| r.bytes)
}

/// The PDF of `doc`, with the warnings about what it could not show as written.
pub fn render_with_warnings(doc: &Document, options: &PdfOptions) -> Result<Rendered, PdfError> {
    Typesetter::new().render(doc, options)
}

impl Typesetter {
    /// The PDF of `doc`, as [`render_with_warnings`] gives it, re-setting
    /// only the paragraphs the last render through this typesetter did not
    /// have: the same bytes, sooner after a small edit.
    pub fn render(&mut self, doc: &Document, options: &PdfOptions) -> Result<Rendered, PdfError> {
        let (faces, logo, used, laid) = self.lay_out(doc, options)?;
        let subsets = subset::subset(&laid.pages, &faces)?;
        let (bytes, page_keys) = write::write(
            doc,
            &laid.pages,
            &faces,
            (&subsets, &used),
            logo.as_ref(),
            options,
            &mut self.streams,
        )?;
        Ok(Rendered {
            bytes,
            warnings: laid.warnings,
            pages: laid.pages.len(),
            page_keys,
            page_texts: laid.pages.iter().map(page::Page::text).collect(),
        })
    }

    /// `doc` laid out on pages: its faces, logo image and glyphs used too.
    fn lay_out<'d>(
        &mut self,
        doc: &'d Document,
        options: &PdfOptions,
    ) -> Result<Layout<'d>, PdfError> {
        let mut faces = fonts::Faces::load(&doc.fonts, &doc.fallback)?;
        let logo = doc.logo.as_ref().map(logo::decode).transpose()?;
        let logo_size = logo.as_ref().map(|(_, w, h)| (*w, *h));
        let mut used = subset::UsedGlyphs::default();
        self.begin(doc);
        let laid = layout::layout(doc, options, logo_size, &mut faces, &mut used, self);
        self.end();
        Ok((faces, logo.map(|(image, _, _)| image), used, laid))
    }
}

/// What [`Typesetter::lay_out`] gives the writer.
type Layout<'d> = (
    fonts::Faces<'d>,
    Option<image::Pixels>,
    subset::UsedGlyphs,
    layout::Laid,
);

/// Lines of one block on one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedBlock {
    /// Index into the Document's blocks.
    pub block: usize,
    /// The block's lines on this page, counted from its first line.
    pub lines: std::ops::Range<usize>,
    /// How many lines the block has in all.
    pub total_lines: usize,
}

/// Which lines of which block go on each page, without writing the PDF: for
/// tests of the pagination rules, and for a preview that shows where a
/// field lands.
pub fn pagination(doc: &Document, options: &PdfOptions) -> Result<Vec<Vec<PlacedBlock>>, PdfError> {
    Ok(Typesetter::new().lay_out(doc, options)?.3.map)
}
