//! Sync tools' conflict copies of drafts, on real files: listed beside their
//! draft with `conflict_of`, read by their file name, resolved either way
//! with nothing lost, and never a way out of the library folder.

mod common;

use common::{HOUR, START, bytes_of, fixture, with_headline};
use release_drafts::{Keep, Timestamp, conflict_copy_of};
use std::fs;

const ID: &str = "20211208-k3f9qz";

/// Every form of copy name the library recognises, for draft [`ID`].
const COPY_NAMES: &[&str] = &[
    // Dropbox, Nextcloud (older clients)
    "20211208-k3f9qz (conflicted copy 2021-12-09).release.json",
    // Dropbox, with the computer's owner
    "20211208-k3f9qz (Ana's conflicted copy 2021-12-09).release.json",
    // Nextcloud
    "20211208-k3f9qz (conflicted copy 2021-12-09 101500).release.json",
    // Syncthing
    "20211208-k3f9qz.sync-conflict-20211209-101500-ABCDEFG.release.json",
    // The same marks before the last extension only
    "20211208-k3f9qz.release (conflicted copy 2021-12-09).json",
    "20211208-k3f9qz.release.sync-conflict-20211209-101500-ABCDEFG.json",
    // ownCloud
    "20211208-k3f9qz.release_conflict-20211209-101500.json",
];

fn set_modified(path: &std::path::Path, at: Timestamp) {
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(at.to_system()))
        .expect("sets the modified time");
}

/// Names of the files at the top of the library folder, sorted.
fn top_files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("lists")
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_naming_pattern_is_listed_as_a_conflict_of_its_draft() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("The original"), None)
        .expect("saves");
    for (n, name) in COPY_NAMES.iter().enumerate() {
        fs::write(
            f.path().join(name),
            bytes_of(&with_headline(&format!("Copy {n}"))),
        )
        .expect("writes the copy");
    }
    // OneDrive's copy has a valid id: an ordinary draft.
    let onedrive = format!("{ID}-DESKTOP-AB12");
    fs::write(
        f.file(&onedrive),
        bytes_of(&with_headline("OneDrive's copy")),
    )
    .expect("writes");

    let listed = f.library.list().expect("lists");
    assert_eq!(listed.len(), COPY_NAMES.len() + 2, "{listed:#?}");
    for (n, name) in COPY_NAMES.iter().enumerate() {
        let entry = listed
            .iter()
            .find(|e| e.id == *name)
            .unwrap_or_else(|| panic!("{name} is listed: {listed:#?}"));
        assert_eq!(entry.conflict_of.as_deref(), Some(ID), "{name}");
        assert_eq!(entry.damage, None, "{name}");
        assert_eq!(entry.summary.headline, format!("Copy {n}"), "{name}");
        assert_eq!(entry.group, ID, "{name}");
        assert_eq!(conflict_copy_of(name), Some(ID));
    }
    let original = listed.iter().find(|e| e.id == ID).expect("the draft");
    assert_eq!(original.conflict_of, None);
    assert_eq!(original.summary.headline, "The original");
    let onedrive = listed
        .iter()
        .find(|e| e.id == onedrive)
        .expect("OneDrive's copy");
    assert_eq!(onedrive.conflict_of, None);
    assert_eq!(onedrive.damage, None);

    // `conflict_of` is left out of the JSON of an ordinary draft.
    let json = serde_json::to_value(&listed).expect("serialises");
    let rows = json.as_array().expect("an array");
    assert!(
        rows.iter()
            .filter(|e| e["conflict_of"] == ID)
            .all(|e| e["id"].as_str().is_some_and(|id| id != ID))
    );
    let original = rows.iter().find(|e| e["id"] == ID).expect("the draft");
    assert!(original.get("conflict_of").is_none(), "{original}");

    // The copies are no editions of the release.
    let group = f.library.group(ID).expect("group");
    assert_eq!(group.len(), 1, "{group:#?}");
    assert_eq!(group[0].id, ID);
}

#[test]
fn a_damaged_copy_is_listed_damaged_and_still_names_its_draft() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("The original"), None)
        .expect("saves");
    let name = COPY_NAMES[0];
    fs::write(f.path().join(name), b"{\"format\": \"release-composer/dr").expect("writes");
    // A name that looks like a copy but whose original is not an id stays a
    // bad file name.
    let bad = "con (conflicted copy 2021-12-09).release.json";
    fs::write(f.path().join(bad), bytes_of(&with_headline("x"))).expect("writes");

    let listed = f.library.list().expect("lists");
    let copy = listed.iter().find(|e| e.id == name).expect("listed");
    assert_eq!(copy.conflict_of.as_deref(), Some(ID));
    assert_eq!(
        copy.damage.as_ref().map(|d| d.code.as_str()),
        Some("not-json")
    );
    let err = f.library.load_conflict(name).expect_err("damaged");
    assert_eq!(err.code(), "damaged");
    assert_eq!(err.file(), Some(f.path().join(name).as_path()));

    let odd = listed
        .iter()
        .find(|e| e.id == "con (conflicted copy 2021-12-09)")
        .expect("listed");
    assert_eq!(odd.conflict_of, None);
    assert_eq!(
        odd.damage.as_ref().map(|d| d.code.as_str()),
        Some("bad-file-name")
    );
}

