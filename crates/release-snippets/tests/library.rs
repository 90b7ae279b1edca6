//! The snippets library on real files in a temporary folder: round trips,
//! damaged and oversized files, concurrent edits, sync tools' conflicting
//! copies, hostile ids, the trash.

use release_model::{Block, Contact, Run};
use release_snippets::{
    Content, Kind, MAX_SNIPPET_BYTES, Snippet, Snippets, SnippetsError, paragraphs, to_json,
};
use std::fs;
use std::path::Path;

/// Text in scripts and forms that break naive code: Arabic (right to left),
/// Chinese, emoji with a skin tone and a zero-width joiner, combining marks,
/// a non-breaking space.
const WORLD: &[&str] = &[
    "مكتب الأمم المتحدة لمكافحة الإرهاب",
    "联合国反恐怖主义办公室成立于2017年。",
    "Team 👩🏽‍💻🇺🇳 at work",
    "Cafe\u{301} de\u{301}ja\u{300} vu, Å\u{30A}, क्षि",
    "«\u{A0}Bonjour\u{A0}»",
];

fn folder() -> (tempfile::TempDir, Snippets) {
    let dir = tempfile::tempdir().expect("temp dir");
    let snippets = Snippets::open(dir.path().join("snippets")).expect("opens");
    (dir, snippets)
}

fn about(name: &str, text: &str) -> Snippet {
    Snippet::new(name, "en", Content::About(paragraphs(text)))
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_kind_round_trips_with_any_unicode() {
    let (_dir, snippets) = folder();
    let blocks: Vec<Block> = WORLD
        .iter()
        .map(|t| Block::paragraph(vec![Run::plain(*t), Run::bold(" ✓")]))
        .collect();
    let contact = Contact {
        name: WORLD[0].to_owned(),
        title: WORLD[3].to_owned(),
        organization: WORLD[1].to_owned(),
        email: "press@un.org".to_owned(),
        phone: "+1 212 963 1234".to_owned(),
        ..Contact::default()
    };
    let made = [
        Snippet::new(
            format!("About {}", WORLD[1]),
            "zh",
            Content::About(blocks.clone()),
        ),
        Snippet::new("Notes 📝", "ar", Content::Notes(blocks.clone())),
        Snippet::new("Closing e\u{301}", "fr-CA", Content::Closing(blocks)),
        Snippet::new(WORLD[2], "", Content::Contact(contact)),
    ];
    for snippet in &made {
        let saved = snippets.add(snippet).expect("adds");
        assert!(
            saved
                .id
                .starts_with(&format!("{}-", snippet.kind().as_str())),
            "{}",
            saved.id
        );
        let file = snippets.dir().join(format!("{}.snippet.json", saved.id));
        assert_eq!(fs::read_to_string(&file).expect("reads"), to_json(snippet));
        let opened = snippets.get(&saved.id).expect("gets");
        assert_eq!(&opened.snippet, snippet);
        assert_eq!(opened.revision, saved.revision);
    }
    let listed = snippets.list().expect("lists");
    let kinds: Vec<_> = listed.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        Kind::ALL.map(Some),
        "sorted by kind, in the documented order"
    );
    assert!(
        listed
            .iter()
            .all(|e| e.damage.is_none() && e.conflict_of.is_none() && e.revision.is_some())
    );
    assert_eq!(listed[3].name, WORLD[2]);
    assert_eq!(listed[2].language, "fr-CA");
}

#[test]
fn fields_of_a_later_version_survive_a_save() {
    let (_dir, snippets) = folder();
    let text = r#"{"format":"release-composer/snippet","version":1,"kind":"notes",
        "name":"Notes","language":"en","tags":["un","press"],
        "blocks":[{"type":"paragraph","content":[{"text":"One","colour":"red"}]},
                  {"type":"table","rows":[["a"]]}]}"#;
    fs::write(snippets.dir().join("notes-1.snippet.json"), text).expect("writes");
    let mut opened = snippets.get("notes-1").expect("gets");
    opened.snippet.name = "Notes for editors".to_owned();
    snippets
        .save("notes-1", &opened.snippet, Some(&opened.revision))
        .expect("saves");
    let saved = fs::read_to_string(snippets.dir().join("notes-1.snippet.json")).expect("reads");
    for kept in [
        r#""tags": ["#,
        r#""colour": "red""#,
        r#""type": "table""#,
        "Notes for editors",
    ] {
        assert!(saved.contains(kept), "{kept} in {saved}");
    }
}

