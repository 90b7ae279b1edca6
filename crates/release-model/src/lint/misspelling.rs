//! Misspellings: a word the language's dictionary does not know, with a fix
//! to its best suggestion. The dictionary is handed in ([`Speller`]), so the
//! check stays pure; the pipeline loads the system's Hunspell dictionaries
//! and adds the house style's and the user's word lists.
//!
//! Not misspellings: acronyms (`UNOCT`, `JPoA`, `PCVE`), anything holding a
//! digit, web and e-mail addresses, one-letter words, and the names the
//! draft itself declares (speakers, contact names, dateline city and
//! country). An elided or possessive word (`l’Office`, `aujourd’hui`,
//! `Office’s`) and a hyphenated one (`counter-terrorism`) are right when the
//! whole is known or each of its parts is.

use crate::draft::Draft;
use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::passage::in_address;
use std::collections::HashSet;

/// A dictionary, as the check asks of it.
pub trait Speller {
    /// True when `word` is spelled right.
    fn knows(&self, word: &str) -> bool;
    /// The best correction of `word`, if the dictionary has one.
    fn suggest(&self, word: &str) -> Option<String>;
}

/// At most this many misspellings are reported, in reading order: past it a
/// draft is in another language than it says.
const MAX_FINDINGS: usize = 100;

/// Only the first this many misspellings of a check get a suggestion (and a
/// fix): a suggestion costs up to a second (French), and a draft switched
/// to another language would otherwise wait minutes for a hundred of them.
pub(crate) const MAX_SUGGESTIONS: usize = 10;

pub(crate) fn check(cx: &Context, speller: &dyn Speller, f: &mut Vec<Finding>) {
    let names = declared_names(cx.draft);
    let mut reported = 0;
    for passage in &cx.passages {
        for (i, word) in spelling_words(&passage.text) {
            if reported == MAX_FINDINGS {
                return;
            }
            if !worth_checking(word)
                || in_address(&passage.text, i)
                || names.contains(&word.to_lowercase())
                || knows(speller, word)
            {
                continue;
            }
            let suggestion = if reported < MAX_SUGGESTIONS {
                speller.suggest(word)
            } else {
                None
            };
            let message = match &suggestion {
                Some(s) => format!("`{word}` is not in the dictionary: did you mean `{s}`?"),
                None => format!("`{word}` is not in the dictionary"),
            };
            let mut finding = Finding::warning("misspelling", passage.path_at(i), message)
                .with_fix(
                    suggestion
                        .as_deref()
                        .and_then(|s| passage.fix(i..i + word.len(), s)),
                );
            finding.word = Some(word.to_owned());
            f.push(finding);
            reported += 1;
        }
    }
}

/// Words as a speller reads them: letters and combining marks joined by
/// single inner hyphens or apostrophes (`aujourd’hui`, `counter-terrorism`),
/// digits kept in the word so that `G20` is skipped whole.
pub(crate) fn spelling_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let part = |c: char| c.is_alphanumeric() || is_mark(c);
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = pos + text[pos..].find(part)?;
        let mut end = start;
        let mut chars = text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if part(c) {
                end = start + i + c.len_utf8();
            } else if matches!(c, '-' | '\'' | '’') && chars.peek().is_some_and(|(_, n)| part(*n))
            {
                continue;
            } else {
                break;
            }
        }
        pos = end;
        Some((start, &text[start..end]))
    })
}

/// Combining marks and the Arabic tatweel, which sit inside words.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Skips one-letter words, anything with a digit, and acronyms: two or
/// more capitals in a word that is not all capitals after its first letter
/// being lower (`UNOCT`, `JPoA`, `UNOCT-UNCCT`), checked part by part.
fn worth_checking(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !word.chars().any(|c| c.is_numeric())
        && !word.split(['-', '\'', '’']).any(is_acronym)
}

fn is_acronym(part: &str) -> bool {
    part.chars().skip(1).any(char::is_uppercase)
}

/// The whole word, or with a straight apostrophe, or each part; an English
/// possessive without its `’s`.
fn knows(speller: &dyn Speller, word: &str) -> bool {
    if speller.knows(word) {
        return true;
    }
    if word.contains('’') && speller.knows(&word.replace('’', "'")) {
        return true;
    }
    for possessive in ["’s", "'s", "’", "'"] {
        if let Some(stem) = word.strip_suffix(possessive)
            && speller.knows(stem)
        {
            return true;
        }
    }
    let parts: Vec<&str> = word.split(['-', '\'', '’']).collect();
    parts.len() > 1
        && parts.iter().enumerate().all(|(n, p)| {
            // An elided article or pronoun before the apostrophe (l’, d’, qu’).
            (n + 1 < parts.len()
                && p.chars().count() <= 3
                && word[p.len()..].starts_with(['\'', '’']))
                || !worth_checking(p)
                || speller.knows(p)
        })
}

