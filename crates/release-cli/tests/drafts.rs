//! `release-composer drafts …` as a user runs it: every subcommand against a
//! library folder, exit codes, and messages that name the draft.

mod common;

use std::path::Path;
use std::process::{Command, Output};

/// Runs `release-composer drafts ARGS --library DIR` with `stdin`.
fn drafts(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command
        .arg("drafts")
        .args(args)
        .arg("--library")
        .arg(dir)
        .env_remove("RELEASE_COMPOSER_LIBRARY");
    let output = common::finish(command, stdin);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    output
}

/// Stdout of a command that must succeed.
fn ok(dir: &Path, args: &[&str], stdin: &[u8]) -> String {
    let out = drafts(dir, args, stdin);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Exit code and stderr of a command that must fail.
fn fails(dir: &Path, args: &[&str], stdin: &[u8]) -> (i32, String) {
    let out = drafts(dir, args, stdin);
    assert_ne!(out.status.code(), Some(0), "{args:?} succeeded");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_draft_s_whole_life_from_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path();
    let id = ok(lib, &["new", "--from-example"], b"").trim().to_owned();
    assert!(lib.join(format!("{id}.release.json")).is_file());
    let blank = ok(lib, &["new"], b"").trim().to_owned();
    assert_ne!(id, blank);

    let list = ok(lib, &["list"], b"");
    assert_eq!(list.lines().count(), 2);
    let line = list.lines().find(|l| l.starts_with(&id)).expect("listed");
    let columns: Vec<_> = line.split('\t').collect();
    assert_eq!(columns.len(), 5, "{line}");
    assert!(columns[2].ends_with(" words"));
    assert_eq!(columns[3], "PRESS RELEASE");
    assert!(columns[4].starts_with("Launch of the Phase IV"));

    let shown = ok(lib, &["show", &id], b"");
    assert_eq!(shown, release_model::EXAMPLE_JSON);

    let edited = shown.replace("Launch of the Phase IV", "Phase IV launched");
    let revision = ok(lib, &["save", &id], edited.as_bytes());
    assert!(revision.trim().contains('-'), "{revision}");
    assert!(ok(lib, &["show", &id], b"").contains("Phase IV launched"));

    let history = ok(lib, &["history", &id], b"");
    assert_eq!(history.lines().count(), 2, "{history}");
    assert!(
        history
            .lines()
            .next()
            .expect("newest")
            .contains("Phase IV launched")
    );
    let first = history
        .lines()
        .last()
        .and_then(|l| l.split('\t').next())
        .expect("revision")
        .to_owned();
    ok(lib, &["restore", &id, &first], b"");
    assert_eq!(ok(lib, &["show", &id], b""), release_model::EXAMPLE_JSON);
    assert_eq!(ok(lib, &["history", &id], b"").lines().count(), 3);

    let searched = ok(lib, &["search", "voronkov"], b"");
    assert_eq!(searched.lines().count(), 1);
    assert!(searched.starts_with(&id));

    assert!(ok(lib, &["delete", &id], b"").contains("trash"));
    assert!(!ok(lib, &["list"], b"").contains(&id));
    let trash = ok(lib, &["trash"], b"");
    assert!(trash.starts_with(&id), "{trash}");
    ok(lib, &["undelete", &id], b"");
    assert!(ok(lib, &["list"], b"").contains(&id));
    assert_eq!(
        ok(lib, &["history", &id], b"").lines().count(),
        3,
        "history came back too"
    );

    ok(lib, &["delete", &blank], b"");
    assert!(ok(lib, &["empty-trash"], b"").starts_with('1'));
    assert_eq!(ok(lib, &["trash"], b""), "");
}

#[test]
fn json_output_for_scripts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path();
    let id = ok(lib, &["new", "--from-example"], b"").trim().to_owned();
    let list: serde_json::Value =
        serde_json::from_str(&ok(lib, &["list", "--json"], b"")).expect("JSON");
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["summary"]["kind"], "PRESS RELEASE");
    assert!(list[0]["summary"]["words"].as_u64().expect("words") > 100);
    let history: serde_json::Value =
        serde_json::from_str(&ok(lib, &["history", &id, "--json"], b"")).expect("JSON");
    assert_eq!(history.as_array().map(Vec::len), Some(1));
    ok(lib, &["delete", &id], b"");
    let trash: serde_json::Value =
        serde_json::from_str(&ok(lib, &["trash", "--json"], b"")).expect("JSON");
    assert_eq!(trash[0]["id"], id.as_str());
}

