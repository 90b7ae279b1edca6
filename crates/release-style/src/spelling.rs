//! `[spelling]` in a style: which Hunspell dictionary each language is
//! checked with, tried in order (the first one installed is used), and the
//! house's own word list, words that are right in any of its releases: UN
//! bodies, Member States, offices, titles, in every language.
//!
//! ```toml
//! [spelling]
//! en = ["en_GB-ize", "en_GB", "en_US"]
//! words = "words.txt"
//! ```

use crate::blob::Blob;
use crate::error::StyleError;
use release_model::Language;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A word list may hold at most this many bytes.
const MAX_WORDS_BYTES: usize = 4 << 20;

/// Unknown keys land among the dictionaries, where a name that is not a
/// language's code is refused.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SpellingFile {
    /// The word list's file, in the style's folder.
    #[serde(default)]
    words: Option<String>,
    /// Dictionaries by language code (`en`, `fr`, …).
    #[serde(flatten)]
    dictionaries: BTreeMap<String, Vec<String>>,
}

/// How a style's releases are spell-checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpellingRules {
    /// The dictionaries the style asks for, by language, in order of
    /// preference (`en_GB-ize`, then `en_GB`); a language left out gets the
    /// spell checker's defaults.
    pub dictionaries: BTreeMap<Language, Vec<String>>,
    /// The house's words, in lower case: right in any language.
    pub words: Arc<HashSet<String>>,
}

impl SpellingRules {
    /// True when `word` is one of the house's words (capitals aside).
    pub fn knows(&self, word: &str) -> bool {
        !self.words.is_empty() && self.words.contains(&word.to_lowercase())
    }
}

/// A dictionary name as Hunspell files are named: `en_GB`, `fr`, `en_GB-ize`.
fn is_dictionary_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The words of a word list: one entry per line, `#` starts a comment, an
/// entry of several words (`Member States`) gives each of them.
pub fn parse_word_list(text: &str) -> HashSet<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
}

pub(crate) fn rules(
    file: &Path,
    raw: Option<SpellingFile>,
    asset: impl Fn(&str) -> Option<Blob>,
) -> Result<SpellingRules, StyleError> {
    let Some(raw) = raw else {
        return Ok(SpellingRules::default());
    };
    let bad = |key: String, message: String| StyleError::BadValue {
        file: file.to_owned(),
        key,
        message,
    };
    let mut dictionaries = BTreeMap::new();
    for (code, names) in raw.dictionaries {
        let key = format!("spelling.{code}");
        let language = Language::from_tag(&code)
            .filter(|l| l.code() == code)
            .ok_or_else(|| {
                bad(
                    key.clone(),
                    "is not a language of the style: ar, en, es, fr, ru or zh".to_owned(),
                )
            })?;
        if let Some(name) = names.iter().find(|n| !is_dictionary_name(n)) {
            return Err(bad(
                key,
                format!("`{name}` is not a dictionary name like `en_GB` or `fr`"),
            ));
        }
        dictionaries.insert(language, names);
    }
    let words = match raw.words {
        None => HashSet::new(),
        Some(name) => {
            let bytes = asset(&name).ok_or_else(|| StyleError::MissingAsset {
                file: file.to_owned(),
                key: "spelling.words".to_owned(),
                asset: PathBuf::from(&name),
            })?;
            if bytes.len() > MAX_WORDS_BYTES {
                return Err(bad(
                    "spelling.words".to_owned(),
                    format!("`{name}` is larger than {} MB", MAX_WORDS_BYTES >> 20),
                ));
            }
            let text = std::str::from_utf8(&bytes).map_err(|_| {
                bad(
                    "spelling.words".to_owned(),
                    format!("`{name}` is not UTF-8 text"),
                )
            })?;
            parse_word_list(text)
        }
    };
    Ok(SpellingRules {
        dictionaries,
        words: Arc::new(words),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(toml_text: &str, words: Option<&'static str>) -> Result<SpellingRules, StyleError> {
        #[derive(Deserialize)]
        struct Wrap {
            spelling: SpellingFile,
        }
        let raw: Wrap = toml::from_str(toml_text).expect("toml");
        rules(Path::new("style.toml"), Some(raw.spelling), |_| {
            words.map(|w| Blob::Static(w.as_bytes()))
        })
    }

    #[test]
    fn dictionaries_by_language_and_the_word_list() {
        let rules = parse(
            "[spelling]\nen = [\"en_GB-ize\", \"en_GB\"]\nwords = \"words.txt\"",
            Some("# UN bodies\nMember States\nUNOCT # an acronym\n\nVoronkov\n"),
        )
        .expect("parses");
        assert_eq!(rules.dictionaries[&Language::En], ["en_GB-ize", "en_GB"]);
        assert!(rules.knows("member") && rules.knows("States") && rules.knows("voronkov"));
        assert!(!rules.knows("UN") && !rules.knows("bodies"));
    }

    #[test]
    fn a_bad_language_name_or_missing_list_is_named() {
        let e = parse("[spelling]\nde = [\"de_DE\"]", None).expect_err("not a UN language");
        assert!(e.to_string().contains("spelling.de"), "{e}");
        let e = parse("[spelling]\nen = [\"../../etc/passwd\"]", None).expect_err("a path");
        assert!(e.to_string().contains("spelling.en"), "{e}");
        let e = parse("[spelling]\nwords = \"words.txt\"", None).expect_err("missing");
        assert!(e.to_string().contains("spelling.words"), "{e}");
    }
}
