//! The trash: a deleted draft moves, with its history and recovery copy, to
//! `.release-composer/trash/STAMP-ID/`, from where it can be restored until
//! the trash is emptied.

use crate::error::{DraftsError, Result};
use crate::id::validate_id;
use crate::layout::EXTENSION;
use crate::library::Library;
use crate::read::{Damage, parse, read_file};
use crate::summary::{Summary, summarize};
use crate::time::Timestamp;
use serde::Serialize;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A draft in the trash.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trashed {
    pub id: String,
    /// When it was deleted.
    pub deleted: Timestamp,
    /// What it held (empty when damaged).
    pub summary: Summary,
    pub damage: Option<Damage>,
}

/// Name of the recovery copy inside a trash entry.
const RECOVERY_IN_TRASH: &str = "recovery.release.json";
/// Name of the history folder inside a trash entry.
const HISTORY_IN_TRASH: &str = "history";

impl Library {
    /// Moves draft `id` (damaged or not) to the trash, with its history and
    /// recovery copy.
    pub fn delete(&self, id: &str) -> Result<()> {
        let file = self.file_of(id)?;
        let _writing = self.write_lock();
        if !file.exists() {
            return Err(DraftsError::NotFound { file });
        }
        let entry = self.new_trash_entry(id);
        let to_trash = |e| DraftsError::io("move to the trash", &file, e);
        self.disk.create_dir_all(&entry).map_err(to_trash)?;
        if let Err(e) = self
            .disk
            .rename(&file, &entry.join(format!("{id}{EXTENSION}")))
        {
            let _ = self.disk.remove_dir_all(&entry);
            return Err(to_trash(e));
        }
        // The draft is in the trash. Its history and recovery copy follow;
        // if they cannot, they stay under the id, where undelete finds them.
        self.move_if_present(&self.layout.history(id), &entry.join(HISTORY_IN_TRASH));
        self.move_if_present(&self.layout.recovery(id), &entry.join(RECOVERY_IN_TRASH));
        let _ = self.disk.sync_dir(self.layout.root());
        Ok(())
    }

    /// A trash entry's folder for draft `id` that is not taken yet:
    /// `trash/STAMP-ID`, the stamp now or, when taken, the next free
    /// millisecond. The caller holds the write lock.
    pub(crate) fn new_trash_entry(&self, id: &str) -> PathBuf {
        let trash = self.layout.trash();
        let mut at = self.clock.now();
        let mut entry = trash.join(format!("{}-{id}", at.compact()));
        while entry.exists() {
            at = Timestamp::from_millis(at.millis() + 1);
            entry = trash.join(format!("{}-{id}", at.compact()));
        }
        entry
    }

    /// The drafts in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<Trashed>> {
        let mut found: Vec<Trashed> = self
            .trash_entries()?
            .into_iter()
            .map(|(dir, id, deleted)| {
                let parsed = match read_file(&dir.join(format!("{id}{EXTENSION}"))) {
                    Ok(Some(read)) => parse(&read.bytes),
                    Ok(None) => Err(Damage::new("not-found", "the draft file is missing")),
                    Err(e) => Err(Damage::new("unreadable", e.to_string())),
                };
                let (summary, damage) = match parsed {
                    Ok(loaded) => (summarize(&loaded.draft), None),
                    Err(damage) => (Summary::default(), Some(damage)),
                };
                Trashed {
                    id,
                    deleted,
                    summary,
                    damage,
                }
            })
            .collect();
        found.sort_by(|a, b| b.deleted.cmp(&a.deleted).then_with(|| a.id.cmp(&b.id)));
        Ok(found)
    }

    /// Brings the most recently deleted draft `id` back from the trash, with
    /// its history and recovery copy. Refused when a draft `id` exists.
    pub fn undelete(&self, id: &str) -> Result<()> {
        let file = self.file_of(id)?;
        let _writing = self.write_lock();
        let Some((entry, _, _)) = self
            .trash_entries()?
            .into_iter()
            .filter(|(_, trashed, _)| trashed == id)
            .max_by_key(|(_, _, deleted)| *deleted)
        else {
            return Err(DraftsError::NotInTrash {
                dir: self.layout.trash(),
                id: id.to_owned(),
            });
        };
        if file.exists() {
            return Err(DraftsError::AlreadyExists { file });
        }
        self.restore_history(id, &entry.join(HISTORY_IN_TRASH));
        let slot = self.layout.recovery(id);
        if !slot.exists() {
            let _ = self.ensure_dir(&self.layout.recovery_dir(), &slot);
            self.move_if_present(&entry.join(RECOVERY_IN_TRASH), &slot);
        }
        self.disk
            .rename(&entry.join(format!("{id}{EXTENSION}")), &file)
            .map_err(|e| DraftsError::io("restore from the trash", &file, e))?;
        let _ = self.disk.sync_dir(self.layout.root());
        let _ = self.disk.remove_dir_all(&entry);
        Ok(())
    }

    /// Deletes everything in the trash for good, then the photos nothing
    /// names any more; returns how many drafts went.
    pub fn empty_trash(&self) -> Result<usize> {
        let entries = {
            let _writing = self.write_lock();
            let entries = self.trash_entries()?;
            for (dir, _, _) in &entries {
                self.disk
                    .remove_dir_all(dir)
                    .map_err(|e| DraftsError::io("empty the trash", dir, e))?;
            }
            entries
        };
        self.collect_assets()?;
        Ok(entries.len())
    }

    /// Folders in the trash with the id and deletion time in their names.
    fn trash_entries(&self) -> Result<Vec<(PathBuf, String, Timestamp)>> {
        let trash = self.layout.trash();
        let dir = match fs::read_dir(&trash) {
            Ok(dir) => dir,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(DraftsError::io("list", &trash, e)),
        };
        let mut entries = Vec::new();
        for entry in dir {
            let entry = entry.map_err(|e| DraftsError::io("list", &trash, e))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Some((stamp, id)) = name.split_once('-') else {
                continue;
            };
            let Some(deleted) = Timestamp::parse_compact(stamp) else {
                continue;
            };
            if validate_id(id).is_ok() && entry.path().is_dir() {
                entries.push((entry.path(), id.to_owned(), deleted));
            }
        }
        Ok(entries)
    }

    /// Puts a trashed history back under `id`, merging with any history the
    /// id has gathered since (snapshot names never clash: they hold the time).
    fn restore_history(&self, id: &str, from: &Path) {
        if !from.is_dir() {
            return;
        }
        let to = self.layout.history(id);
        if !to.exists() {
            if let Some(parent) = to.parent() {
                let _ = self.disk.create_dir_all(parent);
            }
            if self.disk.rename(from, &to).is_ok() {
                return;
            }
        }
        let _ = self.disk.create_dir_all(&to);
        if let Ok(snapshots) = fs::read_dir(from) {
            for snapshot in snapshots.flatten() {
                let target = to.join(snapshot.file_name());
                if !target.exists() {
                    let _ = self.disk.rename(&snapshot.path(), &target);
                }
            }
        }
    }

    /// Moves a file or folder if it exists; failures leave it where it was.
    fn move_if_present(&self, from: &Path, to: &Path) {
        if from.exists() {
            let _ = self.disk.rename(from, to);
        }
    }
}
