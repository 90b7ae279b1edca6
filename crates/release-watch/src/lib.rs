//! Watching the drafts library and the snippets folder, so that a window
//! can reload its list when a sync tool, another window or the command line
//! changes a file on disk.
//!
//! A [`Watcher`] watches each folder (not its subfolders) with the
//! platform's own notifications (the `notify` crate's recommended watcher:
//! inotify on Linux) and calls back, on a thread of its own, with the kinds
//! of folder that changed, in batches: once the folder has been quiet for a
//! while after the last event, so a sync tool writing fifty drafts causes a
//! few reloads, not fifty.
//!
//! Only the files a list shows count: `*.release.json` in the library
//! folder and `*.snippet.json` in the snippets folder, and the sync tools'
//! conflict copies of those (`ID (conflicted copy 2021-12-09).release.json`,
//! …). The libraries' own bookkeeping never does, so that a reload, which
//! writes the listing cache, cannot cause another: hidden names (the
//! `.release-composer/` state folder with its index, history and recovery
//! copies, the temporary files of atomic writes, the snippets' `.trash`),
//! `assets/`, other files, and opening or reading a file.
//!
//! There is no async runtime inside: the callback is a plain function, which
//! the app forwards to its own runtime.
//!
//! ```no_run
//! use release_watch::{Change, Watcher};
//! use std::time::Duration;
//! let folders = [
//!     (release_drafts::default_library_dir()?, Change::Drafts),
//!     (release_snippets::default_snippets_dir()?, Change::Snippets),
//! ];
//! let watcher = Watcher::start(&folders, Duration::from_millis(150), |changed| {
//!     for change in changed {
//!         println!("reload the {change:?}");
//!     }
//! })?;
//! // … until the window closes:
//! drop(watcher);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use release_model::ErrorCode;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};
use std::{fmt, io};

/// A folder that keeps changing is still reported at the latest this many
/// settling times after its first change.
const MAX_DELAY_SETTLES: u32 = 10;

/// What a watched folder holds, and so which list a change in it affects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    /// The drafts library folder: `*.release.json` files.
    Drafts,
    /// The snippets folder: `*.snippet.json` files.
    Snippets,
}

impl Change {
    /// True when a file named `name` in a folder of this kind is one its
    /// list shows: a draft or snippet file, a damaged one with a bad name, or
    /// a sync tool's conflict copy of one. Hidden names never are.
    pub fn counts(self, name: &str) -> bool {
        if name.starts_with('.') {
            return false;
        }
        let extension = match self {
            Change::Drafts => release_drafts::EXTENSION,
            Change::Snippets => release_snippets::EXTENSION,
        };
        name.ends_with(extension) || release_drafts::conflict_copy_in(name, extension).is_some()
    }
}

/// Why watching could not start. Each names the folder at fault, when
/// there is one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WatchError {
    /// The folder does not exist (yet): create it, then watch it.
    #[error("{}: cannot watch the folder: it does not exist", folder.display())]
    Missing { folder: PathBuf },

    /// The path is not a folder.
    #[error("{}: cannot watch: it is not a folder", folder.display())]
    NotAFolder { folder: PathBuf },

    /// The system refused to watch the folder (a limit on watches, no
    /// permission).
    #[error("{}: cannot watch the folder: {source}", folder.display())]
    Watch {
        folder: PathBuf,
        #[source]
        source: notify::Error,
    },

    /// The system's notifications cannot be used at all.
    #[error("cannot watch folders: {source}")]
    Start {
        #[source]
        source: notify::Error,
    },

    /// The thread that calls back could not be started.
    #[error("cannot start the thread that reports changed folders: {source}")]
    Thread {
        #[source]
        source: io::Error,
    },
}

impl WatchError {
    /// A stable name for the kind of failure, for the UI.
    pub fn code(&self) -> ErrorCode {
        match self {
            WatchError::Missing { .. } => ErrorCode::NotFound,
            WatchError::NotAFolder { .. } => ErrorCode::IoError,
            WatchError::Watch { source, .. } | WatchError::Start { source } => match &source.kind {
                notify::ErrorKind::Io(e) => ErrorCode::of_io(e),
                notify::ErrorKind::PathNotFound => ErrorCode::NotFound,
                _ => ErrorCode::IoError,
            },
            WatchError::Thread { .. } => ErrorCode::Internal,
        }
    }

    /// The folder at fault, when there is one.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            WatchError::Missing { folder }
            | WatchError::NotAFolder { folder }
            | WatchError::Watch { folder, .. } => Some(folder),
            WatchError::Start { .. } | WatchError::Thread { .. } => None,
        }
    }
}

/// What the system's watcher tells the reporting thread.
enum Message {
    /// A file that counts changed in a folder of this kind.
    Changed(Change),
    /// The [`Watcher`] is being dropped.
    Stop,
}

/// Watches folders and reports which changed; watching stops, and no
/// callback runs any more, once it is dropped.
pub struct Watcher {
    /// `None` only while dropping.
    system: Option<RecommendedWatcher>,
    stop: Sender<Message>,
    reporter: Option<JoinHandle<()>>,
    folders: Vec<(PathBuf, Change)>,
}

