//! A release's language editions exported together from a real library:
//! every edition in every format under names that carry its language, and
//! each e-mail listing the other editions (read back by Python's `email`
//! package) when its style asks for it.

use release_drafts::{Library, Template};
use release_model::Date;
use release_pipeline::{
    ExportOptions, Format, PipelineError, Spelling, Styles, edition_file_name,
    other_edition_languages, prepare_editions, write_export,
};
use release_test_tools::read_eml;
use std::collections::BTreeMap;

fn today() -> Date {
    Date::parse("2021-12-08").expect("date")
}

/// English, its French edition and an Arabic edition of the French one.
fn release(dir: &std::path::Path) -> (Library, [String; 3]) {
    let library = Library::open(dir.join("drafts")).expect("library");
    let en = library.create(Template::Example).expect("example").id;
    let fr = library.new_edition(&en, "fr").expect("fr").id;
    let ar = library.new_edition(&fr, "ar").expect("ar").id;
    (library, [en, fr, ar])
}

#[test]
fn every_edition_in_every_format_and_each_e_mail_lists_the_others() {
    let dir = tempfile::tempdir().expect("temp");
    let (library, [en, fr, ar]) = release(dir.path());
    let editions = prepare_editions(&library, &fr, &Styles::new(None), today(), &Spelling::off())
        .expect("prepared");
    let mut by_language = BTreeMap::new();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("out");
    for edition in editions {
        let prepared = edition.prepared.expect("no errors");
        let options = ExportOptions {
            other_editions: edition.other_editions.clone(),
            ..ExportOptions::default()
        };
        let mut files = Vec::new();
        for format in Format::ALL {
            let name = edition_file_name(&prepared.draft, format);
            let bytes = prepared
                .render_with(format, &options)
                .expect("renders")
                .bytes;
            write_export(&out.join(&name), &bytes).expect("written");
            files.push(name);
        }
        by_language.insert(edition.language.clone(), (edition.id, files));
    }
    assert_eq!(by_language.len(), 3);
    assert_eq!(by_language["en"].0, en);
    assert_eq!(by_language["fr"].0, fr);
    assert_eq!(by_language["ar"].0, ar);
    let mut names: Vec<&String> = by_language.values().flat_map(|(_, f)| f).collect();
    names.sort();
    names.dedup();
    assert_eq!(
        names.len(),
        15,
        "no edition takes another's file name: {names:?}"
    );
    assert!(
        by_language["fr"].1[0].ends_with(".fr.pdf"),
        "{:?}",
        by_language["fr"].1
    );
    assert!(
        by_language["ar"].1[2].ends_with(".ar.eml"),
        "{:?}",
        by_language["ar"].1
    );

    let mail = |language: &str| read_eml(&out.join(&by_language[language].1[2]));
    let english = mail("en");
    assert!(
        english["defects"].as_array().expect("defects").is_empty(),
        "{english}"
    );
    let line = |m: &serde_json::Value, key: &str| -> String {
        m[key]
            .as_str()
            .expect("text")
            .lines()
            .find(|l| l.contains("Français") || l.contains("English"))
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    for key in ["plain", "html_text"] {
        let listed = line(&english, key);
        assert!(
            listed == "This release is also available in Français, العربية."
                || listed == "This release is also available in العربية, Français.",
            "{key}: {listed:?}"
        );
    }
    let french = line(&mail("fr"), "plain");
    assert!(
        french.starts_with("Ce communiqué est aussi publié en "),
        "{french}"
    );
    assert!(
        french.contains("English") && french.contains("العربية"),
        "{french}"
    );
    let arabic = line(&mail("ar"), "plain");
    assert!(
        arabic.starts_with("هذا البيان متاح أيضًا باللغات"),
        "{arabic}"
    );
}

#[test]
fn a_style_without_the_label_lists_no_editions() {
    let dir = tempfile::tempdir().expect("temp");
    let (library, [en, ..]) = release(dir.path());
    let mut opened = library.load(&en).expect("loads");
    opened.draft.style = "newswire".into();
    library
        .save(&en, &opened.draft, Some(&opened.revision))
        .expect("saves");
    let others = other_edition_languages(&library, &en, &opened.draft);
    assert_eq!(others.len(), 2, "{others:?}");
    let editions = prepare_editions(&library, &en, &Styles::new(None), today(), &Spelling::off())
        .expect("prepared");
    let edition = editions.into_iter().find(|e| e.id == en).expect("en");
    let options = ExportOptions {
        other_editions: edition.other_editions,
        ..ExportOptions::default()
    };
    let prepared = edition.prepared.expect("prepared");
    let text = prepared
        .render_with(Format::Text, &options)
        .expect("text")
        .bytes;
    let text = String::from_utf8(text).expect("utf-8");
    assert!(!text.contains("Français"), "{text}");
    assert!(!text.contains("also available"), "{text}");
}

#[test]
fn an_edition_with_errors_does_not_hold_back_the_others() {
    let dir = tempfile::tempdir().expect("temp");
    let (library, [_, fr, ar]) = release(dir.path());
    let mut opened = library.load(&ar).expect("loads");
    opened.draft.release.headline.clear();
    library
        .save(&ar, &opened.draft, Some(&opened.revision))
        .expect("saves");
    let editions = prepare_editions(&library, &fr, &Styles::new(None), today(), &Spelling::off())
        .expect("prepared");
    assert_eq!(editions.len(), 3);
    for edition in editions {
        match (edition.id == ar, edition.prepared) {
            (true, Err(PipelineError::Refused { findings })) => {
                assert!(
                    findings.iter().any(|f| f.path == "release.headline"),
                    "{findings:?}"
                );
            }
            (false, Ok(_)) => {}
            (is_ar, other) => panic!("{} ({is_ar}): {other:?}", edition.language),
        }
    }
}