#[test]
fn a_copy_is_read_by_its_listed_name() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("The original"), None)
        .expect("saves");
    let name = COPY_NAMES[3];
    let copy = with_headline("From the laptop");
    fs::write(f.path().join(name), bytes_of(&copy)).expect("writes");
    let listed = f.library.list().expect("lists");
    let entry = listed
        .iter()
        .find(|e| e.conflict_of.is_some())
        .expect("copy");

    let opened = f.library.load_conflict(&entry.id).expect("reads the copy");
    assert_eq!(opened.id, name);
    assert_eq!(opened.draft, copy);
    assert_eq!(
        opened.revision,
        release_drafts::Revision::of(
            &bytes_of(&copy),
            Timestamp::from_system(
                fs::metadata(f.path().join(name))
                    .and_then(|m| m.modified())
                    .expect("modified")
            )
        )
    );
    // It is no draft id: it cannot be saved over by id.
    let err = f.library.save(name, &copy, None).expect_err("not an id");
    assert_eq!(err.code(), "invalid-id");
    // A missing copy is named.
    let gone = f
        .library
        .load_conflict(COPY_NAMES[0])
        .expect_err("no such copy");
    assert_eq!(gone.code(), "not-found");
}

#[test]
fn names_that_are_not_copies_or_leave_the_folder_are_refused() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("The original"), None)
        .expect("saves");
    // A copy outside the library folder, one level up.
    let outside = "x (conflicted copy 2021-12-09).release.json";
    let above = f.path().parent().expect("parent").join(outside);
    fs::write(&above, bytes_of(&with_headline("Outside"))).expect("writes");
    for name in [
        &format!("../{outside}")[..],
        &format!("..\\{outside}"),
        &above.to_string_lossy(),
        "x (../../conflicted copy).release.json",
        "x (conflicted copy ..).release.json",
        "..",
        "",
        "C:x (conflicted copy).release.json",
        ".release-composer/index.json",
        "20211208-k3f9qz.release.json",
        "20211208-k3f9qz",
        "a b.release.json",
        "x (conflicted\ncopy).release.json",
    ] {
        let err = f.library.load_conflict(name).expect_err(name);
        assert_eq!(err.code(), "invalid-id", "{name:?}: {err}");
        assert!(err.to_string().contains("conflict copy"), "{err}");
        let err = f
            .library
            .resolve_conflict(name, Keep::Original)
            .expect_err(name);
        assert_eq!(err.code(), "invalid-id", "{name:?}");
        let err = f
            .library
            .resolve_conflict(name, Keep::Copy)
            .expect_err(name);
        assert_eq!(err.code(), "invalid-id", "{name:?}");
    }
    assert!(above.is_file(), "nothing outside was moved");
    assert_eq!(f.headline(ID), "The original");
    assert!(f.library.trash().expect("trash").is_empty());
}

#[test]
fn keeping_the_copy_saves_it_and_keeps_the_original_in_the_history() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("Saved here"), None)
        .expect("saves");
    // The sync tool brought in the other computer's version, which this
    // library never saved (so it is in no snapshot), and kept ours aside.
    let theirs = bytes_of(&with_headline("Synced from the laptop"));
    fs::write(f.file(ID), &theirs).expect("the sync tool writes");
    let name = COPY_NAMES[2];
    let copy = bytes_of(&with_headline("The copy"));
    fs::write(f.path().join(name), &copy).expect("writes the copy");
    f.clock.advance(HOUR);

    let resolved = f
        .library
        .resolve_conflict(name, Keep::Copy)
        .expect("resolves");
    assert_eq!(resolved.id, ID);
    let saved = resolved.saved.expect("saved");
    assert!(saved.snapshot.is_some());
    assert_eq!(f.headline(ID), "The copy");
    assert_eq!(
        f.library.revision(ID).expect("revision"),
        saved.revision,
        "the revision returned is the file's"
    );

    // The copy is gone from the folder and the list, into the trash.
    assert_eq!(top_files(f.path()), [format!("{ID}.release.json")]);
    let listed = f.library.list().expect("lists");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].conflict_of, None);
    assert_eq!(
        fs::read(resolved.trashed.join(format!("{ID}.release.json"))).expect("in the trash"),
        copy
    );
    let trash = f.library.trash().expect("trash");
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, ID);
    assert_eq!(trash[0].summary.headline, "The copy");

    // Every version is in the history: ours, theirs (kept before it was
    // replaced), and the copy's as the newest.
    let history = f.library.history(ID).expect("history");
    let headlines: Vec<_> = history
        .iter()
        .map(|s| s.summary.headline.as_str())
        .collect();
    assert_eq!(
        headlines,
        ["The copy", "Synced from the laptop", "Saved here"],
        "{history:#?}"
    );
    let theirs_again = f
        .library
        .show_revision(ID, &history[1].revision)
        .expect("shows");
    assert_eq!(bytes_of(&theirs_again), theirs);
    // Restoring it is an ordinary save.
    f.library
        .restore_revision(ID, &history[1].revision, Some(&saved.revision))
        .expect("restores");
    assert_eq!(f.headline(ID), "Synced from the laptop");
}