impl fmt::Debug for Watcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watcher")
            .field("folders", &self.folders)
            .finish_non_exhaustive()
    }
}

impl Watcher {
    /// Watches `folders`, each tagged with what it holds (not their
    /// subfolders). `on_change` is called with the kinds whose folders
    /// changed, each once, in the order of [`Change`], on a thread of the
    /// watcher's own: when no file that counts has changed for `settle`
    /// (150 ms is a good value) after the last change, and at the latest ten
    /// times `settle` after the first, so that a folder that never stops
    /// changing is still reported. So calls are at least `settle` apart.
    ///
    /// A folder that is deleted or moved away while watched is reported
    /// once as a change of its kind and then no longer watched; the others
    /// go on. When the system drops events (its queue overflowed), every
    /// kind is reported.
    ///
    /// Refused, naming the folder, when a folder does not exist or is not a
    /// folder, or the system will not watch it.
    pub fn start(
        folders: &[(PathBuf, Change)],
        settle: Duration,
        on_change: impl Fn(Vec<Change>) + Send + 'static,
    ) -> Result<Watcher, WatchError> {
        let folders = folders
            .iter()
            .map(|(folder, change)| Ok((absolute(folder)?, *change)))
            .collect::<Result<Vec<_>, WatchError>>()?;
        let (tx, rx) = mpsc::channel();
        let sender = tx.clone();
        let watched = folders.clone();
        let mut system = notify::recommended_watcher(move |event: notify::Result<Event>| {
            // A failed event tells nothing about a folder; the next one will.
            if let Ok(event) = event {
                for change in changes(&watched, &event) {
                    // Fails only once the Watcher is gone: nobody to tell.
                    let _ = sender.send(Message::Changed(change));
                }
            }
        })
        .map_err(|source| WatchError::Start { source })?;
        for (folder, _) in &folders {
            system
                .watch(folder, RecursiveMode::NonRecursive)
                .map_err(|source| WatchError::Watch {
                    folder: folder.clone(),
                    source,
                })?;
        }
        let reporter = thread::Builder::new()
            .name("release-watch".to_owned())
            .spawn(move || report(&rx, settle, on_change))
            .map_err(|source| WatchError::Thread { source })?;
        Ok(Watcher {
            system: Some(system),
            stop: tx,
            reporter: Some(reporter),
            folders,
        })
    }

    /// The folders watched, as absolute paths, with their kinds.
    pub fn folders(&self) -> &[(PathBuf, Change)] {
        &self.folders
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // No more events from the system, then the reporter told to stop
        // and waited for, so that no callback runs after the drop, unless
        // the callback itself is dropping the watcher.
        drop(self.system.take());
        let _ = self.stop.send(Message::Stop);
        if let Some(reporter) = self.reporter.take()
            && reporter.thread().id() != thread::current().id()
        {
            // A callback that panicked ended the thread; nothing to report.
            let _ = reporter.join();
        }
    }
}

/// `folder` checked to be a folder, as an absolute path: the system's
/// events name files by the path watched, joined with their names.
fn absolute(folder: &Path) -> Result<PathBuf, WatchError> {
    match std::fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(WatchError::NotAFolder {
                folder: folder.to_owned(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(WatchError::Missing {
                folder: folder.to_owned(),
            });
        }
        Err(e) => {
            return Err(WatchError::Watch {
                folder: folder.to_owned(),
                source: notify::Error::io(e),
            });
        }
    }
    std::path::absolute(folder).map_err(|e| WatchError::Watch {
        folder: folder.to_owned(),
        source: notify::Error::io(e),
    })
}

/// The kinds of folder `event` changes: those whose folder holds a file the
/// event names and that counts, or is itself the path named (the folder was
/// deleted or moved). Opening, reading and closing a file unchanged change
/// nothing.
fn changes(folders: &[(PathBuf, Change)], event: &Event) -> Vec<Change> {
    if event.need_rescan() {
        return folders.iter().map(|(_, change)| *change).collect();
    }
    let relevant = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    };
    if !relevant {
        return Vec::new();
    }
    // The folder itself counts only when it goes away: a change of its own
    // metadata changes no file in it.
    let gone = matches!(
        event.kind,
        EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
    );
    let mut found = Vec::new();
    for path in &event.paths {
        for (folder, change) in folders {
            let in_folder = path.parent() == Some(folder.as_path())
                && path
                    .file_name()
                    .is_some_and(|name| change.counts(&name.to_string_lossy()));
            if (in_folder || (gone && path == folder)) && !found.contains(change) {
                found.push(*change);
            }
        }
    }
    found
}

