//! Spacing: doubled spaces, a space before punctuation, a hyphen between
//! spaces standing in for a dash, and a missing space after a full stop.
//! French puts a narrow no-break space before `; : ! ?` (when the style keeps
//! that rule), so there a plain space, or none, is the finding.
//!
//! Left alone: abbreviations and initials (`U.N.`, `e.g.`), decimals, times
//! and web or e-mail addresses (`gerardl@un.org`, `www.un.org`), an ellipsis
//! after a space, and text at the very start or end of a passage.

use crate::finding::Finding;
use crate::language::Language;
use crate::lint::Context;
use crate::lint::checks::SpacingCheck;
use crate::lint::passage::{Passage, char_at, char_before, in_address};

const NARROW_NO_BREAK_SPACE: &str = "\u{202F}";

pub(crate) fn check(cx: &Context, rules: &SpacingCheck, f: &mut Vec<Finding>) {
    let french = cx.language == Language::Fr && rules.french_spaces;
    for passage in &cx.passages {
        double_spaces(passage, f);
        before_punctuation(passage, french, f);
        spaced_hyphens(passage, rules, f);
        after_full_stop(passage, f);
    }
}

fn double_spaces(passage: &Passage, f: &mut Vec<Finding>) {
    let text = passage.text.as_str();
    let mut from = 0;
    while let Some(found) = text[from..].find("  ") {
        let start = from + found;
        let end = start
            + text[start..]
                .find(|c| c != ' ')
                .unwrap_or(text.len() - start);
        from = end;
        if start == 0 || end == text.len() {
            continue;
        }
        f.push(
            Finding::warning(
                "double-space",
                passage.path_at(start + 1),
                "two spaces where one belongs",
            )
            .with_fix(passage.fix(start + 1..end, "")),
        );
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// Punctuation no space may precede (French aside).
fn takes_no_space_before(c: char) -> bool {
    ",.;:!?)،؛؟，。；：！？".contains(c)
}

fn before_punctuation(passage: &Passage, french: bool, f: &mut Vec<Finding>) {
    let text = passage.text.as_str();
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || c == ' ' || !takes_no_space_before(c) {
            continue;
        }
        let next = char_at(text, i + c.len_utf8());
        let french_mark = french && ";:!?".contains(c);
        let space_start = text[..i].trim_end_matches(is_space).len();
        if french_mark {
            let spaces = &text[space_start..i];
            let before = char_before(text, space_start);
            let time = c == ':' && next.is_some_and(|n| n.is_ascii_digit() || n == '/');
            if spaces == NARROW_NO_BREAK_SPACE || spaces == "\u{A0}" || time {
                continue;
            }
            if spaces.is_empty() && !before.is_some_and(|b| b.is_alphanumeric() || b == ')') {
                continue;
            }
            if (!spaces.is_empty() && space_start == 0) || in_address(text, i) {
                continue;
            }
            f.push(
                Finding::warning(
                    "french-spacing",
                    passage.path_at(space_start.max(i.saturating_sub(1))),
                    format!("French puts a narrow no-break space before “{c}”"),
                )
                .with_fix(passage.fix(space_start..i, NARROW_NO_BREAK_SPACE)),
            );
            continue;
        }
        if space_start == i || space_start == 0 {
            continue;
        }
        let ellipsis = c == '.' && next == Some('.');
        let joined =
            matches!(c, '.' | ':') && next.is_some_and(|n| n.is_alphanumeric() || n == '/');
        if ellipsis || joined || in_address(text, i) {
            continue;
        }
        f.push(
            Finding::warning(
                "space-before-punctuation",
                passage.path_at(space_start),
                format!("a space before “{c}”"),
            )
            .with_fix(passage.fix(space_start..i, "")),
        );
    }
}

/// ` - ` or ` -- ` between words.
fn spaced_hyphens(passage: &Passage, rules: &SpacingCheck, f: &mut Vec<Finding>) {
    let text = passage.text.as_str();
    for (i, _) in text.match_indices(" -") {
        let hyphens = text[i + 1..].bytes().take_while(|b| *b == b'-').count();
        let end = i + 1 + hyphens + 1;
        if hyphens > 2 || text.as_bytes().get(end - 1) != Some(&b' ') {
            continue;
        }
        let (Some(before), Some(after)) = (char_before(text, i), char_at(text, end)) else {
            continue;
        };
        if before.is_whitespace() || after.is_whitespace() {
            continue;
        }
        let range = before.is_ascii_digit() && after.is_ascii_digit();
        let dash = if range {
            &rules.range_dash
        } else {
            &rules.dash
        };
        f.push(
            Finding::warning(
                "spaced-hyphen",
                passage.path_at(i + 1),
                format!(
                    "a hyphen between spaces stands for a dash: write “{}”",
                    dash.trim()
                ),
            )
            .with_fix(passage.fix(i..end, dash)),
        );
    }
}

/// `word.Next`: a full stop after a lower-case letter, straight on to a
/// capitalised word. Initials (`U.N.Security`) and addresses are left alone.
fn after_full_stop(passage: &Passage, f: &mut Vec<Finding>) {
    let text = passage.text.as_str();
    for (i, _) in text.match_indices('.') {
        let mut next = text[i + 1..].chars();
        let starts_word = matches!((next.next(), next.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase());
        if starts_word
            && char_before(text, i).is_some_and(char::is_lowercase)
            && !in_address(text, i)
        {
            f.push(
                Finding::warning(
                    "missing-space",
                    passage.path_at(i),
                    "no space after the full stop",
                )
                .with_fix(passage.fix(i + 1..i + 1, " ")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::draft::Run;
    use crate::lint::Checks;
    use crate::lint::test_support::*;

    fn checks() -> Checks {
        let mut c = Checks::none();
        c.spacing.enabled = true;
        c
    }

    fn french(text: &str) -> crate::draft::Draft {
        let mut d = draft_saying(text);
        d.language = "fr".into();
        d
    }

    #[test]
    fn each_rule_fires_with_its_fix() {
        let cases = [
            (
                "At the event,  the States met.",
                "At the event, the States met.",
            ),
            ("They met , and left .", "They met, and left ."),
            ("Phases (2010 - 2021) ended.", "Phases (2010–2021) ended."),
            ("It ended - for now.", "It ended – for now."),
            (
                "The project ended.The next began.",
                "The project ended. The next began.",
            ),
        ];
        for (text, expected) in cases {
            let d = draft_saying(text);
            let findings = crate::lint::lint(&d, &checks(), date("2021-12-08"));
            let fix = findings[0].fix.as_ref().expect("a fix");
            let fixed = crate::lint::apply_fix(&d, fix).expect("applies");
            let crate::draft::Block::Paragraph { content, .. } = &fixed.release.body[0] else {
                unreachable!()
            };
            assert_eq!(crate::text::inline_text(content), expected, "{text}");
        }
        assert_eq!(
            codes(&draft_saying("They met , and left ."), &checks()),
            ["space-before-punctuation"; 2]
        );
    }

    #[test]
    fn spaces_across_runs_point_at_the_second_run() {
        let d = draft_with(vec![
            Run::plain("During the event, the "),
            Run::bold(" Member States"),
        ]);
        assert_eq!(
            found(&d, &checks()),
            [(
                "double-space".into(),
                "release.body[0].content[1].text".into()
            )]
        );
    }

    #[test]
    fn abbreviations_addresses_decimals_and_ellipses_are_quiet() {
        let d = draft_saying(
            "Mr. Voronkov of the U.N.Security Council, e.g. at www.un.org/En or gerardl@un.org, said 3.5 times at 10:00 and ... well. Phase IV – done. A well-known fact (2010–2021).",
        );
        assert!(
            found(&d, &checks()).is_empty(),
            "{:?}",
            found(&d, &checks())
        );
    }

    #[test]
    fn french_wants_narrow_spaces_before_high_punctuation() {
        let d = french("Il a dit\u{202F}: oui\u{A0}! Vraiment\u{202F}? À 10:00.");
        assert!(found(&d, &checks()).is_empty());
        let d = french("Il a dit : oui.");
        assert_eq!(fixed(&d, &checks()), "Il a dit\u{202F}: oui.");
        let d = french("Il a dit: oui.");
        assert_eq!(fixed(&d, &checks()), "Il a dit\u{202F}: oui.");
        let mut canada = checks();
        canada.spacing.french_spaces = false;
        assert_eq!(
            codes(&french("Il a dit : oui."), &canada),
            ["space-before-punctuation"]
        );
        assert!(codes(&draft_saying("He said : yes."), &checks()) == ["space-before-punctuation"]);
    }
}