#[test]
fn keeping_the_copy_keeps_unsaved_autosaves_and_skips_versions_already_kept() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("Saved"), None)
        .expect("saves");
    f.library
        .autosave(ID, &with_headline("Typed, not saved"))
        .expect("autosaves");
    let name = COPY_NAMES[0];
    fs::write(f.path().join(name), bytes_of(&with_headline("The copy"))).expect("writes");
    f.clock.advance(HOUR);

    f.library
        .resolve_conflict(name, Keep::Copy)
        .expect("resolves");
    let headlines: Vec<String> = f
        .library
        .history(ID)
        .expect("history")
        .into_iter()
        .map(|s| s.summary.headline)
        .collect();
    // "Saved" was in the history already: not a second time.
    assert_eq!(
        headlines,
        ["The copy", "Typed, not saved", "Saved"],
        "{headlines:?}"
    );
}

#[test]
fn keeping_the_copy_when_the_draft_holds_it_already_writes_nothing() {
    let f = fixture();
    let same = with_headline("Same on both computers");
    f.library.save(ID, &same, None).expect("saves");
    let name = COPY_NAMES[4];
    fs::write(f.path().join(name), bytes_of(&same)).expect("writes");
    let before = f.library.history(ID).expect("history");
    let resolved = f
        .library
        .resolve_conflict(name, Keep::Copy)
        .expect("resolves");
    assert_eq!(resolved.saved.expect("saved").snapshot, None);
    assert_eq!(f.library.history(ID).expect("history"), before);
    assert_eq!(top_files(f.path()), [format!("{ID}.release.json")]);
}

#[test]
fn keeping_the_original_moves_the_copy_to_the_trash() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("The original"), None)
        .expect("saves");
    let original = fs::read(f.file(ID)).expect("reads");
    let history = f.library.history(ID).expect("history");
    let name = COPY_NAMES[5];
    let copy = bytes_of(&with_headline("The copy"));
    fs::write(f.path().join(name), &copy).expect("writes");

    let resolved = f
        .library
        .resolve_conflict(name, Keep::Original)
        .expect("resolves");
    assert_eq!(resolved.id, ID);
    assert_eq!(resolved.saved, None);
    assert_eq!(fs::read(f.file(ID)).expect("reads"), original);
    assert_eq!(f.library.history(ID).expect("history"), history);
    assert_eq!(top_files(f.path()), [format!("{ID}.release.json")]);
    assert_eq!(
        fs::read(resolved.trashed.join(format!("{ID}.release.json"))).expect("in the trash"),
        copy
    );
    let trash = f.library.trash().expect("trash");
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].summary.headline, "The copy");
    // A second resolve finds nothing to resolve.
    let err = f
        .library
        .resolve_conflict(name, Keep::Original)
        .expect_err("gone");
    assert_eq!(err.code(), "not-found");
}

#[test]
fn a_trashed_copy_comes_back_as_the_draft_when_the_draft_is_gone() {
    let f = fixture();
    let name = COPY_NAMES[0];
    fs::write(f.path().join(name), bytes_of(&with_headline("The copy"))).expect("writes");
    // The draft itself was deleted on this computer meanwhile.
    f.library
        .resolve_conflict(name, Keep::Original)
        .expect("resolves");
    assert!(f.library.list().expect("lists").is_empty());
    f.library.undelete(ID).expect("undeletes");
    assert_eq!(f.headline(ID), "The copy");
}

