//! Sync tools' conflict copies: when two computers changed the same file,
//! Dropbox, Nextcloud, ownCloud and Syncthing keep one version under the
//! file's name and the other beside it under a name of their own making.
//! This module recognises those names (for drafts here, and for any
//! `ID.EXT.json` file: the snippets library shares it), reads such a copy by
//! its file name, and resolves the conflict by keeping one side, the other
//! going to the trash or the history, never deleted.
//!
//! The names recognised, for a draft `ID.release.json`:
//! - ` (conflicted copy 2021-12-09)`, ` (Ana's conflicted copy 2021-12-09)`
//!   (Dropbox), ` (conflicted copy 2021-12-09 101500)` (Nextcloud): a
//!   parenthesis that says "conflict";
//! - `.sync-conflict-20211209-101500-ABCDEFG` (Syncthing);
//! - `_conflict-20211209-101500` (ownCloud);
//!
//! each either before `.release.json` (`ID (conflicted copy 2021-12-09).release.json`)
//! or before the last extension, where the tools that only know the last
//! extension put it (`ID.release (conflicted copy 2021-12-09).json`,
//! `ID.release.sync-conflict-20211209-101500-ABCDEFG.json`). A copy of a copy
//! (two marks) names the same original. ownCloud's mark is only recognised
//! before `.json`: before `.release.json` it makes a valid id, and a valid id
//! is a draft of its own.
//!
//! OneDrive's copies, `ID-COMPUTERNAME.release.json`, cannot be told from a
//! draft: `ID-COMPUTERNAME` is a valid id, so such a copy is listed as the
//! ordinary draft it looks like.

use crate::atomic::{Durability, replace_file};
use crate::error::{DraftsError, Result};
use crate::history::snapshot_name;
use crate::id::validate_id;
use crate::layout::EXTENSION;
use crate::library::{Library, Opened};
use crate::read::{FileBytes, parse, read_file};
use crate::revision::{Revision, content_hash};
use crate::save::Saved;
use crate::time::Timestamp;
use release_model::to_json;
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

/// The longest file name most file systems accept, in bytes.
const MAX_FILE_NAME: usize = 255;

/// For the file name of a sync tool's conflict copy of a draft
/// (`20211208-k3f9qz (conflicted copy 2021-12-09).release.json`, …; see the
/// module documentation for every form), the id of the draft it is a copy
/// of. `None` for anything else: a draft's own file, a name whose original
/// would not be a valid id, and any name that is not one plain file name
/// (a separator, a drive or stream colon, `..`, a control character, a
/// hidden name, longer than 255 bytes).
pub fn conflict_copy_of(file_name: &str) -> Option<&str> {
    conflict_copy_in(file_name, EXTENSION)
}

/// [`conflict_copy_of`] for files named `ID` + `extension`, where
/// `extension` is a double extension such as `.snippet.json`: the id that
/// the conflict copy `file_name` is a copy of, if it is one.
pub fn conflict_copy_in<'a>(file_name: &'a str, extension: &str) -> Option<&'a str> {
    if !is_plain_file_name(file_name) {
        return None;
    }
    // `.snippet.json` → `.snippet` and `.json`.
    let (inner, last) = match extension.rfind('.') {
        Some(at) if at > 0 => extension.split_at(at),
        _ => ("", extension),
    };
    if let Some(core) = file_name.strip_suffix(extension) {
        if validate_id(core).is_ok() {
            return None;
        }
        if let Some(of) = strip_marks(core).filter(|of| validate_id(of).is_ok()) {
            return Some(of);
        }
    }
    if inner.is_empty() {
        return None;
    }
    let before_last = strip_marks(file_name.strip_suffix(last)?)?;
    let core = before_last.strip_suffix(inner)?;
    let of = strip_marks(core).unwrap_or(core);
    validate_id(of).ok()?;
    Some(of)
}

/// One file name, no folder: not hidden, no separator, no drive or stream
/// colon, no `..`, no control character, not too long.
fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_FILE_NAME
        && !name.starts_with('.')
        && !name.contains("..")
        && !name
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control())
}

/// `name` without the sync tools' conflict marks at its end (at least one;
/// a copy of a copy has two), or `None` when it has none.
fn strip_marks(name: &str) -> Option<&str> {
    let mut rest = strip_mark(name)?;
    while let Some(shorter) = strip_mark(rest) {
        rest = shorter;
    }
    Some(rest)
}

/// `name` without one conflict mark at its end.
fn strip_mark(name: &str) -> Option<&str> {
    if let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind(" (")) {
        let inside = &name[open + 2..name.len() - 1];
        if inside.to_lowercase().contains("conflict") {
            return Some(&name[..open]);
        }
    }
    for mark in [".sync-conflict-", "_conflict-"] {
        if let Some(at) = name.rfind(mark)
            && is_date_time(&name[at + mark.len()..])
        {
            return Some(&name[..at]);
        }
    }
    None
}

/// `YYYYMMDD-HHMMSS`, optionally followed by `-` and more (a device id).
fn is_date_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 15
        && b[..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'-'
        && b[9..15].iter().all(u8::is_ascii_digit)
        && (b.len() == 15 || b[15] == b'-')
}

