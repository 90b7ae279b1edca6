//! The watcher on real folders: what is reported, how soon, in how many
//! batches, what never is (the libraries' own bookkeeping), and that
//! nothing is after it is dropped.

use release_drafts::{Library, write_atomically};
use release_watch::{Change, WatchError, Watcher};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const SETTLE: Duration = Duration::from_millis(150);
/// How soon a change must be reported.
const SOON: Duration = Duration::from_secs(1);
/// How long to wait before concluding that nothing is reported.
const QUIET: Duration = Duration::from_millis(500);

/// A library folder and a snippets folder, watched; the batches arrive on
/// `batches`.
struct Watched {
    _dir: TempDir,
    drafts: PathBuf,
    snippets: PathBuf,
    watcher: Option<Watcher>,
    batches: Receiver<Vec<Change>>,
}

impl Watched {
    /// The next batch, within [`SOON`].
    fn next(&self) -> Vec<Change> {
        match self.batches.recv_timeout(SOON) {
            Ok(batch) => batch,
            Err(e) => panic!("no batch within {SOON:?}: {e}"),
        }
    }

    /// Asserts that no batch comes within [`QUIET`].
    fn assert_quiet(&self, after: &str) {
        match self.batches.recv_timeout(QUIET) {
            Err(RecvTimeoutError::Timeout) => {}
            Ok(batch) => panic!("{after}: reported {batch:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("{after}: the watcher is gone"),
        }
    }
}

/// Both folders, with `setup` run on them before watching starts.
fn watched_after(setup: impl FnOnce(&Path, &Path)) -> Watched {
    let dir = tempfile::tempdir().expect("temp dir");
    let drafts = dir.path().join("drafts");
    let snippets = dir.path().join("snippets");
    fs::create_dir(&drafts).expect("mkdir");
    fs::create_dir(&snippets).expect("mkdir");
    setup(&drafts, &snippets);
    let (tx, batches) = mpsc::channel();
    let watcher = Watcher::start(
        &[
            (drafts.clone(), Change::Drafts),
            (snippets.clone(), Change::Snippets),
        ],
        SETTLE,
        move |batch| {
            let _ = tx.send(batch);
        },
    )
    .expect("starts");
    Watched {
        _dir: dir,
        drafts,
        snippets,
        watcher: Some(watcher),
        batches,
    }
}

fn watched() -> Watched {
    watched_after(|_, _| {})
}

fn draft_json(headline: &str) -> String {
    let mut draft = release_model::example();
    draft.release.headline = headline.to_owned();
    release_model::to_json(&draft)
}

#[test]
fn writing_a_draft_or_a_snippet_is_reported_within_a_second() {
    let w = watched();
    let started = Instant::now();
    write_atomically(
        &w.drafts.join("20211208-k3f9qz.release.json"),
        draft_json("One").as_bytes(),
    )
    .expect("writes");
    assert_eq!(w.next(), [Change::Drafts]);
    assert!(started.elapsed() < SOON, "{:?}", started.elapsed());
    // Not before the folder had settled.
    assert!(started.elapsed() >= SETTLE, "{:?}", started.elapsed());

    fs::write(w.snippets.join("about-x.snippet.json"), "{}").expect("writes");
    assert_eq!(w.next(), [Change::Snippets]);

    // Both in one settling time: one batch naming both, in order.
    fs::write(w.snippets.join("about-y.snippet.json"), "{}").expect("writes");
    fs::write(w.drafts.join("b.release.json"), "{}").expect("writes");
    assert_eq!(w.next(), [Change::Drafts, Change::Snippets]);

    // A sync tool's conflict copy counts.
    fs::write(
        w.drafts
            .join("20211208-k3f9qz (conflicted copy 2021-12-09).release.json"),
        draft_json("Theirs"),
    )
    .expect("writes");
    assert_eq!(w.next(), [Change::Drafts]);
    w.assert_quiet("after the last write");
}

#[test]
fn renaming_and_removing_are_reported() {
    let w = watched_after(|drafts, snippets| {
        fs::write(drafts.join("a.release.json"), draft_json("A")).expect("writes");
        fs::write(snippets.join("about-x.snippet.json"), "{}").expect("writes");
    });
    fs::rename(
        w.drafts.join("a.release.json"),
        w.drafts.join("b.release.json"),
    )
    .expect("renames");
    assert_eq!(w.next(), [Change::Drafts]);
    fs::remove_file(w.drafts.join("b.release.json")).expect("removes");
    assert_eq!(w.next(), [Change::Drafts]);
    // Moved out of the folder, into a hidden trash: still a change.
    fs::create_dir(w.snippets.join(".trash")).expect("mkdir");
    fs::rename(
        w.snippets.join("about-x.snippet.json"),
        w.snippets.join(".trash/about-x.snippet.json"),
    )
    .expect("moves");
    assert_eq!(w.next(), [Change::Snippets]);
    w.assert_quiet("after the last change");
}

#[test]
fn the_libraries_own_bookkeeping_is_not_reported() {
    let id = "20211208-k3f9qz";
    let w = watched_after(|drafts, _| {
        let library = Library::open(drafts).expect("opens");
        library
            .save(id, &release_model::example(), None)
            .expect("saves");
    });
    let library = Library::open(&w.drafts).expect("opens");
    // A listing (which writes the index), loading (opens and reads the
    // draft), an autosave (the recovery slot), search.
    library.list().expect("lists");
    library.load(id).expect("loads");
    library
        .autosave(id, &release_model::example())
        .expect("autosaves");
    library.search("dushanbe").expect("searches");
    fs::read(w.drafts.join(format!("{id}.release.json"))).expect("reads");
    // The index, a history snapshot and a temporary file written by hand.
    let state = w.drafts.join(".release-composer");
    fs::write(state.join("index.json"), "{}").expect("writes the index");
    let history = state.join("history").join(id);
    fs::create_dir_all(&history).expect("mkdir");
    fs::write(
        history.join("20211208T100000123Z-9f86d081.release.json"),
        draft_json("Snapshot"),
    )
    .expect("writes a snapshot");
    fs::write(
        w.drafts
            .join(format!(".{id}.release.json.123-0-0a1b2c3d.tmp")),
        "{\"half",
    )
    .expect("writes a temporary file");
    fs::remove_file(
        w.drafts
            .join(format!(".{id}.release.json.123-0-0a1b2c3d.tmp")),
    )
    .expect("removes it");
    // Photos, other files, the snippets' trash.
    fs::create_dir(w.drafts.join("assets")).expect("mkdir");
    fs::write(w.drafts.join("assets").join("9f86d0.jpg"), b"\xff\xd8").expect("writes");
    fs::write(w.drafts.join("notes.txt"), "x").expect("writes");
    fs::create_dir(w.snippets.join(".trash")).expect("mkdir");
    fs::write(w.snippets.join(".trash").join("a.snippet.json"), "{}").expect("writes");
    w.assert_quiet("after bookkeeping");

    // The watcher is alive all the same: a save is reported.
    let mut edited = release_model::example();
    edited.release.headline = "Edited".to_owned();
    library.save(id, &edited, None).expect("saves");
    assert_eq!(w.next(), [Change::Drafts]);
}

#[test]
fn a_burst_of_writes_is_a_few_batches() {
    let w = watched();
    for n in 0..50 {
        fs::write(
            w.drafts.join(format!("draft-{n}.release.json")),
            draft_json(&format!("Draft {n}")),
        )
        .expect("writes");
    }
    let mut batches = Vec::new();
    let started = Instant::now();
    while let Ok(batch) = w.batches.recv_timeout(QUIET) {
        batches.push(batch);
        assert!(started.elapsed() < Duration::from_secs(5), "{batches:?}");
    }
    assert!(
        (1..=5).contains(&batches.len()),
        "{} batches: {batches:?}",
        batches.len()
    );
    assert!(
        batches.iter().all(|b| b == &[Change::Drafts]),
        "{batches:?}"
    );
}

#[test]
fn a_folder_that_keeps_changing_is_still_reported() {
    let w = watched();
    let started = Instant::now();
    let mut first = None;
    // A write every 50 ms for 2.5 s: never quiet for a settling time.
    for n in 0..50 {
        fs::write(w.drafts.join("busy.release.json"), format!("{n}")).expect("writes");
        if first.is_none() && w.batches.try_recv().is_ok() {
            first = Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let first = first.expect("reported while it kept changing");
    assert!(first <= SETTLE * 10 + SOON, "{first:?}");
}

#[test]
fn dropping_the_watcher_stops_the_callbacks() {
    let mut w = watched();
    fs::write(w.drafts.join("a.release.json"), "{}").expect("writes");
    assert_eq!(w.next(), [Change::Drafts]);

    // A change still settling when the watcher is dropped is not reported,
    // nor one after: the callback (and the sender it owns) is gone once the
    // drop returns.
    fs::write(w.drafts.join("b.release.json"), "{}").expect("writes");
    std::thread::sleep(SETTLE / 3);
    drop(w.watcher.take());
    // At once: the drop waited for the reporting thread to end.
    match w.batches.try_recv() {
        Err(TryRecvError::Disconnected) => {}
        Ok(batch) => panic!("reported after the drop: {batch:?}"),
        Err(TryRecvError::Empty) => panic!("the callback outlived the drop"),
    }
    fs::write(w.drafts.join("c.release.json"), "{}").expect("writes");
    match w.batches.recv_timeout(QUIET) {
        Err(RecvTimeoutError::Disconnected) => {}
        Ok(batch) => panic!("reported after the drop: {batch:?}"),
        Err(RecvTimeoutError::Timeout) => panic!("the callback outlived the watcher"),
    }
}

#[test]
fn a_missing_folder_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let drafts = dir.path().join("drafts");
    fs::create_dir(&drafts).expect("mkdir");
    let snippets = dir.path().join("snippets-not-made-yet");
    let err = Watcher::start(
        &[
            (drafts, Change::Drafts),
            (snippets.clone(), Change::Snippets),
        ],
        SETTLE,
        |_| {},
    )
    .expect_err("missing");
    assert!(matches!(err, WatchError::Missing { .. }), "{err:?}");
    assert_eq!(err.folder(), Some(snippets.as_path()));
    assert!(err.to_string().contains("snippets-not-made-yet"), "{err}");
    assert_eq!(err.code(), "not-found");
}

#[test]
fn a_folder_that_disappears_is_reported_and_the_others_go_on() {
    let w = watched_after(|_, snippets| {
        fs::write(snippets.join("about-x.snippet.json"), "{}").expect("writes");
    });
    fs::remove_dir_all(&w.snippets).expect("removes the folder");
    assert_eq!(w.next(), [Change::Snippets]);
    fs::write(w.drafts.join("a.release.json"), "{}").expect("writes");
    assert_eq!(w.next(), [Change::Drafts]);
    // Made again, it is not watched any more (a new Watcher would be).
    fs::create_dir(&w.snippets).expect("mkdir");
    fs::write(w.snippets.join("about-y.snippet.json"), "{}").expect("writes");
    w.assert_quiet("in a folder made again");
    assert!(
        w.watcher
            .as_ref()
            .is_some_and(|watcher| watcher.folders().len() == 2)
    );
}
