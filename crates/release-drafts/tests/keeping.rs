//! What keeps drafts from being lost: history, the autosave slot, the trash
//! and the handling of damaged files.

mod common;

use common::{HOUR, START, bytes_of, fixture, with_headline};
use release_drafts::{KEEP_RECENT, Template, Timestamp};
use release_model::to_json;
use std::collections::BTreeSet;
use std::fs;

#[test]
fn history_lists_shows_and_restores() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    let mut revision = opened.revision;
    for headline in ["Second", "Third"] {
        f.clock.advance(60_000);
        revision = f
            .library
            .save(&opened.id, &with_headline(headline), Some(&revision))
            .expect("saves")
            .revision;
    }
    let history = f.library.history(&opened.id).expect("history");
    let headlines: Vec<_> = history
        .iter()
        .map(|s| s.summary.headline.as_str())
        .collect();
    assert_eq!(headlines[..2], ["Third", "Second"]);
    assert!(headlines[2].starts_with("Launch of the Phase IV"));
    assert_eq!(
        history[0].saved,
        Timestamp::from_millis(START.millis() + 120_000)
    );
    assert!(history.iter().all(|s| s.damage.is_none() && s.size > 0));

    let first = &history[2].revision;
    let shown = f.library.show_revision(&opened.id, first).expect("shows");
    assert_eq!(shown, release_model::example());

    // Restoring is a new save: a new snapshot on top, and it can be undone.
    f.clock.advance(60_000);
    let restored = f
        .library
        .restore_revision(&opened.id, first, Some(&revision))
        .expect("restores");
    assert_eq!(
        fs::read_to_string(f.file(&opened.id)).expect("reads"),
        release_model::EXAMPLE_JSON
    );
    let history = f.library.history(&opened.id).expect("history");
    assert_eq!(history.len(), 4);
    assert_eq!(Some(&history[0].revision), restored.snapshot.as_ref());
    let third = history[1].revision.clone();
    f.library
        .restore_revision(&opened.id, &third, Some(&restored.revision))
        .expect("undoes the restore");
    assert_eq!(f.headline(&opened.id), "Third");

    let err = f
        .library
        .show_revision(&opened.id, "20000101T000000000Z-00000000")
        .expect_err("no such revision");
    assert_eq!(err.code(), "no-such-revision");
}

#[test]
fn history_keeps_the_last_fifty_then_one_per_day() {
    let f = fixture();
    let saves = 120;
    // A save every three hours: eight a day, fifteen days.
    for n in 0..saves {
        f.library
            .save("busy", &with_headline(&format!("Version {n}")), None)
            .expect("saves");
        f.clock.advance(3 * HOUR);
    }
    let history = f.library.history("busy").expect("history");
    let (recent, older) = history.split_at(KEEP_RECENT);
    assert_eq!(recent[0].summary.headline, format!("Version {}", saves - 1));
    assert_eq!(recent[KEEP_RECENT - 1].summary.headline, "Version 70");
    // The older saves 0..=69 fall on ten UTC days (10:00 + 3 h × n): one each.
    let days: BTreeSet<i64> = older.iter().map(|s| s.saved.day()).collect();
    assert_eq!(days.len(), older.len(), "one per day");
    assert_eq!(older.len(), 10);
    // The one kept of each day is the day's last: day one ends with save 4
    // (22:00), day ten's last older save is 69.
    assert_eq!(older[older.len() - 1].summary.headline, "Version 4");
    assert_eq!(older[0].summary.headline, "Version 69");
}

#[test]
fn the_history_outlives_a_damaged_file() {
    let f = fixture();
    f.library
        .save("precious", &with_headline("Good"), None)
        .expect("saves");
    fs::write(f.file("precious"), b"\0\0\0").expect("corrupts");
    let moved = f.library.quarantine("precious").expect("moves aside");
    assert!(moved.is_file());
    let history = f.library.history("precious").expect("still there");
    f.library
        .restore_revision("precious", &history[0].revision, None)
        .expect("restores");
    assert_eq!(f.headline("precious"), "Good");
}

