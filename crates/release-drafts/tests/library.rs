//! Every library operation on a real folder: create, load, save, conflicts,
//! list and its index, search, duplicate, titles, ids from outside.

mod common;

use common::{HOUR, START, bytes_of, fixture, temp_files, with_headline};
use release_drafts::{Library, Revision, Template, Timestamp, validate_id};
use release_model::{example, to_json};
use std::fs;
use std::time::Duration;

fn set_modified(path: &std::path::Path, at: Timestamp) {
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(at.to_system()))
        .expect("sets the modified time");
}

#[test]
fn the_library_is_shareable_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Library>();
}

#[test]
fn opening_creates_the_folder() {
    let f = fixture();
    assert!(f.path().is_dir());
    assert!(f.library.list().expect("lists").is_empty());
}

#[test]
fn create_blank_and_from_the_example() {
    let f = fixture();
    let blank = f.library.create(Template::Blank).expect("blank");
    assert!(validate_id(&blank.id).is_ok());
    assert!(blank.id.starts_with("20211208-"), "{}", blank.id);
    assert_eq!(blank.draft.release.dateline.date, "2021-12-08");
    assert_eq!(blank.draft.release.kind, "PRESS RELEASE");
    assert!(f.file(&blank.id).is_file());

    let from_example = f.library.create(Template::Example).expect("example");
    assert_ne!(from_example.id, blank.id);
    assert_eq!(from_example.draft, example());
    assert_eq!(
        fs::read_to_string(f.file(&from_example.id)).expect("reads"),
        release_model::EXAMPLE_JSON
    );
    assert_eq!(f.library.list().expect("lists").len(), 2);
    assert_eq!(f.library.history(&blank.id).expect("history").len(), 1);
}

#[test]
fn load_then_save_with_the_revision() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    let loaded = f.library.load(&opened.id).expect("loads");
    assert_eq!(loaded.draft, opened.draft);
    assert_eq!(loaded.revision, opened.revision);

    let edited = with_headline("A new headline");
    let saved = f
        .library
        .save(&opened.id, &edited, Some(&loaded.revision))
        .expect("saves");
    assert!(saved.snapshot.is_some());
    assert_eq!(
        fs::read(f.file(&opened.id)).expect("reads"),
        bytes_of(&edited)
    );
    assert_eq!(
        f.library.revision(&opened.id).expect("revision"),
        saved.revision
    );

    // The revision from the save is good for the next save.
    let again = with_headline("Another headline");
    f.library
        .save(&opened.id, &again, Some(&saved.revision))
        .expect("saves again");
    assert!(temp_files(f.path()).is_empty());
}

#[test]
fn saving_unchanged_content_writes_nothing() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    let saved = f
        .library
        .save(&opened.id, &opened.draft, Some(&opened.revision))
        .expect("saves");
    assert_eq!(saved.snapshot, None);
    assert_eq!(f.library.history(&opened.id).expect("history").len(), 1);
}

#[test]
fn saving_a_new_id_creates_the_draft() {
    let f = fixture();
    f.library
        .save("launch", &with_headline("Launch"), None)
        .expect("saves");
    let listed = f.library.list().expect("lists");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, "launch");
    assert_eq!(listed[0].summary.headline, "Launch");
}

#[test]
fn a_change_on_disk_is_a_conflict_and_both_versions_are_kept() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    // A second window (another Library on the same folder) saves first.
    let other = f.reopen();
    let theirs = with_headline("Theirs");
    other
        .save(&opened.id, &theirs, Some(&opened.revision))
        .expect("the first save wins");

    let ours = with_headline("Ours");
    let err = f
        .library
        .save(&opened.id, &ours, Some(&opened.revision))
        .expect_err("conflict");
    assert_eq!(err.code(), "conflict");
    assert_eq!(err.file(), Some(f.file(&opened.id).as_path()));
    let release_drafts::DraftsError::Conflict { kept_as, .. } = &err else {
        panic!("not a conflict: {err}");
    };
    assert!(err.to_string().contains(kept_as.as_str()), "{err}");

    // Theirs is untouched on disk; ours is a new draft, titled as a copy.
    assert_eq!(
        fs::read(f.file(&opened.id)).expect("reads"),
        bytes_of(&theirs)
    );
    let kept = f.library.load(kept_as).expect("our copy loads");
    assert_eq!(kept.draft.release.headline, "Ours");
    let listed = f.library.list().expect("lists");
    let copy = listed.iter().find(|e| &e.id == kept_as).expect("listed");
    assert_eq!(copy.summary.title, "Ours (conflicting copy)");
}

