//! What commands send to the window. TypeScript declarations are generated
//! from these into `ui/src/lib/bindings/` (see `bindings.rs`).

use release_drafts::{Damage, Entry, Recovered, Summary, Timestamp, Trashed};
use release_model::{Draft, Finding};
use release_pipeline::{LanguageOption, Step, TextDirection};
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
    /// The release's edition group: the id of its first draft (the draft's
    /// own id when it is not a language edition of another).
    pub group: String,
    /// For a copy a sync tool made when two computers changed the same
    /// draft, the id of that draft (`id` is then the copy's file name).
    pub conflict_of: Option<String>,
}

impl DraftEntry {
    fn new(id: String, summary: Summary, when: Timestamp, damage: Option<Damage>) -> DraftEntry {
        DraftEntry {
            group: if summary.edition_group.is_empty() {
                id.clone()
            } else {
                summary.edition_group.clone()
            },
            headline: summary.display_name().to_owned(),
            kind: summary.kind,
            style: summary.style,
            language: summary.language,
            modified_ms: millis(when),
            words: u32::try_from(summary.words).unwrap_or(u32::MAX),
            damaged: damage.map(|d| d.reason),
            conflict_of: None,
            id,
        }
    }
}

impl From<Entry> for DraftEntry {
    fn from(e: Entry) -> DraftEntry {
        let conflict_of = e.conflict_of;
        DraftEntry {
            group: conflict_of.clone().unwrap_or_else(|| e.group.clone()),
            conflict_of,
            ..DraftEntry::new(e.id, e.summary, e.modified, e.damage)
        }
    }
}

impl From<Trashed> for DraftEntry {
    fn from(t: Trashed) -> DraftEntry {
        DraftEntry::new(t.id, t.summary, t.deleted, t.damage)
    }
}

/// A snippet in the pickers.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SnippetEntry {
    pub id: String,
    /// `about`, `notes`, `closing` or `contact`; empty for a damaged file.
    pub kind: String,
    pub name: String,
    /// Its language tag; empty when it fits any language.
    pub language: String,
    /// Its text on one line (a contact's fields), cut short, to search and show.
    pub text: String,
    /// Why the file cannot be used, when it cannot.
    pub damaged: Option<String>,
    /// For a sync tool's conflicting copy, the snippet it is a copy of.
    pub conflict_of: Option<String>,
}

impl SnippetEntry {
    pub fn new(l: release_snippets::Listed, text: &str) -> SnippetEntry {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        SnippetEntry {
            id: l.id,
            kind: l.kind.map(|k| k.to_string()).unwrap_or_default(),
            name: l.name,
            language: l.language,
            text: text.chars().take(240).collect(),
            damaged: l.damage.map(|d| d.reason),
            conflict_of: l.conflict_of,
        }
    }
}

/// What a snippet holds: paragraphs (about, notes, closing) or a contact.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SnippetContent {
    /// `about`, `notes`, `closing` or `contact`.
    pub kind: String,
    #[serde(default)]
    pub blocks: Vec<release_model::Block>,
    #[serde(default)]
    pub contact: Option<release_model::Contact>,
}

impl From<&release_snippets::Snippet> for SnippetContent {
    fn from(s: &release_snippets::Snippet) -> SnippetContent {
        use release_snippets::Content;
        let (blocks, contact) = match &s.content {
            Content::About(b) | Content::Notes(b) | Content::Closing(b) => (b.clone(), None),
            Content::Contact(c) => (Vec::new(), Some(c.clone())),
        };
        SnippetContent {
            kind: s.content.kind().to_string(),
            blocks,
            contact,
        }
    }
}

