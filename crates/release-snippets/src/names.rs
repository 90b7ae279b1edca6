//! File names in a snippets folder: `ID.snippet.json` for a snippet, the
//! names sync tools give the copies they make when two computers changed the
//! same file (recognised by the drafts library's
//! `release_drafts::conflict_copy_in`, so both libraries read them alike),
//! and new ids. Every name from outside is checked here before it
//! becomes part of a path.

use crate::error::{Result, SnippetsError};
use crate::snippet::Kind;
use release_drafts::{DraftsError, Timestamp, conflict_copy_in, validate_id};

/// The extension of every snippet file.
pub const EXTENSION: &str = ".snippet.json";
/// Deleted snippets go to this folder inside the snippets folder.
pub const TRASH_DIR: &str = ".trash";

/// Letters of generated ids: lowercase, without the look-alikes i, l, o, 0, 1
/// (the drafts library's alphabet).
const ID_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Random letters at the end of a generated id.
const ID_RANDOM_LEN: usize = 6;
/// The longest file name most file systems accept, in bytes.
const MAX_FILE_NAME: usize = 255;

/// What a file in the snippets folder is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileName<'a> {
    /// `ID.snippet.json` with a valid id.
    Snippet(&'a str),
    /// A sync tool's conflicting copy of snippet `of`.
    ConflictCopy { of: &'a str },
    /// Ends with `.snippet.json` but the rest is not a valid id: listed as
    /// damaged, so that it is not silently ignored.
    BadName(&'a str),
}

/// What `name` is, or `None` for a file that is not the folder's business:
/// hidden files (temporary files of atomic writes among them) and files of
/// other extensions.
pub(crate) fn classify(name: &str) -> Option<FileName<'_>> {
    if name.starts_with('.') || !is_plain_file_name(name) {
        return None;
    }
    // The drafts library knows the names sync tools give their copies, in
    // either place (`ID (conflicted copy …).snippet.json`,
    // `ID.snippet (conflicted copy …).json`); see
    // `release_drafts::conflict_copy_of`.
    if let Some(of) = conflict_copy_in(name, EXTENSION) {
        return Some(FileName::ConflictCopy { of });
    }
    let core = name.strip_suffix(EXTENSION)?;
    Some(if validate_id(core).is_ok() {
        FileName::Snippet(core)
    } else {
        FileName::BadName(core)
    })
}

/// One file name, no folder: no separator, no drive or stream colon, no
/// control character, not too long.
fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_FILE_NAME
        && !name
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control())
}

/// Checks an id that names a snippet: the drafts library's rules (1 to 64
/// ASCII letters, digits, `-` and `_`, starting with a letter or digit, not
/// a name Windows reserves), so it is safe as a file name everywhere.
pub(crate) fn check_id(id: &str) -> Result<()> {
    match id_problem(id) {
        None => Ok(()),
        Some(reason) => Err(SnippetsError::InvalidId {
            id: id.to_owned(),
            reason,
        }),
    }
}

/// What is wrong with `id`, if anything.
pub(crate) fn id_problem(id: &str) -> Option<&'static str> {
    match validate_id(id) {
        Ok(()) => None,
        Err(DraftsError::InvalidId { reason, .. }) => Some(reason),
        Err(_) => Some("it is not an id"),
    }
}

/// The file name that `id` opens: `ID.snippet.json` for a snippet id, or
/// the name itself for a sync tool's conflicting copy (as listed).
pub(crate) fn file_name_of(id: &str) -> Result<String> {
    if id.ends_with(".json") {
        return match classify(id) {
            Some(FileName::ConflictCopy { .. }) => Ok(id.to_owned()),
            _ => Err(SnippetsError::InvalidId {
                id: id.to_owned(),
                reason: "only a sync tool's conflicting copy is named by its file name; give a snippet's id without `.snippet.json`",
            }),
        };
    }
    check_id(id)?;
    Ok(format!("{id}{EXTENSION}"))
}

/// A new id: the kind, the UTC date and six random letters, e.g.
/// `about-20261201-k3f9qz`.
pub(crate) fn generate(kind: Kind, now: Timestamp, rng: &mut fastrand::Rng) -> String {
    let mut id = format!("{kind}-{}-", now.date_text().replace('-', ""));
    for _ in 0..ID_RANDOM_LEN {
        id.push(char::from(ID_ALPHABET[rng.usize(..ID_ALPHABET.len())]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_files_and_strangers() {
        assert_eq!(
            classify("about-x.snippet.json"),
            Some(FileName::Snippet("about-x"))
        );
        assert_eq!(classify("notes.json"), None);
        assert_eq!(classify("README.txt"), None);
        assert_eq!(classify(".about-x.snippet.json.1-2-3.tmp"), None);
        assert_eq!(classify(".trash"), None);
        assert_eq!(classify("a b.snippet.json"), Some(FileName::BadName("a b")));
        assert_eq!(classify("con.snippet.json"), Some(FileName::BadName("con")));
    }

    #[test]
    fn sync_tools_conflict_copies_name_their_original() {
        for name in [
            "about-x (conflicted copy 2026-12-01).snippet.json",
            "about-x (Ana's conflicted copy 2026-12-01).snippet.json",
            "about-x (conflicted copy 2026-12-01 123456).snippet.json",
            "about-x.sync-conflict-20261201-123456-ABCDEF.snippet.json",
            "about-x.snippet (conflicted copy 2026-12-01).json",
            "about-x.snippet.sync-conflict-20261201-123456-ABCDEF.json",
            "about-x.snippet_conflict-20261201-123456.json",
        ] {
            assert_eq!(
                classify(name),
                Some(FileName::ConflictCopy { of: "about-x" }),
                "{name}"
            );
            assert_eq!(file_name_of(name).expect(name), name);
        }
        for not_a_copy in [
            "about-x (2)",
            "about-x.sync-conflict-2026",
            "about-x (copy)",
        ] {
            let name = format!("{not_a_copy}.snippet.json");
            assert_eq!(classify(&name), Some(FileName::BadName(not_a_copy)));
        }
    }

    #[test]
    fn names_from_outside_cannot_leave_the_folder() {
        for id in [
            "../x",
            "/etc/passwd",
            "con",
            "a/b",
            "..",
            "",
            "x (../../conflict).snippet.json",
            "../x (conflicted copy 2026-12-01).snippet.json",
            "x (a/b conflicted copy).snippet.json",
            "C:x (conflicted copy).snippet.json",
            "about-x.snippet.json",
            "/etc/passwd.json",
        ] {
            let err = file_name_of(id).expect_err(id);
            assert_eq!(err.code(), "invalid-id", "{id}");
            assert!(err.to_string().contains("not a valid snippet id"), "{err}");
        }
        assert_eq!(
            file_name_of("about-x").expect("valid"),
            "about-x.snippet.json"
        );
    }

    #[test]
    fn generated_ids_are_valid_and_say_their_kind_and_day() {
        let mut rng = fastrand::Rng::with_seed(7);
        let now = Timestamp::from_millis(1_638_957_600_000);
        let a = generate(Kind::Contact, now, &mut rng);
        let b = generate(Kind::Contact, now, &mut rng);
        assert!(a.starts_with("contact-20211208-"), "{a}");
        assert_ne!(a, b);
        assert!(check_id(&a).is_ok());
    }
}
