//! The snippets folder and what can be done with one snippet in it: open,
//! add, save with conflict detection, delete to the trash. Listing is in
//! `listing`.

use crate::error::{Result, SnippetsError};
use crate::format::{MAX_SNIPPET_BYTES, from_bytes, to_json};
use crate::names::{EXTENSION, TRASH_DIR, check_id, file_name_of, generate};
use crate::snippet::Snippet;
use release_drafts::{Disk, OsDisk, Revision, Timestamp, write_atomically};
use serde::Serialize;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

/// The environment variable that names the snippets folder, overriding the default.
pub const SNIPPETS_ENV: &str = "RELEASE_COMPOSER_SNIPPETS";

/// The snippets folder: `$RELEASE_COMPOSER_SNIPPETS` when set, else
/// `release-composer/snippets` in the platform's configuration folder
/// (`$XDG_CONFIG_HOME`, `~/.config` on Linux; `~/Library/Application
/// Support` on macOS; `%APPDATA%` on Windows).
pub fn default_snippets_dir() -> Result<PathBuf> {
    snippets_dir_from(std::env::var_os(SNIPPETS_ENV), dirs::config_dir())
}

/// [`default_snippets_dir`] with the environment passed in.
fn snippets_dir_from(env: Option<OsString>, config_dir: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    config_dir
        .map(|d| d.join("release-composer").join("snippets"))
        .ok_or(SnippetsError::NoSnippetsDir)
}

/// A snippets folder: one `ID.snippet.json` file per snippet.
///
/// All methods take `&self` and the type is `Send + Sync`. Writes within one
/// process are serialised; changes by other processes (a colleague's
/// computer through a sync tool, the command line) are detected through
/// [`Revision`]s.
#[derive(Debug)]
pub struct Snippets {
    dir: PathBuf,
    rng: Mutex<fastrand::Rng>,
    writing: Mutex<()>,
}

/// A snippet as read: what an editor needs to change it and save it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// What it was opened by: its id, or a conflicting copy's file name.
    pub id: String,
    pub snippet: Snippet,
    /// Pass this to [`Snippets::save`] to detect changes made meanwhile.
    pub revision: Revision,
}

/// The outcome of a successful add or save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Saved {
    pub id: String,
    /// The file's revision now; pass it to the next save.
    pub revision: Revision,
}

/// A file's bytes (at most one more than a snippet may have) and when it
/// was last modified.
pub(crate) struct FileBytes {
    pub bytes: Vec<u8>,
    pub modified: Timestamp,
}

impl FileBytes {
    pub(crate) fn revision(&self) -> Revision {
        Revision::of(&self.bytes, self.modified)
    }
}

