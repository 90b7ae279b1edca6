//! The drafts library on disk: where the app keeps a press officer's drafts,
//! one `ID.release.json` file per draft in a folder of their choosing, so a
//! draft can be copied, mailed or backed up as a plain file.
//!
//! Its promise is that a draft is never lost:
//! - saves are atomic (temporary file, flush, rename, flush the folder), and a
//!   failed save leaves the previous version intact;
//! - an autosave slot beside each draft survives a crash between saves;
//! - every save keeps a history snapshot (the last 50, then one a day);
//! - deleting moves to a trash; damaged files are listed, never overwritten,
//!   and can be moved aside or read as text;
//! - photos are stored once, in `assets/` by their content's hash, and
//!   removed only when no draft, history entry or trashed draft names them;
//! - a file changed on disk by another window or a sync tool is detected at
//!   save, and both versions are kept;
//! - a sync tool's conflict copy of a draft is listed beside its draft, can
//!   be read, and is resolved by keeping one side, the other going to the
//!   history or the trash;
//! - a draft can have language editions, drafts linked to it that know
//!   which of its parts changed since they were translated.
//!
//! Everything is reached through [`Library`]. Time comes from a [`Clock`] and
//! writes go through a [`Disk`], both replaceable in tests. The crate has no
//! desktop dependency: the app calls it from its commands, the CLI from a
//! terminal.
//!
//! ```no_run
//! use release_drafts::{Library, Template};
//! let library = Library::open(release_drafts::default_library_dir()?)?;
//! let mut opened = library.create(Template::Example)?;
//! opened.draft.release.headline = "A new headline".to_owned();
//! let saved = library.save(&opened.id, &opened.draft, Some(&opened.revision))?;
//! for entry in library.list()? {
//!     println!("{} {}", entry.id, entry.summary.display_name());
//! }
//! # let _ = saved;
//! # Ok::<(), release_drafts::DraftsError>(())
//! ```

mod assets;
mod atomic;
mod clock;
mod conflicts;
mod damaged;
mod disk;
mod editions;
mod error;
mod file;
mod history;
mod id;
mod index;
mod layout;
mod library;
mod listing;
mod read;
mod recovery;
mod revision;
mod save;
mod search;
mod summary;
mod thin;
mod time;
mod trash;

pub use assets::{ASSETS_DIR, asset_name};
pub use atomic::{write_atomically, write_unflushed};
pub use clock::{Clock, ManualClock, SystemClock};
pub use conflicts::{Keep, Resolved, conflict_copy_in, conflict_copy_of};
pub use disk::{Disk, OsDisk};
pub use editions::EditionStatus;
pub use error::{DraftsError, Result};
pub use file::{OpenedFile, load_file, save_file};
pub use history::Snapshot;
pub use id::{MAX_ID_LEN, validate_id};
pub use layout::EXTENSION;
pub use library::{LIBRARY_ENV, Library, Opened, Options, default_library_dir};
pub use listing::Entry;
pub use read::Damage;
pub use recovery::Recovered;
pub use revision::{Revision, content_hash};
pub use save::{Saved, Template};
pub use summary::{Summary, TITLE_FIELD, summarize};
pub use thin::KEEP_RECENT;
pub use time::Timestamp;
pub use trash::Trashed;
