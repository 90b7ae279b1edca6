//! Spelling in every UN language with the system's Hunspell dictionaries
//! (Debian's hunspell-* packages, which scripts/deps.sh installs): the
//! bundled example releases are clean, typos planted in them are found at
//! their field with the intended word as the fix, and the house's, the
//! user's and the draft's own words are not flagged.

use release_model::{Date, Draft, Finding, apply_fix, load};
use release_pipeline::{Photos, Spelling, Styles, Unavailable, check};
use release_spelling::system_dirs;
use std::path::Path;

fn example(language: &str) -> Draft {
    let text = match language {
        "en" => release_model::EXAMPLE_JSON.to_owned(),
        l => {
            let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../../templates/examples/example.{l}.release.json"));
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
        }
    };
    load(&text).expect("an example draft").draft
}

fn misspellings(draft: &Draft, spelling: &Spelling) -> Vec<Finding> {
    let styles = Styles::new(None);
    let today = Date::parse("2021-12-08").expect("date");
    check(
        draft,
        &styles.get(&draft.style),
        today,
        &Photos::default(),
        spelling,
    )
    .into_iter()
    .filter(|f| f.code == "misspelling")
    .collect()
}

fn system() -> Spelling {
    Spelling::new(system_dirs(), None)
}

/// The first paragraph's text, with `word` replaced by `typo`.
fn planted(language: &str, word: &str, typo: &str) -> Draft {
    let mut draft = example(language);
    let release_model::Block::Paragraph { content, .. } = &mut draft.release.body[0] else {
        panic!("body[0] is a paragraph");
    };
    let text = &mut content[0].text;
    assert!(
        text.contains(word),
        "{language}: `{word}` is not in body[0]: {text}"
    );
    *text = text.replacen(word, typo, 1);
    draft
}

#[test]
fn every_language_has_its_dictionary_installed() {
    let style = release_style::builtin("un").expect("un");
    for (language, dictionary) in [
        ("en", "en_GB"),
        ("fr", "fr_FR"),
        ("es", "es_ES"),
        ("ru", "ru_RU"),
        ("ar", "ar"),
    ] {
        let checker = system()
            .checker(language, &style.spelling)
            .unwrap_or_else(|e| panic!("{language}: {e} (scripts/deps.sh installs them)"));
        assert_eq!(checker.dictionary(), dictionary, "{language}");
    }
}

#[test]
fn the_examples_raise_at_most_two_findings_that_are_not_misspellings() {
    let spelling = system();
    // The English example is American where UN English is British:
    // `signaled` and `analyze` are the UN Editorial Manual's `signalled`
    // and `analyse`, so both are real findings of the style.
    let en: Vec<String> = misspellings(&example("en"), &spelling)
        .into_iter()
        .filter_map(|f| f.word)
        .collect();
    assert_eq!(en, ["signaled", "analyze"]);
    for language in ["fr", "es", "ru", "ar"] {
        let found = misspellings(&example(language), &spelling);
        assert!(found.is_empty(), "{language}: {found:#?}");
    }
}

#[test]
fn planted_typos_are_found_with_the_intended_word_first() {
    let spelling = system();
    let cases = [
        ("en", "jointly", "jointley", "jointly"),
        ("en", "launched", "lauched", "launched"),
        ("fr", "régional", "régionnal", "régional"),
        ("fr", "préventive", "préventiv", "préventive"),
        ("es", "Regional", "Regionnal", "Regional"),
        ("es", "Diplomacia", "Diplomasia", "Diplomacia"),
        ("ru", "Региональный", "Регеональный", "Региональный"),
        ("ru", "дипломатии", "дипломатиии", "дипломатии"),
        ("ar", "الإرهاب", "الإرهب", "الإرهاب"),
        ("ar", "الإقليمي", "الإقلمي", "الإقليمي"),
    ];
    let mut first_right = 0;
    for (language, word, typo, intended) in cases {
        let draft = planted(language, word, typo);
        let found: Vec<Finding> = misspellings(&draft, &spelling)
            .into_iter()
            .filter(|f| f.word.as_deref() == Some(typo))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{language}: `{typo}` not found once: {found:#?}"
        );
        let finding = &found[0];
        assert_eq!(
            finding.path, "release.body[0].content[0].text",
            "{language}"
        );
        let Some(fix) = &finding.fix else {
            continue;
        };
        let fixed = apply_fix(&draft, fix).expect("the fix applies");
        let suggestion_is_intended = fix.after.split_whitespace().any(|w| w == intended);
        println!("{language}: {typo} -> {:?}", fix.after);
        if suggestion_is_intended {
            first_right += 1;
            assert!(
                misspellings(&fixed, &spelling)
                    .iter()
                    .all(|f| f.word.as_deref() != Some(intended)),
                "{language}: the fixed word is flagged"
            );
        }
        assert_eq!(apply_fix(&fixed, &fix.reverse()).expect("undo"), draft);
    }
    assert!(
        first_right * 10 >= cases.len() * 9,
        "the intended word came first for only {first_right} of {}",
        cases.len()
    );
}

