//! Writing drafts: save with conflict detection, create, duplicate, set the
//! title. Every write takes the same path: a history snapshot first, then the
//! draft file replaced atomically, then the recovery slot cleared.

use crate::atomic::{Durability, replace_file};
use crate::error::{DraftsError, Result};
use crate::history::snapshot_name;
use crate::library::{Library, Opened};
use crate::read::{parse, read_file};
use crate::revision::{Revision, content_hash};
use crate::summary::{set_title, summarize};
use crate::time::Timestamp;
use release_model::{Draft, example, to_json};
use serde::Serialize;
use std::fs;

/// What a new draft starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// An empty press release in the UN style, dated today.
    Blank,
    /// The example release (UNOCT, Dushanbe, 8 December 2021).
    Example,
}

/// The outcome of a successful save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Saved {
    pub id: String,
    /// The draft file's revision now; pass it to the next save.
    pub revision: Revision,
    /// The history snapshot taken, or `None` when the content was unchanged.
    pub snapshot: Option<String>,
}

impl Library {
    /// Saves `draft` as draft `id`, creating it if there is no such draft.
    ///
    /// With `expected` (the revision the window loaded or last saved), a file
    /// whose content changed since is not overwritten: the caller's version is
    /// saved as a new draft and [`DraftsError::Conflict`] names it, so both are
    /// kept. Without `expected` the file is replaced whatever it holds, unless
    /// it is damaged: damaged files are never overwritten.
    ///
    /// A save that fails leaves the previous version of the file intact.
    ///
    /// Saves within one process are serialised. Between processes the check
    /// and the rename are microseconds apart; a write by another program that
    /// lands in exactly that window is replaced (when that program is this
    /// library, in another window or the CLI, its version stays in the history).
    pub fn save(&self, id: &str, draft: &Draft, expected: Option<&Revision>) -> Result<Saved> {
        let file = self.file_of(id)?;
        let _writing = self.write_lock();
        let current = read_file(&file).map_err(|e| DraftsError::io("read", &file, e))?;
        let bytes = to_json(draft).into_bytes();
        if let Some(current) = current {
            let on_disk = Revision::of(&current.bytes, current.modified);
            if expected.is_some_and(|e| !e.same_content(&on_disk)) {
                let kept_as = self.keep_conflicting_copy(draft)?;
                return Err(DraftsError::Conflict { file, kept_as });
            }
            if let Err(damage) = parse(&current.bytes) {
                return Err(DraftsError::Damaged {
                    file,
                    reason_code: damage.code,
                    reason: damage.reason,
                });
            }
            if current.bytes == bytes {
                return Ok(Saved {
                    id: id.to_owned(),
                    revision: on_disk,
                    snapshot: None,
                });
            }
        }
        self.write_draft(id, &bytes)
    }

    /// Creates a new draft from `template` under a new id.
    pub fn create(&self, template: Template) -> Result<Opened> {
        let draft = match template {
            Template::Blank => self.blank(),
            Template::Example => example(),
        };
        self.create_from(draft)
    }

    /// Copies draft `id` to a new draft titled "… (copy)".
    pub fn duplicate(&self, id: &str) -> Result<Opened> {
        let mut draft = self.load(id)?.draft;
        let name = summarize(&draft).display_name().to_owned();
        set_title(&mut draft, &format!("{name} (copy)"));
        self.create_from(draft)
    }

    /// Gives draft `id` a title in the list (an empty title shows the
    /// headline again). This is a save: it takes a snapshot and honours
    /// `expected` as [`Library::save`] does.
    pub fn set_title(&self, id: &str, title: &str, expected: Option<&Revision>) -> Result<Saved> {
        let opened = self.load(id)?;
        let mut draft = opened.draft;
        set_title(&mut draft, title);
        self.save(id, &draft, Some(expected.unwrap_or(&opened.revision)))
    }

    /// Writes `draft` under a fresh id.
    pub(crate) fn create_from(&self, draft: Draft) -> Result<Opened> {
        let _writing = self.write_lock();
        let id = self.new_id();
        let saved = self.write_draft(&id, to_json(&draft).as_bytes())?;
        Ok(Opened {
            id,
            draft,
            findings: Vec::new(),
            revision: saved.revision,
        })
    }

    /// Saves the losing side of a conflict as a new draft and returns its id.
    fn keep_conflicting_copy(&self, draft: &Draft) -> Result<String> {
        let mut copy = draft.clone();
        let name = summarize(draft).display_name().to_owned();
        set_title(&mut copy, &format!("{name} (conflicting copy)"));
        let id = self.new_id();
        self.write_draft(&id, to_json(&copy).as_bytes())?;
        Ok(id)
    }

    /// An empty release dated today.
    fn blank(&self) -> Draft {
        let mut draft = Draft::default();
        draft.release.kind = "PRESS RELEASE".to_owned();
        draft.release.dateline.date = self.clock.now().date_text();
        draft
    }

    /// The one way a draft reaches the disk; the caller holds the write lock
    /// and has validated `id`.
    pub(crate) fn write_draft(&self, id: &str, bytes: &[u8]) -> Result<Saved> {
        let file = self.layout.draft(id);
        // The snapshot goes first: if it cannot be written, nothing changed;
        // if the draft then cannot be written, the history still holds the
        // version that was being saved.
        let snapshot = snapshot_name(self.clock.now(), content_hash(bytes));
        self.ensure_dir(&self.layout.history(id), &file)?;
        replace_file(
            self.disk.as_ref(),
            &self.layout.snapshot(id, &snapshot),
            bytes,
            Durability::Unflushed,
        )
        .map_err(|e| DraftsError::replacing(&file, e))?;
        replace_file(self.disk.as_ref(), &file, bytes, Durability::Flushed)
            .map_err(|e| DraftsError::replacing(&file, e))?;
        // The save has succeeded; history thinning and clearing the recovery
        // slot are tidying, retried on the next save if they fail now.
        let _ = self.thin_history(id);
        let _ = self.disk.remove_file(&self.layout.recovery(id));
        let modified = fs::metadata(&file)
            .and_then(|m| m.modified())
            .map(Timestamp::from_system)
            .unwrap_or_else(|_| self.clock.now());
        Ok(Saved {
            id: id.to_owned(),
            revision: Revision::of(bytes, modified),
            snapshot: Some(snapshot),
        })
    }
}
