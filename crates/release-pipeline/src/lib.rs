//! The one pipeline from a draft to its exports, used by both front doors:
//! the desktop app's commands and the `release-composer` command line call
//! these functions and nothing else, so the two always agree on the same
//! draft.
//!
//! - [`Styles`]: which house styles exist (built in, the user's styles
//!   folder) and loading each once, or a style folder named by path;
//! - [`check`]: everything wrong with a draft under its style: validation,
//!   then the style's own checks;
//! - [`prepare`] and [`Prepared::render`]: a draft refused while it has
//!   errors, else styled once and rendered in any [`Format`];
//! - [`write_export`]: the bytes written under their final name atomically,
//!   so a crash leaves the old file or the whole new one.

mod check;
mod error;
mod export;
mod styles;

pub use check::{check, has_errors};
pub use error::PipelineError;
pub use export::{ExportOptions, Format, Output, Prepared, prepare, preview_pdf, write_export};
pub use styles::{STYLES_ENV, Styles, default_user_styles_dir};
