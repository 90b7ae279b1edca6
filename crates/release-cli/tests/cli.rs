//! The `release-composer` binary as a user runs it: exit codes, messages that
//! name the file and field, and no panics on bad input.

mod common;

use common::{run, text};

fn example() -> String {
    text(&run(&["example"], b"").stdout)
}

/// Exit code and stderr of `check` on a file holding `contents`.
fn check_file(contents: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.release.json");
    std::fs::write(&path, contents).expect("write");
    let out = run(&["check", path.to_str().expect("utf-8")], b"");
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    (
        out.status.code().expect("exit code"),
        text(&out.stdout),
        stderr,
    )
}

#[test]
fn example_checks_clean_through_a_pipe() {
    let out = run(&["check", "-"], example().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        !text(&out.stdout).contains(": error:"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn example_is_the_bundled_draft() {
    assert_eq!(example(), release_model::EXAMPLE_JSON);
}

#[test]
fn styles_lists_name_tab_description() {
    let out = run(&["styles"], b"");
    assert_eq!(out.status.code(), Some(0));
    let listing = text(&out.stdout);
    let names: Vec<&str> = listing
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    assert_eq!(names, ["un", "newswire"]);
    assert!(
        listing
            .lines()
            .all(|l| l.split('\t').nth(1).is_some_and(|d| d.len() > 20))
    );
}

#[test]
fn unreadable_drafts_exit_2_naming_the_file() {
    let cases: [(&[u8], &str); 6] = [
        (b"", "the file is empty"),
        (b"{ not json", "not valid JSON"),
        (br#"{"format":"something/else","version":1}"#, "format"),
        (
            br#"{"format":"release-composer/draft","version":99}"#,
            "version 99",
        ),
        (b"\xff\xfe\x00", "not UTF-8"),
        (
            br#"{"format":"release-composer/draft","version":1,"release":{"headline":42}}"#,
            "release.headline",
        ),
    ];
    for (contents, expected) in cases {
        let (code, _, stderr) = check_file(contents);
        assert_eq!(code, 2, "{expected}: {stderr}");
        assert!(
            stderr.contains("bad.release.json"),
            "file not named: {stderr}"
        );
        assert!(
            stderr.contains(expected),
            "expected `{expected}` in: {stderr}"
        );
    }
}

#[test]
fn a_missing_file_exits_2() {
    let out = run(&["check", "/nonexistent/x.release.json"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/nonexistent/x.release.json"));
}

#[test]
fn validation_errors_exit_1_with_their_path() {
    let draft = example()
        .replace("\"date\": \"2021-12-08\"", "\"date\": \"2021-02-30\"")
        .replace("\"email\": \"gerardl@un.org\"", "\"email\": \"gerardl\"");
    let (code, stdout, _) = check_file(draft.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stdout.contains("release.dateline.date: error: `2021-02-30` is not a real date"),
        "{stdout}"
    );
    assert!(
        stdout.contains("release.contacts[0].email: error:"),
        "{stdout}"
    );
}

#[test]
fn json_findings_carry_severity_code_path_message() {
    let draft = example().replace(
        "\"headline\": \"Launch",
        "\"headline\": \"\", \"x\": \"Launch",
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("d.release.json");
    std::fs::write(&path, draft).expect("write");
    let out = run(&["check", "--json", path.to_str().expect("utf-8")], b"");
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON array");
    let headline = findings
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["path"] == "release.headline")
        .expect("headline finding");
    assert_eq!(headline["severity"], "error");
    assert_eq!(headline["code"], "required");
    assert!(headline["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn a_missing_release_is_a_validation_error() {
    let (code, stdout, _) = check_file(br#"{"format":"release-composer/draft","version":1}"#);
    assert_eq!(code, 1);
    assert!(stdout.contains("release: error:"), "{stdout}");
}

#[test]
fn an_unknown_style_is_a_finding_at_style() {
    let draft = example().replace("\"style\": \"un\"", "\"style\": \"un-old\"");
    let (code, stdout, _) = check_file(draft.as_bytes());
    assert_eq!(code, 1);
    assert!(
        stdout.contains("style: error: there is no house style `un-old`"),
        "{stdout}"
    );
}

#[test]
fn huge_control_and_right_to_left_text_do_not_break_anything() {
    let big = "word ".repeat(1024 * 1024);
    let draft = example()
        .replacen(
            "\"text\": \"The United Nations",
            &format!("\"text\": \"{big}The United Nations"),
            1,
        )
        .replace("\"city\": \"Dushanbe\"", "\"city\": \"دوشنبه\\u0007\"")
        .replace(
            "\"country\": \"Tajikistan\"",
            "\"country\": \"طاجيكستان 🇹🇯 e\\u0301\"",
        );
    assert!(draft.len() > 5 * 1024 * 1024);
    let (code, stdout, _) = check_file(draft.as_bytes());
    assert_eq!(code, 0, "warnings only: {stdout}");
    assert!(
        stdout.contains("release.dateline.city: warning:"),
        "{stdout}"
    );
    assert!(stdout.contains("U+0007"), "{stdout}");
}

#[test]
fn export_refuses_a_draft_with_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let draft = dir.path().join("d.release.json");
    std::fs::write(
        &draft,
        example().replace("\"kind\": \"PRESS RELEASE\"", "\"kind\": \"\""),
    )
    .expect("write");
    let pdf = dir.path().join("out.pdf");
    let out = run(
        &[
            "export",
            draft.to_str().expect("utf-8"),
            "--pdf",
            pdf.to_str().expect("utf-8"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("release.kind: error"),
        "{}",
        text(&out.stderr)
    );
    assert!(!pdf.exists());
}

#[test]
fn export_needs_an_output() {
    let out = run(&["export", "-"], example().as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--pdf"));
}

#[test]
fn export_with_a_broken_style_folder_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(
        &[
            "export",
            "-",
            "--outline",
            "--style",
            dir.path().to_str().expect("utf-8"),
        ],
        example().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("style.toml"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn outline_shows_the_styled_document() {
    let out = run(
        &["export", "-", "--outline", "--style", "newswire"],
        example().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let outline = text(&out.stdout);
    assert!(outline.contains("[Embargo] FOR IMMEDIATE RELEASE"));
    assert!(outline.contains("⟦DUSHANBE, Tajikistan, Dec. 8, 2021 — ⟧"));
}

#[test]
fn every_command_has_help_with_an_example() {
    for command in ["example", "styles", "check", "export"] {
        let out = run(&[command, "--help"], b"");
        assert_eq!(out.status.code(), Some(0));
        let help = text(&out.stdout);
        assert!(
            help.contains("Example"),
            "{command} --help has no example:\n{help}"
        );
    }
}

#[test]
fn pdf_standard_asks_for_less_than_the_style() {
    let dir = tempfile::tempdir().expect("tempdir");
    let export = |name: &str, standard: Option<&str>| {
        let path = dir.path().join(name);
        let mut args = vec!["export", "-", "--pdf", path.to_str().expect("utf-8")];
        if let Some(standard) = standard {
            args.extend(["--pdf-standard", standard]);
        }
        let out = run(&args, example().as_bytes());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        std::fs::read(&path).expect("the PDF")
    };
    let has = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).any(|w| w == what);
    let default = export("default.pdf", None);
    assert_eq!(default, export("full.pdf", Some("pdfua-1+pdfa-2a")));
    assert!(has(&default, b"pdfuaid") && has(&default, b"/StructTreeRoot"));
    let tagged = export("tagged.pdf", Some("tagged"));
    assert!(has(&tagged, b"/StructTreeRoot") && !has(&tagged, b"pdfuaid"));
    let none = export("none.pdf", Some("none"));
    assert!(!has(&none, b"/StructTreeRoot") && !has(&none, b"/MarkInfo"));
    let out = run(
        &["export", "-", "--pdf", "x.pdf", "--pdf-standard", "pdf/x-4"],
        example().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("none, tagged, pdfua-1+pdfa-2a"),
        "{}",
        text(&out.stderr)
    );
}