#[test]
fn a_typo_no_one_letter_edit_mends_still_gets_hunspells_n_gram_suggestion() {
    // "Diplomasie" is two edits from any word: Hunspell's quick edits find
    // nothing, and its pass over the whole word list finds "Diploma".
    let spelling = system();
    let draft = planted("en", "Diplomacy", "Diplomasie");
    let found: Vec<Finding> = misspellings(&draft, &spelling)
        .into_iter()
        .filter(|f| f.word.as_deref() == Some("Diplomasie"))
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let fix = found[0].fix.as_ref().expect("a suggestion");
    assert!(
        fix.after.split_whitespace().any(|w| w == "Diploma"),
        "suggested {:?}",
        fix.after
    );
}

#[test]
fn draft_names_house_words_and_acronyms_are_not_flagged() {
    let spelling = system();
    let mut draft = example("en");
    draft.release.dateline.city = "Kzylorda".into();
    draft.release.contacts[0].name = "Ms. Aigerim Zhaksylykova".into();
    let release_model::Block::Paragraph { content, .. } = &mut draft.release.body[0] else {
        panic!("a paragraph");
    };
    content[0].text = "In Kzylorda, Ms. Zhaksylykova of UNOCT and the JPoA team met the \
        Under-Secretary-General in Türkiye and Nur-Sultan on counter-terrorism in 2021, \
        www.un.org/counterterrorism, gerardl@un.org."
        .into();
    let found: Vec<Finding> = misspellings(&draft, &spelling)
        .into_iter()
        .filter(|f| f.path.starts_with("release.body[0]"))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_users_words_are_kept_and_survive_a_restart() {
    let root = tempfile::tempdir().expect("tempdir");
    let file = root.path().join("release-composer").join("dictionary.txt");
    let draft = planted("en", "jointly", "Zhanibekov");
    let spelling = Spelling::new(system_dirs(), Some(file.clone()));
    assert_eq!(
        misspellings(&draft, &spelling).len(),
        3,
        "Zhanibekov and the two American spellings"
    );
    spelling.add_word("Zhanibekov").expect("added");
    assert_eq!(spelling.user_words(), ["zhanibekov"]);
    let again = Spelling::new(system_dirs(), Some(file.clone()));
    let words: Vec<String> = misspellings(&draft, &again)
        .into_iter()
        .filter_map(|f| f.word)
        .collect();
    assert_eq!(words, ["signaled", "analyze"]);
    let saved = std::fs::read_to_string(&file).expect("written");
    assert!(saved.lines().any(|l| l == "zhanibekov"), "{saved}");

    for bad in ["two words", "", "line\nbreak", &"x".repeat(65)] {
        let e = again.add_word(bad).expect_err("not a word");
        assert!(e.to_string().contains("is not one word"), "{e}");
    }
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), saved);
}

#[test]
fn a_missing_dictionary_is_named_with_its_package() {
    let empty = tempfile::tempdir().expect("tempdir");
    let spelling = Spelling::new(vec![empty.path().to_owned()], None);
    let style = release_style::builtin("un").expect("un");
    let Err(e) = spelling.checker("fr", &style.spelling) else {
        panic!("no French dictionary in an empty folder");
    };
    assert!(matches!(e, Unavailable::Missing { .. }), "{e:?}");
    let message = e.to_string();
    assert!(
        message.contains("French") && message.contains("fr_FR") && message.contains("hunspell-fr"),
        "{message}"
    );
    // Nothing is flagged then, and nothing panics.
    assert!(misspellings(&planted("fr", "régional", "régionnal"), &spelling).is_empty());
    let Err(zh) = system().checker("zh", &style.spelling) else {
        panic!("Chinese is not spell-checked");
    };
    assert_eq!(zh.to_string(), "spelling is not checked in Chinese");
}

#[test]
fn the_exact_variant_missing_gives_a_note_and_the_fallback() {
    let style = release_style::builtin("un").expect("un");
    let choice = system()
        .choose("en", &style.spelling)
        .expect("en_GB installed");
    assert_eq!(choice.dictionary, "en_GB");
    let note = choice.note.expect("a note");
    assert!(
        note.contains("en_GB-ize") && note.contains("en_GB"),
        "{note}"
    );
    let newswire = release_style::builtin("newswire").expect("newswire");
    let us = system()
        .choose("en", &newswire.spelling)
        .expect("en_US installed");
    assert_eq!((us.dictionary.as_str(), us.note), ("en_US", None));
    let tagged = system().choose("en-US", &style.spelling).expect("en_US");
    assert_eq!(tagged.dictionary, "en_US");
}

#[test]
fn a_damaged_dictionary_is_a_named_condition() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("fr_FR.aff"), [0xff, 0xfe, 0x00]).expect("write");
    std::fs::write(dir.path().join("fr_FR.dic"), "1\nmot\n").expect("write");
    let spelling = Spelling::new(vec![dir.path().to_owned()], None);
    let style = release_style::builtin("un").expect("un");
    let Err(e) = spelling.checker("fr", &style.spelling) else {
        panic!("a file that is not UTF-8 is refused");
    };
    assert!(matches!(e, Unavailable::Unreadable { .. }), "{e:?}");
    assert!(e.to_string().contains("fr_FR.aff"), "{e}");
}

