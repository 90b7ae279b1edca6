//! What can be done with a damaged draft: read it as text, or move it aside
//! so it no longer clutters the list. Neither ever changes its bytes.

use crate::error::{DraftsError, Result};
use crate::layout::EXTENSION;
use crate::library::Library;
use crate::read::parse;
use std::fs;
use std::io;
use std::path::PathBuf;

impl Library {
    /// The text of draft `id` as it is on disk, damaged or not, for a person
    /// to read or rescue by hand. Bytes that are not UTF-8 show as `�`.
    pub fn raw_text(&self, id: &str) -> Result<String> {
        let file = self.file_of(id)?;
        let read = self.read_existing(&file)?;
        Ok(String::from_utf8_lossy(&read.bytes).into_owned())
    }

    /// Moves damaged draft `id` out of the list, unchanged, to
    /// `.release-composer/quarantine/ID-STAMP.release.json`, and returns
    /// that path. Its history stays, so a good version can still be restored.
    /// A draft that reads fine is refused: delete it instead.
    pub fn quarantine(&self, id: &str) -> Result<PathBuf> {
        let file = self.file_of(id)?;
        let _writing = self.write_lock();
        let read = self.read_existing(&file)?;
        if parse(&read.bytes).is_ok() {
            return Err(DraftsError::NotDamaged { file });
        }
        let dir = self.layout.quarantine();
        let target = dir.join(format!("{id}-{}{EXTENSION}", self.clock.now().compact()));
        let fail = |e| DraftsError::io("move aside", &file, e);
        self.disk.create_dir_all(&dir).map_err(fail)?;
        if target.exists() {
            return Err(DraftsError::AlreadyExists { file: target });
        }
        self.disk.rename(&file, &target).map_err(fail)?;
        let _ = self.disk.sync_dir(self.layout.root());
        Ok(target)
    }

    /// The files moved aside by [`Library::quarantine`], by name.
    pub fn quarantined(&self) -> Result<Vec<PathBuf>> {
        let dir = self.layout.quarantine();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(DraftsError::io("list", &dir, e)),
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        Ok(files)
    }
}
