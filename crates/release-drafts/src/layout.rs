//! Where things live inside a library folder. Drafts are plain files at the
//! top, so a person can copy, mail or back one up; everything the library
//! keeps for itself lives in one hidden folder beside them:
//!
//! ```text
//! DIR/ID.release.json                               the drafts (the truth)
//! DIR/ID (conflicted copy …).release.json            sync tools' conflict copies
//! DIR/assets/SHA256.jpg                            photos, by their content's hash
//! DIR/.release-composer/index.json                  listing cache
//! DIR/.release-composer/recovery/ID.release.json    autosave slots
//! DIR/.release-composer/history/ID/REV.release.json snapshots
//! DIR/.release-composer/trash/STAMP-ID/…            deleted drafts
//! DIR/.release-composer/quarantine/ID-STAMP.release.json  damaged files moved aside
//! ```
//!
//! Paths are only ever built from ids and revision names that were
//! validated first.

use crate::conflicts::conflict_copy_of;
use std::path::{Path, PathBuf};

/// The extension of every draft file.
pub const EXTENSION: &str = ".release.json";
/// The library's own folder inside the library folder.
pub(crate) const STATE_DIR: &str = ".release-composer";

/// The paths of one library folder.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    root: PathBuf,
}

impl Layout {
    pub(crate) fn new(root: PathBuf) -> Layout {
        Layout { root }
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The file of the draft `id` (validated by the caller).
    pub(crate) fn draft(&self, id: &str) -> PathBuf {
        self.root.join(format!("{id}{EXTENSION}"))
    }

    /// The file named `name` at the top of the folder; `name` was checked
    /// to be one plain file name (a conflict copy's, see [`classify`]).
    pub(crate) fn file(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    pub(crate) fn state(&self) -> PathBuf {
        self.root.join(STATE_DIR)
    }

    pub(crate) fn index(&self) -> PathBuf {
        self.state().join("index.json")
    }

    pub(crate) fn recovery_dir(&self) -> PathBuf {
        self.state().join("recovery")
    }

    pub(crate) fn recovery(&self, id: &str) -> PathBuf {
        self.recovery_dir().join(format!("{id}{EXTENSION}"))
    }

    pub(crate) fn history(&self, id: &str) -> PathBuf {
        self.state().join("history").join(id)
    }

    pub(crate) fn snapshot(&self, id: &str, revision: &str) -> PathBuf {
        self.history(id).join(format!("{revision}{EXTENSION}"))
    }

    pub(crate) fn trash(&self) -> PathBuf {
        self.state().join("trash")
    }

    pub(crate) fn quarantine(&self) -> PathBuf {
        self.state().join("quarantine")
    }
}

/// What a file at the top of the library folder is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DraftFile<'a> {
    /// `ID.release.json`: a draft, with the id still to be validated (a
    /// file whose name is not a valid id is listed as damaged).
    Draft(&'a str),
    /// A sync tool's conflict copy of draft `of` (a valid id), named by its
    /// whole file name.
    ConflictCopy { of: &'a str },
}

/// What the file `name` is, or `None` when it is not the library's
/// business: hidden files (the state folder, temporary files of atomic
/// writes), `assets/`, files of other extensions.
pub(crate) fn classify(name: &str) -> Option<DraftFile<'_>> {
    if let Some(of) = conflict_copy_of(name) {
        return Some(DraftFile::ConflictCopy { of });
    }
    id_of_file_name(name).map(DraftFile::Draft)
}

/// The id part of a draft file name, if it is one (`ID.release.json`, not
/// hidden). The id still has to be validated.
pub(crate) fn id_of_file_name(name: &str) -> Option<&str> {
    if name.starts_with('.') {
        return None;
    }
    name.strip_suffix(EXTENSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_ids() {
        assert_eq!(id_of_file_name("launch.release.json"), Some("launch"));
        assert_eq!(id_of_file_name("launch.json"), None);
        assert_eq!(id_of_file_name(".launch.release.json.1-2-3.tmp"), None);
        assert_eq!(id_of_file_name(".release.json"), None);
    }

    #[test]
    fn conflict_copies_are_told_from_drafts() {
        assert_eq!(classify("a.release.json"), Some(DraftFile::Draft("a")));
        assert_eq!(
            classify("a (conflicted copy 2021-12-09).release.json"),
            Some(DraftFile::ConflictCopy { of: "a" })
        );
        assert_eq!(
            classify("a.release (conflicted copy 2021-12-09).json"),
            Some(DraftFile::ConflictCopy { of: "a" })
        );
        assert_eq!(
            classify("a (copy).release.json"),
            Some(DraftFile::Draft("a (copy)"))
        );
        assert_eq!(classify(".a (conflicted copy).release.json"), None);
        assert_eq!(classify("index.json"), None);
        assert_eq!(classify("assets"), None);
    }

    #[test]
    fn everything_stays_inside_the_folder() {
        let layout = Layout::new(PathBuf::from("/lib"));
        assert_eq!(layout.draft("a"), Path::new("/lib/a.release.json"));
        assert!(
            layout
                .snapshot("a", "r")
                .starts_with("/lib/.release-composer/history/a")
        );
        assert!(layout.recovery("a").starts_with(layout.state()));
    }
}
