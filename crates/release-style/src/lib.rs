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
mod spelling;
mod style;

pub use blob::Blob;
pub use builtin::{BUNDLED_PREFIX, DEFAULT_STYLE, builtin, builtin_files, builtin_names};
pub use compose::{document, document_with_photos, photo_size};
pub use document::{
    Align, Block, CharStyle, Document, DocxScript, FallbackFont, Figure, Font, FontFamily, Footer,
    Image, ListMarker, Logo, LogoPlace, Metadata, Page, ParagraphStyle, PdfStandard, Rgb, Role,
    Rule, Span, link_description,
};
pub use error::StyleError;
pub use release_photo::{ColorSpace, Facts, Format as ImageFormat, Orientation};
pub use spelling::{SpellingRules, parse_word_list};
pub use style::{HouseStyle, Labels, PhotoPlace, PhotoRules};
