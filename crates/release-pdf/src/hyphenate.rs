//! Where a word may be hyphenated, by the release's language, with the
//! `hyphenation` crate's embedded TeX patterns (en, fr, es, ru).
//!
//! Never inside web addresses, e-mail addresses, all-capital acronyms or
//! words with digits: a hyphen there changes what the reader would type.
//! The dictionaries are immutable data, loaded once per process.

use hyphenation::{Hyphenator, Language as Patterns, Load, Standard};
use release_model::Language;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Words already hyphenated in this render: a release says "Counter" and
/// "Nations" many times, and the pattern lookup is the costly part.
pub(crate) type Cache = HashMap<String, Vec<usize>>;

/// [`points`], remembered in `cache`.
pub(crate) fn cached_points(cache: &mut Cache, language: Language, word: &str) -> Vec<usize> {
    if let Some(points) = cache.get(word) {
        return points.clone();
    }
    let found = points(language, word);
    cache.insert(word.to_owned(), found.clone());
    found
}

/// Letters kept together at the start and end of a word.
const MIN_LEFT: usize = 2;
const MIN_RIGHT: usize = 3;

fn dictionary(language: Language) -> Option<&'static Standard> {
    static EN: OnceLock<Option<Standard>> = OnceLock::new();
    static FR: OnceLock<Option<Standard>> = OnceLock::new();
    static ES: OnceLock<Option<Standard>> = OnceLock::new();
    static RU: OnceLock<Option<Standard>> = OnceLock::new();
    let (cell, patterns) = match language {
        Language::En => (&EN, Patterns::EnglishUS),
        Language::Fr => (&FR, Patterns::French),
        Language::Es => (&ES, Patterns::Spanish),
        Language::Ru => (&RU, Patterns::Russian),
        Language::Ar | Language::Zh => return None,
    };
    cell.get_or_init(|| Standard::from_embedded(patterns).ok())
        .as_ref()
}

/// Whether the text between two break opportunities must not be hyphenated.
pub(crate) fn is_protected(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") || lower.contains('@') {
        return true;
    }
    if segment.chars().any(|c| c.is_numeric()) {
        return true;
    }
    let letters = segment.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut total) = (0, 0);
    for c in letters {
        total += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    total >= 2 && upper == total
}

/// Byte offsets inside `word` (letters only, no spaces) where a hyphen may go.
pub(crate) fn points(language: Language, word: &str) -> Vec<usize> {
    let letters = word.chars().count();
    if letters < MIN_LEFT + MIN_RIGHT || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let Some(dictionary) = dictionary(language) else {
        return Vec::new();
    };
    let breaks = dictionary.hyphenate(word).breaks;
    breaks
        .into_iter()
        .filter(|&i| {
            word.is_char_boundary(i)
                && word[..i].chars().count() >= MIN_LEFT
                && word[i..].chars().count() >= MIN_RIGHT
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_break_at_syllables() {
        let p = points(Language::En, "implementation");
        assert!(!p.is_empty());
        assert!(p.iter().all(|&i| i >= 2 && i <= "implementation".len() - 3));
    }

    #[test]
    fn russian_words_break() {
        assert!(!points(Language::Ru, "информации").is_empty());
    }

    #[test]
    fn addresses_and_acronyms_are_protected() {
        assert!(is_protected("gerardl@un.org"));
        assert!(is_protected("https://un.org/en"));
        assert!(is_protected("UNOCT-UNCCT"));
        assert!(!is_protected("Counter-Terrorism"));
    }
}
