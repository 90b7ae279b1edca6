//! The `[checks]` table of a style file: the built-in styles' values, refusal
//! of unknown check names with the key named, and the example release under
//! the real UN style file finding exactly its defects.

use release_model::{Checks, Date, PerCent, Severity, example, lint};
use release_style::{HouseStyle, StyleError, builtin};
use std::path::{Path, PathBuf};

fn templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates")
}

/// The UN style file with `edit` applied to its text, loaded with its real assets.
fn un_style_edited(edit: impl Fn(&str) -> String) -> Result<HouseStyle, StyleError> {
    let dir = templates().join("un");
    let text = std::fs::read_to_string(dir.join("style.toml")).expect("un style");
    HouseStyle::parse(&dir.join("style.toml"), &edit(&text), |relative| {
        std::fs::read(dir.join(relative))
            .ok()
            .map(|bytes| release_style::Blob::Shared(bytes.into()))
    })
}

#[test]
fn the_builtin_styles_declare_their_checks() {
    let un = builtin("un").expect("un").checks;
    assert_eq!(un.headline.ideal_length, Some(120));
    assert_eq!(un.headline.max_length, None);
    assert_eq!(
        (un.length.min_words, un.length.max_words),
        (None, Some(1000))
    );
    assert!(un.emphasis.enabled && un.numbers.enabled && un.acronyms.forbid_full_stops);
    assert_eq!(un.numbers.per_cent, Some(PerCent::PerCent));
    assert_eq!(un.spacing.dash, " – ");

    let wire = builtin("newswire").expect("newswire").checks;
    assert_eq!(
        (wire.headline.ideal_length, wire.headline.max_length),
        (Some(80), Some(170))
    );
    assert_eq!(
        (wire.length.min_words, wire.length.max_words),
        (Some(300), Some(800))
    );
    assert!(!wire.emphasis.enabled && !wire.numbers.enabled);
    assert!(!wire.dateline.require_country);
}

#[test]
fn an_unknown_check_is_refused_naming_the_key() {
    let err = un_style_edited(|t| t.replace("links = {", "linkz = {")).expect_err("refused");
    let message = err.to_string();
    assert_eq!(err.code(), "style-bad-value", "{message}");
    assert!(
        message.contains("`checks.linkz`: unknown field `linkz`"),
        "{message}"
    );

    let err = un_style_edited(|t| t.replace("ideal_length = 120", "ideal_lenght = 120"))
        .expect_err("refused");
    assert!(err.to_string().contains("ideal_lenght"), "{err}");

    let err =
        un_style_edited(|t| t.replace("max_words = 1000", "min_words = 900, max_words = 800"))
            .expect_err("refused");
    assert!(err.to_string().contains("checks.length.min_words"), "{err}");
}

#[test]
fn a_style_without_checks_gets_the_defaults() {
    let style = un_style_edited(|t| {
        let start = t.find("[checks]").expect("table");
        let end = t[start..].find("[labels.en]").expect("labels") + start;
        format!("{}{}", &t[..start], &t[end..])
    })
    .expect("loads");
    assert_eq!(style.checks, Checks::default());
}

fn found(style: &str) -> Vec<(String, String)> {
    let checks = builtin(style).expect("style").checks;
    let today = Date::parse("2021-12-08").expect("date");
    lint(&example(), &checks, today)
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect()
}

/// The golden list: why each is a real defect is told in release-model's
/// `lint/golden.rs`, which checks the same list against the same values.
#[test]
fn the_example_under_the_un_style_file_finds_exactly_its_defects() {
    assert_eq!(
        found("un"),
        pairs(&[
            (
                "quotation-marks-unbalanced",
                "release.quotes[0].text[0].text"
            ),
            ("quote-unterminated", "release.quotes[2].text"),
            ("headline-long", "release.headline"),
            ("emphasis", "release.body[5].content[1].bold"),
            ("spelling-inconsistent", "release.body[3].content[0].text"),
            ("spaced-hyphen", "release.body[3].content[0].text"),
        ])
    );
}

#[test]
fn the_example_under_the_newswire_style_is_long_for_the_wire() {
    assert_eq!(
        found("newswire"),
        pairs(&[
            (
                "quotation-marks-unbalanced",
                "release.quotes[0].text[0].text"
            ),
            ("quote-unterminated", "release.quotes[2].text"),
            ("headline-long", "release.headline"),
            ("body-long", "release.body"),
            ("spelling-inconsistent", "release.body[3].content[0].text"),
            ("spaced-hyphen", "release.body[3].content[0].text"),
        ])
    );
    let checks = builtin("newswire").expect("newswire").checks;
    let today = Date::parse("2021-12-08").expect("date");
    let mut long = example();
    long.release.headline = "x ".repeat(90);
    let errors: Vec<String> = lint(&long, &checks, today)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.code)
        .collect();
    assert_eq!(errors, ["headline-too-long"]);
}
