//! A full disk and a read-only folder: every failing write reports a clear
//! error naming the file, and nothing that was saved before is lost.
//!
//! The fault-injecting disk makes each step of a save fail in turn. The same
//! scenarios also run on a real, tiny tmpfs, which only root can mount: that
//! test is ignored by a plain `cargo test` and `scripts/test.sh` runs it as
//! root (`--ignored`), as CI does; run as any other user, it fails.

mod common;

use common::{EIO, ENOSPC, EROFS, Fixture, Step, bytes_of, fixture, temp_files, with_headline};
use release_drafts::{DraftsError, Library, Template};
use std::fs;
use std::path::Path;

/// Saves `v1`, then checks that saving `v2` fails with `code` and leaves
/// `v1` in place, no temporary file behind, and that the save works once the
/// disk is healed.
fn save_fails_and_keeps_the_previous_version(f: &Fixture, arm: impl Fn(), code: &str) {
    let v1 = with_headline("Saved before the disk filled up");
    let v2 = with_headline("Edited while the disk was full, with more words in the headline");
    f.library.save("launch", &v1, None).expect("first save");
    let history_before = f.library.history("launch").expect("history").len();
    arm();
    let err = f.library.save("launch", &v2, None).expect_err("fails");
    assert_eq!(err.code(), code, "{err}");
    assert_eq!(err.file(), Some(f.file("launch").as_path()));
    let message = err.to_string();
    assert!(message.contains("launch.release.json"), "{message}");
    assert_eq!(fs::read(f.file("launch")).expect("reads"), bytes_of(&v1));
    assert!(
        temp_files(f.path()).is_empty(),
        "{:?}",
        temp_files(f.path())
    );
    let history = f.path().join(".release-composer/history/launch");
    assert!(temp_files(&history).is_empty());
    assert_eq!(
        f.library.load("launch").expect("loads").draft,
        v1,
        "the previous version still loads"
    );
    f.disk.heal();
    let history_after = f.library.history("launch").expect("history").len();
    assert!(history_after >= history_before);
    f.library
        .save("launch", &v2, None)
        .expect("saves once healed");
    assert_eq!(fs::read(f.file("launch")).expect("reads"), bytes_of(&v2));
}

#[test]
fn a_full_disk_at_any_write_keeps_the_previous_version() {
    // skip 0: the history snapshot fails; skip 1: the draft file itself.
    for skip in 0..2 {
        let f = fixture();
        save_fails_and_keeps_the_previous_version(
            &f,
            || f.disk.fail(Step::WriteNew, ENOSPC, skip),
            "disk-full",
        );
    }
}

#[test]
fn a_read_only_folder_at_any_write_keeps_the_previous_version() {
    for (step, skip) in [
        (Step::WriteNew, 0),
        (Step::WriteNew, 1),
        (Step::Rename, 0),
        (Step::Rename, 1),
    ] {
        let f = fixture();
        save_fails_and_keeps_the_previous_version(
            &f,
            || f.disk.fail(step, EROFS, skip),
            "read-only",
        );
    }
}

#[test]
fn a_failing_flush_is_reported() {
    let f = fixture();
    save_fails_and_keeps_the_previous_version(
        &f,
        || f.disk.fail(Step::WriteNew, EIO, 1),
        "io-error",
    );

    // The folder flush after the rename: the new version is in place, and
    // the error says it is not confirmed.
    let f = fixture();
    f.library
        .save("launch", &with_headline("One"), None)
        .expect("saves");
    f.disk.fail(Step::SyncDir, EIO, 0);
    let err = f
        .library
        .save("launch", &with_headline("Two"), None)
        .expect_err("not flushed");
    assert_eq!(err.code(), "not-flushed");
    assert!(err.to_string().contains("launch.release.json"), "{err}");
    assert_eq!(f.headline("launch"), "Two");
}

#[test]
fn a_full_disk_fails_autosave_and_create_without_harm() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    f.disk.fail(Step::WriteNew, ENOSPC, 0);

    let err = f
        .library
        .autosave(&opened.id, &with_headline("Typing"))
        .expect_err("fails");
    assert_eq!(err.code(), "disk-full");
    assert!(
        err.to_string()
            .contains(&format!("{}.release.json", opened.id))
    );
    assert_eq!(
        fs::read_to_string(f.file(&opened.id)).expect("reads"),
        release_model::EXAMPLE_JSON
    );

    let err = f.library.create(Template::Blank).expect_err("fails");
    assert_eq!(err.code(), "disk-full");
    let err = f.library.duplicate(&opened.id).expect_err("fails");
    assert_eq!(err.code(), "disk-full");
    f.disk.heal();
    let listed = f.library.list().expect("lists");
    assert_eq!(listed.len(), 1, "no half-made drafts: {listed:?}");
    assert!(temp_files(f.path()).is_empty());
}

#[test]
fn a_conflict_on_a_full_disk_keeps_the_file_and_reports_the_disk() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    fs::write(f.file(&opened.id), bytes_of(&with_headline("Theirs"))).expect("external edit");
    f.disk.fail(Step::WriteNew, ENOSPC, 0);
    let err = f
        .library
        .save(&opened.id, &with_headline("Ours"), Some(&opened.revision))
        .expect_err("fails");
    // Ours could not be kept as a copy: the app still has it and must be told.
    assert_eq!(err.code(), "disk-full");
    assert_eq!(f.headline(&opened.id), "Theirs");
}