#[test]
fn names_are_required_and_nothing_is_written_without_one() {
    let (_dir, snippets) = folder();
    for name in ["", "   ", "two\nlines"] {
        let err = snippets.add(&about(name, "Text")).expect_err("refused");
        assert_eq!(err.code(), "invalid-field");
        assert!(err.to_string().contains("`name`"), "{err}");
        let err = snippets
            .save("about-1", &about(name, "Text"), None)
            .expect_err("refused");
        assert!(err.to_string().contains("`name`"), "{err}");
    }
    let bad_language = Snippet::new("A", "English", Content::Notes(Vec::new()));
    let err = snippets.add(&bad_language).expect_err("refused");
    assert!(err.to_string().contains("`language`"), "{err}");
    assert!(file_names(snippets.dir()).is_empty());
}

#[test]
fn a_damaged_file_is_listed_and_never_overwritten() {
    let (_dir, snippets) = folder();
    let good = snippets.add(&about("Good", "Text")).expect("adds");
    let broken = snippets.dir().join("about-broken.snippet.json");
    let bytes: &[u8] = b"{\"format\": \"release-composer/snippet\", \"version\": 1, \"kind\": ";
    fs::write(&broken, bytes).expect("writes");

    let listed = snippets.list().expect("lists");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].id, good.id, "readable snippets first");
    let damaged = &listed[1];
    assert_eq!(damaged.id, "about-broken");
    let damage = damaged.damage.as_ref().expect("damaged");
    assert_eq!(damage.code, "not-json");
    assert!(damage.reason.contains("line 1"), "{}", damage.reason);
    assert_eq!(damaged.kind, None);

    let err = snippets.get("about-broken").expect_err("damaged");
    assert_eq!(err.code(), "damaged");
    assert!(
        err.to_string().contains("about-broken.snippet.json"),
        "{err}"
    );
    let revision = damaged.revision.expect("read, so it has a revision");
    for expected in [None, Some(&revision)] {
        let err = snippets
            .save("about-broken", &about("Over", "it"), expected)
            .expect_err("refused");
        assert_eq!(err.code(), "damaged");
    }
    assert_eq!(fs::read(&broken).expect("reads"), bytes, "bytes unchanged");
    assert_eq!(snippets.list().expect("lists").len(), 2, "no copy made");

    let trashed = snippets
        .delete("about-broken")
        .expect("a damaged file can be deleted");
    assert_eq!(fs::read(&trashed).expect("in the trash"), bytes);
}

#[test]
fn an_oversized_file_is_damaged_not_parsed() {
    let (_dir, snippets) = folder();
    let huge = snippets.dir().join("about-huge.snippet.json");
    let size = usize::try_from(MAX_SNIPPET_BYTES).expect("fits") + 10;
    let mut bytes =
        b"{\"format\":\"release-composer/snippet\",\"version\":1,\"kind\":\"about\",\"name\":\""
            .to_vec();
    bytes.resize(size - 2, b'x');
    bytes.extend_from_slice(b"\"}");
    fs::write(&huge, &bytes).expect("writes");
    let listed = snippets.list().expect("lists");
    let damage = listed[0].damage.as_ref().expect("damaged");
    assert_eq!(damage.code, "too-large");
    assert!(damage.reason.contains("1 MiB"), "{}", damage.reason);
    let err = snippets
        .save("about-huge", &about("Small", "x"), None)
        .expect_err("refused");
    assert_eq!(err.code(), "damaged");
    assert_eq!(fs::metadata(&huge).expect("still there").len(), size as u64);
}

#[test]
fn files_of_a_later_version_are_damaged_for_this_one() {
    let (_dir, snippets) = folder();
    for (id, text, code) in [
        (
            "a",
            r#"{"format":"release-composer/snippet","version":2,"kind":"about","name":"A"}"#,
            "version-too-new",
        ),
        (
            "b",
            r#"{"format":"release-composer/snippet","version":1,"kind":"slogan","name":"B"}"#,
            "invalid-field",
        ),
        (
            "c",
            r#"{"format":"release-composer/draft","version":1}"#,
            "wrong-format",
        ),
        ("d", "\u{FEFF}  ", "empty-file"),
    ] {
        fs::write(snippets.dir().join(format!("{id}.snippet.json")), text).expect("writes");
        let err = snippets.get(id).expect_err(id);
        assert_eq!(err.code(), "damaged", "{id}");
        let listed = snippets.list().expect("lists");
        let entry = listed.iter().find(|e| e.id == id).expect("listed");
        assert_eq!(entry.damage.as_ref().map(|d| d.code.as_str()), Some(code));
    }
}

