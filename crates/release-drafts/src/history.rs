//! The history of a draft: a snapshot file per save, named by the time of the
//! save and a piece of the content's hash, so names sort by time and two
//! saves in one millisecond do not collide.

use crate::atomic::is_temp_name;
use crate::error::{DraftsError, Result};
use crate::id::validate_id;
use crate::layout::id_of_file_name;
use crate::library::{Library, remove_stale_temps};
use crate::read::{Damage, parse, read_file};
use crate::revision::Revision;
use crate::save::Saved;
use crate::summary::{Summary, summarize};
use crate::thin::{KEEP_RECENT, to_remove};
use crate::time::Timestamp;
use release_model::Draft;
use serde::Serialize;
use std::fs;
use std::io;

/// One snapshot in a draft's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    /// The name to pass to [`Library::show_revision`] and
    /// [`Library::restore_revision`], e.g. `20211208T100000123Z-9f86d081`.
    pub revision: String,
    /// When it was saved.
    pub saved: Timestamp,
    /// Size in bytes.
    pub size: u64,
    /// What the draft held then (empty when the snapshot is damaged).
    pub summary: Summary,
    /// Set when the snapshot is not readable (possible after a power cut).
    pub damage: Option<Damage>,
}

/// The name of the snapshot of content with `hash` saved at `now`.
pub(crate) fn snapshot_name(now: Timestamp, hash: u128) -> String {
    format!("{}-{:08x}", now.compact(), (hash >> 96) as u32)
}

/// The time in a snapshot name, if the name is one (which also makes it safe
/// as a file name).
fn snapshot_time(name: &str) -> Option<Timestamp> {
    let (stamp, hash) = name.split_once('-')?;
    let hex = hash.len() == 8
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !hex {
        return None;
    }
    Timestamp::parse_compact(stamp)
}

impl Library {
    /// The snapshots of draft `id`, newest first. The history outlives a
    /// damaged or quarantined file, so a lost draft can be restored from it.
    pub fn history(&self, id: &str) -> Result<Vec<Snapshot>> {
        let file = self.file_of(id)?;
        let mut snapshots: Vec<Snapshot> = self
            .snapshot_names(id)?
            .into_iter()
            .map(|(revision, saved)| self.describe_snapshot(id, revision, saved))
            .collect();
        if snapshots.is_empty() && !file.exists() {
            return Err(DraftsError::NotFound { file });
        }
        snapshots.reverse();
        Ok(snapshots)
    }

    /// The draft as snapshot `revision` holds it.
    pub fn show_revision(&self, id: &str, revision: &str) -> Result<Draft> {
        let file = self.file_of(id)?;
        let no_such = || DraftsError::NoSuchRevision {
            file: file.clone(),
            revision: revision.chars().take(80).collect(),
        };
        if snapshot_time(revision).is_none() {
            return Err(no_such());
        }
        let path = self.layout.snapshot(id, revision);
        let read = read_file(&path)
            .map_err(|e| DraftsError::io("read", &path, e))?
            .ok_or_else(no_such)?;
        parse(&read.bytes)
            .map(|loaded| loaded.draft)
            .map_err(|damage| DraftsError::Damaged {
                file: path,
                reason_code: damage.code,
                reason: damage.reason,
            })
    }

    /// Makes snapshot `revision` the current version of draft `id`. This is a
    /// save like any other (with `expected` as in [`Library::save`]), so it
    /// adds a snapshot and can itself be undone.
    pub fn restore_revision(
        &self,
        id: &str,
        revision: &str,
        expected: Option<&Revision>,
    ) -> Result<Saved> {
        let draft = self.show_revision(id, revision)?;
        self.save(id, &draft, expected)
    }

    /// Drops snapshots the thinning policy no longer keeps.
    pub(crate) fn thin_history(&self, id: &str) -> Result<()> {
        let dir = self.layout.history(id);
        remove_stale_temps(self.disk.as_ref(), &dir, self.clock.now().millis());
        for name in to_remove(&self.snapshot_names(id)?, KEEP_RECENT) {
            let path = self.layout.snapshot(id, &name);
            self.disk
                .remove_file(&path)
                .map_err(|e| DraftsError::io("remove an old snapshot", &path, e))?;
        }
        Ok(())
    }

    /// Names and times of the snapshots of `id`, oldest first.
    fn snapshot_names(&self, id: &str) -> Result<Vec<(String, Timestamp)>> {
        validate_id(id)?;
        let dir = self.layout.history(id);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(DraftsError::io("list the history", &dir, e)),
        };
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| DraftsError::io("list the history", &dir, e))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if is_temp_name(&name) {
                continue;
            }
            let Some(revision) = id_of_file_name(&name) else {
                continue;
            };
            if let Some(time) = snapshot_time(revision) {
                names.push((revision.to_owned(), time));
            }
        }
        names.sort();
        Ok(names)
    }

    fn describe_snapshot(&self, id: &str, revision: String, saved: Timestamp) -> Snapshot {
        let path = self.layout.snapshot(id, &revision);
        let (size, parsed) = match read_file(&path) {
            Ok(Some(read)) => (read.bytes.len() as u64, parse(&read.bytes)),
            Ok(None) => (0, Err(Damage::new("not-found", "removed meanwhile"))),
            Err(e) => (0, Err(Damage::new("unreadable", e.to_string()))),
        };
        let (summary, damage) = match parsed {
            Ok(loaded) => (summarize(&loaded.draft), None),
            Err(damage) => (Summary::default(), Some(damage)),
        };
        Snapshot {
            revision,
            saved,
            size,
            summary,
            damage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_names_sort_by_time_and_are_recognised() {
        let a = snapshot_name(Timestamp::from_millis(1_638_957_600_123), u128::MAX);
        assert_eq!(a, "20211208T100000123Z-ffffffff");
        assert_eq!(
            snapshot_time(&a),
            Some(Timestamp::from_millis(1_638_957_600_123))
        );
        let b = snapshot_name(Timestamp::from_millis(1_638_957_600_124), 0);
        assert!(a < b);
        for bad in [
            "",
            "x",
            "20211208T100000123Z",
            "../../etc",
            "20211208T100000123Z-FFFFFFFF",
        ] {
            assert_eq!(snapshot_time(bad), None, "{bad}");
        }
    }
}
