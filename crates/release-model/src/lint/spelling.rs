//! Consistent spelling: one word written both with and without its hyphen
//! in the same release (`counter-terrorism` and `counterterrorism`). Capitals
//! do not matter (`Counter-Terrorism` counts as the hyphenated form). The form
//! used more often wins (the first one used, on a tie); each use of the other
//! is flagged, with a fix to the winning form in the same capitals.
//!
//! A spaced form (`to counter terrorism`) is a different construction, a verb
//! and its object, and is left alone.

use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::passage::words;
use std::collections::HashMap;

/// Letters only, so that figures (`2010-2021`) and codes stay out of it.
fn is_word(word: &str) -> bool {
    word.chars().all(|c| c.is_alphabetic() || c == '-') && word.chars().count() >= 4
}

fn key(word: &str) -> String {
    word.chars()
        .filter(|c| *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each form of one word is used, as (passage, byte) in reading order.
#[derive(Default)]
struct Forms {
    hyphenated: Vec<(usize, usize)>,
    closed: Vec<(usize, usize)>,
    /// The first hyphenated spelling, whose hyphens a fix copies.
    model: String,
}

/// Looks a word up without allocating when it is already a key.
fn lookup<'m>(forms: &'m mut HashMap<String, Forms>, word: &str) -> Option<&'m mut Forms> {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        forms.get_mut(word)
    } else {
        forms.get_mut(&key(word))
    }
}

pub(crate) fn check(cx: &Context, f: &mut Vec<Finding>) {
    let mut forms: HashMap<String, Forms> = cx
        .passages
        .iter()
        .flat_map(|p| words(&p.text))
        .filter(|(_, w)| w.contains('-') && is_word(w))
        .map(|(_, w)| (key(w), Forms::default()))
        .collect();
    if forms.is_empty() {
        return;
    }
    for (n, passage) in cx.passages.iter().enumerate() {
        for (i, word) in words(&passage.text) {
            let Some(entry) = lookup(&mut forms, word).filter(|_| is_word(word)) else {
                continue;
            };
            if word.contains('-') {
                if entry.model.is_empty() {
                    entry.model = word.to_owned();
                }
                entry.hyphenated.push((n, i));
            } else {
                entry.closed.push((n, i));
            }
        }
    }
    // Map order is arbitrary: collect, then report in reading order.
    let mut flagged: Vec<((usize, usize), Finding)> = Vec::new();
    for entry in forms.values().filter(|e| !e.closed.is_empty()) {
        let (h, c) = (&entry.hyphenated, &entry.closed);
        let hyphen_wins = h.len() > c.len() || (h.len() == c.len() && h[0] < c[0]);
        let (losers, count) = if hyphen_wins {
            (c, h.len())
        } else {
            (h, c.len())
        };
        for &(n, i) in losers {
            let passage = &cx.passages[n];
            let word = words(&passage.text[i..]).next().map_or("", |w| w.1);
            let winner = if hyphen_wins {
                with_hyphens_of(word, &entry.model)
            } else {
                word.replace('-', "")
            };
            let finding = Finding::warning(
                "spelling-inconsistent",
                passage.path_at(i),
                format!(
                    "`{word}` here, `{winner}` elsewhere ({count} times): write the word one way"
                ),
            )
            .with_fix(passage.fix(i..i + word.len(), &winner));
            flagged.push(((n, i), finding));
        }
    }
    flagged.sort_by_key(|(at, _)| *at);
    f.extend(flagged.into_iter().map(|(_, finding)| finding));
}

/// `word` (closed) with hyphens where `model` has them, keeping `word`'s capitals.
fn with_hyphens_of(word: &str, model: &str) -> String {
    let mut letters = word.chars();
    model
        .chars()
        .map(|m| {
            if m == '-' {
                '-'
            } else {
                letters.next().unwrap_or(m)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::lint::Checks;
    use crate::lint::test_support::*;

    fn checks() -> Checks {
        let mut c = Checks::none();
        c.consistent_spelling.enabled = true;
        c
    }

    #[test]
    fn the_rarer_form_fires_with_a_fix_to_the_common_one() {
        let d = draft_saying(
            "Counter-Terrorism and counter-terrorism work; plans to Counterterrorism.",
        );
        assert_eq!(
            fixed(&d, &checks()),
            "Counter-Terrorism and counter-terrorism work; plans to Counter-terrorism."
        );
        let d = draft_saying("Send an e-mail, then another email.");
        assert_eq!(fixed(&d, &checks()), "Send an e-mail, then another e-mail.");
    }

    #[test]
    fn one_form_or_a_spaced_verb_is_quiet() {
        let d = draft_saying(
            "Counter-terrorism matters; we counter terrorism. In 2010-2021 the UNOCT-UNCCT met.",
        );
        assert!(found(&d, &checks()).is_empty());
    }
}
