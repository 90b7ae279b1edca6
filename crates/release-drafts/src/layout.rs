//! Where things live inside a library folder. Drafts are plain files at the
//! top, so a person can copy, mail or back one up; everything the library
//! keeps for itself lives in one hidden folder beside them:
//!
//! ```text
//! DIR/ID.release.json                               the drafts (the truth)
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