impl Snippets {
    /// Opens the snippets folder `dir`, creating it if needed.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Snippets> {
        let dir = dir.into();
        if !dir.is_dir() {
            fs::create_dir_all(&dir)
                .map_err(|e| SnippetsError::io("create the snippets folder", &dir, e))?;
        }
        Ok(Snippets {
            dir,
            rng: Mutex::new(fastrand::Rng::new()),
            writing: Mutex::new(()),
        })
    }

    /// The snippets folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file `id` names: `ID.snippet.json`, or a sync tool's conflicting
    /// copy by its file name. Anything that could leave the folder is refused.
    pub fn file_of(&self, id: &str) -> Result<PathBuf> {
        Ok(self.dir.join(file_name_of(id)?))
    }

    /// Reads snippet `id` (or a conflicting copy by its listed id). A file
    /// that is not a readable snippet is [`SnippetsError::Damaged`] and left
    /// as it is.
    pub fn get(&self, id: &str) -> Result<Opened> {
        let file = self.file_of(id)?;
        let read = read_existing(&file)?;
        let snippet = from_bytes(&read.bytes).map_err(|e| damaged(&file, &e))?;
        Ok(Opened {
            id: id.to_owned(),
            snippet,
            revision: read.revision(),
        })
    }

    /// Adds `snippet` under a new id (its kind, the date and random letters).
    pub fn add(&self, snippet: &Snippet) -> Result<Saved> {
        snippet.validate()?;
        let _writing = self.write_lock();
        self.write_new(snippet)
    }

    /// Saves `snippet` as snippet `id`, creating it if there is no such file.
    ///
    /// With `expected` (the revision it was opened or last saved at), a file
    /// whose content changed since is not overwritten: the caller's version
    /// is added as a new snippet, named "… (conflicting copy)", and
    /// [`SnippetsError::Conflict`] names it, so both are kept. Without
    /// `expected` the file is replaced whatever it holds, unless it is
    /// damaged: a damaged file is never overwritten. A sync tool's
    /// conflicting copy cannot be saved over: add it as a new snippet.
    ///
    /// Saving what the file already holds writes nothing.
    pub fn save(&self, id: &str, snippet: &Snippet, expected: Option<&Revision>) -> Result<Saved> {
        check_id(id)?;
        snippet.validate()?;
        let file = self.file_of(id)?;
        let bytes = to_json(snippet).into_bytes();
        let _writing = self.write_lock();
        if let Some(current) = read_file(&file).map_err(|e| SnippetsError::io("read", &file, e))? {
            let on_disk = current.revision();
            if expected.is_some_and(|e| !e.same_content(&on_disk)) {
                let kept_as = self.keep_conflicting_copy(snippet)?;
                return Err(SnippetsError::Conflict { file, kept_as });
            }
            if let Err(e) = from_bytes(&current.bytes) {
                return Err(damaged(&file, &e));
            }
            if current.bytes == bytes {
                return Ok(Saved {
                    id: id.to_owned(),
                    revision: on_disk,
                });
            }
        }
        self.write(id, &file, &bytes)
    }

    /// Moves snippet `id` (damaged or not, or a conflicting copy) to the
    /// `.trash` folder inside the snippets folder, as
    /// `.trash/STAMP-FILENAME`, and returns where it went. Nothing is
    /// deleted for good; a person can move it back.
    pub fn delete(&self, id: &str) -> Result<PathBuf> {
        let name = file_name_of(id)?;
        let file = self.dir.join(&name);
        let _writing = self.write_lock();
        if fs::symlink_metadata(&file).is_err() {
            return Err(SnippetsError::NotFound { file });
        }
        let trash = self.dir.join(TRASH_DIR);
        let to_trash = |e| SnippetsError::io("move to the trash", &file, e);
        fs::create_dir_all(&trash).map_err(to_trash)?;
        let mut at = Timestamp::from_system(SystemTime::now());
        let mut target = trash.join(format!("{}-{name}", at.compact()));
        while target.exists() {
            at = Timestamp::from_millis(at.millis() + 1);
            target = trash.join(format!("{}-{name}", at.compact()));
        }
        fs::rename(&file, &target).map_err(to_trash)?;
        // The move is done; flushing makes it survive a power cut.
        let _ = OsDisk.sync_dir(&self.dir);
        Ok(target)
    }

    /// Adds the losing side of a conflict as a new snippet and returns its id.
    fn keep_conflicting_copy(&self, snippet: &Snippet) -> Result<String> {
        let mut copy = snippet.clone();
        copy.name = format!("{} (conflicting copy)", snippet.name.trim_end());
        Ok(self.write_new(&copy)?.id)
    }

    /// Writes `snippet` under a fresh id; the caller holds the write lock.
    fn write_new(&self, snippet: &Snippet) -> Result<Saved> {
        let id = self.new_id(snippet);
        let file = self.file_of(&id)?;
        self.write(&id, &file, to_json(snippet).as_bytes())
    }

    /// The one way a snippet reaches the disk: replaced atomically, so a
    /// crash leaves the old file or the whole new one.
    fn write(&self, id: &str, file: &Path, bytes: &[u8]) -> Result<Saved> {
        write_atomically(file, bytes).map_err(|source| SnippetsError::SaveFailed {
            file: file.to_owned(),
            source,
        })?;
        let modified = fs::metadata(file)
            .and_then(|m| m.modified())
            .unwrap_or_else(|_| SystemTime::now());
        Ok(Saved {
            id: id.to_owned(),
            revision: Revision::of(bytes, Timestamp::from_system(modified)),
        })
    }

    /// A fresh id no file in the folder has.
    fn new_id(&self, snippet: &Snippet) -> String {
        let now = Timestamp::from_system(SystemTime::now());
        let mut rng = self.rng.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let id = generate(snippet.kind(), now, &mut rng);
            let file = self.dir.join(format!("{id}{EXTENSION}"));
            if fs::symlink_metadata(&file).is_err() {
                return id;
            }
        }
    }

    /// Holds off other writers of this process while alive.
    fn write_lock(&self) -> MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The error for a file that is not a snippet.
fn damaged(file: &Path, error: &crate::format::FormatError) -> SnippetsError {
    SnippetsError::Damaged {
        file: file.to_owned(),
        reason_code: error.code().to_string(),
        reason: error.to_string(),
    }
}

/// Reads a file that must exist.
fn read_existing(file: &Path) -> Result<FileBytes> {
    read_file(file)
        .map_err(|e| SnippetsError::io("read", file, e))?
        .ok_or_else(|| SnippetsError::NotFound {
            file: file.to_owned(),
        })
}

/// Reads a file, but never more than one byte past [`MAX_SNIPPET_BYTES`],
/// so that a huge file costs nothing. `Ok(None)` when it does not exist.
pub(crate) fn read_file(path: &Path) -> io::Result<Option<FileBytes>> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let modified = Timestamp::from_system(meta.modified()?);
    let mut bytes = Vec::new();
    file.take(MAX_SNIPPET_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(Some(FileBytes { bytes, modified }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_overrides_the_config_folder() {
        let config = Some(PathBuf::from("/home/u/.config"));
        assert_eq!(
            snippets_dir_from(None, config.clone()).expect("dir"),
            Path::new("/home/u/.config/release-composer/snippets")
        );
        assert_eq!(
            snippets_dir_from(Some("/srv/snippets".into()), config.clone()).expect("dir"),
            Path::new("/srv/snippets")
        );
        assert_eq!(
            snippets_dir_from(Some("".into()), config).expect("dir"),
            Path::new("/home/u/.config/release-composer/snippets")
        );
        assert_eq!(
            snippets_dir_from(None, None).expect_err("none").code(),
            "no-library-dir"
        );
    }
}
