//! Helpers shared by the integration tests: a library in a temporary folder
//! with a clock that stands still, drafts that differ, and a disk that fails
//! on demand.
#![allow(dead_code)]

use release_drafts::{Disk, Library, ManualClock, Options, OsDisk, Timestamp};
use release_model::{Draft, example, to_json};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tempfile::TempDir;

/// 2021-12-08T10:00:00Z, the day of the example release.
pub const START: Timestamp = Timestamp::from_millis(1_638_957_600_000);
/// One hour in milliseconds.
pub const HOUR: i64 = 3_600_000;

/// A library in a temporary folder, its clock and its disk.
pub struct Fixture {
    pub dir: TempDir,
    pub clock: Arc<ManualClock>,
    pub disk: Arc<FaultyDisk>,
    pub library: Library,
}

impl Fixture {
    /// The library folder.
    pub fn path(&self) -> &Path {
        self.library.dir()
    }

    /// The file of draft `id`.
    pub fn file(&self, id: &str) -> PathBuf {
        self.path().join(format!("{id}.release.json"))
    }

    /// The headline of draft `id` as the library loads it now.
    pub fn headline(&self, id: &str) -> String {
        self.library.load(id).expect("loads").draft.release.headline
    }

    /// Opens the same folder again, as a second window or a restart would.
    pub fn reopen(&self) -> Library {
        Library::open_with(self.path(), self.options()).expect("reopens")
    }

    fn options(&self) -> Options {
        Options {
            clock: self.clock.clone(),
            disk: self.disk.clone(),
            seed: Some(42),
        }
    }
}

/// A fresh library in a temporary folder (`drafts/` inside it, so the
/// folder's creation is exercised too).
pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = Arc::new(ManualClock::new(START));
    let disk = Arc::new(FaultyDisk::default());
    let library = Library::open_with(
        dir.path().join("drafts"),
        Options {
            clock: clock.clone(),
            disk: disk.clone(),
            seed: Some(7),
        },
    )
    .expect("opens");
    Fixture {
        dir,
        clock,
        disk,
        library,
    }
}

/// The example draft with another headline.
pub fn with_headline(headline: &str) -> Draft {
    let mut draft = example();
    draft.release.headline = headline.to_owned();
    draft
}

/// The bytes the library writes for `draft`.
pub fn bytes_of(draft: &Draft) -> Vec<u8> {
    to_json(draft).into_bytes()
}

/// Names of files in `dir` that are temporary files of an atomic write.
pub fn temp_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
        .collect()
}

/// A step of writing that [`FaultyDisk`] can make fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    WriteNew,
    Rename,
    SyncDir,
    Remove,
    CreateDir,
}

/// A planned failure: after letting `skip` matching steps through, every
/// further one fails with OS error `errno` (a full disk stays full).
#[derive(Debug, Clone, Copy)]
pub struct Fault {
    pub step: Step,
    pub errno: i32,
    pub skip: usize,
}

/// ENOSPC: no space left on device.
pub const ENOSPC: i32 = 28;
/// EROFS: read-only file system.
pub const EROFS: i32 = 30;
/// EIO: input/output error.
pub const EIO: i32 = 5;

/// The real disk, except where a [`Fault`] is planned. A write failing for a
/// full disk or an I/O error writes half the bytes first, as a disk that
/// fills up midway does.
#[derive(Debug, Default)]
pub struct FaultyDisk {
    faults: Mutex<Vec<Fault>>,
}

impl FaultyDisk {
    /// Plans a failure.
    pub fn fail(&self, step: Step, errno: i32, skip: usize) {
        self.lock().push(Fault { step, errno, skip });
    }

    /// Makes every write step fail with `errno`.
    pub fn fail_everything(&self, errno: i32) {
        for step in [
            Step::WriteNew,
            Step::Rename,
            Step::SyncDir,
            Step::Remove,
            Step::CreateDir,
        ] {
            self.fail(step, errno, 0);
        }
    }

    /// Repairs the disk.
    pub fn heal(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Fault>> {
        self.faults.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn check(&self, step: Step) -> io::Result<()> {
        let mut faults = self.lock();
        for fault in faults.iter_mut().filter(|f| f.step == step) {
            if fault.skip > 0 {
                fault.skip -= 1;
            } else {
                return Err(io::Error::from_raw_os_error(fault.errno));
            }
        }
        Ok(())
    }
}

impl Disk for FaultyDisk {
    fn write_new(&self, path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
        if let Err(e) = self.check(Step::WriteNew) {
            if matches!(e.raw_os_error(), Some(ENOSPC | EIO)) {
                OsDisk.write_new(path, &bytes[..bytes.len() / 2], false)?;
            }
            return Err(e);
        }
        OsDisk.write_new(path, bytes, sync)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(Step::Rename)?;
        OsDisk.rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check(Step::SyncDir)?;
        OsDisk.sync_dir(dir)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        self.check(Step::Remove)?;
        OsDisk.remove_file(path)
    }

    fn remove_dir_all(&self, path: &Path) -> io::Result<()> {
        self.check(Step::Remove)?;
        OsDisk.remove_dir_all(path)
    }

    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        self.check(Step::CreateDir)?;
        OsDisk.create_dir_all(path)
    }
}
