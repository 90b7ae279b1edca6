//! Document → DOCX bytes with docx-rs: a proper Word document that an editor
//! can keep working in, not a picture of one.
//!
//! - Named paragraph and character styles (`Kind`, `Headline`, `Body Text`,
//!   `Dateline`, `Hyperlink`, …) carry all formatting, defined once in
//!   styles.xml; paragraphs only name their style.
//! - Page size and margins, the logo in a page header, `Page N of M` as live
//!   PAGE/NUMPAGES fields in the footer.
//! - Photos as inline pictures with their alt text, above their `Caption`
//!   and `Photo Credit` paragraphs, stored as the files hold them.
//! - Bold, italic, external hyperlinks (`mailto:` included), bullet and
//!   numbered lists as Word numbering.
//! - Core properties (title, author, subject, language, dates from the
//!   draft), the language on every run through the style defaults and on
//!   each run in another language, automatic hyphenation where the style
//!   hyphenates.
//! - What Word's accessibility checker asks for: the headline, section
//!   headings, subheadings and the contacts label with outline levels (the
//!   navigation pane, LibreOffice's tagged PDF), the logo's description or
//!   its decorative mark, each hyperlink's description as its tip, no empty
//!   paragraph, the reading order the document's.
//! - Any text gives well-formed XML: characters XML 1.0 forbids are left out
//!   with a warning.
//! - Pure and deterministic: the same Document gives the same bytes, on any
//!   machine, at any time.

mod body;
mod error;
mod lists;
mod package;
mod page;
mod parts;
mod patch;
mod photo;
mod props;
mod styles;
mod text;
mod units;

pub use error::DocxError;

use body::{Body, Ids, Marks};
use docx_rs::Docx;
use lists::Lists;
use release_model::Finding;
use release_style::Document;
use text::Cleaner;

/// How to write the DOCX.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// Deflate the XML parts (the usual DOCX). Off, every part is stored as
    /// is: a larger file, a little faster to write, easier to inspect.
    pub compress: bool,
}

impl Default for DocxOptions {
    fn default() -> DocxOptions {
        DocxOptions { compress: true }
    }
}

/// A written DOCX and what writing it had to change.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Text left out because XML cannot carry it, by the Document's source path.
    pub warnings: Vec<Finding>,
}

/// Writes `doc` as DOCX bytes.
pub fn render(doc: &Document, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    render_with_warnings(doc, options).map(|r| r.bytes)
}

/// Writes `doc` as DOCX bytes, with the warnings about text it had to leave out.
pub fn render_with_warnings(doc: &Document, options: &DocxOptions) -> Result<Rendered, DocxError> {
    let mut cleaner = Cleaner::default();
    let mut ids = Ids::default();
    let mut marks = Marks::default();
    let lists = Lists::of(doc);
    let mut docx = Docx::new().styles(styles::styles(doc));
    let mut body = Body {
        doc,
        lists: &lists,
        ids: &mut ids,
        cleaner: &mut cleaner,
        marks: &mut marks,
    };
    for (i, (block, level)) in doc.blocks.iter().zip(doc.heading_levels()).enumerate() {
        let figure = doc.figures.iter().enumerate().find(|(_, f)| f.block == i);
        if let Some((index, figure)) = figure {
            docx = docx.add_paragraph(photo::paragraph(figure, index, body.ids));
            if block.text().trim().is_empty() {
                continue;
            }
        }
        let mut paragraph = body.paragraph(block, level);
        // A caption kept with its photo keeps its credit too.
        let credit_follows = doc
            .blocks
            .get(i + 1)
            .is_some_and(|b| b.role == release_style::Role::Credit);
        if figure.is_some_and(|(_, f)| f.keep_together) && credit_follows {
            paragraph = paragraph.keep_next(true);
        }
        docx = docx.add_paragraph(paragraph);
    }
    docx = lists.define(doc, docx);
    docx = page::page(docx, doc, &mut ids, &mut cleaner)?;
    let parts = parts::parts(docx.build(), doc, &marks, &mut cleaner)?;
    let bytes = package::zip(&parts, options.compress)?;
    Ok(Rendered {
        bytes,
        warnings: cleaner.into_warnings(),
    })
}