/// Which side of a conflict [`Library::resolve_conflict`] keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// The conflict copy's content becomes the draft's new version (the
    /// version it replaces stays in the history); the copy goes to the trash.
    Copy,
    /// The draft stays as it is; the copy goes to the trash.
    Original,
}

/// What [`Library::resolve_conflict`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The draft the copy was a copy of.
    pub id: String,
    /// With [`Keep::Copy`], the save that made the copy's content the
    /// draft's (its `snapshot` is `None` when the draft already held it).
    pub saved: Option<Saved>,
    /// The trash entry the copy was moved to.
    pub trashed: PathBuf,
}

impl Library {
    /// Reads a sync tool's conflict copy of a draft by its file name as
    /// listed (the [`crate::Entry::id`] of an entry with `conflict_of`).
    /// Refused with `invalid-id` when `file_name` is not the name of a
    /// conflict copy (which also keeps it inside the library folder), and
    /// reported as [`DraftsError::Damaged`] when it is not a readable draft.
    /// The returned [`Opened::id`] is the file name: a copy cannot be saved
    /// by [`Library::save`]; keep it with [`Library::resolve_conflict`].
    pub fn load_conflict(&self, file_name: &str) -> Result<Opened> {
        let (file, _) = self.conflict_file(file_name)?;
        self.load_from(&file, file_name)
    }

    /// Ends the conflict between a draft and a sync tool's conflict copy of
    /// it, `file_name` as listed, keeping one side:
    /// - [`Keep::Copy`]: the copy's content is saved as the draft's new
    ///   version, the way every save goes (a history snapshot, an atomic
    ///   write). The version it replaces, and an autosave not yet saved,
    ///   are kept in the history first when it does not already hold them.
    ///   A damaged copy cannot be kept, and a damaged draft is not
    ///   overwritten (move it aside first): both are refused with
    ///   [`DraftsError::Damaged`] and nothing changes;
    /// - [`Keep::Original`]: the draft is left as it is.
    ///
    /// Either way the copy is then moved to the trash, as a deleted version
    /// of the draft (listed by [`Library::trash`] under the draft's id).
    /// Nothing is deleted.
    pub fn resolve_conflict(&self, file_name: &str, keep: Keep) -> Result<Resolved> {
        let (copy_file, id) = self.conflict_file(file_name)?;
        let _writing = self.write_lock();
        let copy = self.read_existing(&copy_file)?;
        let saved = match keep {
            Keep::Original => None,
            Keep::Copy => {
                let loaded = parse(&copy.bytes).map_err(|damage| DraftsError::Damaged {
                    file: copy_file.clone(),
                    reason_code: damage.code,
                    reason: damage.reason,
                })?;
                Some(self.keep_copy(id, &to_json(&loaded.draft).into_bytes())?)
            }
        };
        let trashed = self.trash_conflict_copy(id, &copy_file)?;
        Ok(Resolved {
            id: id.to_owned(),
            saved,
            trashed,
        })
    }

