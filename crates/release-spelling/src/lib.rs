//! Spell checking with the system's Hunspell dictionaries, read by
//! [`spellbook`]: the same `.aff`/`.dic` files WebKitGTK's checker (through
//! Enchant) underlines with as the press officer types.
//!
//! - [`Spelling`] finds a language's dictionary (the house style's choice,
//!   then the defaults), loads each dictionary once and shares it between
//!   threads, and keeps the user's own dictionary (a word per line in the
//!   settings folder, written atomically);
//! - what a dictionary said of each word is kept between runs in the user's
//!   cache folder (`verdicts`), so that a check whose words were all judged
//!   before does not read the dictionary at all;
//! - [`Checker`] is what the house-style checks are handed
//!   ([`release_model::Speller`]): the dictionary, the house's words and the
//!   user's words;
//! - [`Unavailable`] says in words why a language is not checked, and which
//!   package to install.

use release_model::{Language, Speller};
use release_style::SpellingRules;
use spellbook::Dictionary;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, RwLock};
use verdicts::{Verdict, Verdicts};

mod verdicts;

/// Overrides where dictionaries are looked for: folders separated as in `PATH`.
pub const DICTIONARIES_ENV: &str = "RELEASE_COMPOSER_DICTIONARIES";

/// The user's dictionary's name in the settings folder.
pub const USER_DICTIONARY: &str = "dictionary.txt";

/// The longest word the user's dictionary takes, in characters.
pub const MAX_WORD_CHARS: usize = 64;

/// The user's dictionary is read up to this size.
const MAX_USER_BYTES: u64 = 4 << 20;

/// Where Hunspell dictionaries are: `$RELEASE_COMPOSER_DICTIONARIES`, else
/// the system's folders (Debian's `hunspell-*` packages fill the first).
pub fn system_dirs() -> Vec<PathBuf> {
    if let Some(dirs) = std::env::var_os(DICTIONARIES_ENV).filter(|d| !d.is_empty()) {
        return std::env::split_paths(&dirs).collect();
    }
    [
        "/usr/share/hunspell",
        "/usr/share/myspell",
        "/usr/share/myspell/dicts",
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect()
}

/// Where what the dictionaries said of words is kept between runs:
/// `release-composer/spelling` in the platform's cache folder.
pub fn verdicts_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("release-composer").join("spelling"))
}

/// The user's dictionary: `release-composer/dictionary.txt` in the
/// platform's settings folder, beside the app's settings.
pub fn user_dictionary_file() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("release-composer").join(USER_DICTIONARY))
}

/// The dictionaries tried for a language when the style names none.
pub fn default_dictionaries(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => &["en_US", "en_GB"],
        Language::Fr => &["fr_FR", "fr"],
        Language::Es => &["es_ES", "es"],
        Language::Ru => &["ru_RU", "ru"],
        Language::Ar => &["ar"],
        Language::Zh => &[],
    }
}

/// The Debian package that installs `dictionary`.
pub fn package(dictionary: &str) -> String {
    match dictionary {
        "en_GB" | "en_US" | "en_AU" | "en_CA" | "en_ZA" => {
            format!("hunspell-{}", dictionary.replace('_', "-").to_lowercase())
        }
        d if d.starts_with("en_GB") => "hunspell-en-gb".to_owned(),
        d => format!(
            "hunspell-{}",
            d.split(['_', '-']).next().unwrap_or(d).to_lowercase()
        ),
    }
}

/// The language's name in English, for messages.
fn english_name(language: Language) -> &'static str {
    match language {
        Language::En => "English",
        Language::Fr => "French",
        Language::Es => "Spanish",
        Language::Ru => "Russian",
        Language::Ar => "Arabic",
        Language::Zh => "Chinese",
    }
}

