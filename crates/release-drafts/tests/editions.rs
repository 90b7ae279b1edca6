//! Language editions in a real library folder: making them, their group,
//! how they stand against a source that changed, sharing the date.

mod common;

use common::fixture;
use release_drafts::{DraftsError, Template};
use release_model::{Block, ChangeKind, EDITION_FIELD, Embargo, Part, Run, edition, untranslated};

fn body_text(blocks: &[Block]) -> String {
    match &blocks[0] {
        Block::Paragraph { content, .. } => release_model::inline_text(content),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_edition_copies_exactly_the_facts_and_the_text_to_translate() {
    let f = fixture();
    let mut en = f.library.create(Template::Example).expect("example");
    release_drafts::Library::set_title(&f.library, &en.id, "Dushanbe launch", None).expect("title");
    en = f.library.load(&en.id).expect("loads");
    en.draft.release.embargo = Some(Embargo {
        until: "2021-12-08T10:00:00+05:00".into(),
        ..Embargo::default()
    });
    en.draft.release.reference = "UNOCT/PR/21".into();
    let saved = f
        .library
        .save(&en.id, &en.draft, Some(&en.revision))
        .expect("saves");

    let fr = f.library.new_edition(&en.id, "fr").expect("edition");
    assert_ne!(fr.id, en.id);
    let on_disk = f.library.load(&fr.id).expect("on disk").draft;
    assert_eq!(on_disk, fr.draft);
    assert_eq!(fr.draft.language, "fr");
    assert_eq!(fr.draft.style, en.draft.style);
    // Facts and text alike start as the source's; the title is not copied.
    assert_eq!(fr.draft.release, en.draft.release);
    assert!(
        !fr.draft.extra.contains_key("title"),
        "{:?}",
        fr.draft.extra
    );
    let link = edition(&fr.draft).expect("linked");
    assert_eq!(
        (link.group.as_str(), link.source.as_str()),
        (en.id.as_str(), en.id.as_str())
    );
    assert_eq!(link.revision, saved.revision.to_string());
    assert_eq!(link.source_language, "en");
    assert_eq!(link.synced(Part::Body), Part::Body.text(&en.draft.release));
    // The text is marked untranslated, part by part, at its field.
    let paths: Vec<String> = untranslated(&fr.draft)
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert_eq!(
        paths,
        [
            "release.headline",
            "release.dateline.city",
            "release.body",
            "release.quotes",
            "release.closing"
        ]
    );
    // The source is not touched.
    let source = f.library.load(&en.id).expect("source");
    assert_eq!(source.revision, saved.revision);
    assert!(!source.draft.extra.contains_key(EDITION_FIELD));
}

#[test]
fn editions_of_editions_link_to_the_group_and_the_list_groups_them() {
    let f = fixture();
    let en = f.library.create(Template::Example).expect("example");
    let other = f.library.create(Template::Blank).expect("another release");
    let fr = f.library.new_edition(&en.id, "fr").expect("fr");
    let es = f.library.new_edition(&fr.id, "es").expect("es");
    let link = edition(&es.draft).expect("linked");
    assert_eq!(link.group, en.id);
    assert_eq!(link.source, fr.id);
    assert_eq!(link.source_language, "fr");

    let list = f.library.list().expect("lists");
    let group_of = |id: &str| {
        list.iter()
            .find(|e| e.id == id)
            .expect("listed")
            .group
            .clone()
    };
    assert_eq!(group_of(&en.id), en.id);
    assert_eq!(group_of(&fr.id), en.id);
    assert_eq!(group_of(&es.id), en.id);
    assert_eq!(group_of(&other.id), other.id);
    let mut members: Vec<String> = f
        .library
        .group(&en.id)
        .expect("group")
        .into_iter()
        .map(|e| e.id)
        .collect();
    members.sort();
    let mut expected = vec![en.id.clone(), fr.id.clone(), es.id.clone()];
    expected.sort();
    assert_eq!(members, expected);
    let languages: Vec<String> = f
        .library
        .group(&en.id)
        .expect("group")
        .into_iter()
        .map(|e| e.summary.language)
        .collect();
    assert!(languages.contains(&"es".to_owned()) && languages.contains(&"fr".to_owned()));
}

#[test]
fn an_edition_in_its_own_or_a_taken_or_an_unknown_language_is_refused() {
    let f = fixture();
    let en = f.library.create(Template::Example).expect("example");
    let fr = f.library.new_edition(&en.id, "fr-CA").expect("fr");
    let before = f.library.list().expect("lists").len();
    for (from, language, code) in [
        (&en.id, "en-GB", "edition-language"),
        (&en.id, "de", "edition-language"),
        (&en.id, "", "edition-language"),
        (&en.id, "fr", "edition-exists"),
        (&fr.id, "en", "edition-exists"),
    ] {
        let err = f.library.new_edition(from, language).expect_err(language);
        assert_eq!(err.code(), code, "{language}: {err}");
        assert!(err.to_string().contains(from.as_str()), "{err}");
    }
    let err = f.library.new_edition(&en.id, "fr").expect_err("taken");
    assert!(
        err.to_string().contains(&fr.id),
        "names the edition that exists: {err}"
    );
    assert_eq!(
        f.library.list().expect("lists").len(),
        before,
        "nothing was made"
    );
    let err = f.library.new_edition("../x", "fr").expect_err("bad id");
    assert!(matches!(err, DraftsError::InvalidId { .. }), "{err}");
}

#[test]
fn a_changed_source_is_found_at_its_part_with_the_changed_words() {
    let f = fixture();
    let en = f.library.create(Template::Example).expect("example");
    let mut fr = f.library.new_edition(&en.id, "fr").expect("fr");
    fr.draft.release.body[0] = Block::paragraph(vec![Run::plain("Le Centre des Nations Unies …")]);
    let fr_saved = f
        .library
        .save(&fr.id, &fr.draft, Some(&fr.revision))
        .expect("saves");
    assert!(
        f.library
            .edition_status(&fr.draft)
            .expect("status")
            .expect("an edition")
            .stale
            .is_empty()
    );
    assert!(
        f.library
            .edition_status(&en.draft)
            .expect("status")
            .is_none()
    );

    let mut source = f.library.load(&en.id).expect("source");
    let Block::Paragraph { content, .. } = &mut source.draft.release.body[0] else {
        panic!("paragraph")
    };
    content[0].text =
        content[0]
            .text
            .replacen("Counter-Terrorism Centre", "Counter-Terrorism Center", 1);
    source.draft.release.contacts[0].phone = "+1 212 963 1234".into();
    f.library
        .save(&en.id, &source.draft, Some(&source.revision))
        .expect("source saved");

    let status = f
        .library
        .edition_status(&fr.draft)
        .expect("status")
        .expect("an edition");
    assert!(status.source_found);
    assert_eq!(status.source, en.id);
    // A phone number is a fact, not a translated part: only the body.
    assert_eq!(status.stale.len(), 1, "{:?}", status.stale);
    let stale = &status.stale[0];
    assert_eq!(
        (stale.part, stale.path.as_str()),
        (Part::Body, "release.body")
    );
    assert!(
        stale
            .message
            .starts_with("The English edition's body changed since this edition was made"),
        "{}",
        stale.message
    );
    let pieces = |kind| -> Vec<&str> {
        stale
            .changes
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.text.as_str())
            .collect()
    };
    assert_eq!(pieces(ChangeKind::Removed), ["Centre"]);
    assert_eq!(pieces(ChangeKind::Added), ["Center"]);
    assert!(!stale.untranslated);

    // Brought up to date: the translation stays, nothing is stale, the
    // edition records the source's new revision.
    let mut draft = fr.draft.clone();
    f.library
        .bring_up_to_date(&fr.id, &mut draft, Part::Body)
        .expect("up to date");
    assert_eq!(
        body_text(&draft.release.body),
        "Le Centre des Nations Unies …"
    );
    assert!(
        f.library
            .edition_status(&draft)
            .expect("status")
            .expect("edition")
            .stale
            .is_empty()
    );
    let now = f.library.load(&en.id).expect("source").revision.to_string();
    assert_eq!(edition(&draft).expect("linked").revision, now);
    f.library
        .save(&fr.id, &draft, Some(&fr_saved.revision))
        .expect("saves");
}

#[test]
fn a_source_that_is_gone_is_said_to_be_gone() {
    let f = fixture();
    let en = f.library.create(Template::Example).expect("example");
    let fr = f.library.new_edition(&en.id, "fr").expect("fr");
    f.library.delete(&en.id).expect("deleted");
    let status = f
        .library
        .edition_status(&fr.draft)
        .expect("status")
        .expect("edition");
    assert!(!status.source_found);
    assert!(status.stale.is_empty());
    let mut draft = fr.draft.clone();
    let err = f
        .library
        .bring_up_to_date(&fr.id, &mut draft, Part::Body)
        .expect_err("no source");
    assert_eq!(err.code(), "not-found");
    assert_eq!(draft, fr.draft, "nothing changed");
    // A hostile source id is not followed out of the library.
    let mut hostile = fr.draft.clone();
    let mut link = edition(&hostile).expect("linked");
    link.source = "../../etc/passwd".into();
    release_model::set_edition(&mut hostile, &link);
    assert!(
        !f.library
            .edition_status(&hostile)
            .expect("status")
            .expect("edition")
            .source_found
    );
}

#[test]
fn the_date_and_embargo_go_to_every_edition_on_request() {
    let f = fixture();
    let en = f.library.create(Template::Example).expect("example");
    let fr = f.library.new_edition(&en.id, "fr").expect("fr");
    let ar = f.library.new_edition(&fr.id, "ar").expect("ar");
    let mut changed = f.library.load(&fr.id).expect("fr").draft;
    changed.release.dateline.date = "2021-12-09".into();
    changed.release.embargo = Some(Embargo {
        until: "2021-12-09T09:00:00+05:00".into(),
        ..Embargo::default()
    });
    let mut behind: Vec<String> = f
        .library
        .editions_out_of_step(&fr.id, &changed)
        .expect("step")
        .into_iter()
        .map(|e| e.id)
        .collect();
    behind.sort();
    let mut expected = vec![en.id.clone(), ar.id.clone()];
    expected.sort();
    assert_eq!(behind, expected);
    let mut done = f
        .library
        .share_date_and_embargo(&fr.id, &changed)
        .expect("shared");
    done.sort();
    assert_eq!(done, expected);
    for id in [&en.id, &ar.id] {
        let d = f.library.load(id).expect("loads").draft;
        assert_eq!(d.release.dateline.date, "2021-12-09");
        assert_eq!(d.release.embargo, changed.release.embargo);
        assert!(
            f.library.history(id).expect("history").len() >= 2,
            "a snapshot was kept"
        );
    }
    assert!(
        f.library
            .editions_out_of_step(&fr.id, &changed)
            .expect("step")
            .is_empty()
    );
}