/// The reporting thread: waits for a change, gathers those that follow
/// until `settle` passes without one (or the batch is
/// [`MAX_DELAY_SETTLES`] settles old), and calls `on_change` with them.
/// Returns when told to stop or when the watcher is gone.
fn report(rx: &Receiver<Message>, settle: Duration, on_change: impl Fn(Vec<Change>)) {
    let longest = settle.saturating_mul(MAX_DELAY_SETTLES);
    loop {
        let mut batch = match rx.recv() {
            Ok(Message::Changed(change)) => vec![change],
            Ok(Message::Stop) | Err(_) => return,
        };
        let deadline = Instant::now() + longest;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match rx.recv_timeout(settle.min(left)) {
                Ok(Message::Changed(change)) => {
                    if !batch.contains(&change) {
                        batch.push(change);
                    }
                }
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        batch.sort();
        on_change(batch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, MetadataKind, RemoveKind, RenameMode};

    fn folders() -> Vec<(PathBuf, Change)> {
        vec![
            (PathBuf::from("/lib"), Change::Drafts),
            (PathBuf::from("/snip"), Change::Snippets),
        ]
    }

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        paths
            .iter()
            .fold(Event::new(kind), |e, p| e.add_path(PathBuf::from(p)))
    }

    #[test]
    fn only_the_files_a_list_shows_count() {
        let counted = [
            "20211208-k3f9qz.release.json",
            "a b.release.json",
            "20211208-k3f9qz (conflicted copy 2021-12-09).release.json",
            "20211208-k3f9qz.release (conflicted copy 2021-12-09).json",
        ];
        for name in counted {
            assert!(Change::Drafts.counts(name), "{name}");
            assert!(!Change::Snippets.counts(name), "{name}");
        }
        for name in [
            ".release-composer",
            ".20211208-k3f9qz.release.json.12-0-0a1b2c3d.tmp",
            "assets",
            "index.json",
            "notes.txt",
            ".trash",
        ] {
            assert!(!Change::Drafts.counts(name), "{name}");
            assert!(!Change::Snippets.counts(name), "{name}");
        }
        assert!(Change::Snippets.counts("about-x.snippet.json"));
        assert!(Change::Snippets.counts("about-x.snippet (conflicted copy 2026-12-01).json"));
        assert!(!Change::Snippets.counts(".about-x.snippet.json.1-2-3.tmp"));
    }

    #[test]
    fn events_name_the_kinds_they_change() {
        let f = folders();
        let write = EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any));
        assert_eq!(
            changes(&f, &event(write, &["/lib/a.release.json"])),
            [Change::Drafts]
        );
        assert_eq!(
            changes(&f, &event(write, &["/snip/a.snippet.json"])),
            [Change::Snippets]
        );
        // A rename from one folder to the other changes both.
        let both = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert_eq!(
            changes(
                &f,
                &event(both, &["/lib/a.release.json", "/snip/a.snippet.json"])
            ),
            [Change::Drafts, Change::Snippets]
        );
        // Bookkeeping, other folders, subfolders.
        for path in [
            "/lib/.release-composer",
            "/lib/.a.release.json.1-2-3.tmp",
            "/lib/.release-composer/index.json",
            "/lib/assets/x.release.json",
            "/elsewhere/a.release.json",
            "/lib/a.snippet.json",
        ] {
            assert_eq!(changes(&f, &event(write, &[path])), [], "{path}");
        }
        // Reading a file changes nothing.
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Other,
        ] {
            assert_eq!(changes(&f, &event(kind, &["/lib/a.release.json"])), []);
        }
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert_eq!(
            changes(&f, &event(closed, &["/lib/a.release.json"])),
            [Change::Drafts]
        );
        // The folder itself goes away; its own metadata is no change.
        let gone = EventKind::Remove(RemoveKind::Folder);
        assert_eq!(changes(&f, &event(gone, &["/snip"])), [Change::Snippets]);
        let moved = EventKind::Modify(ModifyKind::Name(RenameMode::From));
        assert_eq!(changes(&f, &event(moved, &["/lib"])), [Change::Drafts]);
        let touched = EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any));
        assert_eq!(changes(&f, &event(touched, &["/lib"])), []);
        assert_eq!(
            changes(&f, &event(touched, &["/lib/a.release.json"])),
            [Change::Drafts]
        );
        let created = EventKind::Create(CreateKind::File);
        assert_eq!(
            changes(&f, &event(created, &["/lib/b.release.json"])),
            [Change::Drafts]
        );
        // Lost events: everything may have changed.
        let overflow = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert_eq!(changes(&f, &overflow), [Change::Drafts, Change::Snippets]);
    }

    #[test]
    fn errors_name_the_folder_and_have_codes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("not yet");
        let err = absolute(&missing).expect_err("missing");
        assert_eq!(err.code(), "not-found");
        assert_eq!(err.folder(), Some(missing.as_path()));
        assert!(err.to_string().contains("not yet"), "{err}");
        assert!(err.to_string().contains("does not exist"), "{err}");
        let file = dir.path().join("a.release.json");
        std::fs::write(&file, "{}").expect("writes");
        let err = absolute(&file).expect_err("a file");
        assert!(matches!(err, WatchError::NotAFolder { .. }), "{err}");
        assert_eq!(err.folder(), Some(file.as_path()));
    }
}