#[test]
fn a_stale_expected_revision_keeps_both_versions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path();
    let example = release_model::EXAMPLE_JSON;
    let first = ok(lib, &["save", "launch"], example.as_bytes());
    let theirs = example.replace("Launch of the Phase IV", "Theirs");
    ok(
        lib,
        &["save", "launch", "--expect", first.trim()],
        theirs.as_bytes(),
    );
    let ours = example.replace("Launch of the Phase IV", "Ours");
    let (code, stderr) = fails(
        lib,
        &["save", "launch", "--expect", first.trim()],
        ours.as_bytes(),
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("launch.release.json"), "{stderr}");
    assert!(stderr.contains("changed on disk"), "{stderr}");
    assert!(ok(lib, &["show", "launch"], b"").contains("Theirs"));
    let list = ok(lib, &["list"], b"");
    assert_eq!(
        list.lines().count(),
        2,
        "ours was kept as a new draft: {list}"
    );
    assert!(list.contains("Ours"));

    let (code, stderr) = fails(lib, &["save", "launch", "--expect", "nonsense"], b"{}");
    assert_eq!(code, 2);
    assert!(stderr.contains("not a revision token"), "{stderr}");
}

#[test]
fn damaged_drafts_are_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path();
    ok(
        lib,
        &["save", "good"],
        release_model::EXAMPLE_JSON.as_bytes(),
    );
    std::fs::write(lib.join("broken.release.json"), "{\"format\": ").expect("writes");
    let list = ok(lib, &["list"], b"");
    let broken = list
        .lines()
        .find(|l| l.starts_with("broken"))
        .expect("listed");
    assert!(broken.contains("damaged\tnot-json"), "{broken}");
    assert!(list.lines().any(|l| l.starts_with("good")));

    let (code, stderr) = fails(lib, &["show", "broken"], b"");
    assert_eq!(code, 2);
    assert!(stderr.contains("broken.release.json"), "{stderr}");
    assert!(stderr.contains("show --raw broken"), "{stderr}");
    assert_eq!(ok(lib, &["show", "--raw", "broken"], b""), "{\"format\": ");

    let (code, stderr) = fails(
        lib,
        &["save", "broken"],
        release_model::EXAMPLE_JSON.as_bytes(),
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("damaged"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(lib.join("broken.release.json")).expect("reads"),
        "{\"format\": "
    );
}

#[test]
fn bad_input_exits_2_with_a_message_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = dir.path().join("drafts");
    for args in [
        &["show", "../../etc/passwd"][..],
        &["delete", "a/b"],
        &["history", ".."],
        &["undelete", "x y"],
    ] {
        let (code, stderr) = fails(&lib, args, b"");
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains("not a valid draft id"), "{stderr}");
    }
    let (code, stderr) = fails(&lib, &["save", "launch"], b"not json");
    assert_eq!(code, 2);
    assert!(stderr.contains("<standard input>"), "{stderr}");
    let (code, stderr) = fails(&lib, &["show", "missing"], b"");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("missing.release.json: no such draft"),
        "{stderr}"
    );
    let (code, stderr) = fails(
        &lib,
        &["restore", "missing", "20211208T100000000Z-00000000"],
        b"",
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("missing.release.json"), "{stderr}");
    let (code, stderr) = fails(&lib, &["undelete", "missing"], b"");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no draft `missing` in the trash"),
        "{stderr}"
    );
    let outside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(outside, ["drafts"], "nothing written outside the library");
}

