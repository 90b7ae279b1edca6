//! House styles as data, and the one place that knows "what goes where".
//!
//! A house style is a folder `templates/NAME/` holding a `style.toml` and its
//! assets (fonts, an optional logo). The built-in styles are compiled into the
//! binary; any other folder is read from disk. [`document`] turns a draft and a
//! style into a [`Document`]: the ordered, styled, format-neutral paragraphs that
//! the PDF and DOCX writers both print.

mod blob;
mod builtin;
mod compose;
mod document;
mod error;
mod outline;
mod pattern;
mod span_language;
mod style;

pub use blob::Blob;
pub use builtin::{DEFAULT_STYLE, builtin, builtin_names};
pub use compose::document;
pub use document::{
    Align, Block, CharStyle, Document, DocxScript, FallbackFont, Font, FontFamily, Footer,
    ListMarker, Logo, LogoPlace, Metadata, Page, ParagraphStyle, PdfStandard, Rgb, Role, Rule,
    Span, link_description,
};
pub use error::StyleError;
pub use style::{HouseStyle, Labels};