/// How the open draft stands as a language edition of another.
#[derive(Debug, Clone, Serialize, TS)]
pub struct EditionInfo {
    /// The id of the draft it was made from.
    pub source: String,
    /// The source's language tag, and its English name for sentences.
    pub source_language: String,
    pub source_language_name: String,
    /// False when the source is no longer in the library.
    pub source_found: bool,
    /// The English name of the edition's own language.
    pub language_name: String,
    /// The parts whose source text changed since this edition took it.
    pub stale: Vec<release_model::Stale>,
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

/// Findings and printed texts of a draft, and what the form shows of it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Checked {
    pub findings: Vec<Finding>,
    pub printed: Printed,
    /// The steps whose required parts are filled in (Review: no errors).
    pub complete: Vec<Step>,
    /// Which way the draft's language is written: the form's fields follow it.
    pub direction: TextDirection,
    /// The e-mail edition's subject line.
    pub subject: String,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Pdf,
    Docx,
    /// PDF and DOCX.
    Both,
    /// The e-mail edition (`.eml`).
    Eml,
    /// The web edition (`.html`).
    Web,
}

impl ExportFormat {
    /// The pipeline's formats this export writes.
    pub fn formats(self) -> &'static [release_pipeline::Format] {
        use release_pipeline::Format;
        match self {
            ExportFormat::Pdf => &[Format::Pdf],
            ExportFormat::Docx => &[Format::Docx],
            ExportFormat::Both => &[Format::Pdf, Format::Docx],
            ExportFormat::Eml => &[Format::Eml],
            ExportFormat::Web => &[Format::Html],
        }
    }
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
    /// Languages the style has labels for, in the UN's order.
    pub languages: Vec<LanguageOption>,
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
    /// Every language a release can be written in (for the settings).
    pub languages: Vec<LanguageOption>,
    pub library_dir: String,
    pub opened: Opened,
}

/// A draft file from outside the library, read to be imported or edited in place.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OutsideFile {
    /// The file's absolute path: the window passes it back to save in place.
    pub path: String,
    /// The file's name, for the question the window asks.
    pub name: String,
    pub draft: Draft,
    /// Passed back with the next save in place to detect changes made meanwhile.
    pub revision: String,
}

/// What became of a draft file handed to the app (on its command line, by a
/// double-click, by a second launch while it runs).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FileOpened {
    /// A draft of the library: open it.
    Library { opened: Box<Opened> },
    /// A draft file elsewhere: ask whether to import it or edit it in place.
    Outside { file: Box<OutsideFile> },
    /// Not a draft (or unreadable): say why; nothing was written.
    Refused { error: crate::error::IpcError },
}

/// A save in place that succeeded.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedFile {
    pub revision: String,
}

/// A bundled font family and its licence text.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FontLicence {
    /// The house styles that ship it, comma-separated.
    pub style: String,
    pub family: String,
    /// The licence text (the style's `fonts.licence` file), if it names one.
    pub licence: Option<String>,
}

/// A third-party package built into the app, from `licences.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, TS)]
pub struct PackageLicence {
    pub name: String,
    pub version: String,
    /// The SPDX licence expression the package declares.
    pub licence: String,
}

/// The packages built into the app, by ecosystem (generated; see `about.rs`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Dependencies {
    /// Rust crates compiled into the binary (Linux build).
    pub crates: Vec<PackageLicence>,
    /// npm packages bundled into the window's code.
    pub npm: Vec<PackageLicence>,
}

/// What the About window shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct About {
    pub name: String,
    pub version: String,
    /// Where drafts are kept.
    pub library_dir: String,
    pub settings_file: String,
    pub fonts: Vec<FontLicence>,
    pub dependencies: Dependencies,
}

/// A photo stored in the library for the window's draft: the `file` its
/// photo names, and its size upright, in pixels.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AddedPhoto {
    pub file: String,
    pub width: u32,
    pub height: u32,
}

/// How the draft's spelling is checked, as the window shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SpellingStatus {
    /// The dictionary in use (`en_GB`), when the language is checked.
    pub dictionary: Option<String>,
    /// Said once: why spelling is not checked, or which dictionary stands
    /// in for the style's choice.
    pub message: Option<String>,
}

/// The web context's spell checking, read back from WebKitGTK.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WebSpelling {
    pub enabled: bool,
    pub languages: Vec<String>,
}
