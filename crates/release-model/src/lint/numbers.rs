//! Numbers in English running text, for styles that set rules for them:
//! whole numbers below a limit spelled out ("three phases", not "3 phases"),
//! and percentages written the house's way (`per cent`, `percent` or `%`).
//!
//! Figures stay figures where usage wants them: dates and years, times,
//! decimals and thousands, ranges, money, measurements and percentages,
//! ordinals (`1st`), numbered things (`Phase 4`, `Article 5`, `Terminal 2`),
//! enumerations `(3)`, and a sentence that also holds a number above the
//! limit ("from 5 to 12 countries": figures for all). Roman numerals
//! (`Phase IV`) are words, not numbers, and are never touched.

use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::checks::{NumberCheck, PerCent};
use crate::lint::passage::{Passage, Shape, char_at, char_before, is_terminal};

const ONES: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

const MONTHS: [&str; 24] = [
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];

/// Words after which a figure is a name or a number of something.
const NUMBERED: [&str; 32] = [
    "article",
    "paragraph",
    "para",
    "goal",
    "target",
    "phase",
    "resolution",
    "section",
    "chapter",
    "annex",
    "appendix",
    "page",
    "item",
    "rule",
    "principle",
    "step",
    "level",
    "category",
    "grade",
    "table",
    "figure",
    "volume",
    "vol",
    "part",
    "stage",
    "round",
    "tier",
    "no",
    "number",
    "decision",
    "indicator",
    "pillar",
];

/// Words after a figure that make it a measurement, an amount or a time.
const UNITS: [&str; 30] = [
    "per", "percent", "%", "million", "billion", "trillion", "km", "m", "cm", "mm", "kg", "g", "t",
    "ha", "l", "ml", "mg", "°c", "°f", "p.m.", "a.m.", "pm", "am", "h", "kw", "mw", "gw", "usd",
    "eur", "chf",
];

/// How far a sentence is searched for other numbers, in bytes each way.
const SENTENCE_WINDOW: usize = 400;

pub(crate) fn check(cx: &Context, rules: &NumberCheck, f: &mut Vec<Finding>) {
    for passage in &cx.passages {
        if rules.spell_out_below > 1 && passage.shape == Shape::Running {
            small_numbers(passage, rules.spell_out_below, f);
        }
        if let Some(form) = rules.per_cent {
            per_cent(passage, form, f);
        }
    }
}

/// Digit runs with their byte ranges.
fn figures(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = pos + text[pos..].find(|c: char| c.is_ascii_digit())?;
        let end = start
            + text[start..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(text.len() - start);
        pos = end;
        Some((start, end))
    })
}

fn is_year(figure: &str) -> bool {
    figure.len() == 4 && (1000..3000).contains(&figure.parse::<u32>().unwrap_or(0))
}

/// The word just before byte `i` (spaces skipped), and whether it opens its sentence.
fn word_before(text: &str, i: usize) -> Option<(&str, bool)> {
    let head = text[..i].trim_end_matches(' ');
    if head.len() == i && i > 0 {
        return None;
    }
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(j, c)| j + c.len_utf8());
    let word = &head[start..];
    let first = head[..start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(is_terminal);
    (!word.is_empty()).then_some((word, first))
}