#[test]
fn autosave_keeps_a_separate_recovery_copy() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    assert_eq!(f.library.recovery(&opened.id).expect("checks"), None);

    let typing = with_headline("Typed but not saved");
    f.library.autosave(&opened.id, &typing).expect("autosaves");
    assert_eq!(
        fs::read_to_string(f.file(&opened.id)).expect("reads"),
        release_model::EXAMPLE_JSON,
        "the draft file is untouched"
    );

    // The app restarts after a crash: the newer copy is offered.
    let restarted = f.reopen();
    let offered = restarted
        .recovery(&opened.id)
        .expect("checks")
        .expect("offered");
    assert_eq!(offered.draft, typing);
    let all = restarted.recoveries().expect("lists");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, opened.id);

    // Saving clears the slot.
    restarted
        .save(&opened.id, &offered.draft, Some(&opened.revision))
        .expect("saves");
    assert_eq!(restarted.recovery(&opened.id).expect("checks"), None);
    assert!(restarted.recoveries().expect("lists").is_empty());
}

#[test]
fn a_recovery_copy_older_than_the_file_or_equal_to_it_is_not_offered() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    f.library
        .autosave(&opened.id, &release_model::example())
        .expect("autosaves");
    assert_eq!(
        f.library.recovery(&opened.id).expect("checks"),
        None,
        "same content"
    );

    f.library
        .autosave(&opened.id, &with_headline("Old typing"))
        .expect("autosaves");
    let slot = f.path().join(format!(
        ".release-composer/recovery/{}.release.json",
        opened.id
    ));
    fs::File::options()
        .write(true)
        .open(&slot)
        .and_then(|s| s.set_modified(Timestamp::from_millis(START.millis() - HOUR).to_system()))
        .expect("ages the copy");
    assert_eq!(
        f.library.recovery(&opened.id).expect("checks"),
        None,
        "older"
    );

    f.library
        .autosave(&opened.id, &with_headline("Unwanted"))
        .expect("autosaves");
    f.library.discard_recovery(&opened.id).expect("discards");
    assert_eq!(f.library.recovery(&opened.id).expect("checks"), None);
    f.library
        .discard_recovery(&opened.id)
        .expect("twice is fine");
}

#[test]
fn delete_moves_to_the_trash_and_undelete_brings_back_everything() {
    let f = fixture();
    let opened = f.library.create(Template::Example).expect("creates");
    f.clock.advance(1000);
    f.library
        .save(&opened.id, &with_headline("Edited"), Some(&opened.revision))
        .expect("saves");
    f.library
        .autosave(&opened.id, &with_headline("Typing"))
        .expect("autosaves");
    let keep = f.library.create(Template::Blank).expect("creates");

    f.clock.advance(1000);
    f.library.delete(&opened.id).expect("deletes");
    let listed: Vec<_> = f
        .library
        .list()
        .expect("lists")
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(listed, std::slice::from_ref(&keep.id));
    assert_eq!(
        f.library.load(&opened.id).expect_err("gone").code(),
        "not-found"
    );
    let trash = f.library.trash().expect("trash");
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, opened.id);
    assert_eq!(trash[0].summary.headline, "Edited");
    assert_eq!(
        trash[0].deleted,
        Timestamp::from_millis(START.millis() + 2000)
    );

    f.library.undelete(&opened.id).expect("undeletes");
    assert_eq!(f.headline(&opened.id), "Edited");
    assert_eq!(f.library.history(&opened.id).expect("history").len(), 2);
    assert_eq!(
        f.library
            .recovery(&opened.id)
            .expect("checks")
            .map(|r| r.draft.release.headline),
        Some("Typing".to_owned())
    );
    assert!(f.library.trash().expect("trash").is_empty());
    assert_eq!(
        f.library
            .undelete(&opened.id)
            .expect_err("not in trash")
            .code(),
        "not-in-trash"
    );
}

#[test]
fn undelete_never_overwrites_a_draft() {
    let f = fixture();
    f.library
        .save("same", &with_headline("First"), None)
        .expect("saves");
    f.library.delete("same").expect("deletes");
    f.library
        .save("same", &with_headline("Second"), None)
        .expect("saves");
    let err = f.library.undelete("same").expect_err("taken");
    assert_eq!(err.code(), "already-exists");
    assert_eq!(f.headline("same"), "Second");
    // Deleting again in the same millisecond keeps both in the trash.
    f.library.delete("same").expect("deletes");
    assert_eq!(f.library.trash().expect("trash").len(), 2);
    f.library.undelete("same").expect("the latest comes back");
    assert_eq!(f.headline("same"), "Second");
}

