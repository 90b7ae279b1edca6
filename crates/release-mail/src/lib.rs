//! Document → the e-mail edition of a release:
//!
//! - [`plain_text`]: the release as plain text, wrapped at 72 columns by the
//!   line-breaking rules the PDF uses (never inside an address), the embargo
//!   line first, links listed once as numbered references, the style's end
//!   mark;
//! - [`eml`]: the message itself, built with `mail-builder`: plain text and
//!   the HTML of `release-html` as alternatives, the PDF attached when asked,
//!   a subject from the style's pattern, `X-Unsent: 1` so that mail clients
//!   open it as a message to send, and no header a draft's text can add.
//!
//! Pure and deterministic: the date and the message's id are passed in or
//! derived from the content, so the same draft gives the same bytes.

mod eml;
mod text;

pub use eml::{Attachment, MailOptions, Mailbox, eml, subject};
pub use text::{COLUMNS, plain_text};