fn small_numbers(passage: &Passage, below: u32, f: &mut Vec<Finding>) {
    let text = passage.text.as_str();
    for (start, end) in figures(text) {
        let figure = &text[start..end];
        let value: u32 = figure.parse().unwrap_or(0);
        if figure.starts_with('0') || value == 0 || value >= below || value > 9 {
            continue;
        }
        let before = char_before(text, start);
        let after = char_at(text, end);
        let after_next = text[end..].chars().nth(1);
        if before.is_some_and(|c| c.is_alphanumeric() || ".,:/-+$€£#№°–—_".contains(c))
            || after.is_some_and(|c| c.is_alphanumeric() || "%°-–/:".contains(c))
            || (after.is_some_and(|c| ".,".contains(c))
                && after_next.is_some_and(|c| c.is_ascii_digit()))
            || (before == Some('(') && after == Some(')'))
        {
            continue;
        }
        let previous = word_before(text, start);
        if let Some((word, first)) = previous {
            let lower = word.trim_end_matches('.').to_lowercase();
            let named = word.chars().next().is_some_and(char::is_uppercase) && !first;
            if MONTHS.contains(&lower.as_str()) || NUMBERED.contains(&lower.as_str()) || named {
                continue;
            }
        }
        let next_word = text[end..]
            .trim_start_matches(' ')
            .split(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_end_matches([',', ';', ':', ')'])
            .to_lowercase();
        let next_word = next_word.trim_end_matches('.').to_owned();
        if UNITS.contains(&next_word.as_str())
            || UNITS.contains(&format!("{next_word}.").as_str())
            || MONTHS.contains(&next_word.as_str())
        {
            continue;
        }
        if sentence_has_large_number(text, start, end, below) {
            continue;
        }
        let word = ONES[value as usize - 1];
        let sentence_start = text[..start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(is_terminal);
        let word = if sentence_start {
            let mut w = word.to_owned();
            w[..1].make_ascii_uppercase();
            w
        } else {
            word.to_owned()
        };
        f.push(
            Finding::warning(
                "number-as-digit",
                passage.path_at(start),
                format!("{figure} in running text: the house style spells out numbers below {below} (“{word}”)"),
            )
            .with_fix(passage.fix(start..end, &word)),
        );
    }
}

fn sentence_has_large_number(text: &str, start: usize, end: usize, below: u32) -> bool {
    let mut from = start.saturating_sub(SENTENCE_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + SENTENCE_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let sentence_start = text[from..start]
        .rfind(['.', '!', '?'])
        .map_or(from, |j| from + j + 1);
    let sentence_end = text[end..to].find(['!', '?']).map_or(to, |j| end + j);
    let sentence_end = text[end..sentence_end]
        .find(". ")
        .map_or(sentence_end, |j| end + j);
    figures(&text[sentence_start..sentence_end]).any(|(s, e)| {
        let other = &text[sentence_start + s..sentence_start + e];
        !is_year(other) && other.parse::<u64>().is_ok_and(|v| v >= u64::from(below))
    })
}

/// Percentages written another way than the house's: `%`, `percent` or
/// `per cent` after a figure (space included), or the word alone.
fn per_cent(passage: &Passage, form: PerCent, f: &mut Vec<Finding>) {
    let text = passage.text.as_str();
    // What follows a figure: `5 per cent`, `5 percent`, `5%`.
    let after_figure = match form {
        PerCent::Sign => "%",
        PerCent::PerCent => " per cent",
        PerCent::Percent => " percent",
    };
    let mut hits: Vec<(usize, usize, &str)> = Vec::new();
    let forms = [
        ("percent", PerCent::Percent),
        ("per cent", PerCent::PerCent),
        ("%", PerCent::Sign),
    ];
    for (needle, this) in forms {
        if this == form {
            continue;
        }
        for (i, _) in text.match_indices(needle) {
            let end = i + needle.len();
            let is_word = needle != "%";
            if is_word
                && (char_before(text, i).is_some_and(char::is_alphanumeric)
                    || char_at(text, end).is_some_and(char::is_alphanumeric))
            {
                continue;
            }
            let figure_end = text[..i].trim_end_matches([' ', '\u{A0}']).len();
            if char_before(text, figure_end).is_some_and(|c| c.is_ascii_digit()) {
                hits.push((figure_end, end, after_figure));
            } else if is_word && form != PerCent::Sign {
                hits.push((i, end, form.text()));
            }
        }
    }
    hits.sort_by_key(|h| h.0);
    for (start, end, replacement) in hits {
        f.push(
            Finding::warning(
                "per-cent",
                passage.path_at(start),
                format!("the house style writes “5{after_figure}”"),
            )
            .with_fix(passage.fix(start..end, replacement)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_support::*;
    use crate::lint::{Checks, PerCent};

    fn checks(per_cent: Option<PerCent>) -> Checks {
        let mut c = Checks::none();
        c.numbers.enabled = true;
        c.numbers.per_cent = per_cent;
        c
    }

    #[test]
    fn small_figures_in_running_text_are_spelled_out() {
        let d = draft_saying("The project has 3 phases.");
        assert_eq!(fixed(&d, &checks(None)), "The project has three phases.");
        let d = draft_saying("It ended. 4 countries joined.");
        assert_eq!(fixed(&d, &checks(None)), "It ended. Four countries joined.");
        let d = draft_saying("In 2021, 7 States signed.");
        assert_eq!(fixed(&d, &checks(None)), "In 2021, seven States signed.");
    }

    #[test]
    fn dates_ranges_units_ordinals_and_numbered_things_keep_figures() {
        for quiet in [
            "Signed on 8 December 2021 and on December 8, 2021.",
            "The Phase IV of the project (2010 - 2021) and Phase 4 and Article 5.",
            "Growth of 5 per cent, 5% and 3.5 million people over 2 km at 9 a.m.",
            "The 1st and 2nd meetings, items (3) and 4-5, at 10:30.",
            "From 5 to 12 countries took part.",
            "The new Terminal 2 opened. COVID-19 and G7 met.",
            "The Group of Seven met in 2022.",
        ] {
            let d = draft_saying(quiet);
            assert!(codes(&d, &checks(None)).is_empty(), "{quiet}");
        }
    }

    #[test]
    fn percentages_follow_the_house_form() {
        let d = draft_saying("Up 5% and 6 percent.");
        let un = checks(Some(PerCent::PerCent));
        assert_eq!(codes(&d, &un), ["per-cent", "per-cent"]);
        let d = draft_saying("Up 5 %.");
        assert_eq!(fixed(&d, &un), "Up 5 per cent.");
        let d = draft_saying("Up 6 percent.");
        assert_eq!(fixed(&d, &un), "Up 6 per cent.");
        let wire = checks(Some(PerCent::Sign));
        let d = draft_saying("Up 6 per cent.");
        assert_eq!(fixed(&d, &wire), "Up 6%.");
        let d = draft_saying("A percentage of 7 per cent.");
        assert!(codes(&d, &checks(Some(PerCent::PerCent))).is_empty());
        let d = draft_saying("Up 6% and 7 percent and 8 per cent.");
        assert!(codes(&d, &checks(None)).is_empty());
    }
}
