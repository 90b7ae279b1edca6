//! The library's photos: `DIR/assets/SHA256.jpg` (or `.png`), named by the
//! SHA-256 of their bytes, so the same image is stored once however many
//! drafts use it. A draft names its photo `assets/SHA256.jpg`, relative to
//! its own file as every draft's photos are. History snapshots, recovery
//! copies and trashed drafts are drafts too: they keep the name, never the
//! bytes. An image is written once, atomically, and removed only when no
//! file of the library refers to it any more ([`Library::collect_assets`]).

use crate::atomic::{Durability, is_temp_name, replace_file};
use crate::error::{DraftsError, Result};
use crate::library::Library;
use sha2::{Digest, Sha256};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The assets folder, inside the library folder.
pub const ASSETS_DIR: &str = "assets";

/// Images younger than this are never collected: a window may have added
/// one and not saved the draft that names it yet.
const GRACE_MILLIS: i64 = 60 * 60 * 1000;

/// The name an image is stored under: the hex SHA-256 of its bytes and
/// its extension.
pub fn asset_name(bytes: &[u8], extension: &str) -> String {
    let digest = Sha256::digest(bytes);
    let mut name = String::with_capacity(64 + 1 + extension.len());
    for byte in digest {
        name.push_str(&format!("{byte:02x}"));
    }
    name.push('.');
    name.push_str(extension);
    name
}

/// True for a name [`asset_name`] makes: 64 hex digits, a dot, `jpg` or `png`.
fn is_asset_name(name: &str) -> bool {
    let Some((hash, extension)) = name.split_once('.') else {
        return false;
    };
    hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && matches!(extension, "jpg" | "png")
}

impl Library {
    /// The assets folder.
    pub fn assets_dir(&self) -> PathBuf {
        self.layout.root().join(ASSETS_DIR)
    }

    /// Stores `bytes` (an image already checked by the caller: the pipeline
    /// reads and checks photos) as an asset, unless the same bytes are
    /// there already, and returns the `file` a draft names it by:
    /// `assets/SHA256.EXT`.
    pub fn add_asset(&self, bytes: &[u8], extension: &str) -> Result<String> {
        if !matches!(extension, "jpg" | "png") {
            return Err(DraftsError::Io {
                action: "store a photo other than a JPEG or PNG",
                file: PathBuf::from(extension),
                source: io::Error::from(io::ErrorKind::InvalidInput),
            });
        }
        let name = asset_name(bytes, extension);
        let dir = self.assets_dir();
        let target = dir.join(&name);
        let _writing = self.write_lock();
        if same_file_there(&target, bytes.len()) {
            return Ok(format!("{ASSETS_DIR}/{name}"));
        }
        self.ensure_dir(&dir, &target)?;
        replace_file(self.disk.as_ref(), &target, bytes, Durability::Flushed)
            .map_err(|e| DraftsError::replacing(&target, e))?;
        Ok(format!("{ASSETS_DIR}/{name}"))
    }

    /// The names of the stored images, sorted.
    pub fn assets(&self) -> Result<Vec<String>> {
        let dir = self.assets_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(DraftsError::io("list", &dir, e)),
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| is_asset_name(n))
            .collect();
        names.sort();
        Ok(names)
    }

    /// Removes the images no file of the library names any more: not a
    /// draft, a recovery copy, a history snapshot, a trashed or a
    /// quarantined draft (a damaged file is searched as it is, so it keeps
    /// what it names too). Images younger than an hour stay. Returns the
    /// names removed.
    pub fn collect_assets(&self) -> Result<Vec<String>> {
        let mut unused = self.assets()?;
        if unused.is_empty() {
            return Ok(unused);
        }
        let _writing = self.write_lock();
        let mut files = Vec::new();
        gather_files(self.layout.root(), &mut files, true);
        for file in files {
            if unused.is_empty() {
                break;
            }
            let Ok(bytes) = fs::read(&file) else {
                // A file that cannot be read may name anything: keep all.
                return Ok(Vec::new());
            };
            unused.retain(|name| !contains(&bytes, name.as_bytes()));
        }
        let now = self.clock.now().millis();
        let dir = self.assets_dir();
        let mut removed = Vec::new();
        for name in unused {
            let path = dir.join(&name);
            let age = fs::metadata(&path)
                .and_then(|m| m.modified())
                .map(|t| now - crate::time::Timestamp::from_system(t).millis());
            if !matches!(age, Ok(age) if age > GRACE_MILLIS) {
                continue;
            }
            self.disk
                .remove_file(&path)
                .map_err(|e| DraftsError::io("remove the unused photo", &path, e))?;
            removed.push(name);
        }
        Ok(removed)
    }
}

/// True when `target` is an image of this size already (its name is its
/// content's hash, so the same size means the same bytes).
fn same_file_there(target: &Path, len: usize) -> bool {
    fs::metadata(target).is_ok_and(|m| m.is_file() && m.len() == len as u64)
}

/// Every file under `dir` that may name a photo: drafts and everything in
/// the library's own folder, not the assets and not temporary files.
fn gather_files(dir: &Path, out: &mut Vec<PathBuf>, top: bool) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !(top && name == ASSETS_DIR) {
                gather_files(&entry.path(), out, false);
            }
        } else if kind.is_file() && !is_temp_name(&name) {
            out.push(entry.path());
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_content_hash() {
        let name = asset_name(b"abc", "jpg");
        assert_eq!(
            name,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.jpg"
        );
        assert!(is_asset_name(&name));
        assert!(!is_asset_name("ba78.jpg"));
        assert!(!is_asset_name(&name.replace(".jpg", ".gif")));
    }
}
