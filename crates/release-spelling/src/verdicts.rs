//! What a dictionary said of words, kept between runs: whether each word is
//! spelled right and, for a word that is not, its best suggestion. Reading
//! a Hunspell dictionary takes tens of milliseconds (most of a command-line
//! export), and a press officer's releases use the same few thousand words
//! again and again, so a check whose words were all seen before needs no
//! dictionary at all.
//!
//! A verdict depends on the dictionary's two files only (the house's and the
//! user's words are applied on top, every time), so the file is named by a
//! hash of their paths, sizes and times of change: a changed or updated
//! dictionary starts afresh.
//! The file lives in the user's cache folder and is checked when read; one
//! that is not exactly as written here (a version, a line out of order, a
//! line without its verdict) is ignored whole.
//!
//! The format, a line per word, sorted by word (byte order):
//!
//! ```text
//! release-composer spelling verdicts 1 spellbook 0.4 <hash>
//! Office\t+
//! analyze\t-\tanalyse
//! signaled\t-
//! xqzv\t-\t
//! ```
//!
//! `+` is spelled right; `-` is not, followed by a tab and its suggestion
//! once one was asked for (empty when there is none).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The first line's words before the dictionary's hash. The spellbook version
/// is in it, as a newer reader may judge words differently.
const HEADER: &str = "release-composer spelling verdicts 1 spellbook 0.4";

/// A file is read up to this size; a larger one is ignored.
const MAX_FILE_BYTES: u64 = 8 << 20;

/// The most words a file keeps. Past it, a save keeps this run's words and
/// as many of the older ones (in byte order) as fit.
pub(crate) const MAX_WORDS: usize = 100_000;

/// Longer words are judged but not kept.
const MAX_KEPT_BYTES: usize = 200;

/// What the dictionary said of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    Known,
    /// Not in the dictionary; the best suggestion once asked for (`Some(None)`
    /// when it has none).
    Unknown(Option<Option<String>>),
}

/// The verdicts of one dictionary: those read from its file (sorted lines,
/// looked up in place) and those reached since.
#[derive(Debug, Default)]
pub(crate) struct Verdicts {
    file: Option<PathBuf>,
    text: String,
    /// Each stored line's byte range in `text`, in the file's (sorted) order.
    lines: Vec<(u32, u32)>,
    new: HashMap<String, Verdict>,
}

/// The file of the dictionary whose files hash to `hash`, in `dir`.
pub(crate) fn file_in(dir: &Path, dictionary: &str, hash: u64) -> PathBuf {
    dir.join(format!("{}-{hash:016x}.tsv", sanitized(dictionary)))
}