#[test]
fn a_sync_tool_editing_the_file_is_a_conflict() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    fs::write(f.file(&opened.id), to_json(&with_headline("Synced"))).expect("external write");
    let err = f
        .library
        .save(&opened.id, &with_headline("Mine"), Some(&opened.revision))
        .expect_err("conflict");
    assert_eq!(err.code(), "conflict");
    assert_eq!(f.headline(&opened.id), "Synced");
}

#[test]
fn touching_a_file_without_changing_it_is_not_a_conflict() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    set_modified(&f.file(&opened.id), START);
    f.library
        .save(&opened.id, &with_headline("Fine"), Some(&opened.revision))
        .expect("saves");
}

#[test]
fn a_malformed_revision_token_is_refused() {
    let err = "yesterday".parse::<Revision>().expect_err("refused");
    assert_eq!(err.code(), "bad-revision-token");
}

#[test]
fn threads_saving_the_same_revision_conflict_instead_of_overwriting() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|n| {
                let (library, opened) = (&f.library, &opened);
                scope.spawn(move || {
                    library.save(
                        &opened.id,
                        &with_headline(&format!("Thread {n}")),
                        Some(&opened.revision),
                    )
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    assert!(
        results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .all(|e| e.code() == "conflict")
    );
    // One original plus three kept copies: nothing was lost.
    assert_eq!(f.library.list().expect("lists").len(), 4);
}

#[test]
fn unknown_fields_survive_a_save() {
    let f = fixture();
    let text = release_model::EXAMPLE_JSON.replacen(
        "\"style\": \"un\",",
        "\"style\": \"un\",\n  \"x-future\": {\"keep\": [1, 2]},",
        1,
    );
    fs::write(f.file("future"), &text).expect("writes");
    let opened = f.library.load("future").expect("loads");
    let mut draft = opened.draft;
    draft.release.headline = "Edited by an older app".to_owned();
    f.library
        .save("future", &draft, Some(&opened.revision))
        .expect("saves");
    let saved = fs::read_to_string(f.file("future")).expect("reads");
    assert!(saved.contains("\"x-future\""), "{saved}");
    assert!(saved.contains("Edited by an older app"));
}

#[test]
fn list_shows_the_summary_sorted_by_modified_time() {
    let f = fixture();
    for (id, headline, hours_ago) in [("old", "Old", 30), ("new", "New", 1), ("mid", "Mid", 5)] {
        f.library
            .save(id, &with_headline(headline), None)
            .expect("saves");
        set_modified(
            &f.file(id),
            Timestamp::from_millis(START.millis() - hours_ago * HOUR),
        );
    }
    let listed = f.library.list().expect("lists");
    let ids: Vec<_> = listed.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["new", "mid", "old"]);
    let new = &listed[0];
    assert_eq!(new.summary.headline, "New");
    assert_eq!(new.summary.kind, "PRESS RELEASE");
    assert_eq!(new.summary.style, "un");
    assert_eq!(new.summary.language, "en");
    assert!(new.summary.words > 100);
    assert_eq!(new.modified, Timestamp::from_millis(START.millis() - HOUR));
    assert!(new.size > 1000);
    assert!(new.damage.is_none());
}

#[test]
fn the_index_follows_the_files() {
    let f = fixture();
    for id in ["a", "b", "c"] {
        f.library.save(id, &with_headline(id), None).expect("saves");
        set_modified(&f.file(id), START);
    }
    assert_eq!(f.library.list().expect("lists").len(), 3);
    let index = f.path().join(".release-composer/index.json");
    assert!(index.is_file());

    // Changed, removed and added behind the library's back.
    fs::write(f.file("a"), to_json(&with_headline("a, edited elsewhere"))).expect("edit");
    set_modified(&f.file("a"), Timestamp::from_millis(START.millis() + HOUR));
    fs::remove_file(f.file("b")).expect("remove");
    fs::write(f.file("d"), to_json(&with_headline("d"))).expect("add");
    let listed = f.reopen().list().expect("lists");
    let headlines: Vec<_> = listed
        .iter()
        .map(|e| (e.id.as_str(), e.summary.headline.as_str()))
        .collect();
    assert!(
        headlines.contains(&("a", "a, edited elsewhere")),
        "{headlines:?}"
    );
    assert!(!headlines.iter().any(|(id, _)| *id == "b"));
    assert!(headlines.contains(&("d", "d")));

    // A corrupt index is rebuilt, and the listing is the same.
    fs::write(&index, b"{ garbage").expect("corrupt");
    assert_eq!(f.library.list().expect("lists"), listed);
    let rebuilt = fs::read_to_string(&index).expect("index");
    assert!(rebuilt.contains("a, edited elsewhere"));
}

#[test]
fn the_index_is_trusted_only_for_unchanged_files() {
    let f = fixture();
    f.library
        .save("a", &with_headline("One"), None)
        .expect("saves");
    set_modified(&f.file("a"), START);
    assert_eq!(f.library.list().expect("lists")[0].summary.headline, "One");
    // Same size, same modified time, new content: the inode tells.
    let text = to_json(&with_headline("Two"));
    let temp = f.path().join("a.tmp-by-an-editor");
    fs::write(&temp, &text).expect("writes");
    fs::rename(&temp, f.file("a")).expect("renames");
    set_modified(&f.file("a"), START);
    assert_eq!(f.library.list().expect("lists")[0].summary.headline, "Two");
}

#[test]
fn files_that_are_not_drafts_are_skipped_or_reported() {
    let f = fixture();
    f.library
        .save("good", &with_headline("Good"), None)
        .expect("saves");
    fs::write(f.path().join("notes.txt"), "not a draft").expect("writes");
    fs::write(f.path().join(".hidden.release.json"), "{}").expect("writes");
    fs::write(
        f.path().join("my launch (copy).release.json"),
        release_model::EXAMPLE_JSON,
    )
    .expect("writes");
    fs::create_dir(f.path().join("folder.release.json")).expect("mkdir");
    let listed = f.library.list().expect("lists");
    assert_eq!(listed.len(), 2, "{listed:?}");
    let odd = listed
        .iter()
        .find(|e| e.id == "my launch (copy)")
        .expect("listed");
    let damage = odd.damage.as_ref().expect("reported");
    assert_eq!(damage.code, "bad-file-name");
    assert!(damage.reason.contains("rename"));
}

#[test]
fn stale_temporary_files_are_swept_on_open_and_never_listed() {
    let f = fixture();
    f.library
        .save("a", &with_headline("A"), None)
        .expect("saves");
    let stale = f.path().join(".a.release.json.1-2-3.tmp");
    let fresh = f.path().join(".a.release.json.4-5-6.tmp");
    fs::write(&stale, "{\"half").expect("writes");
    fs::write(&fresh, "{\"half").expect("writes");
    set_modified(&stale, Timestamp::from_millis(START.millis() - 2 * HOUR));
    set_modified(&fresh, START);
    assert_eq!(f.library.list().expect("lists").len(), 1);
    let _reopened = f.reopen();
    assert!(!stale.exists(), "a crash's leftover is removed");
    assert!(fresh.exists(), "a writer at work is left alone");
}

#[test]
fn search_finds_words_in_headline_and_body() {
    let f = fixture();
    f.library.save("dushanbe", &example(), None).expect("saves");
    f.library
        .save("other", &with_headline("Geneva briefing"), None)
        .expect("saves");
    let mut geneva = with_headline("Geneva briefing");
    geneva.release.body.clear();
    f.library.save("geneva", &geneva, None).expect("saves");
    fs::write(f.file("broken"), "{ not json").expect("writes");

    let ids = |q: &str| -> Vec<String> {
        let mut ids: Vec<_> = f
            .library
            .search(q)
            .expect("searches")
            .into_iter()
            .map(|e| e.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("GENEVA"), ["geneva", "other"]);
    assert_eq!(ids("central asia"), ["dushanbe", "other"], "body words");
    assert_eq!(ids("geneva asia"), ["other"], "every word must match");
    assert_eq!(ids("voron"), ["dushanbe", "other"], "parts of words");
    assert!(ids("zanzibar").is_empty());
    assert_eq!(ids("  ").len(), 4, "an empty query lists everything");
}

#[test]
fn duplicate_makes_a_titled_copy() {
    let f = fixture();
    let original = f.library.create(Template::Example).expect("creates");
    let copy = f.library.duplicate(&original.id).expect("duplicates");
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.draft.release, original.draft.release);
    let listed = f.library.list().expect("lists");
    let entry = listed.iter().find(|e| e.id == copy.id).expect("listed");
    assert!(
        entry.summary.title.ends_with("(copy)"),
        "{:?}",
        entry.summary
    );
    assert_eq!(
        fs::read_to_string(f.file(&original.id)).expect("reads"),
        release_model::EXAMPLE_JSON,
        "the original is untouched"
    );
}

#[test]
fn set_title_renames_in_the_list_and_keeps_history() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    f.clock.advance(1000);
    let saved = f
        .library
        .set_title(&opened.id, "Dushanbe launch", Some(&opened.revision))
        .expect("titles");
    let entry = &f.library.list().expect("lists")[0];
    assert_eq!(entry.summary.title, "Dushanbe launch");
    assert_eq!(entry.summary.display_name(), "Dushanbe launch");
    assert_eq!(f.library.history(&opened.id).expect("history").len(), 2);

    f.clock.advance(1000);
    f.library
        .set_title(&opened.id, "", Some(&saved.revision))
        .expect("clears");
    let entry = &f.library.list().expect("lists")[0];
    assert_eq!(entry.summary.display_name(), entry.summary.headline);
    // A stale revision (the titled version) is a conflict here too.
    let err = f
        .library
        .set_title(&opened.id, "Late", Some(&saved.revision))
        .expect_err("conflict");
    assert_eq!(err.code(), "conflict");
}

