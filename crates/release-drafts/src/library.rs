//! The library handle: which folder, which clock, which disk. The operations
//! live in the modules named after them (`save`, `listing`, `history`, …),
//! each adding methods to [`Library`].

use crate::atomic::is_temp_name;
use crate::clock::{Clock, SystemClock};
use crate::disk::{Disk, OsDisk};
use crate::error::{DraftsError, Result};
use crate::id::{generate, validate_id};
use crate::layout::Layout;
use crate::read::{FileBytes, parse, read_file};
use crate::revision::Revision;
use release_model::{Draft, Finding};
use serde::Serialize;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The environment variable that names the library folder, overriding the default.
pub const LIBRARY_ENV: &str = "RELEASE_COMPOSER_LIBRARY";

/// Temporary files older than this were left by a crash and are removed on open.
const STALE_TEMP_MILLIS: i64 = 60 * 60 * 1000;

/// The folder of the drafts library: `$RELEASE_COMPOSER_LIBRARY` when set,
/// else `release-composer/drafts` in the platform's data folder
/// (`$XDG_DATA_HOME`, `~/.local/share` on Linux; `~/Library/Application
/// Support` on macOS; `%APPDATA%` on Windows).
pub fn default_library_dir() -> Result<PathBuf> {
    library_dir_from(std::env::var_os(LIBRARY_ENV), dirs::data_dir())
}

/// [`default_library_dir`] with the environment passed in.
fn library_dir_from(env: Option<OsString>, data_dir: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    data_dir
        .map(|d| d.join("release-composer").join("drafts"))
        .ok_or(DraftsError::NoLibraryDir)
}

/// How a library is opened: the clock, the disk and the seed of new ids.
/// The defaults are the real ones; tests pass a fixed clock, a seed and a
/// disk that fails on demand.
#[derive(Debug, Clone)]
pub struct Options {
    /// Names snapshots and trash entries, dates new ids.
    pub clock: Arc<dyn Clock>,
    /// Every write goes through it.
    pub disk: Arc<dyn Disk>,
    /// Seed of the random part of new ids; `None` seeds from the system.
    pub seed: Option<u64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clock: Arc::new(SystemClock),
            disk: Arc::new(OsDisk),
            seed: None,
        }
    }
}

/// A drafts library: one folder of `ID.release.json` files.
///
/// All methods take `&self` and the type is `Send + Sync`, so the app can keep
/// one in its state and call it from any thread. Writes within one process
/// are serialised; writes from other processes (a second app, the CLI, a sync
/// tool) are detected through [`Revision`]s.
#[derive(Debug)]
pub struct Library {
    pub(crate) layout: Layout,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) disk: Arc<dyn Disk>,
    rng: Mutex<fastrand::Rng>,
    writing: Mutex<()>,
}

/// A draft as loaded or created: everything a window needs to edit it and
/// save it back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opened {
    pub id: String,
    pub draft: Draft,
    /// What loading had to say (a missing `release`); validation is separate.
    pub findings: Vec<Finding>,
    /// Pass this to [`Library::save`] to detect changes made meanwhile.
    pub revision: Revision,
}

