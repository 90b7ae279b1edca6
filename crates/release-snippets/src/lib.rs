//! The office's snippets library: the boilerplate a press office uses again
//! and again ("About" paragraphs, notes to editors, closing lines, contacts),
//! each a named snippet in a language, kept as one plain JSON file,
//! `ID.snippet.json`, in a folder (see `docs/SNIPPETS.md`). A folder of plain
//! files can be shared with colleagues through a sync tool, copied or backed
//! up as it is.
//!
//! Its promises are the drafts library's:
//! - writes are atomic ([`release_drafts::write_atomically`]): a crash leaves
//!   the old file or the whole new one;
//! - a file changed on disk since it was opened (a colleague, a sync tool,
//!   another window) is not overwritten: the caller's version is kept as a
//!   new snippet and the save reports the conflict;
//! - a file that is not a snippet (not JSON, too large, a later format) is
//!   listed as damaged with the reason and never overwritten;
//! - the copies sync tools make when two computers changed the same file are
//!   listed, each naming the snippet it is a copy of;
//! - deleting moves the file to `.trash/` in the folder;
//! - fields a later version adds are kept.
//!
//! ```no_run
//! use release_snippets::{Content, Kind, Snippet, Snippets, paragraphs};
//! let snippets = Snippets::open(release_snippets::default_snippets_dir()?)?;
//! let about = Snippet::new(
//!     "About UNOCT",
//!     "en",
//!     Content::About(paragraphs("The United Nations Office of Counter-Terrorism …")),
//! );
//! let saved = snippets.add(&about)?;
//! for entry in snippets.find(Kind::About, "en-GB")? {
//!     println!("{} {}", entry.id, entry.name);
//! }
//! let mut opened = snippets.get(&saved.id)?;
//! opened.snippet.name = "About the Office".to_owned();
//! snippets.save(&saved.id, &opened.snippet, Some(&opened.revision))?;
//! # Ok::<(), release_snippets::SnippetsError>(())
//! ```

mod error;
mod folder;
mod format;
mod listing;
mod names;
mod snippet;
mod text;

pub use error::{Result, SnippetsError};
pub use folder::{Opened, SNIPPETS_ENV, Saved, Snippets, default_snippets_dir};
pub use format::{
    FORMAT, FormatError, MAX_SNIPPET_BYTES, VERSION, content_from_json, from_bytes, from_json,
    to_json,
};
pub use listing::Listed;
pub use names::{EXTENSION, TRASH_DIR};
pub use release_drafts::{Damage, Revision, Timestamp};
pub use snippet::{Content, Kind, Snippet};
pub use text::paragraphs;
