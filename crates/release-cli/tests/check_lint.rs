//! `release-composer check` runs the house style's checks after validation:
//! the example's real defects as warnings (exit 0), fixes in JSON, `--today`
//! for reproducible runs, and errors from a style's hard limits (exit 1).

mod common;

use common::{run, text};

const EXAMPLE: &str = release_model::EXAMPLE_JSON;

#[test]
fn the_example_shows_its_defects_as_warnings_and_exits_0() {
    let out = run(&["check", "--today", "2021-12-08", "-"], EXAMPLE.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let prefixes: Vec<String> = lines
        .iter()
        .map(|l| l.splitn(3, ": ").take(2).collect::<Vec<_>>().join(": "))
        .collect();
    assert_eq!(
        prefixes,
        [
            "release.quotes[0].text[0].text: warning",
            "release.quotes[2].text: warning",
            "release.headline: warning",
            "release.body[5].content[1].bold: warning",
            "release.body[3].content[0].text: warning",
            // American spellings where UN English is British (en_GB).
            "release.body[5].content[2].text: warning",
            "release.quotes[2].text[0].text: warning",
            "release.body[3].content[0].text: warning",
        ],
        "{stdout}"
    );
    assert!(
        stdout.contains("`signaled` is not in the dictionary: did you mean `signalled`?"),
        "{stdout}"
    );
    // Which dictionary stands in for the style's first choice, on stderr.
    assert!(text(&out.stderr).contains("note: the English dictionary en_GB-ize is not installed (package hunspell-en-gb): checking with en_GB"), "{}", text(&out.stderr));
}

#[test]
fn misspellings_carry_the_suggestion_in_their_fix_and_a_style_can_turn_them_off() {
    let out = run(
        &["check", "--json", "--today", "2021-12-08", "-"],
        EXAMPLE.as_bytes(),
    );
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON array");
    let misspelling = findings
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["code"] == "misspelling")
        .expect("a misspelling");
    assert_eq!(misspelling["word"], "signaled");
    assert_eq!(
        misspelling["fix"]["path"],
        "release.body[5].content[2].text"
    );
    assert!(
        misspelling["fix"]["after"]
            .as_str()
            .expect("text")
            .contains("signalled")
    );

    let root = tempfile::tempdir().expect("tempdir");
    let style = root.path().join("quiet");
    let out = run(
        &["styles", "copy", "un", style.to_str().expect("utf-8")],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let toml = style.join("style.toml");
    let text_of_style = std::fs::read_to_string(&toml).expect("style.toml");
    assert!(
        text_of_style.contains("\n[checks]\n"),
        "the un style has a [checks] table"
    );
    let quiet = text_of_style.replacen(
        "\n[checks]\n",
        "\n[checks]\nmisspelling = { enabled = false }\n",
        1,
    );
    std::fs::write(&toml, quiet).expect("write");
    let out = run(
        &[
            "check",
            "--style",
            style.to_str().expect("utf-8"),
            "--today",
            "2021-12-08",
            "-",
        ],
        EXAMPLE.as_bytes(),
    );
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("is not in the dictionary"), "{stdout}");
}

#[test]
fn json_carries_fixes_where_there_are_some() {
    let out = run(
        &["check", "--json", "--today", "2021-12-08", "-"],
        EXAMPLE.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON array");
    let findings = findings.as_array().expect("array");
    let dash = findings
        .iter()
        .find(|f| f["code"] == "spaced-hyphen")
        .expect("spaced hyphen");
    assert_eq!(dash["fix"]["path"], "release.body[3].content[0].text");
    assert_eq!(dash["fix"]["before"], "(2010 - 2021),");
    assert_eq!(dash["fix"]["after"], "(2010–2021),");
    let emphasis = findings
        .iter()
        .find(|f| f["code"] == "emphasis")
        .expect("emphasis");
    assert!(emphasis.get("fix").is_none(), "no fix key without a fix");
    assert_eq!(emphasis["severity"], "warning");
}

#[test]
fn the_clock_decides_without_today() {
    let out = run(&["check", "-"], EXAMPLE.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).contains("release.dateline.date: warning:"),
        "the example is years old by the clock: {}",
        text(&out.stdout)
    );
}

#[test]
fn a_bad_today_exits_2_naming_the_flag() {
    let out = run(&["check", "--today", "2021-02-30", "-"], EXAMPLE.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--today"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_style_hard_limit_is_an_error() {
    let long = EXAMPLE.replacen(
        "\"headline\": \"Launch",
        &format!("\"headline\": \"{}Launch", "Very long words ".repeat(12)),
        1,
    );
    let out = run(
        &["check", "--style", "newswire", "--today", "2021-12-08", "-"],
        long.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("release.headline: error: the headline has"),
        "{}",
        text(&out.stdout)
    );
}