/// Why a draft's spelling is not checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unavailable {
    /// Chinese, and a language tag the app does not know.
    #[error("spelling is not checked in {language}")]
    NotChecked { language: String },
    /// No dictionary of the language is installed.
    #[error(
        "spelling is not checked in {language}: no {language} dictionary is installed (looked for {tried} in {dirs}); install the package {package}"
    )]
    Missing {
        language: String,
        tried: String,
        dirs: String,
        package: String,
    },
    /// A dictionary file is there but cannot be used.
    #[error(
        "spelling is not checked in {language}: the dictionary {file} cannot be used: {message}"
    )]
    Unreadable {
        language: String,
        file: PathBuf,
        message: String,
    },
}

/// The dictionary a language is checked with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub language: Language,
    /// Its name, as Hunspell and Enchant (WebKitGTK) know it: `en_GB`.
    pub dictionary: String,
    pub aff: PathBuf,
    pub dic: PathBuf,
    /// Said when the style's first choice is not installed.
    pub note: Option<String>,
}

/// A word the user's dictionary refuses, or a failed write.
#[derive(Debug, thiserror::Error)]
pub enum WordError {
    #[error(
        "`{0}` is not one word: a word has no spaces or control characters and at most {MAX_WORD_CHARS} characters"
    )]
    NotAWord(String),
    #[error("there is no settings folder to keep the dictionary in")]
    NoFile,
    #[error("the dictionary {file} could not be written: {message}")]
    Write { file: PathBuf, message: String },
}

type Slot = Arc<OnceLock<Result<Arc<Lexicon>, Unavailable>>>;

/// The dictionaries, each loaded once and shared, and the user's words.
pub struct Spelling {
    dirs: Vec<PathBuf>,
    user_file: Option<PathBuf>,
    user: RwLock<Arc<HashSet<String>>>,
    loaded: Mutex<HashMap<PathBuf, Slot>>,
    verdicts_dir: Option<PathBuf>,
}

impl std::fmt::Debug for Spelling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spelling")
            .field("dirs", &self.dirs)
            .field("user_file", &self.user_file)
            .finish_non_exhaustive()
    }
}

impl Spelling {
    /// Dictionaries from `dirs`; the user's words kept in `user_file` (read now).
    pub fn new(dirs: Vec<PathBuf>, user_file: Option<PathBuf>) -> Spelling {
        let user = user_file
            .as_deref()
            .map(read_user_words)
            .unwrap_or_default();
        Spelling {
            dirs,
            user_file,
            user: RwLock::new(Arc::new(user)),
            loaded: Mutex::new(HashMap::new()),
            verdicts_dir: None,
        }
    }

    /// The same, keeping what the dictionaries said of words in `dir`
    /// between runs ([`verdicts_dir`]); `None` keeps nothing.
    pub fn with_verdicts_dir(mut self, dir: Option<PathBuf>) -> Spelling {
        self.verdicts_dir = dir;
        self
    }

    /// Writes what the dictionaries said of words since they were read to
    /// the verdicts folder, when there is something new. Quietly does
    /// nothing when the folder cannot be written: it is a cache.
    pub fn save_verdicts(&self) {
        let slots: Vec<Slot> = lock(&self.loaded).values().cloned().collect();
        for slot in slots {
            if let Some(Ok(lexicon)) = slot.get() {
                lexicon.save();
            }
        }
    }

    /// No dictionaries: nothing is spell-checked (tests of other things).
    pub fn off() -> Spelling {
        Spelling::new(Vec::new(), None)
    }

    /// The system's dictionaries ([`system_dirs`]), the user's dictionary
    /// ([`user_dictionary_file`]) and the verdicts kept in the user's cache
    /// folder ([`verdicts_dir`]): the same for the app and the command line.
    pub fn for_user() -> Spelling {
        Spelling::new(system_dirs(), user_dictionary_file()).with_verdicts_dir(verdicts_dir())
    }

