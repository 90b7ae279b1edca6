//! Replacing a file so that readers, and a crash at any moment, see either
//! the old content or the new, never a mix or an empty file.

use crate::disk::Disk;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Temporary files end with this; listing skips them and `open` sweeps old ones.
pub(crate) const TEMP_SUFFIX: &str = ".tmp";

/// How hard to try to make the new content survive a power cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Durability {
    /// Flush the file before the rename and the folder after it: for drafts
    /// and recovery copies.
    Flushed,
    /// Rename only: still all-or-nothing for a crashed program, but a power cut
    /// may lose the new content. For the index, which is rebuilt when wrong.
    Unflushed,
}

/// How an atomic replacement failed.
#[derive(Debug)]
pub(crate) enum ReplaceError {
    /// Nothing changed: the target holds what it held.
    NotWritten(io::Error),
    /// The target holds the new content, but flushing the folder failed, so
    /// a power cut might still bring the old one back.
    NotFlushed(io::Error),
}

/// Writes `bytes` to `target` atomically: a temporary file in the same folder
/// (so the rename never crosses file systems), flushed, renamed over `target`,
/// then the folder flushed. If writing fails the temporary file is removed and
/// `target` is as it was.
pub(crate) fn replace_file(
    disk: &dyn Disk,
    target: &Path,
    bytes: &[u8],
    durability: Durability,
) -> Result<(), ReplaceError> {
    // A bare file name (`out.pdf`) is in the current folder, whose parent
    // path is empty.
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = temp_path(target);
    let sync = durability == Durability::Flushed;
    if let Err(e) = disk.write_new(&temp, bytes, sync) {
        let _ = disk.remove_file(&temp);
        return Err(ReplaceError::NotWritten(e));
    }
    if let Err(e) = disk.rename(&temp, target) {
        let _ = disk.remove_file(&temp);
        return Err(ReplaceError::NotWritten(e));
    }
    if sync {
        disk.sync_dir(dir).map_err(ReplaceError::NotFlushed)?;
    }
    Ok(())
}

/// Writes `bytes` at `target` so that a crash at any moment leaves the old
/// file or the complete new one under that name, never a part of it, and
/// flushes both the file and its folder: for everything written for the user
/// (exports, settings), not only drafts. The folder must exist.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file(&crate::disk::OsDisk, target, bytes, Durability::Flushed)
        .map_err(ReplaceError::into_io)
}

/// Writes `bytes` at `target` as [`write_atomically`] does, without flushing:
/// a crashed program leaves the old file or the new one, but a power cut may
/// lose the new content. For caches, which are checked when read.
pub fn write_unflushed(target: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file(&crate::disk::OsDisk, target, bytes, Durability::Unflushed)
        .map_err(ReplaceError::into_io)
}

impl ReplaceError {
    /// The file-system error, whichever step it came from.
    pub(crate) fn into_io(self) -> io::Error {
        match self {
            ReplaceError::NotWritten(e) | ReplaceError::NotFlushed(e) => e,
        }
    }
}

/// A temporary name beside `target` that no other writer (thread, process)
/// picks: a dot so listings skip it, the target's name, the process id, a
/// counter and random letters.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = format!(
        ".{name}.{}-{n}-{:08x}{TEMP_SUFFIX}",
        std::process::id(),
        fastrand::u32(..)
    );
    target.with_file_name(temp)
}

/// True for the name of a temporary file this module makes.
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disk::OsDisk;

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("a.release.json");
        replace_file(&OsDisk, &target, b"one", Durability::Flushed).expect("first");
        replace_file(&OsDisk, &target, b"two", Durability::Unflushed).expect("second");
        assert_eq!(std::fs::read(&target).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["a.release.json"]);
    }

    #[test]
    fn temporary_names_are_recognised_and_unique() {
        let target = Path::new("/lib/a.release.json");
        let a = temp_path(target);
        let b = temp_path(target);
        assert_ne!(a, b);
        let name = a.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(is_temp_name(name), "{name}");
        assert!(!is_temp_name("a.release.json"));
        assert_eq!(a.parent(), target.parent());
    }
}
