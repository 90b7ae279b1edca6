//! What commands send to the window. TypeScript declarations are generated
//! from these into `ui/src/lib/bindings/` (see `bindings.rs`).

use release_drafts::{Entry, Recovered, Timestamp, Trashed};
use release_model::{Draft, Finding};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Milliseconds since 1970, as JavaScript's `Date` takes them.
fn millis(t: Timestamp) -> f64 {
    t.millis() as f64
}

/// A draft in the drafts list (or the trash).
#[derive(Debug, Clone, Serialize, TS)]
pub struct DraftEntry {
    pub id: String,
    /// The draft's title in the list, else its headline.
    pub headline: String,
    pub kind: String,
    pub style: String,
    pub language: String,
    /// Last modified (or, in the trash, deleted), in milliseconds since 1970.
    pub modified_ms: f64,
    pub words: u32,
    /// Why the file is not a readable draft, when it is not.
    pub damaged: Option<String>,
}

impl From<Entry> for DraftEntry {
    fn from(e: Entry) -> DraftEntry {
        DraftEntry {
            headline: e.summary.display_name().to_owned(),
            kind: e.summary.kind,
            style: e.summary.style,
            language: e.summary.language,
            modified_ms: millis(e.modified),
            words: u32::try_from(e.summary.words).unwrap_or(u32::MAX),
            damaged: e.damage.map(|d| d.reason),
            id: e.id,
        }
    }
}

impl From<Trashed> for DraftEntry {
    fn from(t: Trashed) -> DraftEntry {
        DraftEntry {
            headline: t.summary.display_name().to_owned(),
            kind: t.summary.kind,
            style: t.summary.style,
            language: t.summary.language,
            modified_ms: millis(t.deleted),
            words: u32::try_from(t.summary.words).unwrap_or(u32::MAX),
            damaged: t.damage.map(|d| d.reason),
            id: t.id,
        }
    }
}

/// A recovery copy newer than the saved draft, offered after a crash.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Recovery {
    pub saved_at_ms: f64,
    pub draft: Draft,
}

impl From<Recovered> for Recovery {
    fn from(r: Recovered) -> Recovery {
        Recovery {
            saved_at_ms: millis(r.saved),
            draft: r.draft,
        }
    }
}

/// A draft opened for editing.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Opened {
    pub id: String,
    pub draft: Draft,
    /// Passed back with the next save to detect changes made meanwhile.
    pub revision: String,
    pub recovery: Option<Recovery>,
}

/// A save that succeeded.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Saved {
    pub revision: String,
    /// Set when the file had changed on disk since it was loaded (another
    /// window, a sync tool): nothing was overwritten, and the window's version
    /// was saved as this new draft, which the window should now edit.
    pub kept_as: Option<Opened>,
}

/// Parts of the release as the house style prints them, for the form.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct Printed {
    pub dateline: String,
    pub quotes: Vec<String>,
    pub contacts: String,
}

/// Findings and printed texts of a draft.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Checked {
    pub findings: Vec<Finding>,
    pub printed: Printed,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Docx,
    Both,
}

/// The files an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Exported {
    pub files: Vec<String>,
}

/// A house style the form offers.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StyleInfo {
    pub name: String,
    pub description: String,
    /// Languages the style has labels for.
    pub languages: Vec<String>,
    /// The style's headline length limit, when it has one.
    pub headline_limit: Option<u32>,
    /// A line of advice on headlines in this style.
    pub headline_guidance: Option<String>,
}

/// Everything the window needs when it opens.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Startup {
    pub settings: crate::settings::Settings,
    pub styles: Vec<StyleInfo>,
    pub library_dir: String,
    pub opened: Opened,
}