#[test]
fn a_concurrent_edit_keeps_both_versions() {
    let (_dir, snippets) = folder();
    let saved = snippets
        .add(&about("About UNOCT", "The original."))
        .expect("adds");
    let first = snippets.get(&saved.id).expect("first window");
    let second = snippets.get(&saved.id).expect("second window");

    let mut mine = first.snippet.clone();
    mine.content = Content::About(paragraphs("The first editor's version."));
    let after_first = snippets
        .save(&saved.id, &mine, Some(&first.revision))
        .expect("the first save succeeds");

    let mut theirs = second.snippet.clone();
    theirs.content = Content::About(paragraphs("The second editor's version."));
    let err = snippets
        .save(&saved.id, &theirs, Some(&second.revision))
        .expect_err("the second save conflicts");
    let SnippetsError::Conflict { file, kept_as } = &err else {
        panic!("a conflict: {err}");
    };
    assert_eq!(err.code(), "conflict");
    assert!(file.ends_with(format!("{}.snippet.json", saved.id)));
    assert!(err.to_string().contains(kept_as.as_str()), "{err}");

    let on_disk = snippets.get(&saved.id).expect("the original");
    assert_eq!(on_disk.snippet, mine, "the first save is intact");
    assert_eq!(on_disk.revision.hash, after_first.revision.hash);

    let kept = snippets.get(kept_as).expect("the kept copy");
    assert_eq!(kept.snippet.content, theirs.content);
    assert_eq!(kept.snippet.name, "About UNOCT (conflicting copy)");
    assert!(kept_as.starts_with("about-"), "{kept_as}");
    assert_eq!(snippets.list().expect("lists").len(), 2);
}

#[test]
fn saving_without_a_revision_replaces_and_an_unchanged_save_writes_nothing() {
    let (_dir, snippets) = folder();
    let saved = snippets.add(&about("A", "One.")).expect("adds");
    let file = snippets.dir().join(format!("{}.snippet.json", saved.id));
    let again = snippets
        .save(&saved.id, &about("A", "One."), Some(&saved.revision))
        .expect("saves");
    assert_eq!(again, saved, "same content, same revision");
    fs::write(&file, to_json(&about("A", "Changed elsewhere."))).expect("writes");
    snippets
        .save(&saved.id, &about("A", "Mine."), None)
        .expect("no revision: replaced");
    assert_eq!(
        snippets.get(&saved.id).expect("gets").snippet.text(),
        "Mine."
    );
    let created = snippets
        .save("closing-ours", &about("New", "Text"), None)
        .expect("a new id is created");
    assert_eq!(created.id, "closing-ours");
}

#[test]
fn sync_tools_conflict_copies_are_listed_with_their_original() {
    let (_dir, snippets) = folder();
    let original = snippets
        .save("about-unoct", &about("About UNOCT", "Ours."), None)
        .expect("saves");
    let copies = [
        "about-unoct (conflicted copy 2026-12-01).snippet.json",
        "about-unoct.sync-conflict-20261201-123456-ABCDEF.snippet.json",
        "about-unoct.snippet (Ana's conflicted copy 2026-12-01).json",
    ];
    for (i, name) in copies.iter().enumerate() {
        let text = to_json(&about("About UNOCT", &format!("Theirs {i}.")));
        fs::write(snippets.dir().join(name), text).expect("writes");
    }
    fs::write(snippets.dir().join("notes.txt"), "not a snippet").expect("writes");

    let listed = snippets.list().expect("lists");
    assert_eq!(listed.len(), 4, "{listed:#?}");
    assert_eq!(listed[0].id, original.id);
    assert_eq!(listed[0].conflict_of, None);
    for name in copies {
        let entry = listed.iter().find(|e| e.id == name).expect("listed");
        assert_eq!(entry.conflict_of.as_deref(), Some("about-unoct"));
        assert!(entry.damage.is_none());
        assert_eq!(entry.name, "About UNOCT");
    }
    let copy = snippets.get(copies[1]).expect("a copy opens by its name");
    assert_eq!(copy.snippet.text(), "Theirs 1.");
    let err = snippets
        .save(copies[1], &copy.snippet, Some(&copy.revision))
        .expect_err("not saved over");
    assert_eq!(err.code(), "invalid-id");
    snippets.delete(copies[0]).expect("a copy can be deleted");
    assert_eq!(snippets.list().expect("lists").len(), 3);
}

#[test]
fn ids_that_could_leave_the_folder_are_refused() {
    let (dir, snippets) = folder();
    fs::write(dir.path().join("x.snippet.json"), "outside").expect("writes");
    for id in [
        "../x",
        "/etc/passwd",
        "con",
        "NUL",
        "..",
        "",
        "a/b",
        "a\\b",
        ".trash",
        "../x (conflicted copy 2026-12-01).snippet.json",
        "x (../../conflicted copy).snippet.json",
    ] {
        for err in [
            snippets.get(id).expect_err(id),
            snippets.delete(id).expect_err(id),
            snippets.save(id, &about("A", "B"), None).expect_err(id),
        ] {
            assert_eq!(err.code(), "invalid-id", "{id}: {err}");
            assert!(err.to_string().contains("not a valid snippet id"), "{err}");
        }
    }
    assert_eq!(file_names(dir.path()), ["snippets", "x.snippet.json"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("x.snippet.json")).expect("reads"),
        "outside"
    );
    assert!(file_names(snippets.dir()).is_empty());
    let bad = snippets.dir().join("con.snippet.json");
    fs::write(&bad, to_json(&about("A", "B"))).expect("writes");
    let listed = snippets.list().expect("lists");
    assert_eq!(
        listed[0].damage.as_ref().map(|d| d.code.as_str()),
        Some("bad-file-name")
    );
}