/// A dictionary's name as part of a file name: letters, digits, `_` and `-`.
fn sanitized(dictionary: &str) -> String {
    dictionary
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The hash a dictionary's file is named by, of what tells its two files
/// apart from other versions of them (`stamp`).
pub(crate) fn hash(stamp: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(stamp)
}

fn header(hash: u64) -> String {
    format!("{HEADER} {hash:016x}")
}

impl Verdicts {
    /// The verdicts kept in `file` for the dictionary hashing to `hash`;
    /// none when there is no such file or it is not one this wrote.
    pub(crate) fn read(file: Option<PathBuf>, hash: u64) -> Verdicts {
        let mut verdicts = Verdicts {
            file,
            ..Verdicts::default()
        };
        let Some(text) = verdicts.file.as_deref().and_then(read_capped) else {
            return verdicts;
        };
        if let Some(lines) = parse(&text, hash) {
            verdicts.text = text;
            verdicts.lines = lines;
        }
        verdicts
    }

    /// True when verdicts were read from the file.
    pub(crate) fn is_stored(&self) -> bool {
        !self.lines.is_empty()
    }

    /// True when there are verdicts the file does not hold yet.
    pub(crate) fn is_changed(&self) -> bool {
        !self.new.is_empty()
    }

    pub(crate) fn get(&self, word: &str) -> Option<Verdict> {
        if let Some(v) = self.new.get(word) {
            return Some(v.clone());
        }
        let at = self
            .lines
            .binary_search_by(|&(start, end)| {
                let line = &self.text[start as usize..end as usize];
                line.split('\t').next().unwrap_or("").cmp(word)
            })
            .ok()?;
        let (start, end) = self.lines[at];
        line_verdict(&self.text[start as usize..end as usize])
    }

    pub(crate) fn put(&mut self, word: &str, verdict: Verdict) {
        let room = self.new.len() < MAX_WORDS || self.new.contains_key(word);
        if room && word.len() <= MAX_KEPT_BYTES && !word.contains(['\t', '\n', '\r']) {
            self.new.insert(word.to_owned(), verdict);
        }
    }

    /// Writes the file with every verdict (atomically, so a reader sees the
    /// old file or the new one), when there are new ones. A cache that
    /// cannot be written is left as it was: the next check reads the
    /// dictionary again.
    pub(crate) fn save(&mut self, hash: u64) {
        let Some(file) = self.file.clone() else {
            return;
        };
        if !self.is_changed() {
            return;
        }
        let mut all: BTreeMap<&str, Verdict> = BTreeMap::new();
        let room = MAX_WORDS.saturating_sub(self.new.len());
        for &(start, end) in self.lines.iter().take(room) {
            let line = &self.text[start as usize..end as usize];
            if let (Some(word), Some(v)) = (line.split('\t').next(), line_verdict(line)) {
                all.insert(word, v);
            }
        }
        for (word, v) in self.new.iter().take(MAX_WORDS) {
            all.insert(word, v.clone());
        }
        let mut text = header(hash);
        text.push('\n');
        for (word, v) in &all {
            text.push_str(word);
            match v {
                Verdict::Known => text.push_str("\t+"),
                Verdict::Unknown(None) => text.push_str("\t-"),
                Verdict::Unknown(Some(s)) => {
                    text.push_str("\t-\t");
                    text.push_str(s.as_deref().unwrap_or(""));
                }
            }
            text.push('\n');
        }
        drop(all);
        let written = file
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| release_drafts::write_unflushed(&file, text.as_bytes()));
        if written.is_ok() {
            if let Some(lines) = parse(&text, hash) {
                self.text = text;
                self.lines = lines;
            }
            self.new.clear();
            remove_others(&file);
        }
    }
}

fn read_capped(file: &Path) -> Option<String> {
    use std::io::Read;
    let f = std::fs::File::open(file).ok()?;
    if f.metadata().ok()?.len() > MAX_FILE_BYTES {
        return None;
    }
    let mut text = String::new();
    f.take(MAX_FILE_BYTES).read_to_string(&mut text).ok()?;
    Some(text)
}

/// The byte ranges of `text`'s verdict lines, when it is a file for `hash`
/// with every line well formed and in strictly increasing order.
fn parse(text: &str, hash: u64) -> Option<Vec<(u32, u32)>> {
    let (first, rest) = text.split_once('\n')?;
    if first != header(hash) || u32::try_from(text.len()).is_err() {
        return None;
    }
    let mut lines = Vec::new();
    let mut at = first.len() + 1;
    let mut previous: Option<&str> = None;
    for line in rest.split_terminator('\n') {
        let word = line.split('\t').next()?;
        if word.is_empty() || previous.is_some_and(|p| p >= word) || line_verdict(line).is_none() {
            return None;
        }
        previous = Some(word);
        lines.push((at as u32, (at + line.len()) as u32));
        at += line.len() + 1;
        if lines.len() > MAX_WORDS {
            return None;
        }
    }
    Some(lines)
}

fn line_verdict(line: &str) -> Option<Verdict> {
    let mut parts = line.split('\t');
    parts.next()?;
    let verdict = match (parts.next()?, parts.next()) {
        ("+", None) => Verdict::Known,
        ("-", None) => Verdict::Unknown(None),
        ("-", Some("")) => Verdict::Unknown(Some(None)),
        ("-", Some(s)) => Verdict::Unknown(Some(Some(s.to_owned()))),
        _ => return None,
    };
    parts.next().is_none().then_some(verdict)
}

