//! The one pipeline from a draft to its exports, used by both front doors:
//! the desktop app's commands and the `release-composer` command line call
//! these functions and nothing else, so the two always agree on the same
//! draft.
//!
//! - [`Styles`]: which house styles exist (built in, the user's styles
//!   folder) and loading each once, or a style folder named by path;
//! - [`check`]: everything wrong with a draft under its style: validation,
//!   then the style's own checks, misspellings among them ([`Spelling`]:
//!   the system's dictionaries, the house's and the user's words);
//! - [`prepare`] and [`Prepared::render`]: a draft refused while it has
//!   errors, else styled once and rendered in any [`Format`];
//! - [`Photos`]: a draft's photo files, read once from the draft's folder
//!   and checked (inside the folder, a JPEG or PNG by its bytes) before any
//!   writer sees them; [`thumbnail`] for the app; [`add_photo`] and
//!   [`adopt_photos`] bring photos into the drafts library's assets;
//! - [`pack`], [`unpack`], [`export_package`], [`import_package`]: a draft
//!   and its photos as one `NAME.release.zip`, refused whole when unsafe;
//! - [`prepare_editions`], [`other_edition_languages`]: a release's
//!   language editions exported together, and listed in each e-mail;
//! - [`write_export`]: the bytes written under their final name atomically,
//!   so a crash leaves the old file or the whole new one;
//! - [`complete_steps`], [`direction`], [`all_languages`]: what the guided
//!   form shows that is a rule, so the window keeps no copy of it.

mod assets;
mod check;
mod editions;
mod error;
mod export;
mod form;
mod package;
mod photos;
mod styles;

pub use assets::{add_photo, adopt_photos};
pub use check::{check, has_errors};
pub use editions::{EditionExport, edition_file_name, other_edition_languages, prepare_editions};
pub use error::PipelineError;
pub use export::{
    ExportOptions, Format, Output, Prepared, editions_line, file_name, mail_clipboard,
    mail_subject, prepare, prepare_checked, preview_pdf, write_export,
};
pub use form::{LanguageOption, Step, TextDirection, all_languages, complete_steps, direction};
pub use package::{
    PACKAGE_DRAFT, PACKAGE_EXTENSION, Unpacked, export_package, import_package, pack, unpack,
};
pub use photos::{MIN_DPI, PhotoFileError, Photos, read_image_file, read_photo, thumbnail};
pub use release_html::WebOptions;
pub use release_mail::{Attachment, MailOptions, Mailbox};
pub use release_photo::{THUMBNAIL_SIZE, Thumbnail};
pub use release_spelling::{Checker, Choice, Spelling, Unavailable, WordError, system_dirs};
pub use styles::{STYLES_ENV, Styles, default_user_styles_dir};
