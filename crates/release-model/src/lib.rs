//! The press release as the draft format v1 defines it (see `DRAFT-FORMAT.md`):
//! the types, loading with clear refusals, migration of older drafts, validation
//! with JSON paths, the per-language formatting of dates and datelines, and
//! the house-style checks (`lint`) with their fixes.
//!
//! This crate is pure: it reads no files and never looks at the clock. Callers
//! pass text in and get values out.

mod date;
mod draft;
mod edition;
mod error_code;
mod example;
mod finding;
mod language;
mod lint;
mod load;
mod text;
mod validate;

pub use date::{Date, DateFormat, EmbargoTime, format_date};
pub use draft::{
    Block, Contact, Dateline, Draft, Embargo, Extra, FORMAT, Inline, Photo, Quote, Release, Run,
    VERSION,
};
pub use edition::{
    Change, ChangeKind, EDITION_FIELD, Edition, Part, Stale, diff_text, edition, group_of,
    language_name, mark_up_to_date, new_edition, out_of_date, set_edition, untranslated, word_diff,
};
pub use error_code::ErrorCode;
pub use example::{EXAMPLE_JSON, example};
pub use finding::{Finding, Severity};
pub use language::{Direction, Language, QuoteMarks, is_language_tag};
pub use lint::{
    AcronymCheck, Checks, DatelineCheck, Fix, FixError, HeadlineCheck, LengthCheck, NumberCheck,
    PerCent, SpacingCheck, Speller, Switch, apply_fix, lint, lint_with,
};
pub use load::{LoadError, Loaded, load, to_json};
pub use text::{inline_text, word_count};
pub use validate::{is_email, is_forbidden_control, photo_path_problem, validate};