#[test]
fn empty_trash_deletes_for_good() {
    let f = fixture();
    for id in ["a", "b"] {
        f.library.save(id, &with_headline(id), None).expect("saves");
        f.library.delete(id).expect("deletes");
    }
    assert_eq!(f.library.empty_trash().expect("empties"), 2);
    assert!(f.library.trash().expect("trash").is_empty());
    assert_eq!(f.library.empty_trash().expect("empties"), 0);
    assert_eq!(
        f.library.undelete("a").expect_err("gone").code(),
        "not-in-trash"
    );
}

#[test]
fn damaged_files_are_listed_never_overwritten_and_can_be_moved_aside() {
    let f = fixture();
    f.library
        .save("fine", &with_headline("Fine"), None)
        .expect("saves");
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "cut",
            b"{\"format\": \"release-composer/draft\", \"ver",
            "not-json",
        ),
        ("empty", b"", "empty-file"),
        ("binary", b"\xff\xd8\xff\xe0 JFIF", "not-utf8"),
        (
            "other",
            b"{\"format\": \"something/else\", \"version\": 1}",
            "wrong-format",
        ),
        (
            "future",
            b"{\"format\": \"release-composer/draft\", \"version\": 9}",
            "version-too-new",
        ),
    ];
    for (id, bytes, _) in cases {
        fs::write(f.file(id), bytes).expect("writes");
    }
    let listed = f.library.list().expect("lists");
    assert_eq!(listed.len(), 6);
    for (id, bytes, code) in cases {
        let entry = listed.iter().find(|e| e.id == id).expect("listed");
        let damage = entry.damage.as_ref().expect("damaged");
        assert_eq!(damage.code, code, "{id}");
        assert!(!damage.reason.is_empty());

        let err = f.library.load(id).expect_err("damaged");
        assert_eq!(err.code(), "damaged");
        assert!(
            err.to_string().contains(&format!("{id}.release.json")),
            "{err}"
        );

        let err = f
            .library
            .save(id, &with_headline("Over it"), None)
            .expect_err("refused");
        assert_eq!(err.code(), "damaged", "{id}");
        assert_eq!(
            fs::read(f.file(id)).expect("reads"),
            bytes,
            "never overwritten"
        );
        assert_eq!(
            f.library.raw_text(id).expect("opens as text"),
            String::from_utf8_lossy(bytes)
        );
    }
    // The healthy draft is unaffected.
    assert_eq!(f.headline("fine"), "Fine");

    let moved = f.library.quarantine("cut").expect("moves aside");
    assert_eq!(fs::read(&moved).expect("reads"), cases[0].1);
    assert!(!f.file("cut").exists());
    assert_eq!(f.library.quarantined().expect("lists"), [moved]);
    assert_eq!(f.library.list().expect("lists").len(), 5);
    let err = f.library.quarantine("fine").expect_err("healthy");
    assert_eq!(err.code(), "not-damaged");
}

#[test]
fn a_damaged_file_can_still_be_deleted_to_the_trash() {
    let f = fixture();
    fs::write(f.file("bad"), "{").expect("writes");
    f.library.delete("bad").expect("deletes");
    let trash = f.library.trash().expect("trash");
    assert_eq!(
        trash[0].damage.as_ref().map(|d| d.code.as_str()),
        Some("not-json")
    );
    f.library.undelete("bad").expect("undeletes");
    assert_eq!(fs::read(f.file("bad")).expect("reads"), b"{");
}

#[test]
fn drafts_are_plain_files_in_the_documented_format() {
    let f = fixture();
    let draft = with_headline("Plain");
    f.library.save("plain", &draft, None).expect("saves");
    assert_eq!(fs::read(f.file("plain")).expect("reads"), bytes_of(&draft));
    assert_eq!(
        release_model::load(&fs::read_to_string(f.file("plain")).expect("reads"))
            .expect("loads")
            .draft,
        draft
    );
    assert_eq!(to_json(&draft).as_bytes(), bytes_of(&draft).as_slice());
}