    /// The path of conflict copy `file_name` and the id of its original.
    fn conflict_file<'a>(&self, file_name: &'a str) -> Result<(PathBuf, &'a str)> {
        let of = conflict_copy_of(file_name).ok_or_else(|| DraftsError::InvalidId {
            id: file_name.chars().take(300).collect(),
            reason: "only a sync tool's conflict copy of a draft is opened by its file name, and this is not the name of one",
        })?;
        Ok((self.layout.file(file_name), of))
    }

    /// Saves `bytes` as draft `id`, first keeping in its history what the
    /// save would otherwise lose. The caller holds the write lock.
    fn keep_copy(&self, id: &str, bytes: &[u8]) -> Result<Saved> {
        let file = self.layout.draft(id);
        let current = read_file(&file).map_err(|e| DraftsError::io("read", &file, e))?;
        if let Some(current) = &current {
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
                    revision: Revision::of(&current.bytes, current.modified),
                    snapshot: None,
                });
            }
            self.keep_in_history(id, current, &file)?;
        }
        // A save clears the autosave slot; one that holds edits not saved
        // yet goes to the history too.
        let slot = self.layout.recovery(id);
        if let Ok(Some(autosaved)) = read_file(&slot)
            && current.as_ref().is_none_or(|c| c.bytes != autosaved.bytes)
            && autosaved.bytes != bytes
        {
            self.keep_in_history(id, &autosaved, &file)?;
        }
        self.write_draft(id, bytes)
    }

    /// Adds `version` to the history of draft `id` unless the history
    /// already holds these bytes. Named by the time it was written (before
    /// now, so that the save about to follow is the newest snapshot).
    fn keep_in_history(&self, id: &str, version: &FileBytes, file: &Path) -> Result<()> {
        let hash = content_hash(&version.bytes);
        if self.history_holds(id, hash, &version.bytes) {
            return Ok(());
        }
        let before_now = Timestamp::from_millis(self.clock.now().millis() - 1);
        let name = snapshot_name(version.modified.min(before_now), hash);
        self.ensure_dir(&self.layout.history(id), file)?;
        replace_file(
            self.disk.as_ref(),
            &self.layout.snapshot(id, &name),
            &version.bytes,
            Durability::Flushed,
        )
        .map_err(|e| DraftsError::replacing(file, e))
    }

    /// True when a snapshot of draft `id` holds exactly `bytes`.
    fn history_holds(&self, id: &str, hash: u128, bytes: &[u8]) -> bool {
        let ending = format!("-{:08x}{EXTENSION}", (hash >> 96) as u32);
        let Ok(entries) = fs::read_dir(self.layout.history(id)) else {
            return false;
        };
        entries.flatten().any(|entry| {
            entry.file_name().to_string_lossy().ends_with(&ending)
                && fs::read(entry.path()).is_ok_and(|held| held == bytes)
        })
    }

    /// Moves conflict copy `copy` of draft `id` into a trash entry of its
    /// own. The caller holds the write lock.
    fn trash_conflict_copy(&self, id: &str, copy: &Path) -> Result<PathBuf> {
        let entry = self.new_trash_entry(id);
        let to_trash = |e| DraftsError::io("move to the trash", copy, e);
        self.disk.create_dir_all(&entry).map_err(to_trash)?;
        if let Err(e) = self
            .disk
            .rename(copy, &entry.join(format!("{id}{EXTENSION}")))
        {
            let _ = self.disk.remove_dir_all(&entry);
            return Err(to_trash(e));
        }
        let _ = self.disk.sync_dir(self.layout.root());
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tools_copy_names_its_draft() {
        for name in [
            "20211208-k3f9qz (conflicted copy 2021-12-09).release.json",
            "20211208-k3f9qz (Ana's conflicted copy 2021-12-09).release.json",
            "20211208-k3f9qz (conflicted copy 2021-12-09 101500).release.json",
            "20211208-k3f9qz (Case Conflict).release.json",
            "20211208-k3f9qz.sync-conflict-20211209-101500-ABCDEFG.release.json",
            "20211208-k3f9qz.release (conflicted copy 2021-12-09).json",
            "20211208-k3f9qz.release.sync-conflict-20211209-101500-ABCDEFG.json",
            "20211208-k3f9qz.release_conflict-20211209-101500.json",
            "20211208-k3f9qz (conflicted copy 2021-12-09) (conflicted copy 2021-12-10).release.json",
            "20211208-k3f9qz (conflicted copy 2021-12-09).release (conflicted copy 2021-12-10).json",
        ] {
            assert_eq!(conflict_copy_of(name), Some("20211208-k3f9qz"), "{name}");
        }
    }

    #[test]
    fn drafts_and_strangers_are_not_copies() {
        for name in [
            "20211208-k3f9qz.release.json",
            // OneDrive's copy: a valid id, so a draft of its own.
            "20211208-k3f9qz-DESKTOP-AB12.release.json",
            // ownCloud's mark before `.release.json` makes a valid id too.
            "20211208-k3f9qz_conflict-20211209-101500.release.json",
            "20211208-k3f9qz (2).release.json",
            "20211208-k3f9qz (copy).release.json",
            "20211208-k3f9qz.sync-conflict-2021.release.json",
            "20211208-k3f9qz (conflicted copy 2021-12-09).snippet.json",
            "20211208-k3f9qz (conflicted copy 2021-12-09).json",
            "20211208-k3f9qz (conflicted copy 2021-12-09)",
            "con (conflicted copy 2021-12-09).release.json",
            "a b (conflicted copy 2021-12-09).release.json",
            " (conflicted copy 2021-12-09).release.json",
            ".x (conflicted copy 2021-12-09).release.json",
            "",
        ] {
            assert_eq!(conflict_copy_of(name), None, "{name}");
        }
    }

    #[test]
    fn names_that_could_leave_the_folder_are_not_copies() {
        for name in [
            "../x (conflicted copy 2021-12-09).release.json",
            "x (../../conflicted copy).release.json",
            "x (a/b conflicted copy).release.json",
            "x (a\\b conflicted copy).release.json",
            "C:x (conflicted copy).release.json",
            "x (conflicted copy ..).release.json",
            "x (conflicted\ncopy).release.json",
            "/etc/x (conflicted copy).release.json",
        ] {
            assert_eq!(conflict_copy_of(name), None, "{name:?}");
        }
        let long = format!("x ({} conflict).release.json", "a".repeat(250));
        assert_eq!(conflict_copy_of(&long), None);
    }

    #[test]
    fn other_double_extensions_work_alike() {
        assert_eq!(
            conflict_copy_in(
                "about-x (conflicted copy 2026-12-01).snippet.json",
                ".snippet.json"
            ),
            Some("about-x")
        );
        assert_eq!(
            conflict_copy_in(
                "about-x.snippet_conflict-20261201-123456.json",
                ".snippet.json"
            ),
            Some("about-x")
        );
        assert_eq!(
            conflict_copy_in(
                "about-x (conflicted copy 2026-12-01).release.json",
                ".snippet.json"
            ),
            None
        );
        assert_eq!(
            conflict_copy_in("notes (conflicted copy 2026-12-01).json", ".json"),
            Some("notes")
        );
    }
}