/// Every misspelling of each example with planted typos, as (field, word,
/// fix), for comparing checks.
fn judged(spelling: &Spelling) -> Vec<(String, String, Option<String>)> {
    [
        ("en", "jointly", "jointley"),
        ("fr", "régional", "régionnal"),
        ("ru", "дипломатии", "дипломатиии"),
        ("ar", "الإرهاب", "الإرهب"),
    ]
    .into_iter()
    .flat_map(|(l, word, typo)| misspellings(&planted(l, word, typo), spelling))
    .map(|f| (f.path, f.word.unwrap_or_default(), f.fix.map(|x| x.after)))
    .collect()
}

#[test]
fn verdicts_kept_from_an_earlier_run_give_the_same_findings_without_the_dictionary() {
    let cache = tempfile::tempdir().expect("tempdir");
    let kept = || Spelling::new(system_dirs(), None).with_verdicts_dir(Some(cache.path().into()));
    let style = release_style::builtin("un").expect("un");
    let parsed = |spelling: &Spelling| {
        ["en", "fr", "ru", "ar"].map(|l| {
            spelling
                .checker(l, &style.spelling)
                .expect("installed")
                .is_parsed()
        })
    };

    let fresh = judged(&system());
    assert!(fresh.len() >= 5, "{fresh:#?}");
    let first = kept();
    assert_eq!(judged(&first), fresh);
    assert_eq!(parsed(&first), [true; 4], "no verdicts yet: parsed");
    first.save_verdicts();
    let files = std::fs::read_dir(cache.path()).expect("written").count();
    assert_eq!(files, 4, "a file a dictionary");

    // A second run: the same findings, suggestions included, and no
    // dictionary parsed, as every word was judged before.
    let second = kept();
    assert_eq!(judged(&second), fresh);
    assert_eq!(parsed(&second), [false; 4]);

    // A word not judged before parses its dictionary, and is judged right.
    let draft = planted("en", "jointly", "jointlyy");
    let words: Vec<String> = misspellings(&draft, &second)
        .into_iter()
        .filter_map(|f| f.word)
        .collect();
    assert_eq!(words, ["jointlyy", "signaled", "analyze"]);
    assert_eq!(parsed(&second), [true, false, false, false]);
}

#[test]
fn kept_verdicts_of_a_changed_dictionary_are_not_used() {
    let dictionaries = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    let system_en = system()
        .choose("en", &release_style::builtin("un").expect("un").spelling)
        .expect("en_GB");
    std::fs::copy(&system_en.aff, dictionaries.path().join("en_GB.aff")).expect("copied");
    let dic = std::fs::read_to_string(&system_en.dic).expect("read");
    std::fs::write(dictionaries.path().join("en_GB.dic"), &dic).expect("copied");
    let spelling = || {
        Spelling::new(vec![dictionaries.path().into()], None)
            .with_verdicts_dir(Some(cache.path().into()))
    };
    let draft = planted("en", "jointly", "Zhanibekov");
    let words = |s: &Spelling| -> Vec<String> {
        misspellings(&draft, s)
            .into_iter()
            .filter_map(|f| f.word)
            .collect()
    };
    let first = spelling();
    assert_eq!(words(&first), ["Zhanibekov", "signaled", "analyze"]);
    first.save_verdicts();

    // The dictionary learns the name: the kept verdict that it is unknown
    // must not outlive the change.
    let (count, rest) = dic.split_once('\n').expect("a count line");
    let count: usize = count
        .trim_start_matches('\u{feff}')
        .trim()
        .parse()
        .expect("a count");
    std::fs::write(
        dictionaries.path().join("en_GB.dic"),
        format!("{}\nZhanibekov\n{rest}", count + 1),
    )
    .expect("written");
    let second = spelling();
    assert_eq!(words(&second), ["signaled", "analyze"]);
    second.save_verdicts();
    let files: Vec<String> = std::fs::read_dir(cache.path())
        .expect("listed")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files.len(),
        1,
        "the old dictionary's file is gone: {files:?}"
    );
}

#[test]
fn a_damaged_verdicts_file_is_ignored_and_replaced() {
    let cache = tempfile::tempdir().expect("tempdir");
    let kept = || Spelling::new(system_dirs(), None).with_verdicts_dir(Some(cache.path().into()));
    let first = kept();
    let fresh = judged(&first);
    first.save_verdicts();
    for entry in std::fs::read_dir(cache.path()).expect("listed") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        // Every verdict turned to "spelled right", and one line's order broken.
        let damaged = text.replace("\t-", "\t+").replacen('\n', "\nzzz\t+\n", 2);
        std::fs::write(&path, damaged).expect("written");
    }
    let second = kept();
    assert_eq!(judged(&second), fresh, "the damaged files are not believed");
    second.save_verdicts();
    assert_eq!(judged(&kept()), fresh);
}