#[test]
fn a_read_only_library_still_lists_loads_and_searches() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    fs::remove_file(f.path().join(".release-composer/index.json")).ok();
    f.disk.fail_everything(EROFS);
    assert_eq!(f.library.list().expect("lists").len(), 1);
    assert_eq!(f.library.search("asia").expect("searches").len(), 1);
    f.library.load(&opened.id).expect("loads");
    f.library.history(&opened.id).expect("history");

    for err in [
        f.library.delete(&opened.id).expect_err("delete"),
        f.library
            .save(&opened.id, &with_headline("x"), None)
            .map(|_| ())
            .expect_err("save"),
        f.library
            .autosave(&opened.id, &with_headline("x"))
            .expect_err("autosave"),
    ] {
        assert_eq!(err.code(), "read-only", "{err}");
        assert!(err.file().is_some());
    }
    f.disk.heal();
    assert_eq!(
        fs::read_to_string(f.file(&opened.id)).expect("reads"),
        release_model::EXAMPLE_JSON
    );
}

#[test]
fn trash_moves_that_fail_leave_the_draft_in_place() {
    let f = fixture();
    f.library
        .save("a", &with_headline("A"), None)
        .expect("saves");
    f.disk.fail(Step::Rename, EROFS, 0);
    assert_eq!(
        f.library.delete("a").expect_err("fails").code(),
        "read-only"
    );
    f.disk.heal();
    assert_eq!(f.library.list().expect("lists").len(), 1);
    assert!(
        f.library.trash().expect("trash").is_empty(),
        "no empty trash entry"
    );
}

// ---- the real thing: a tiny tmpfs ----

/// A tmpfs mounted on a temporary folder, unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Result<Tmpfs, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let out = std::process::Command::new("/usr/bin/mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_owned());
        }
        Ok(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, mode: &str) {
        let status = std::process::Command::new("/usr/bin/mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.path())
            .status()
            .expect("runs mount");
        assert!(status.success(), "remount {mode}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("/usr/bin/umount")
            .arg("-l")
            .arg(self.path())
            .status();
    }
}

/// Fills the file system holding `dir` until a write fails, then frees
/// `leave` bytes. Returns the filler's path.
fn fill(dir: &Path, leave: usize) -> std::path::PathBuf {
    use std::io::Write;
    let filler = dir.join("filler");
    let mut file = fs::File::create(&filler).expect("creates filler");
    let chunk = vec![0u8; 4096];
    let mut written = 0usize;
    while file.write_all(&chunk).is_ok() {
        written += chunk.len();
    }
    drop(file);
    let keep = written.saturating_sub(leave);
    fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .and_then(|f| f.set_len(keep as u64))
        .expect("frees some space");
    filler
}

/// The user this test runs as, from /proc/self/status (`Uid:` real, effective, ...).
fn effective_uid() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

#[test]
#[ignore = "needs root to mount a tmpfs: scripts/test.sh runs it as root with --ignored"]
fn real_full_disk_and_read_only_folder_as_root() {
    assert_eq!(
        effective_uid(),
        Some(0),
        "this test mounts a 1 MB tmpfs and needs root"
    );
    let tmpfs = Tmpfs::mount("1m").unwrap_or_else(|reason| {
        panic!("cannot mount a tmpfs as root ({reason}): the real full disk was not tested")
    });
    let library = Library::open(tmpfs.path().join("drafts")).expect("opens");
    let v1 = with_headline("Saved while there was room");
    library.save("launch", &v1, None).expect("first save");
    let file = library.file_of("launch").expect("file");

    // Full: room for less than one more copy of a bigger draft.
    let mut big = with_headline("Much longer now");
    let paragraph = big.release.body[0].clone();
    big.release.body.extend(std::iter::repeat_n(paragraph, 40));
    let filler = fill(tmpfs.path(), 8 * 1024);
    let err = library.save("launch", &big, None).expect_err("disk full");
    assert_eq!(err.code(), "disk-full", "{err}");
    assert!(matches!(err, DraftsError::SaveFailed { .. }));
    assert!(err.to_string().contains("launch.release.json"), "{err}");
    assert_eq!(fs::read(&file).expect("reads"), bytes_of(&v1));
    assert!(temp_files(library.dir()).is_empty());
    assert_eq!(library.load("launch").expect("loads").draft, v1);
    let err = library.autosave("launch", &big).expect_err("disk full");
    assert_eq!(err.code(), "disk-full", "{err}");
    fs::remove_file(&filler).expect("frees");
    library.save("launch", &big, None).expect("saves with room");

    // Read-only: nothing can be written, everything can be read.
    tmpfs.remount("ro");
    let err = library.save("launch", &v1, None).expect_err("read-only");
    assert_eq!(err.code(), "read-only", "{err}");
    assert!(err.to_string().contains("launch.release.json"), "{err}");
    assert_eq!(
        library.delete("launch").expect_err("read-only").code(),
        "read-only"
    );
    assert_eq!(library.load("launch").expect("loads").draft, big);
    assert_eq!(library.list().expect("lists").len(), 1);
    tmpfs.remount("rw");
    library.save("launch", &v1, None).expect("saves again");
}
