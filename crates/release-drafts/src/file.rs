//! Draft files outside the library: a `.release.json` double-clicked in a
//! file manager, mailed or on a shared drive. They can be imported into the
//! library as a new draft, or edited where they are under the library's rules:
//! a file that is not a draft is never written over, a save replaces the file
//! atomically (temporary file in the same folder, flushed, renamed), and a file
//! changed on disk since it was loaded is not overwritten.

use crate::atomic::{Durability, replace_file};
use crate::error::{DraftsError, Result};
use crate::library::{Library, Opened};
use crate::read::{parse, read_file};
use crate::revision::Revision;
use crate::time::Timestamp;
use release_model::{Draft, Finding, to_json};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// A draft file read from anywhere on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedFile {
    /// The file, as given.
    pub path: PathBuf,
    pub draft: Draft,
    /// What loading had to say (a missing `release`); validation is separate.
    pub findings: Vec<Finding>,
    /// Pass this to [`save_file`] to detect changes made meanwhile.
    pub revision: Revision,
}

/// Serialises this process's saves of outside files, as the library's write
/// lock does for its own.
static WRITING: Mutex<()> = Mutex::new(());

/// Reads the draft file `path`. A file that is missing, unreadable or not a
/// draft is an error naming it ([`DraftsError::NotADraft`] for the last);
/// nothing is written either way.
pub fn load_file(path: &Path) -> Result<OpenedFile> {
    let read = read_file(path)
        .map_err(|e| DraftsError::io("read", path, e))?
        .ok_or_else(|| DraftsError::NotFound {
            file: path.to_owned(),
        })?;
    let loaded = parse(&read.bytes).map_err(|damage| DraftsError::NotADraft {
        file: path.to_owned(),
        reason_code: damage.code,
        reason: damage.reason,
    })?;
    Ok(OpenedFile {
        path: path.to_owned(),
        draft: loaded.draft,
        findings: loaded.findings,
        revision: Revision::of(&read.bytes, read.modified),
    })
}

/// Saves `draft` over the draft file `path`, which was loaded as `expected`.
///
/// Refused, with nothing written, when the file's content changed since
/// ([`DraftsError::ChangedOnDisk`]: another program or a sync tool wrote it),
/// when it was deleted or moved ([`DraftsError::NotFound`]), or when it no
/// longer holds a draft ([`DraftsError::NotADraft`]). Returns the file's new
/// revision.
pub fn save_file(path: &Path, draft: &Draft, expected: &Revision) -> Result<Revision> {
    let _writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
    let current = read_file(path)
        .map_err(|e| DraftsError::io("read", path, e))?
        .ok_or_else(|| DraftsError::NotFound {
            file: path.to_owned(),
        })?;
    let on_disk = Revision::of(&current.bytes, current.modified);
    if !expected.same_content(&on_disk) {
        return Err(DraftsError::ChangedOnDisk {
            file: path.to_owned(),
        });
    }
    if let Err(damage) = parse(&current.bytes) {
        return Err(DraftsError::NotADraft {
            file: path.to_owned(),
            reason_code: damage.code,
            reason: damage.reason,
        });
    }
    let bytes = to_json(draft).into_bytes();
    if current.bytes == bytes {
        return Ok(on_disk);
    }
    replace_file(&crate::disk::OsDisk, path, &bytes, Durability::Flushed)
        .map_err(|e| DraftsError::replacing(path, e))?;
    let modified = fs::metadata(path)
        .and_then(|m| m.modified())
        .map(Timestamp::from_system)
        .unwrap_or(current.modified);
    Ok(Revision::of(&bytes, modified))
}

impl Library {
    /// Copies `draft` (read from a file outside the library) into the library
    /// as a new draft, under a fresh id.
    pub fn import(&self, draft: Draft) -> Result<Opened> {
        self.create_from(draft)
    }

    /// True when `path` is a draft file of this library (not its trash,
    /// history or recovery copies): its id, to open it as a library draft.
    pub fn id_of_file(&self, path: &Path) -> Option<String> {
        let dir = fs::canonicalize(path.parent()?).ok()?;
        let root = fs::canonicalize(self.dir()).ok()?;
        if dir != root {
            return None;
        }
        let name = path.file_name()?.to_str()?;
        let id = crate::layout::id_of_file_name(name)?;
        crate::id::validate_id(id).ok()?;
        Some(id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Template;

    fn example_file(dir: &Path) -> PathBuf {
        let file = dir.join("launch.release.json");
        fs::write(&file, release_model::EXAMPLE_JSON).expect("write");
        file
    }

    #[test]
    fn edits_in_place_and_refuses_to_overwrite_a_changed_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = example_file(dir.path());
        let opened = load_file(&file).expect("loads");
        let mut draft = opened.draft.clone();
        draft.release.headline = "Edited in place".to_owned();
        let revision = save_file(&file, &draft, &opened.revision).expect("saves");
        assert_eq!(load_file(&file).expect("reloads").draft, draft);
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["launch.release.json"], "no temporary file is left");

        // Someone else writes the file: the next save is refused, nothing written.
        fs::write(&file, release_model::EXAMPLE_JSON).expect("write");
        draft.release.headline = "Second edit".to_owned();
        let err = save_file(&file, &draft, &revision).expect_err("conflict");
        assert_eq!(err.code(), "changed-on-disk");
        assert_eq!(
            fs::read_to_string(&file).expect("read"),
            release_model::EXAMPLE_JSON
        );
    }

    #[test]
    fn a_file_that_is_not_a_draft_is_named_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("notes.release.json");
        fs::write(&file, "{\"hello\": 1}").expect("write");
        let err = load_file(&file).expect_err("not a draft");
        assert_eq!(err.code(), "not-a-draft");
        assert!(err.to_string().contains("notes.release.json"), "{err}");
        let missing = load_file(&dir.path().join("gone.release.json")).expect_err("missing");
        assert_eq!(missing.code(), "not-found");

        // A file turned into something else after loading is not replaced.
        let good = example_file(dir.path());
        let opened = load_file(&good).expect("loads");
        fs::write(&good, "not json").expect("write");
        let err = save_file(&good, &opened.draft, &opened.revision).expect_err("refused");
        assert_eq!(err.code(), "changed-on-disk");
        assert_eq!(fs::read_to_string(&good).expect("read"), "not json");
    }

    #[test]
    fn imports_as_a_new_draft_and_knows_its_own_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let library = Library::open(dir.path().join("lib")).expect("opens");
        let outside = example_file(dir.path());
        let opened = load_file(&outside).expect("loads");
        let imported = library.import(opened.draft.clone()).expect("imports");
        assert_eq!(
            library.load(&imported.id).expect("loads").draft,
            opened.draft
        );
        let own = library.file_of(&imported.id).expect("file");
        assert_eq!(library.id_of_file(&own), Some(imported.id.clone()));
        assert_eq!(library.id_of_file(&outside), None);
        let other = library.create(Template::Blank).expect("creates");
        assert_eq!(
            library.id_of_file(&library.file_of(&other.id).expect("file")),
            Some(other.id)
        );
    }
}
