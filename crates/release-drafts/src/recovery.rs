//! The autosave slot: a recovery copy of each draft being edited, separate
//! from the draft file, written every time the app autosaves. A save clears
//! it; one still there on the next start, newer than the file and different
//! from it, is what a crash would otherwise have lost.

use crate::atomic::{Durability, replace_file};
use crate::error::{DraftsError, Result};
use crate::id::validate_id;
use crate::layout::id_of_file_name;
use crate::library::Library;
use crate::read::{parse, read_file};
use crate::time::Timestamp;
use release_model::{Draft, to_json};
use serde::Serialize;
use std::fs;
use std::io;

/// A recovery copy worth offering: newer than the draft file and different.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recovered {
    pub id: String,
    /// When the recovery copy was written.
    pub saved: Timestamp,
    pub draft: Draft,
}

impl Library {
    /// Writes `draft` to the recovery slot of draft `id`, leaving the draft
    /// file alone. Atomic and flushed, like a save.
    pub fn autosave(&self, id: &str, draft: &Draft) -> Result<()> {
        validate_id(id)?;
        let slot = self.layout.recovery(id);
        let _writing = self.write_lock();
        self.ensure_dir(&self.layout.recovery_dir(), &slot)?;
        replace_file(
            self.disk.as_ref(),
            &slot,
            to_json(draft).as_bytes(),
            Durability::Flushed,
        )
        .map_err(|e| DraftsError::replacing(&slot, e))
    }

    /// The recovery copy of draft `id`, if there is one worth offering: at
    /// least as new as the draft file (or the file is gone) and different from
    /// it.
    pub fn recovery(&self, id: &str) -> Result<Option<Recovered>> {
        validate_id(id)?;
        let slot = self.layout.recovery(id);
        let Some(copy) = read_file(&slot).map_err(|e| DraftsError::io("read", &slot, e))? else {
            return Ok(None);
        };
        let file = self.layout.draft(id);
        let current = read_file(&file).map_err(|e| DraftsError::io("read", &file, e))?;
        if current.is_some_and(|c| c.bytes == copy.bytes || c.modified > copy.modified) {
            return Ok(None);
        }
        let draft = parse(&copy.bytes)
            .map_err(|damage| DraftsError::Damaged {
                file: slot,
                reason_code: damage.code,
                reason: damage.reason,
            })?
            .draft;
        Ok(Some(Recovered {
            id: id.to_owned(),
            saved: copy.modified,
            draft,
        }))
    }

    /// Every recovery copy worth offering, newest first: what the app asks
    /// about on start. Copies that cannot be read are left out (and left in place).
    pub fn recoveries(&self) -> Result<Vec<Recovered>> {
        let dir = self.layout.recovery_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(DraftsError::io("list", &dir, e)),
        };
        let mut found = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| DraftsError::io("list", &dir, e))?;
            let name = entry.file_name();
            let Some(id) = id_of_file_name(&name.to_string_lossy()).map(str::to_owned) else {
                continue;
            };
            if let Ok(Some(recovered)) = self.recovery(&id) {
                found.push(recovered);
            }
        }
        found.sort_by(|a, b| b.saved.cmp(&a.saved).then_with(|| a.id.cmp(&b.id)));
        Ok(found)
    }

    /// Throws away the recovery copy of draft `id` (the person chose the file).
    pub fn discard_recovery(&self, id: &str) -> Result<()> {
        validate_id(id)?;
        let slot = self.layout.recovery(id);
        match self.disk.remove_file(&slot) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                Err(DraftsError::io("remove the recovery copy", &slot, e))
            }
            _ => Ok(()),
        }
    }
}
