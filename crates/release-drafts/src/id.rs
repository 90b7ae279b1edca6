//! Draft ids: the library makes them, and checks every id that comes from
//! outside (the webview, the command line, a file name) before it becomes
//! part of a path. An id is the file name of the draft without
//! `.release.json`, so it must be safe as a file name on every system.

use crate::error::DraftsError;
use crate::time::Timestamp;

/// The longest id accepted.
pub const MAX_ID_LEN: usize = 64;

/// Letters of generated ids: lowercase, without the look-alikes i, l, o, 0, 1.
const ID_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Random letters after the date in a generated id.
const ID_RANDOM_LEN: usize = 6;

/// File names Windows reserves whatever their extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Checks that `id` names a draft and nothing else: 1 to 64 ASCII letters,
/// digits, `-` and `_`, starting with a letter or digit, and not a name
/// Windows reserves. So it holds no separator, no `.` (hence no `..`), no
/// space and nothing a shell or a file system would read specially.
pub fn validate_id(id: &str) -> Result<(), DraftsError> {
    match id_problem(id) {
        None => Ok(()),
        Some(reason) => Err(DraftsError::InvalidId {
            id: id.to_owned(),
            reason,
        }),
    }
}

/// What is wrong with `id`, if anything.
pub(crate) fn id_problem(id: &str) -> Option<&'static str> {
    let Some(first) = id.chars().next() else {
        return Some("it is empty");
    };
    if id.len() > MAX_ID_LEN {
        return Some("it is longer than 64 characters");
    }
    if id.contains(['/', '\\']) || id.contains("..") {
        return Some("it holds a path separator or `..`");
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Some("only letters a-z, A-Z, digits, `-` and `_` are allowed");
    }
    if !first.is_ascii_alphanumeric() {
        return Some("it must start with a letter or a digit");
    }
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(id)) {
        return Some("Windows reserves this name");
    }
    None
}

/// A new id: the UTC date, a dash and six random letters, e.g.
/// `20211208-k3f9qz`. Sorting ids sorts drafts by the day they were made.
pub(crate) fn generate(now: Timestamp, rng: &mut fastrand::Rng) -> String {
    let mut id = now.date_text().replace('-', "");
    id.push('-');
    for _ in 0..ID_RANDOM_LEN {
        id.push(char::from(ID_ALPHABET[rng.usize(..ID_ALPHABET.len())]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_ids() {
        for id in [
            "20211208-k3f9qz",
            "launch",
            "Launch_2",
            "a",
            &"x".repeat(64),
        ] {
            assert!(validate_id(id).is_ok(), "{id}");
        }
    }

    #[test]
    fn refuses_anything_that_could_leave_the_folder() {
        for id in [
            "",
            ".",
            "..",
            "../x",
            "a/b",
            "a\\b",
            "/etc/passwd",
            "C:x",
            "a..b",
            ".hidden",
            "-rf",
            "_x",
            "a b",
            "a.release",
            "a\0b",
            "é",
            "con",
            "NUL",
            "Com1",
            &"x".repeat(65),
        ] {
            let err = validate_id(id).expect_err(id);
            assert_eq!(err.code(), "invalid-id");
        }
    }

    #[test]
    fn the_reason_is_named() {
        let err = validate_id("../secret").expect_err("refused");
        assert!(err.to_string().contains("../secret"), "{err}");
        assert!(err.to_string().contains("separator"), "{err}");
    }

    #[test]
    fn generated_ids_are_valid_dated_and_differ() {
        let mut rng = fastrand::Rng::with_seed(7);
        let now = Timestamp::from_millis(1_638_957_600_000);
        let a = generate(now, &mut rng);
        let b = generate(now, &mut rng);
        assert!(a.starts_with("20211208-"), "{a}");
        assert_eq!(a.len(), 15);
        assert_ne!(a, b);
        assert!(validate_id(&a).is_ok());
    }
}