#[test]
fn delete_moves_to_the_trash() {
    let (_dir, snippets) = folder();
    let saved = snippets.add(&about("Gone", "Soon.")).expect("adds");
    let file = snippets.dir().join(format!("{}.snippet.json", saved.id));
    let bytes = fs::read(&file).expect("reads");
    let trashed = snippets.delete(&saved.id).expect("deletes");
    assert!(trashed.starts_with(snippets.dir().join(".trash")));
    assert_eq!(fs::read(&trashed).expect("in the trash"), bytes);
    assert!(!file.exists());
    assert!(
        snippets.list().expect("lists").is_empty(),
        "the trash is not listed"
    );
    let err = snippets.delete(&saved.id).expect_err("gone");
    assert_eq!(err.code(), "not-found");
    assert!(err.to_string().contains(&saved.id), "{err}");
    let err = snippets.get(&saved.id).expect_err("gone");
    assert!(err.to_string().contains("no such snippet"), "{err}");
}

#[test]
fn find_offers_the_snippets_that_fit_a_language() {
    let (_dir, snippets) = folder();
    for (name, language) in [
        ("B en", "en"),
        ("A en-GB", "en-GB"),
        ("C any", ""),
        ("D fr", "fr"),
    ] {
        snippets
            .add(&Snippet::new(
                name,
                language,
                Content::About(paragraphs("x")),
            ))
            .expect("adds");
    }
    snippets
        .add(&Snippet::new(
            "Contact",
            "en",
            Content::Contact(Contact::default()),
        ))
        .expect("adds");
    let names = |kind, language| -> Vec<String> {
        snippets
            .find(kind, language)
            .expect("finds")
            .into_iter()
            .map(|e| e.name)
            .collect()
    };
    assert_eq!(names(Kind::About, "en"), ["B en", "A en-GB", "C any"]);
    assert_eq!(names(Kind::About, "en-GB"), ["A en-GB", "B en", "C any"]);
    assert_eq!(names(Kind::About, "fr"), ["D fr", "C any"]);
    assert_eq!(names(Kind::About, "").len(), 4);
    assert_eq!(names(Kind::Contact, "en"), ["Contact"]);
    assert!(names(Kind::Notes, "en").is_empty());
}

#[test]
fn control_characters_round_trip_and_are_reported() {
    let (_dir, snippets) = folder();
    let text = "bell\u{7} nul\u{0} escape\u{1b} nonchar\u{FFFF} tab\t";
    let snippet = Snippet::new(
        "Odd",
        "",
        Content::Closing(vec![Block::paragraph(vec![Run::plain(text)])]),
    );
    let saved = snippets.add(&snippet).expect("adds");
    assert_eq!(snippets.get(&saved.id).expect("gets").snippet, snippet);
    let warnings = snippet.warnings();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].path, "blocks[0].content[0].text");
}

#[test]
fn adds_from_many_threads_get_distinct_ids() {
    let (_dir, snippets) = folder();
    std::thread::scope(|scope| {
        for t in 0..8 {
            let snippets = &snippets;
            scope.spawn(move || {
                for i in 0..5 {
                    snippets
                        .add(&about(&format!("{t}-{i}"), "x"))
                        .expect("adds");
                }
            });
        }
    });
    let listed = snippets.list().expect("lists");
    assert_eq!(listed.len(), 40);
    assert!(listed.iter().all(|e| e.damage.is_none()));
    let names: Vec<_> = file_names(snippets.dir());
    assert!(
        names.iter().all(|n| n.ends_with(".snippet.json")),
        "{names:?}"
    );
}

#[test]
fn the_listing_serialises_for_scripts() {
    let (_dir, snippets) = folder();
    let saved = snippets.add(&about("About", "x")).expect("adds");
    let json = serde_json::to_value(snippets.list().expect("lists")).expect("serialises");
    let entry = &json[0];
    assert_eq!(entry["id"], saved.id.as_str());
    assert_eq!(entry["kind"], "about");
    assert_eq!(entry["language"], "en");
    assert_eq!(entry["revision"], saved.revision.to_string().as_str());
    assert!(entry["modified"].as_i64().is_some());
    assert!(entry["conflict_of"].is_null() && entry["damage"].is_null());
}
