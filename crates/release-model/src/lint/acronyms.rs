//! Acronyms: an acronym is spelled out once, at its first use, as
//! "Joint Plan of Action (JPoA)". Flagged: an acronym used before the
//! parentheses that define it, and one defined twice. Optionally (UN style)
//! acronyms written with full stops, `U.N.`.
//!
//! Read in the order a reader meets them: body, quotations (titles included),
//! closing. The headline may use an acronym the body defines; notes to
//! editors and the About boilerplate stand alone and may define again.
//! Acronyms never defined in parentheses (UN, EU) are not this check's business.
//! A joint acronym `(UNOCT-UNCCT)` defines its parts as well.

use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::checks::AcronymCheck;
use crate::lint::passage::{Passage, Section, char_at, char_before, words};
use std::collections::HashMap;

pub(crate) fn check(cx: &Context, rules: &AcronymCheck, f: &mut Vec<Finding>) {
    order(cx, f);
    if rules.forbid_full_stops {
        for passage in &cx.passages {
            full_stops(passage, f);
        }
    }
}

/// Two or more capitals, starting with one, letters and digits only:
/// `UNOCT`, `JPoA`, `PCVE`, `G20` is not (one capital).
fn is_acronym(word: &str) -> bool {
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && capitals >= 2
        && capitals * 2 >= word.chars().count()
        && word.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A position in reading order: passage, then byte.
type At = (usize, usize);

fn order(cx: &Context, f: &mut Vec<Finding>) {
    let read: Vec<(usize, &Passage)> = cx
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.section, Section::Body | Section::Quote | Section::Closing))
        .collect();
    // First pass: definitions `(X)`, where they are, and the first of each.
    let mut defined: HashMap<&str, At> = HashMap::new();
    let mut seen_in_parentheses: HashMap<&str, At> = HashMap::new();
    for &(n, passage) in &read {
        let text = passage.text.as_str();
        for (i, word) in words(text) {
            let in_parentheses =
                char_before(text, i) == Some('(') && char_at(text, i + word.len()) == Some(')');
            if !in_parentheses {
                continue;
            }
            let parts: Vec<&str> = word.split('-').collect();
            if !parts.iter().all(|p| is_acronym(p)) {
                continue;
            }
            if let Some(first) = seen_in_parentheses.get(word) {
                let first_path = cx.passages[first.0].path_at(first.1);
                f.push(Finding::warning(
                    "acronym-defined-twice",
                    passage.path_at(i),
                    format!("{word} is spelled out again; it was defined at {first_path}: use the acronym alone"),
                ));
                continue;
            }
            seen_in_parentheses.insert(word, (n, i));
            for name in
                std::iter::once(word).chain(parts.iter().copied().filter(|_| parts.len() > 1))
            {
                defined.entry(name).or_insert((n, i));
            }
        }
    }
    // Second pass: uses before the definition.
    let mut reported: Vec<&str> = Vec::new();
    for &(n, passage) in &read {
        let text = passage.text.as_str();
        for (i, word) in words(text) {
            if defined.is_empty() || !word.bytes().any(|b| b.is_ascii_uppercase()) {
                continue;
            }
            for part in std::iter::once(word).chain(word.split('-').filter(|_| word.contains('-')))
            {
                let Some(&at) = defined.get(part) else {
                    continue;
                };
                if (n, i) < at && !reported.contains(&part) {
                    reported.push(part);
                    let where_ = cx.passages[at.0].path_at(at.1);
                    f.push(Finding::warning(
                        "acronym-before-definition",
                        passage.path_at(i),
                        format!("{part} is used here before it is spelled out (at {where_}): spell it out at its first use"),
                    ));
                }
            }
        }
    }
}

/// `U.N.`, `U.S.A.`: single capitals each followed by a full stop.
fn full_stops(passage: &Passage, f: &mut Vec<Finding>) {
    let text = passage.text.as_str();
    let mut i = 0;
    while let Some(skip) = text[i..].find(|c: char| c.is_ascii_uppercase()) {
        let start = i + skip;
        let mut end = start;
        let bytes = text.as_bytes();
        while end + 1 < bytes.len() && bytes[end].is_ascii_uppercase() && bytes[end + 1] == b'.' {
            end += 2;
        }
        let letters = (end - start) / 2;
        let joined = char_before(text, start).is_some_and(char::is_alphanumeric)
            || char_at(text, end).is_some_and(char::is_alphanumeric);
        if letters >= 2 && !joined {
            let plain: String = text[start..end].chars().filter(|c| *c != '.').collect();
            // Safe to drop the stops only where no sentence can end here.
            let next = text[end..].chars().find(|c| *c != ' ');
            let safe = next.is_some_and(|c| c.is_lowercase() || ",;:)".contains(c))
                && text[end..].starts_with([' ', ',', ';', ':', ')']);
            f.push(
                Finding::warning(
                    "acronym-full-stops",
                    passage.path_at(start),
                    format!(
                        "{} is written {plain} in this house style, without full stops",
                        &text[start..end]
                    ),
                )
                .with_fix(if safe {
                    passage.fix(start..end, &plain)
                } else {
                    None
                }),
            );
        }
        i = end.max(start + 1);
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::Quote;
    use crate::draft::Run;
    use crate::lint::test_support::*;
    use crate::lint::{Checks, apply_fix, lint};

    fn checks(full_stops: bool) -> Checks {
        let mut c = Checks::none();
        c.acronyms.enabled = true;
        c.acronyms.forbid_full_stops = full_stops;
        c
    }

    #[test]
    fn use_before_definition_and_second_definitions_fire() {
        let d = draft_saying(
            "The CTED met. The Counter-Terrorism Committee Executive Directorate (CTED) and the Joint Plan of Action (JPoA) agreed. The Joint Plan (JPoA) stands.",
        );
        assert_eq!(
            codes(&d, &checks(false)),
            ["acronym-defined-twice", "acronym-before-definition"]
        );
    }

    #[test]
    fn definitions_in_order_and_joint_acronyms_are_quiet() {
        let mut d = draft_saying(
            "The Centre of the Office (UNOCT-UNCCT) and the UN met. Later, UNOCT and UNCCT spoke of the PCVE, not defined here. (Recorded) (CT)",
        );
        d.release.quotes = vec![Quote {
            speaker: "Mr. V".into(),
            title: "Under-Secretary-General of the Office (UNOCT)".into(),
            text: vec![Run::plain("UNOCT-UNCCT works.")],
            ..Quote::default()
        }];
        d.release.about = vec![crate::draft::Block::paragraph(vec![Run::plain(
            "The Office (UNOCT) was founded in 2017.",
        )])];
        assert!(codes(&d, &checks(false)).is_empty());
    }

    #[test]
    fn full_stops_fire_in_styles_that_forbid_them() {
        let d = draft_saying("The U.N. report and the U.S.A., and J.R.R. Tolkien.");
        let findings = lint(&d, &checks(true), date("2021-12-08"));
        let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["acronym-full-stops"; 3]);
        let fix = findings[0].fix.as_ref().expect("before a lower-case word");
        let fixed = apply_fix(&d, fix).expect("applies");
        assert!(
            crate::text::inline_text(match &fixed.release.body[0] {
                crate::draft::Block::Paragraph { content, .. } => content,
                _ => unreachable!(),
            })
            .starts_with("The UN report")
        );
        assert!(findings[1].fix.is_some(), "before a comma");
        assert!(findings[2].fix.is_none(), "before a capital: maybe a name");
        assert!(lint(&d, &checks(false), date("2021-12-08")).is_empty());
    }
}