impl Library {
    /// Opens the library in `dir`, creating the folder if needed, with the
    /// real clock and disk.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Library> {
        Library::open_with(dir, Options::default())
    }

    /// Opens the library in `dir` with the given clock, disk and id seed.
    pub fn open_with(dir: impl Into<PathBuf>, options: Options) -> Result<Library> {
        let root = dir.into();
        if !root.is_dir() {
            options
                .disk
                .create_dir_all(&root)
                .map_err(|e| DraftsError::io("create the library folder", &root, e))?;
        }
        let rng = match options.seed {
            Some(seed) => fastrand::Rng::with_seed(seed),
            None => fastrand::Rng::new(),
        };
        let library = Library {
            layout: Layout::new(root),
            clock: options.clock,
            disk: options.disk,
            rng: Mutex::new(rng),
            writing: Mutex::new(()),
        };
        library.sweep_stale_temps();
        Ok(library)
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        self.layout.root()
    }

    /// The file of draft `id`, after checking the id.
    pub fn file_of(&self, id: &str) -> Result<PathBuf> {
        validate_id(id)?;
        Ok(self.layout.draft(id))
    }

    /// Loads draft `id`. A file that is not a readable draft is reported as
    /// [`DraftsError::Damaged`] and left as it is.
    pub fn load(&self, id: &str) -> Result<Opened> {
        let file = self.file_of(id)?;
        self.load_from(&file, id)
    }

    /// Reads and parses `file` (checked by the caller) as the draft that
    /// will be called `id`. Damaged: [`DraftsError::Damaged`], left as it is.
    pub(crate) fn load_from(&self, file: &Path, id: &str) -> Result<Opened> {
        let read = self.read_existing(file)?;
        let loaded = parse(&read.bytes).map_err(|damage| DraftsError::Damaged {
            file: file.to_owned(),
            reason_code: damage.code,
            reason: damage.reason,
        })?;
        Ok(Opened {
            id: id.to_owned(),
            draft: loaded.draft,
            findings: loaded.findings,
            revision: Revision::of(&read.bytes, read.modified),
        })
    }

    /// The current revision of draft `id`, without parsing it.
    pub fn revision(&self, id: &str) -> Result<Revision> {
        let file = self.file_of(id)?;
        let read = self.read_existing(&file)?;
        Ok(Revision::of(&read.bytes, read.modified))
    }

    /// Reads a file that must exist.
    pub(crate) fn read_existing(&self, file: &Path) -> Result<FileBytes> {
        read_file(file)
            .map_err(|e| DraftsError::io("read", file, e))?
            .ok_or_else(|| DraftsError::NotFound {
                file: file.to_owned(),
            })
    }

    /// Holds off other writers of this process while alive.
    pub(crate) fn write_lock(&self) -> MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A fresh id no draft, history or recovery copy uses yet.
    pub(crate) fn new_id(&self) -> String {
        let now = self.clock.now();
        let mut rng = self.rng.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let id = generate(now, &mut rng);
            let taken = self.layout.draft(&id).exists()
                || self.layout.history(&id).exists()
                || self.layout.recovery(&id).exists();
            if !taken {
                return id;
            }
        }
    }

    /// Creates a folder of the library's own, reporting failure as a failed
    /// save of `file`.
    pub(crate) fn ensure_dir(&self, dir: &Path, file: &Path) -> Result<()> {
        if dir.is_dir() {
            return Ok(());
        }
        self.disk
            .create_dir_all(dir)
            .map_err(|source| DraftsError::SaveFailed {
                file: file.to_owned(),
                source,
            })
    }

    /// Removes temporary files that a crashed writer left more than an hour
    /// ago. Younger ones may belong to a writer still at work.
    fn sweep_stale_temps(&self) {
        let now = self.clock.now();
        for dir in [
            self.layout.root().to_owned(),
            self.layout.state(),
            self.layout.recovery_dir(),
        ] {
            remove_stale_temps(self.disk.as_ref(), &dir, now.millis());
        }
    }
}

/// Removes temporary files in `dir` older than an hour before `now_millis`.
pub(crate) fn remove_stale_temps(disk: &dyn Disk, dir: &Path, now_millis: i64) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !is_temp_name(&name.to_string_lossy()) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .map(|t| now_millis - crate::time::Timestamp::from_system(t).millis());
        if matches!(age, Ok(age) if age > STALE_TEMP_MILLIS) {
            let _ = disk.remove_file(&entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_overrides_the_data_folder() {
        let data = Some(PathBuf::from("/home/u/.local/share"));
        assert_eq!(
            library_dir_from(None, data.clone()).expect("dir"),
            Path::new("/home/u/.local/share/release-composer/drafts")
        );
        assert_eq!(
            library_dir_from(Some("/srv/drafts".into()), data.clone()).expect("dir"),
            Path::new("/srv/drafts")
        );
        assert_eq!(
            library_dir_from(Some("".into()), data).expect("dir"),
            Path::new("/home/u/.local/share/release-composer/drafts")
        );
        assert_eq!(
            library_dir_from(None, None).expect_err("none").code(),
            "no-library-dir"
        );
    }
}