/// Removes the files of the same dictionary before it changed.
fn remove_others(file: &Path) {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let Some((dictionary, _)) = name.rsplit_once('-') else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let other = entry.file_name();
        let Some(other) = other.to_str() else {
            continue;
        };
        let stale = other != name
            && other.strip_suffix(".tsv").is_some_and(|o| {
                o.rsplit_once('-').is_some_and(|(d, h)| {
                    d == dictionary && h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit())
                })
            });
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(dir: &Path, words: &[(&str, Verdict)]) -> PathBuf {
        let file = file_in(dir, "en_GB", 7);
        let mut v = Verdicts::read(Some(file.clone()), 7);
        for (w, verdict) in words {
            v.put(w, verdict.clone());
        }
        v.save(7);
        file
    }

    #[test]
    fn verdicts_survive_a_save_and_a_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = saved(
            dir.path(),
            &[
                ("Office", Verdict::Known),
                ("signaled", Verdict::Unknown(None)),
                ("analyze", Verdict::Unknown(Some(Some("analyse".into())))),
                ("xqzv", Verdict::Unknown(Some(None))),
                ("l’Office", Verdict::Known),
            ],
        );
        let text = std::fs::read_to_string(&file).expect("written");
        assert!(text.starts_with(&header(7)), "{text}");
        let v = Verdicts::read(Some(file.clone()), 7);
        assert!(v.is_stored() && !v.is_changed());
        assert_eq!(v.get("Office"), Some(Verdict::Known));
        assert_eq!(v.get("signaled"), Some(Verdict::Unknown(None)));
        assert_eq!(
            v.get("analyze"),
            Some(Verdict::Unknown(Some(Some("analyse".into()))))
        );
        assert_eq!(v.get("xqzv"), Some(Verdict::Unknown(Some(None))));
        assert_eq!(v.get("l’Office"), Some(Verdict::Known));
        assert_eq!(v.get("office"), None);
        assert_eq!(v.get("Offic"), None);
        // Another dictionary's hash: nothing.
        assert!(!Verdicts::read(Some(file), 8).is_stored());
    }

    #[test]
    fn a_file_not_as_written_is_ignored_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = file_in(dir.path(), "en_GB", 7);
        let h = header(7);
        for bad in [
            format!("{h}\nb\t+\na\t+\n"),                 // out of order
            format!("{h}\na\t+\na\t+\n"),                 // twice
            format!("{h}\na\t+\nb\n"),                    // no verdict
            format!("{h}\na\t?\n"),                       // not a verdict
            format!("{h}\na\t-\tb\tc\n"),                 // a field too many
            format!("{h}\n\t+\n"),                        // no word
            format!("{HEADER} 0000000000000008\na\t+\n"), // another dictionary
            "a\t+\n".to_owned(),                          // no header
            String::new(),
        ] {
            std::fs::write(&file, &bad).expect("written");
            let v = Verdicts::read(Some(file.clone()), 7);
            assert!(!v.is_stored(), "{bad:?}");
            assert_eq!(v.get("a"), None, "{bad:?}");
        }
        std::fs::write(&file, [0xff, 0xfe, b'\n']).expect("written");
        assert!(!Verdicts::read(Some(file), 7).is_stored());
    }

    #[test]
    fn a_save_merges_and_replaces_the_older_dictionarys_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = file_in(dir.path(), "en_GB", 6);
        std::fs::write(&old, format!("{}\nzz\t+\n", header(6))).expect("written");
        let unrelated = dir.path().join("en_US-0000000000000006.tsv");
        std::fs::write(&unrelated, "kept").expect("written");
        let file = saved(dir.path(), &[("b", Verdict::Known)]);
        let mut v = Verdicts::read(Some(file.clone()), 7);
        v.put("a", Verdict::Unknown(None));
        v.put("b", Verdict::Unknown(Some(None)));
        v.put("tab\there", Verdict::Known);
        v.save(7);
        let v = Verdicts::read(Some(file), 7);
        assert_eq!(v.get("a"), Some(Verdict::Unknown(None)));
        assert_eq!(v.get("b"), Some(Verdict::Unknown(Some(None))));
        assert_eq!(v.get("tab\there"), None);
        assert!(!old.exists(), "the changed dictionary's file is removed");
        assert!(unrelated.exists(), "another dictionary's file is kept");
    }

    #[test]
    fn a_cache_that_cannot_be_written_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "not a folder").expect("written");
        let mut v = Verdicts::read(Some(file_in(&blocker, "en_GB", 7)), 7);
        v.put("a", Verdict::Known);
        v.save(7);
        assert!(v.is_changed(), "kept for a later save");
        assert_eq!(v.get("a"), Some(Verdict::Known));
    }
}
