//! `release-composer snippets …` as a user runs it: list, add, show and
//! delete against a snippets folder, `--json`, exit codes, and messages that
//! name the snippet, the file or the option.

mod common;

use std::path::Path;
use std::process::{Command, Output};

/// Runs `release-composer snippets ARGS --snippets DIR` with `stdin`.
fn snippets(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command
        .arg("snippets")
        .args(args)
        .arg("--snippets")
        .arg(dir)
        .env_remove("RELEASE_COMPOSER_SNIPPETS");
    let output = common::finish(command, stdin);
    let stderr = common::text(&output.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    output
}

/// Stdout of a command that must succeed.
fn ok(dir: &Path, args: &[&str], stdin: &[u8]) -> String {
    let out = snippets(dir, args, stdin);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        common::text(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Exit code and stderr of a command that must fail.
fn fails(dir: &Path, args: &[&str], stdin: &[u8]) -> (i32, String) {
    let out = snippets(dir, args, stdin);
    assert_ne!(out.status.code(), Some(0), "{args:?} succeeded");
    (
        out.status.code().expect("exit code"),
        common::text(&out.stderr),
    )
}

const ABOUT: &str = "The United Nations Office of Counter-Terrorism (UNOCT)\nwas established in 2017.\n\nمكتب الأمم المتحدة لمكافحة الإرهاب — 联合国反恐怖主义办公室 👩🏽‍💻 e\u{301}\n";

#[test]
fn a_snippet_s_whole_life_from_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path();
    let about = ok(
        folder,
        &[
            "add",
            "--kind",
            "about",
            "--name",
            "About UNOCT",
            "--language",
            "en",
        ],
        ABOUT.as_bytes(),
    )
    .trim()
    .to_owned();
    assert!(about.starts_with("about-"), "{about}");
    assert!(folder.join(format!("{about}.snippet.json")).is_file());
    let contact = ok(
        folder,
        &[
            "add",
            "--kind",
            "contact",
            "--name",
            "Press office",
            "--contact-name",
            "Laurence Gérard",
            "--organization",
            "UNOCT",
            "--email",
            "gerardl@un.org",
        ],
        b"",
    )
    .trim()
    .to_owned();
    let blocks = r#"[{"type":"paragraph","content":[{"text":"Pour plus d’informations : "},{"text":"un.org","link":"https://un.org"}]}]"#;
    let notes = ok(
        folder,
        &[
            "add",
            "--kind",
            "notes",
            "--name",
            "Notes",
            "--language",
            "fr",
            "--json",
        ],
        blocks.as_bytes(),
    )
    .trim()
    .to_owned();

    let list = ok(folder, &["list"], b"");
    let lines: Vec<Vec<&str>> = list.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        lines,
        [
            vec![about.as_str(), "about", "en", "About UNOCT"],
            vec![notes.as_str(), "notes", "fr", "Notes"],
            vec![contact.as_str(), "contact", "-", "Press office"],
        ],
        "by kind, then name"
    );

    let shown = ok(folder, &["show", &about], b"");
    assert_eq!(
        shown,
        "The United Nations Office of Counter-Terrorism (UNOCT) was established in 2017.\n\n\
         مكتب الأمم المتحدة لمكافحة الإرهاب — 联合国反恐怖主义办公室 👩🏽‍💻 e\u{301}\n"
    );
    assert_eq!(
        ok(folder, &["show", &contact], b""),
        "Laurence Gérard\nUNOCT\ngerardl@un.org\n"
    );
    assert_eq!(
        ok(folder, &["show", &notes], b""),
        "Pour plus d’informations : un.org\n"
    );
    let file = std::fs::read_to_string(folder.join(format!("{notes}.snippet.json")))
        .expect("reads the file");
    assert_eq!(ok(folder, &["show", "--json", &notes], b""), file);
    assert!(file.contains(r#""link": "https://un.org""#), "{file}");

    let deleted = ok(folder, &["delete", &about], b"");
    assert!(deleted.contains("moved to the trash"), "{deleted}");
    assert!(!ok(folder, &["list"], b"").contains(&about));
    let trash: Vec<_> = std::fs::read_dir(folder.join(".trash"))
        .expect("a trash folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(trash.len(), 1);
    assert!(
        trash[0].ends_with(&format!("{about}.snippet.json")),
        "{trash:?}"
    );
    let (code, stderr) = fails(folder, &["show", &about], b"");
    assert_eq!(code, 2);
    assert!(
        stderr.contains(&format!("{about}.snippet.json: no such snippet")),
        "{stderr}"
    );
}

#[test]
fn json_output_for_scripts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path();
    let id = ok(
        folder,
        &[
            "add",
            "--kind",
            "closing",
            "--name",
            "Ends",
            "--language",
            "ar",
        ],
        "انتهى.".as_bytes(),
    )
    .trim()
    .to_owned();
    let list: serde_json::Value =
        serde_json::from_str(&ok(folder, &["list", "--json"], b"")).expect("JSON");
    let entry = &list[0];
    assert_eq!(entry["id"], id.as_str());
    assert_eq!(entry["kind"], "closing");
    assert_eq!(entry["name"], "Ends");
    assert_eq!(entry["language"], "ar");
    assert!(entry["revision"].as_str().expect("a token").contains('-'));
    assert!(entry["modified"].as_i64().is_some());
    assert!(entry["damage"].is_null() && entry["conflict_of"].is_null());
    let file: serde_json::Value =
        serde_json::from_str(&ok(folder, &["show", "--json", &id], b"")).expect("JSON");
    assert_eq!(file["format"], "release-composer/snippet");
    assert_eq!(file["version"], 1);
    assert_eq!(file["blocks"][0]["content"][0]["text"], "انتهى.");
    let empty = tempfile::tempdir().expect("temp dir");
    assert_eq!(ok(empty.path(), &["list", "--json"], b""), "[]\n");
}

#[test]
fn damaged_files_and_sync_copies_are_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path();
    ok(
        folder,
        &["add", "--kind", "about", "--name", "Ours"],
        b"Ours.",
    );
    std::fs::write(folder.join("about-broken.snippet.json"), "{\"format\": ").expect("writes");
    let copy = "about-x (conflicted copy 2026-12-01).snippet.json";
    std::fs::write(
        folder.join(copy),
        r#"{"format":"release-composer/snippet","version":1,"kind":"about","name":"Theirs","blocks":[{"type":"paragraph","content":[{"text":"Theirs."}]}]}"#,
    )
    .expect("writes");

    let list = ok(folder, &["list"], b"");
    let broken = list
        .lines()
        .find(|l| l.starts_with("about-broken\t"))
        .expect("listed");
    assert!(broken.contains("\tdamaged\tnot-json\t"), "{broken}");
    let copied = list.lines().find(|l| l.starts_with(copy)).expect("listed");
    assert!(
        copied.ends_with("\tTheirs\tconflicting copy of about-x"),
        "{copied}"
    );
    assert_eq!(ok(folder, &["show", copy], b""), "Theirs.\n");
    let json: serde_json::Value =
        serde_json::from_str(&ok(folder, &["list", "--json"], b"")).expect("JSON");
    let entry = json
        .as_array()
        .expect("array")
        .iter()
        .find(|e| e["id"] == copy)
        .expect("listed");
    assert_eq!(entry["conflict_of"], "about-x");

    let (code, stderr) = fails(folder, &["show", "about-broken"], b"");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("about-broken.snippet.json: damaged"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("about-broken.snippet.json")).expect("reads"),
        "{\"format\": ",
        "left as it was"
    );
    ok(folder, &["delete", copy], b"");
    assert!(!ok(folder, &["list"], b"").contains(copy));
}

#[test]
fn bad_input_exits_2_with_a_message_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("snippets");
    for args in [
        &["show", "../../etc/passwd"][..],
        &["show", "/etc/passwd"],
        &["delete", "con"],
        &["show", "a/b"],
        &["delete", ".."],
    ] {
        let (code, stderr) = fails(&folder, args, b"");
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains("not a valid snippet id"), "{stderr}");
    }
    let (code, stderr) = fails(&folder, &["add", "--kind", "about", "--name", " "], b"Text");
    assert_eq!(code, 2);
    assert!(stderr.contains("snippet `name`: is empty"), "{stderr}");
    let (code, stderr) = fails(
        &folder,
        &[
            "add",
            "--kind",
            "about",
            "--name",
            "A",
            "--language",
            "English",
        ],
        b"Text",
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("`language`"), "{stderr}");
    let (code, stderr) = fails(&folder, &["add", "--kind", "about", "--name", "A"], b"\n\n");
    assert_eq!(code, 2);
    assert!(stderr.contains("<standard input>: no text"), "{stderr}");
    let (code, stderr) = fails(&folder, &["add", "--kind", "notes", "--name", "A"], b"\xff");
    assert_eq!(code, 2);
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    let (code, stderr) = fails(&folder, &["add", "--kind", "contact", "--name", "A"], b"");
    assert_eq!(code, 2);
    assert!(stderr.contains("--contact-name"), "{stderr}");
    let (code, stderr) = fails(
        &folder,
        &[
            "add", "--kind", "about", "--name", "A", "--email", "a@un.org",
        ],
        b"Text",
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("for --kind contact"), "{stderr}");
    let (code, stderr) = fails(
        &folder,
        &["add", "--kind", "contact", "--name", "A", "--json"],
        br#"{"email": 7}"#,
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("<standard input>: `contact.email`"),
        "{stderr}"
    );
    let (code, stderr) = fails(
        &folder,
        &["add", "--kind", "notes", "--name", "A", "--json"],
        b"not json",
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("not valid JSON"), "{stderr}");
    let (code, stderr) = fails(&folder, &["add", "--kind", "slogan", "--name", "A"], b"x");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("about, notes, closing or contact"),
        "{stderr}"
    );
    let huge = vec![b'x'; 1024 * 1024 + 1];
    let (code, stderr) = fails(&folder, &["add", "--kind", "notes", "--name", "A"], &huge);
    assert_eq!(code, 2);
    assert!(stderr.contains("larger than 1 MiB"), "{stderr}");

    assert_eq!(ok(&folder, &["list"], b""), "", "nothing was added");
    let outside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(outside, ["snippets"], "nothing written outside the folder");
}

#[test]
fn control_characters_are_kept_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path();
    let out = snippets(
        folder,
        &["add", "--kind", "closing", "--name", "Odd"],
        "bell\u{7} here".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = common::text(&out.stderr);
    assert!(
        stderr.contains(
            "blocks[0].content[0].text: warning: holds the invisible control character U+0007"
        ),
        "{stderr}"
    );
    let id = common::text(&out.stdout).trim().to_owned();
    assert_eq!(ok(folder, &["show", &id], b""), "bell\u{7} here\n");
}

#[test]
fn the_snippets_folder_comes_from_the_environment_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command
        .args(["snippets", "add", "--kind", "notes", "--name", "N"])
        .env("RELEASE_COMPOSER_SNIPPETS", dir.path());
    let out = common::finish(command, b"Notes.");
    assert_eq!(out.status.code(), Some(0), "{}", common::text(&out.stderr));
    let id = common::text(&out.stdout).trim().to_owned();
    assert!(dir.path().join(format!("{id}.snippet.json")).is_file());
}