    /// The dictionary for a draft in `tag` under the style's `rules`: a
    /// region in the tag first (`en-US`: `en_US`), then the style's list for
    /// the language, then [`default_dictionaries`]; the first installed.
    pub fn choose(&self, tag: &str, rules: &SpellingRules) -> Result<Choice, Unavailable> {
        let Some(language) = Language::from_tag(tag).filter(|l| *l != Language::Zh) else {
            let language = Language::from_tag(tag)
                .map_or_else(|| tag.to_owned(), |l| english_name(l).to_owned());
            return Err(Unavailable::NotChecked { language });
        };
        let mut wanted: Vec<String> = Vec::new();
        if let Some((_, region)) = tag.split_once('-')
            && region.len() == 2
            && region.chars().all(|c| c.is_ascii_alphabetic())
        {
            wanted.push(format!(
                "{}_{}",
                language.code(),
                region.to_ascii_uppercase()
            ));
        }
        let style = rules
            .dictionaries
            .get(&language)
            .cloned()
            .unwrap_or_default();
        let defaults = default_dictionaries(language)
            .iter()
            .map(|d| (*d).to_owned());
        for name in style.into_iter().chain(defaults) {
            if !wanted.contains(&name) {
                wanted.push(name);
            }
        }
        for (n, name) in wanted.iter().enumerate() {
            for dir in &self.dirs {
                let (aff, dic) = (
                    dir.join(format!("{name}.aff")),
                    dir.join(format!("{name}.dic")),
                );
                if aff.is_file() && dic.is_file() {
                    let note = (n > 0).then(|| {
                        format!(
                            "the {} dictionary {} is not installed (package {}): checking with {name}",
                            english_name(language),
                            wanted[0],
                            package(&wanted[0])
                        )
                    });
                    return Ok(Choice {
                        language,
                        dictionary: name.clone(),
                        aff,
                        dic,
                        note,
                    });
                }
            }
        }
        let dirs: Vec<String> = self.dirs.iter().map(|d| d.display().to_string()).collect();
        Err(Unavailable::Missing {
            language: english_name(language).to_owned(),
            tried: wanted.join(", "),
            dirs: if dirs.is_empty() {
                "no folder".to_owned()
            } else {
                dirs.join(", ")
            },
            package: package(wanted.first().map_or("", String::as_str)),
        })
    }

    /// The checker for a draft in `tag` under `rules`, its dictionary loaded
    /// on first use (by whichever thread asks first; others wait for it).
    /// With verdicts kept from an earlier run, the dictionary is read and
    /// parsed only when a word not judged before comes.
    pub fn checker(&self, tag: &str, rules: &SpellingRules) -> Result<Checker, Unavailable> {
        let choice = self.choose(tag, rules)?;
        let slot = lock(&self.loaded)
            .entry(choice.aff.clone())
            .or_default()
            .clone();
        let lexicon = slot
            .get_or_init(|| Lexicon::open(&choice, self.verdicts_dir.as_deref()))
            .clone()?;
        Ok(Checker {
            lexicon,
            dictionary_name: choice.dictionary,
            note: choice.note,
            house: rules.words.clone(),
            user: self
                .user
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        })
    }

    /// The user's words, sorted.
    pub fn user_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self
            .user
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .cloned()
            .collect();
        words.sort();
        words
    }

    /// Adds `word` to the user's dictionary and writes it (atomically: the
    /// old list or the new one, never a part).
    pub fn add_word(&self, word: &str) -> Result<(), WordError> {
        let word = word.trim();
        if word.is_empty()
            || word.chars().count() > MAX_WORD_CHARS
            || word.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(WordError::NotAWord(word.to_owned()));
        }
        let file = self.user_file.as_deref().ok_or(WordError::NoFile)?;
        let mut user = self.user.write().unwrap_or_else(PoisonError::into_inner);
        let mut words: HashSet<String> = (**user).clone();
        if !words.insert(word.to_lowercase()) {
            return Ok(());
        }
        let mut sorted: Vec<&String> = words.iter().collect();
        sorted.sort();
        let mut text =
            String::from("# Release Composer: words that are spelled right, one per line\n");
        for w in sorted {
            text.push_str(w);
            text.push('\n');
        }
        let failed = |e: std::io::Error| WordError::Write {
            file: file.to_owned(),
            message: e.to_string(),
        };
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(failed)?;
        }
        release_drafts::write_atomically(file, text.as_bytes()).map_err(failed)?;
        *user = Arc::new(words);
        Ok(())
    }
}