/// The lower-case words of the names the draft declares: speakers, contact
/// names, the dateline's city and country.
fn declared_names(draft: &Draft) -> HashSet<String> {
    let r = &draft.release;
    let fields = r
        .quotes
        .iter()
        .map(|q| q.speaker.as_str())
        .chain(r.contacts.iter().map(|c| c.name.as_str()))
        .chain([r.dateline.city.as_str(), r.dateline.country.as_str()]);
    fields
        .flat_map(spelling_words)
        .flat_map(|(_, w)| {
            std::iter::once(w.to_lowercase())
                .chain(w.split(['-', '\'', '’']).map(str::to_lowercase))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::test_support::*;
    use crate::lint::{Checks, apply_fix, lint_with};

    /// A tiny dictionary: these words, capitalised or not.
    struct Words(&'static [&'static str]);

    impl Speller for Words {
        fn knows(&self, word: &str) -> bool {
            self.0.iter().any(|w| w.eq_ignore_ascii_case(word))
        }
        fn suggest(&self, word: &str) -> Option<String> {
            (word == "assistence").then(|| "assistance".to_owned())
        }
    }

    const WORDS: Words = Words(&[
        "the",
        "office",
        "gives",
        "assistance",
        "to",
        "states",
        "counter",
        "terrorism",
        "and",
        "said",
        "today",
        "in",
        "launch",
        "of",
        "new",
        "project",
    ]);

    fn misspelt(draft: &Draft) -> Vec<Finding> {
        let mut checks = Checks::none();
        checks.misspelling.enabled = true;
        lint_with(draft, &checks, date("2021-12-08"), Some(&WORDS))
    }

    #[test]
    fn an_unknown_word_is_found_with_its_fix_and_word() {
        let d = draft_saying("The Office gives assistence to States.");
        let found = misspelt(&d);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, "misspelling");
        assert_eq!(found[0].path, "release.body[0].content[0].text");
        assert_eq!(found[0].word.as_deref(), Some("assistence"));
        let fix = found[0].fix.as_ref().expect("a fix");
        let fixed = apply_fix(&d, fix).expect("applies");
        assert!(misspelt(&fixed).is_empty());
        let undone = apply_fix(&fixed, &fix.reverse()).expect("undoes");
        assert_eq!(undone, d);
    }

    #[test]
    fn acronyms_numbers_addresses_and_declared_names_are_not_misspellings() {
        let mut d = draft_saying(
            "The UNOCT and JPoA, UNOCT-UNCCT, G20 in 2021 to gerardl@un.org \
             and www.un.org/counterterrorism said Voronkov in Nur-Sultan x.",
        );
        d.release.dateline.city = "Nur-Sultan".into();
        d.release.contacts[0].name = "Ms. Laurence Gerard".into();
        let mut q = crate::example::example().release.quotes[0].clone();
        q.speaker = "Vladimir Voronkov".into();
        d.release.quotes = vec![q];
        let found: Vec<String> = misspelt(&d)
            .into_iter()
            .filter(|f| f.path.starts_with("release.body"))
            .filter_map(|f| f.word)
            .collect();
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn only_the_first_misspellings_get_a_suggestion() {
        let d = draft_saying(&"The assistence ".repeat(MAX_SUGGESTIONS + 3));
        let found = misspelt(&d);
        assert_eq!(found.len(), MAX_SUGGESTIONS + 3, "{found:?}");
        let with_fix = found.iter().filter(|f| f.fix.is_some()).count();
        assert_eq!(with_fix, MAX_SUGGESTIONS);
        assert!(found[..MAX_SUGGESTIONS].iter().all(|f| f.fix.is_some()));
        assert_eq!(
            found[MAX_SUGGESTIONS].message,
            "`assistence` is not in the dictionary"
        );
    }

    #[test]
    fn elided_possessive_and_hyphenated_words_are_read_by_their_parts() {
        let d = draft_saying("The office’s counter-terrorism and l’office today.");
        let found = misspelt(&d);
        assert!(found.is_empty(), "{found:?}");
        let d = draft_saying("The counter-terorism office.");
        let found: Vec<_> = misspelt(&d).into_iter().filter_map(|f| f.word).collect();
        assert_eq!(found, ["counter-terorism"]);
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_marks() {
        let found: Vec<&str> =
            spelling_words("aujourd’hui, l'Office; counter-terrorism - مُحَمَّد G20.")
                .map(|w| w.1)
                .collect();
        assert_eq!(
            found,
            [
                "aujourd’hui",
                "l'Office",
                "counter-terrorism",
                "مُحَمَّد",
                "G20"
            ]
        );
    }
}