#[test]
fn the_library_folder_comes_from_the_environment_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_release-composer"))
        .args(["drafts", "new"])
        .env("RELEASE_COMPOSER_LIBRARY", dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(dir.path().join(format!("{id}.release.json")).is_file());
}

#[test]
fn help_shows_examples() {
    let out = Command::new(env!("CARGO_BIN_EXE_release-composer"))
        .args(["drafts", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Examples:"), "{help}");
    assert!(help.contains("--library"), "{help}");
    for sub in [
        "list", "new", "show", "save", "history", "restore", "delete", "trash", "undelete",
    ] {
        assert!(
            help.contains(&format!("\n  {sub} ")),
            "{sub} missing from {help}"
        );
        let out = Command::new(env!("CARGO_BIN_EXE_release-composer"))
            .args(["drafts", sub, "--help"])
            .output()
            .expect("runs");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Example"),
            "{sub} --help has an example"
        );
    }
}

#[test]
fn language_editions_from_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = &dir.path().join("drafts");
    let en = ok(lib, &["new", "--from-example"], b"").trim().to_owned();
    let fr = ok(lib, &["edition", &en, "--language", "fr"], b"")
        .trim()
        .to_owned();
    assert_ne!(fr, en);
    let (code, err) = fails(lib, &["edition", &en, "--language", "fr"], b"");
    assert_eq!(code, 2);
    assert!(err.contains(&fr) && err.contains("French"), "{err}");
    let (code, err) = fails(lib, &["edition", &en, "--language", "klingon"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("klingon"), "{err}");

    let list: serde_json::Value =
        serde_json::from_str(&ok(lib, &["list", "--json"], b"")).expect("json");
    let of = |id: &str| {
        list.as_array()
            .expect("array")
            .iter()
            .find(|e| e["id"] == id)
            .expect("listed")
            .clone()
    };
    assert_eq!(of(&fr)["group"], en.as_str());
    assert_eq!(of(&en)["group"], en.as_str());
    assert_eq!(of(&fr)["summary"]["language"], "fr");
    assert_eq!(of(&fr)["summary"]["edition_source"], en.as_str());

    // `show` prints the draft on stdout and what is left to do on stderr.
    let out = drafts(lib, &["show", &fr], b"");
    let notes = String::from_utf8_lossy(&out.stderr);
    assert!(
        notes.contains("release.body: untranslated: The body is still the English text"),
        "{notes}"
    );
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(shown["edition"]["source"], en.as_str());

    let text = ok(lib, &["show", &en], b"");
    let changed = text.replacen("Counter-Terrorism Centre", "Counter-Terrorism Center", 1);
    assert_ne!(changed, text);
    ok(lib, &["save", &en], changed.as_bytes());
    let out = drafts(lib, &["show", &fr], b"");
    let notes = String::from_utf8_lossy(&out.stderr);
    assert!(
        notes.contains("release.body: out of date: The English edition's body changed"),
        "{notes}"
    );
    assert!(notes.contains("[-Centre-]{+Center+}"), "{notes}");

    // Every edition in the formats asked for, named by its language.
    let out_dir = dir.path().join("out");
    let printed = ok(
        lib,
        &[
            "export-editions",
            &fr,
            out_dir.to_str().expect("path"),
            "--formats",
            "pdf,eml",
        ],
        b"",
    );
    let mut written: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 4, "{written:?}");
    for suffix in [".en.eml", ".en.pdf", ".fr.eml", ".fr.pdf"] {
        assert!(
            written.iter().any(|n| n.ends_with(suffix)),
            "{suffix}: {written:?}"
        );
    }
    assert_eq!(printed.lines().count(), 4, "{printed}");
    let (code, err) = fails(lib, &["export-editions", &fr, "x", "--formats", "gif"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("gif"), "{err}");
}