/// How near a suggestion is: its edit distance, whether it splits the word,
/// whether it is no longer, and its place in Hunspell's order.
type Rank = (usize, bool, bool, usize);

/// The nearest of Hunspell's first few suggestions. Hunspell orders by its
/// own scores, which for some dictionaries (Arabic) put a far word first:
/// the nearest wins, and between equally near ones one word before two,
/// then a longer word, since a left-out letter is the commonest typo.
fn nearest(word: &str, suggestions: Vec<String>) -> Option<(Rank, String)> {
    suggestions
        .into_iter()
        .take(6)
        .enumerate()
        .map(|(n, s)| {
            let split = s.contains(' ') || (s.contains('-') && !word.contains('-'));
            let longer = s.chars().count() > word.chars().count();
            ((edit_distance(word, &s), split, !longer, n), s)
        })
        .min_by(|a, b| a.0.cmp(&b.0))
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

fn read_user_words(file: &Path) -> HashSet<String> {
    use std::io::Read;
    let mut text = String::new();
    let read =
        std::fs::File::open(file).and_then(|f| f.take(MAX_USER_BYTES).read_to_string(&mut text));
    match read {
        Ok(_) => release_style::parse_word_list(&text),
        Err(_) => HashSet::new(),
    }
}

/// The dictionary `choice` names, read and parsed.
fn load(choice: &Choice) -> Result<Arc<Dictionary>, Unavailable> {
    let language = english_name(choice.language).to_owned();
    let read = |file: &Path| {
        std::fs::read_to_string(file).map_err(|e| Unavailable::Unreadable {
            language: language.clone(),
            file: file.to_owned(),
            message: e.to_string(),
        })
    };
    let (aff, dic) = (read(&choice.aff)?, read(&choice.dic)?);
    Dictionary::new(&aff, &dic)
        .map(Arc::new)
        .map_err(|e| Unavailable::Unreadable {
            language,
            file: choice.aff.clone(),
            message: e.to_string(),
        })
}

/// One dictionary: where its files are, the parsed dictionary once a word
/// needs it, and its verdicts.
struct Lexicon {
    choice: Choice,
    hash: u64,
    dictionary: OnceLock<Result<Arc<Dictionary>, Unavailable>>,
    verdicts: Mutex<Verdicts>,
}

impl Lexicon {
    /// Finds the verdicts kept for the dictionary's files as they are now
    /// (their size and time of change: a reinstalled or edited dictionary
    /// starts afresh); reads and parses the dictionary now unless verdicts
    /// were kept, so that a dictionary that cannot be used says so at once.
    fn open(choice: &Choice, verdicts_dir: Option<&Path>) -> Result<Arc<Lexicon>, Unavailable> {
        let unreadable = |file: &Path, e: std::io::Error| Unavailable::Unreadable {
            language: english_name(choice.language).to_owned(),
            file: file.to_owned(),
            message: e.to_string(),
        };
        let mut stamp = Vec::new();
        for file in [&choice.aff, &choice.dic] {
            let meta = std::fs::metadata(file).map_err(|e| unreadable(file, e))?;
            let changed = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            stamp.push(format!("{}\t{}\t{changed}", file.display(), meta.len()));
        }
        let hash = verdicts::hash(stamp.join("\n").as_bytes());
        let file = verdicts_dir.map(|d| verdicts::file_in(d, &choice.dictionary, hash));
        let verdicts = Verdicts::read(file, hash);
        let stored = verdicts.is_stored();
        let lexicon = Lexicon {
            choice: choice.clone(),
            hash,
            dictionary: OnceLock::new(),
            verdicts: Mutex::new(verdicts),
        };
        if !stored {
            lexicon.parsed().map_err(|e| e.clone())?;
        }
        Ok(Arc::new(lexicon))
    }

    /// The parsed dictionary, read and parsed on first use.
    fn parsed(&self) -> Result<&Dictionary, &Unavailable> {
        self.dictionary
            .get_or_init(|| load(&self.choice))
            .as_deref()
    }

    fn verdicts(&self) -> MutexGuard<'_, Verdicts> {
        lock(&self.verdicts)
    }

    /// True when the dictionary knows `word`. A dictionary that cannot be
    /// parsed after all (it parsed when its verdicts were kept) flags nothing.
    fn check(&self, word: &str) -> bool {
        if let Some(v) = self.verdicts().get(word) {
            return v == Verdict::Known;
        }
        let Ok(dictionary) = self.parsed() else {
            return true;
        };
        let known = dictionary.check(word);
        let verdict = if known {
            Verdict::Known
        } else {
            Verdict::Unknown(None)
        };
        self.verdicts().put(word, verdict);
        known
    }

    fn suggest(&self, word: &str) -> Option<String> {
        let kept = self.verdicts().get(word);
        if let Some(Verdict::Unknown(Some(suggestion))) = kept {
            return suggestion;
        }
        let best = best_suggestion(self.parsed().ok()?, word);
        if kept != Some(Verdict::Known) {
            self.verdicts()
                .put(word, Verdict::Unknown(Some(best.clone())));
        }
        best
    }

    fn save(&self) {
        self.verdicts().save(self.hash);
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The best correction of `word`. The edits Hunspell tries (a letter left
/// out, added, swapped or replaced, its REP table) are quick; its n-gram
/// pass reads the whole word list (most of a first check's time). A
/// one-letter edit that is one word cannot be bettered, so the n-gram pass
/// runs only without one.
fn best_suggestion(dictionary: &Dictionary, word: &str) -> Option<String> {
    let mut suggestions = Vec::new();
    dictionary
        .suggester()
        .with_ngram_suggestions(false)
        .suggest(word, &mut suggestions);
    let mut best = nearest(word, suggestions);
    if !best
        .as_ref()
        .is_some_and(|(rank, _)| rank.0 == 1 && !rank.1)
    {
        let mut suggestions = Vec::new();
        dictionary.suggest(word, &mut suggestions);
        best = nearest(word, suggestions);
    }
    best.map(|(_, s)| s)
}

/// A loaded dictionary with the house's and the user's words: what the
/// misspelling check is handed.
#[derive(Clone)]
pub struct Checker {
    lexicon: Arc<Lexicon>,
    dictionary_name: String,
    note: Option<String>,
    house: Arc<HashSet<String>>,
    user: Arc<HashSet<String>>,
}

impl std::fmt::Debug for Checker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker")
            .field("dictionary", &self.dictionary_name)
            .field("house_words", &self.house.len())
            .field("user_words", &self.user.len())
            .finish()
    }
}

impl Checker {
    /// The dictionary's name (`en_GB`).
    pub fn dictionary(&self) -> &str {
        &self.dictionary_name
    }

    /// Said when the style's first choice of dictionary is not installed.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// Parses the dictionary now, if it was not yet (verdicts were kept):
    /// for a program that would rather wait now than at a new word.
    pub fn warm(&self) {
        let _ = self.lexicon.parsed();
    }

    /// True once the dictionary itself has been parsed (it is not while
    /// every word asked about had a kept verdict).
    pub fn is_parsed(&self) -> bool {
        self.lexicon.dictionary.get().is_some()
    }

    fn listed(&self, word: &str) -> bool {
        if self.house.is_empty() && self.user.is_empty() {
            return false;
        }
        let lower = word.to_lowercase();
        self.house.contains(&lower) || self.user.contains(&lower)
    }
}

impl Speller for Checker {
    fn knows(&self, word: &str) -> bool {
        self.listed(word) || self.lexicon.check(word)
    }

    fn suggest(&self, word: &str) -> Option<String> {
        self.lexicon.suggest(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("الإرهب", "الإرهاب"), 1);
        assert_eq!(edit_distance("الإرهب", "ألأرهب"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn packages_by_dictionary() {
        assert_eq!(package("en_GB"), "hunspell-en-gb");
        assert_eq!(package("en_GB-ize"), "hunspell-en-gb");
        assert_eq!(package("en_US"), "hunspell-en-us");
        assert_eq!(package("fr_FR"), "hunspell-fr");
        assert_eq!(package("ar"), "hunspell-ar");
    }
}