#[test]
fn damaged_sides_are_never_kept_over_or_lost() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("The original"), None)
        .expect("saves");
    let name = COPY_NAMES[1];
    let damaged = b"{ \"format\": \"release-composer/draft\", ".to_vec();
    fs::write(f.path().join(name), &damaged).expect("writes");
    let original = fs::read(f.file(ID)).expect("reads");

    // A damaged copy cannot become the draft.
    let err = f
        .library
        .resolve_conflict(name, Keep::Copy)
        .expect_err("damaged copy");
    assert_eq!(err.code(), "damaged");
    assert_eq!(fs::read(f.path().join(name)).expect("still there"), damaged);
    assert_eq!(fs::read(f.file(ID)).expect("reads"), original);
    // Keeping the original moves it, unchanged, to the trash.
    let resolved = f
        .library
        .resolve_conflict(name, Keep::Original)
        .expect("resolves");
    assert_eq!(
        fs::read(resolved.trashed.join(format!("{ID}.release.json"))).expect("trashed"),
        damaged
    );

    // A damaged draft is not overwritten by a good copy.
    fs::write(f.file(ID), b"not json").expect("damages the draft");
    let name = COPY_NAMES[0];
    fs::write(f.path().join(name), bytes_of(&with_headline("Good copy"))).expect("writes");
    let err = f
        .library
        .resolve_conflict(name, Keep::Copy)
        .expect_err("damaged draft");
    assert_eq!(err.code(), "damaged");
    assert_eq!(err.file(), Some(f.file(ID).as_path()));
    assert_eq!(fs::read(f.file(ID)).expect("reads"), b"not json");
    assert!(f.path().join(name).is_file());
}

#[test]
fn the_index_caches_copies_and_rereads_them_when_they_change() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("The original"), None)
        .expect("saves");
    set_modified(&f.file(ID), START);
    let name = COPY_NAMES[0];
    let copy = f.path().join(name);
    fs::write(&copy, bytes_of(&with_headline("One"))).expect("writes");
    set_modified(&copy, START);
    let first = f.library.list().expect("lists");
    let index = fs::read_to_string(f.path().join(".release-composer/index.json")).expect("index");
    assert!(index.contains(name), "keyed by file name: {index}");

    // From the index, the same listing.
    assert_eq!(f.reopen().list().expect("lists"), first);

    // A changed copy is read again.
    fs::write(&copy, bytes_of(&with_headline("Two, longer"))).expect("rewrites");
    set_modified(&copy, Timestamp::from_millis(START.millis() + HOUR));
    let listed = f.library.list().expect("lists");
    let entry = listed.iter().find(|e| e.id == name).expect("listed");
    assert_eq!(entry.summary.headline, "Two, longer");
    assert_eq!(entry.conflict_of.as_deref(), Some(ID));

    // Resolved, it leaves the index.
    f.library
        .resolve_conflict(name, Keep::Original)
        .expect("resolves");
    f.library.list().expect("lists");
    let index = fs::read_to_string(f.path().join(".release-composer/index.json")).expect("index");
    assert!(!index.contains("conflicted copy"), "{index}");
}

#[test]
fn an_index_of_the_previous_version_is_not_trusted_for_copies() {
    let f = fixture();
    let name = COPY_NAMES[0];
    let copy = f.path().join(name);
    fs::write(&copy, bytes_of(&with_headline("The copy"))).expect("writes");
    set_modified(&copy, START);
    // What version 2 wrote for this file: a bad file name, settled, with
    // the file's exact stamp.
    let meta = fs::metadata(&copy).expect("stat");
    let mtime_ns = meta
        .modified()
        .expect("mtime")
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_nanos();
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    let cached = serde_json::json!({
        "stamp": { "size": meta.len(), "mtime_ns": mtime_ns, "inode": inode },
        "settled": true,
        "summary": { "title": "", "headline": "", "kind": "", "style": "", "language": "", "words": 0 },
        "damage": { "code": "bad-file-name", "reason": "the file name is not a valid draft id" }
    });
    // Under its stem, as version 2 keyed it, and under its whole name.
    let stem = name.strip_suffix(".release.json").expect("stem");
    let mut entries = serde_json::Map::new();
    entries.insert(stem.to_owned(), cached.clone());
    entries.insert(name.to_owned(), cached);
    let old = serde_json::json!({
        "format": "release-composer/drafts-index",
        "version": 2,
        "entries": entries,
    });
    fs::create_dir_all(f.path().join(".release-composer")).expect("mkdir");
    fs::write(
        f.path().join(".release-composer/index.json"),
        old.to_string(),
    )
    .expect("writes the old index");

    let listed = f.library.list().expect("lists");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].damage, None, "{listed:#?}");
    assert_eq!(listed[0].summary.headline, "The copy");
    assert_eq!(listed[0].conflict_of.as_deref(), Some(ID));
}

#[test]
fn search_reads_the_body_of_a_copy() {
    let f = fixture();
    f.library
        .save(ID, &with_headline("The original"), None)
        .expect("saves");
    let name = COPY_NAMES[6];
    let mut copy = with_headline("The copy");
    copy.release.body = vec![release_model::Block::paragraph(vec![
        release_model::Run::plain("Only the laptop knew about Zanzibar."),
    ])];
    fs::write(f.path().join(name), bytes_of(&copy)).expect("writes");
    let found = f.library.search("zanzibar").expect("searches");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].id, name);
}
