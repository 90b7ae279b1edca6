//! Reading a draft file: its bytes, its modified time from the same open file,
//! and what is wrong with it when it is not a draft.

use crate::time::Timestamp;
use release_model::{Loaded, load};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::time::UNIX_EPOCH;

/// Files larger than this are not drafts; they are reported, not parsed.
pub(crate) const MAX_DRAFT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file in the library is not a readable draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Damage {
    /// A stable name of the problem: `not-json`, `not-utf8`, `too-large`,
    /// `bad-file-name`, or a code of `release_model::LoadError`.
    pub code: String,
    /// What is wrong, for people.
    pub reason: String,
}

impl Damage {
    pub(crate) fn new(code: &str, reason: impl Into<String>) -> Damage {
        Damage {
            code: code.to_owned(),
            reason: reason.into(),
        }
    }
}

/// A file's bytes and when it was last modified.
#[derive(Debug)]
pub(crate) struct FileBytes {
    pub bytes: Vec<u8>,
    pub modified: Timestamp,
    /// The metadata the bytes were read with.
    pub stamp: Stamp,
}

/// What tells one version of a file from another without reading it: size,
/// modified time to the nanosecond and, on Unix, the inode (an atomic save
/// always makes a new one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    pub size: u64,
    pub mtime_ns: u64,
    pub inode: u64,
}

impl Stamp {
    pub(crate) fn of(meta: &fs::Metadata) -> Stamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
            .unwrap_or(0);
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            size: meta.len(),
            mtime_ns,
            inode,
        }
    }
}

/// Reads a file whole. `Ok(None)` when it does not exist. Files larger than
/// [`MAX_DRAFT_BYTES`] are read only that far; [`parse`] reports them.
pub(crate) fn read_file(path: &Path) -> io::Result<Option<FileBytes>> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    let modified = Timestamp::from_system(meta.modified()?);
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(1 << 20));
    file.take(MAX_DRAFT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(Some(FileBytes {
        bytes,
        modified,
        stamp: Stamp::of(&meta),
    }))
}

/// Parses the bytes of a draft file.
pub(crate) fn parse(bytes: &[u8]) -> Result<Loaded, Damage> {
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(Damage::new(
            "too-large",
            format!(
                "larger than {} MB; this is not a draft",
                MAX_DRAFT_BYTES / 1024 / 1024
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Damage::new(
            "not-utf8",
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    load(text).map_err(|e| Damage::new(&e.code().to_string(), e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damage_says_what_is_wrong() {
        assert_eq!(parse(b"").expect_err("empty").code, "empty-file");
        assert_eq!(parse(b"{\"format\":").expect_err("cut").code, "not-json");
        let bad = parse(b"\xff\xfe").expect_err("binary");
        assert_eq!(bad.code, "not-utf8");
        assert!(bad.reason.contains("offset 0"));
        assert!(parse(release_model::EXAMPLE_JSON.as_bytes()).is_ok());
    }

    #[test]
    fn a_missing_file_is_none() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(read_file(&dir.path().join("x")).expect("reads").is_none());
    }
}
