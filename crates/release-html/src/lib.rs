//! Document → HTML, in the house style, with the same words in the same
//! order as the PDF and the DOCX:
//!
//! - [`mail_html`]: the body of the e-mail edition, as mail clients (Gmail,
//!   Outlook, Apple Mail) render it: a single-column table 640 px wide,
//!   every style inline, no scripts, no external resources;
//! - [`web_page`]: one standalone HTML5 page to post as it is: `article`,
//!   `h1`, `time`, `address`, the style's look in a `<style>` of its own, a
//!   meta description, Open Graph tags and schema.org `NewsArticle` JSON-LD.
//!
//! Every piece of user text is escaped; links are live only for `https:`,
//! `http:` and `mailto:` targets. Colours come from the style, darkened
//! where needed to meet WCAG AA contrast on white (a screen is not paper).
//! Both are pure: the same Document gives the same bytes.

mod escape;
mod look;
mod mail;
mod parts;
mod web;

pub use escape::{escape_attr, escape_text};
pub use mail::mail_html;
pub use parts::{ImageSource, content_id};
pub use web::{WebOptions, web_page};
