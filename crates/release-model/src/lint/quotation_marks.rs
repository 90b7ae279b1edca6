//! Quotation marks: every “ and « closed in the same passage, and no straight
//! quotes (`"`, `'`) where the language writes typographic ones (all six do).
//!
//! Balance is counted over a whole paragraph or field, not run by run, so a
//! quotation may hold bold or a link. Single quotes are not balanced: ’ is
//! also the apostrophe.

use crate::finding::Finding;
use crate::language::Language;
use crate::lint::Context;
use crate::lint::passage::{Passage, char_before, in_address};

/// Opening and closing marks. Russian nests „…“ inside «…», so “ closes „
/// and opens ” alike; the stack sorts that out.
const PAIRS: [(char, char); 5] = [
    ('“', '”'),
    ('«', '»'),
    ('„', '“'),
    ('「', '」'),
    ('『', '』'),
];

pub(crate) fn check(cx: &Context, f: &mut Vec<Finding>) {
    for passage in &cx.passages {
        unbalanced(passage, f);
        straight(passage, cx.language, f);
    }
}

fn closer_of(open: char) -> Option<char> {
    PAIRS.iter().find(|p| p.0 == open).map(|p| p.1)
}

fn unbalanced(passage: &Passage, f: &mut Vec<Finding>) {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut stray: Vec<(usize, char)> = Vec::new();
    for (i, c) in passage.text.char_indices().filter(|(_, c)| !c.is_ascii()) {
        if open.last().and_then(|o| closer_of(o.1)) == Some(c) {
            open.pop();
        } else if closer_of(c).is_some() {
            open.push((i, c));
        } else if PAIRS.iter().any(|p| p.1 == c) {
            stray.push((i, c));
        }
    }
    let mut problems: Vec<(usize, String)> = open
        .into_iter()
        .map(|(i, c)| {
            let close = closer_of(c).unwrap_or(c);
            (
                i,
                format!("the quotation opened by {c} is never closed with {close}"),
            )
        })
        .chain(stray.into_iter().map(|(i, c)| {
            (
                i,
                format!("the closing quotation mark {c} has no opening one"),
            )
        }))
        .collect();
    problems.sort_by_key(|p| p.0);
    for (i, message) in problems {
        f.push(Finding::warning(
            "quotation-marks-unbalanced",
            passage.path_at(i),
            message,
        ));
    }
}

/// Opens a quotation when it follows nothing, a space, a bracket or a dash.
fn opens(before: Option<char>) -> bool {
    before.is_none_or(|c| c.is_whitespace() || "([{–—-/“‘«„".contains(c))
}

fn typographic(c: char, opening: bool, language: Language) -> &'static str {
    let marks = language.quote_marks();
    match (c, opening) {
        ('"', true) => marks.open,
        ('"', false) => marks.close,
        (_, true) => "‘",
        (_, false) => "’",
    }
}

/// One finding per string holding straight quotes, with a fix converting
/// them all, from the first to the last.
fn straight(passage: &Passage, language: Language, f: &mut Vec<Finding>) {
    for piece in &passage.pieces {
        let end = piece.start + piece.len;
        let text = &passage.text[piece.start..end];
        let positions: Vec<usize> = text
            .match_indices(['"', '\''])
            .map(|(i, _)| piece.start + i)
            .filter(|&i| !in_address(&passage.text, i))
            .collect();
        let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
            continue;
        };
        let mut replacement = String::new();
        let mut copied = first;
        for &i in &positions {
            replacement.push_str(&passage.text[copied..i]);
            let c = passage.text[i..].chars().next().unwrap_or('"');
            let opening = opens(char_before(&passage.text, i));
            replacement.push_str(typographic(c, opening, language));
            copied = i + 1;
        }
        let marks = language.quote_marks();
        f.push(
            Finding::warning(
                "quotation-marks-straight",
                piece.path.clone(),
                format!(
                    "straight quotes: this language writes {}…{} and ’",
                    marks.open.trim(),
                    marks.close.trim()
                ),
            )
            .with_fix(passage.fix(first..last + 1, &replacement)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::Run;
    use crate::lint::Checks;
    use crate::lint::test_support::*;

    fn checks() -> Checks {
        let mut c = Checks::none();
        c.quotation_marks.enabled = true;
        c
    }

    #[test]
    fn unbalanced_marks_fire_at_their_run() {
        let mut d = draft_with(vec![
            Run::plain("He said “this is fine and "),
            Run::bold("then"),
            Run::plain(" left."),
        ]);
        d.release
            .body
            .push(crate::draft::Block::paragraph(vec![Run::plain(
                "A stray ” here.",
            )]));
        assert_eq!(
            found(&d, &checks()),
            [
                (
                    "quotation-marks-unbalanced".into(),
                    "release.body[0].content[0].text".into()
                ),
                (
                    "quotation-marks-unbalanced".into(),
                    "release.body[1].content[0].text".into()
                )
            ]
        );
    }

    #[test]
    fn balanced_marks_across_runs_and_nested_russian_marks_are_quiet() {
        let d = draft_with(vec![
            Run::plain("He said “this is "),
            Run::bold("fine"),
            Run::plain("” and the JPoA’s plan."),
        ]);
        assert!(found(&d, &checks()).is_empty());
        let mut ru = draft_saying("Он сказал: «Проект „Центральная Азия“ начат».");
        ru.language = "ru".into();
        assert!(found(&ru, &checks()).is_empty());
    }

    #[test]
    fn straight_quotes_are_converted_per_language() {
        let d = draft_saying("He said \"it's done\" (and \"more\").");
        assert_eq!(fixed(&d, &checks()), "He said “it’s done” (and “more”).");
        let mut fr = draft_saying("Il a dit \"c'est fait\".");
        fr.language = "fr".into();
        assert_eq!(fixed(&fr, &checks()), "Il a dit «\u{A0}c’est fait\u{A0}».");
        let mut es = draft_saying("Dijo \"hecho\".");
        es.language = "es".into();
        assert_eq!(fixed(&es, &checks()), "Dijo «hecho».");
    }

    #[test]
    fn addresses_keep_their_straight_quotes() {
        let d = draft_saying("See https://example.org/?q='x' today.");
        assert!(found(&d, &checks()).is_empty());
    }
}
