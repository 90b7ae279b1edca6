//! Listing the drafts: one stat per file, the index for the summaries of
//! files that did not change, a read of those that did. Sync tools'
//! conflict copies are listed beside their drafts.

use crate::error::{DraftsError, Result};
use crate::id::id_problem;
use crate::index::{Index, IndexEntry};
use crate::layout::{DraftFile, classify};
use crate::library::Library;
use crate::read::{Damage, Stamp, parse, read_file};
use crate::summary::{Summary, summarize};
use crate::time::Timestamp;
use serde::Serialize;
use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// One draft in the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The id, which is the file name without `.release.json`. For a sync
    /// tool's conflict copy (`conflict_of` is set) it is the copy's whole
    /// file name, which [`Library::load_conflict`] and
    /// [`Library::resolve_conflict`] take. For any other file whose name is
    /// not a valid id it is the name without `.release.json`, and `damage`
    /// says so; such a file cannot be opened by id until it is renamed.
    pub id: String,
    /// When the file was last modified.
    pub modified: Timestamp,
    /// Size in bytes.
    pub size: u64,
    /// What the list shows (empty for a damaged file).
    pub summary: Summary,
    /// Set when the file is not a readable draft.
    pub damage: Option<Damage>,
    /// The edition group the draft belongs to: its edition's group, or its
    /// own id when it is not a language edition of another draft (for a
    /// conflict copy, its draft's id).
    pub group: String,
    /// For a sync tool's conflict copy
    /// (`20211208-k3f9qz (conflicted copy 2021-12-09).release.json`, …),
    /// the id of the draft it is a copy of. The copy is otherwise listed
    /// like any file: its own summary, or its damage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<String>,
}

impl Library {
    /// Every draft in the library, damaged ones included (with the reason),
    /// and sync tools' conflict copies (with `conflict_of`), most recently
    /// modified first.
    ///
    /// Fast on large libraries: only files whose size, modified time or inode
    /// changed since the last listing are read. Works on a read-only folder
    /// (the index is then simply not updated).
    pub fn list(&self) -> Result<Vec<Entry>> {
        // File-system time, not the library's clock: it is compared with
        // modified times that the file system sets.
        let scan_ns = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
            .unwrap_or(0);
        let index_path = self.layout.index();
        let mut old = Index::read(&index_path);
        let mut new = Index::new();
        // Sized once: growing it moves every entry again.
        new.entries.reserve(old.entries.len());
        let mut changed = false;
        let root = self.layout.root();
        let dir = fs::read_dir(root).map_err(|e| DraftsError::io("list", root, e))?;
        for dirent in dir {
            let dirent = dirent.map_err(|e| DraftsError::io("list", root, e))?;
            let name = dirent.file_name();
            let name = name.to_string_lossy();
            let Some(kind) = classify(&name) else {
                continue;
            };
            // Follows symbolic links: a linked draft is listed as its target.
            // Anything else is stat'ed relative to the open folder, without
            // walking the whole path again for each of thousands of files.
            let is_link = dirent.file_type().is_ok_and(|t| t.is_symlink());
            let meta = if is_link {
                fs::metadata(dirent.path())
            } else {
                dirent.metadata()
            };
            let Ok(meta) = meta else {
                continue;
            };
            if !meta.is_file() {
                continue;
            }
            let stamp = Stamp::of(&meta);
            // Keyed by file name: ids and conflict copies' names share it.
            // The cached entry's key is reused: no new string per file.
            let (key, entry) = match old.entries.remove_entry(name.as_ref()) {
                Some((key, entry)) if entry.describes(&stamp) => (key, entry),
                _ => {
                    changed = true;
                    match describe_file(&dirent.path(), kind, stamp, scan_ns) {
                        Some(entry) => (name.into_owned(), entry),
                        None => continue,
                    }
                }
            };
            new.entries.insert(key, entry);
        }
        if changed || !old.entries.is_empty() {
            // A cache: if it cannot be written (read-only folder), the
            // listing is still right, only slower next time.
            let _ = self.ensure_state_dir().map(|()| {
                let _ = new.write(self.disk.as_ref(), &index_path);
            });
        }
        let entries: Vec<Entry> = new
            .entries
            .into_iter()
            .filter_map(|(name, entry)| {
                let (id, conflict_of) = match classify(&name)? {
                    DraftFile::Draft(id) => (id.to_owned(), None),
                    DraftFile::ConflictCopy { of } => (name.clone(), Some(of.to_owned())),
                };
                let group = if !entry.summary.edition_group.is_empty() {
                    entry.summary.edition_group.clone()
                } else {
                    conflict_of.clone().unwrap_or_else(|| id.clone())
                };
                Some(Entry {
                    group,
                    id,
                    modified: Timestamp::from_millis(
                        i64::try_from(entry.stamp.mtime_ns / 1_000_000).unwrap_or(i64::MAX),
                    ),
                    size: entry.stamp.size,
                    summary: entry.summary,
                    damage: entry.damage,
                    conflict_of,
                })
            })
            .collect();
        Ok(newest_first(entries))
    }

    /// Creates `.release-composer/` if needed.
    pub(crate) fn ensure_state_dir(&self) -> std::io::Result<()> {
        let state = self.layout.state();
        if state.is_dir() {
            Ok(())
        } else {
            self.disk.create_dir_all(&state)
        }
    }
}

/// `entries` most recently modified first (then by id). An `Entry` is a few
/// hundred bytes, so the sort moves small keys and each entry is moved
/// once, into its place.
fn newest_first(entries: Vec<Entry>) -> Vec<Entry> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (&entries[a], &entries[b]);
        b.modified.cmp(&a.modified).then_with(|| a.id.cmp(&b.id))
    });
    let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Reads one file for the index. `None` when it vanished meanwhile. A
/// conflict copy is read like a draft.
fn describe_file(
    path: &Path,
    kind: DraftFile<'_>,
    stamp: Stamp,
    scan_ns: u64,
) -> Option<IndexEntry> {
    if let DraftFile::Draft(id) = kind
        && let Some(problem) = id_problem(id)
    {
        let damage = Damage::new(
            "bad-file-name",
            format!("the file name is not a valid draft id ({problem}); rename the file"),
        );
        return Some(IndexEntry::new(
            stamp,
            scan_ns,
            Summary::default(),
            Some(damage),
        ));
    }
    let (stamp, parsed) = match read_file(path) {
        Ok(Some(read)) => (read.stamp, parse(&read.bytes)),
        Ok(None) => return None,
        Err(e) => (
            stamp,
            Err(Damage::new("unreadable", format!("cannot be read: {e}"))),
        ),
    };
    Some(match parsed {
        Ok(loaded) => IndexEntry::new(stamp, scan_ns, summarize(&loaded.draft), None),
        Err(damage) => IndexEntry::new(stamp, scan_ns, Summary::default(), Some(damage)),
    })
}
