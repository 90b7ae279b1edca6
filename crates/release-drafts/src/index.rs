//! The listing cache, `.release-composer/index.json`: for each draft file
//! (and conflict copy), by its file name, the stamp it had when it was read
//! and its summary. Listing trusts an entry
//! only while the file's stamp is unchanged; the files stay the truth, and an
//! index that is missing, unreadable or from another version is rebuilt.

use crate::atomic::{Durability, ReplaceError, replace_file};
use crate::disk::Disk;
use crate::read::{Damage, Stamp};
use crate::summary::Summary;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io;
use std::path::Path;

const INDEX_FORMAT: &str = "release-composer/drafts-index";
// 2: summaries carry the edition group and source.
// 3: entries are keyed by file name, not id, and sync tools' conflict copies
//    are read as drafts (version 2 cached them as bad file names).
const INDEX_VERSION: u32 = 3;

/// A file modified this close to the listing that read it may change again
/// within the file system's timestamp granularity without its stamp changing
/// (the "racy git" problem); such entries are read again next time.
const SETTLE_NANOS: u64 = 2_000_000_000;

/// The whole index file.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Index {
    format: String,
    version: u32,
    /// By file name (`ID.release.json`, a conflict copy's whole name).
    pub entries: HashMap<String, IndexEntry>,
}

/// What the index remembers of one draft file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct IndexEntry {
    pub stamp: Stamp,
    /// False while the file was too recently modified to trust its stamp.
    pub settled: bool,
    pub summary: Summary,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damage: Option<Damage>,
}

impl IndexEntry {
    /// An entry for a file read with `stamp` during a listing that started at
    /// `scan_ns` (nanoseconds since the epoch, file-system time).
    pub(crate) fn new(
        stamp: Stamp,
        scan_ns: u64,
        summary: Summary,
        damage: Option<Damage>,
    ) -> IndexEntry {
        IndexEntry {
            stamp,
            settled: stamp.mtime_ns.saturating_add(SETTLE_NANOS) < scan_ns,
            summary,
            damage,
        }
    }

    /// True when this entry still describes a file that now has `stamp`.
    pub(crate) fn describes(&self, stamp: &Stamp) -> bool {
        self.settled && self.stamp == *stamp
    }
}

impl Index {
    /// An empty index of the current version.
    pub(crate) fn new() -> Index {
        Index {
            format: INDEX_FORMAT.to_owned(),
            version: INDEX_VERSION,
            entries: HashMap::new(),
        }
    }

    /// Reads the index; anything wrong with it gives an empty one, which
    /// makes the listing read every file and write a fresh index.
    pub(crate) fn read(path: &Path) -> Index {
        let Ok(bytes) = std::fs::read(path) else {
            return Index::new();
        };
        match serde_json::from_slice::<Index>(&bytes) {
            Ok(index) if index.format == INDEX_FORMAT && index.version == INDEX_VERSION => index,
            _ => Index::new(),
        }
    }

    /// Writes the index atomically. It is a cache, so it is not flushed: a
    /// power cut at worst loses it, and the next listing rebuilds it.
    pub(crate) fn write(&self, disk: &dyn Disk, path: &Path) -> io::Result<()> {
        let bytes = serde_json::to_vec(self).map_err(io::Error::other)?;
        replace_file(disk, path, &bytes, Durability::Unflushed).map_err(ReplaceError::into_io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disk::OsDisk;

    fn stamp(mtime_ns: u64) -> Stamp {
        Stamp {
            size: 10,
            mtime_ns,
            inode: 3,
        }
    }

    #[test]
    fn recently_modified_files_are_not_trusted() {
        let scan = 100 * SETTLE_NANOS;
        let fresh = IndexEntry::new(stamp(scan - 1), scan, Summary::default(), None);
        assert!(!fresh.describes(&stamp(scan - 1)));
        let old = IndexEntry::new(
            stamp(scan - 2 * SETTLE_NANOS),
            scan,
            Summary::default(),
            None,
        );
        assert!(old.describes(&stamp(scan - 2 * SETTLE_NANOS)));
        assert!(!old.describes(&stamp(scan)));
    }

    #[test]
    fn a_bad_index_reads_as_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index.json");
        assert!(Index::read(&path).entries.is_empty());
        std::fs::write(&path, b"{not json").expect("write");
        assert!(Index::read(&path).entries.is_empty());
        std::fs::write(&path, br#"{"format":"x","version":1,"entries":{}}"#).expect("write");
        assert!(Index::read(&path).entries.is_empty());
    }

    #[test]
    fn round_trips() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index.json");
        let mut index = Index::new();
        let entry = IndexEntry::new(stamp(1), 10 * SETTLE_NANOS, Summary::default(), None);
        index.entries.insert("a".to_owned(), entry.clone());
        index.write(&OsDisk, &path).expect("writes");
        assert_eq!(Index::read(&path).entries.get("a"), Some(&entry));
    }
}