#[test]
fn ids_from_outside_never_reach_a_path() {
    let f = fixture();
    let outside = f.dir.path().join("secret.release.json");
    fs::write(&outside, release_model::EXAMPLE_JSON).expect("writes");
    let draft = example();
    for id in [
        "../secret",
        "..",
        "a/b",
        "/tmp/x",
        "a\\b",
        "",
        ".hidden",
        "x y",
    ] {
        let checks = [
            f.library.load(id).map(|_| ()),
            f.library.save(id, &draft, None).map(|_| ()),
            f.library.delete(id),
            f.library.undelete(id),
            f.library.history(id).map(|_| ()),
            f.library.raw_text(id).map(|_| ()),
            f.library.quarantine(id).map(|_| ()),
            f.library.autosave(id, &draft),
            f.library.recovery(id).map(|_| ()),
            f.library.duplicate(id).map(|_| ()),
            f.library.set_title(id, "t", None).map(|_| ()),
            f.library.show_revision(id, "x").map(|_| ()),
        ];
        for result in checks {
            let err = result.expect_err(id);
            assert_eq!(err.code(), "invalid-id", "{id}: {err}");
        }
    }
    // Revision names are checked as strictly.
    f.library.save("a", &draft, None).expect("saves");
    for revision in ["../../secret", "..", "20211208T100000000Z-../../x", ""] {
        let err = f.library.show_revision("a", revision).expect_err(revision);
        assert_eq!(err.code(), "no-such-revision", "{revision}");
    }
    assert_eq!(
        fs::read_to_string(&outside).expect("still there"),
        release_model::EXAMPLE_JSON
    );
    let siblings: Vec<_> = fs::read_dir(f.dir.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        siblings.len(),
        2,
        "nothing new outside the library: {siblings:?}"
    );
}

#[test]
fn missing_drafts_are_named_in_the_error() {
    let f = fixture();
    let err = f.library.load("nothing").expect_err("missing");
    assert_eq!(err.code(), "not-found");
    assert!(err.to_string().contains("nothing.release.json"), "{err}");
    assert_eq!(err.file(), Some(f.file("nothing").as_path()));
}

#[test]
fn saves_are_quick_enough_to_call_on_every_change() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    let mut revision = opened.revision;
    let started = std::time::Instant::now();
    for n in 0..20 {
        f.clock.advance(1000);
        revision = f
            .library
            .save(
                &opened.id,
                &with_headline(&format!("v{n}")),
                Some(&revision),
            )
            .expect("saves")
            .revision;
    }
    // A loose bound for a loaded CI machine; the benchmark measures properly.
    assert!(started.elapsed() < Duration::from_secs(10));
}
