//! Revision tokens: what a window remembers about the file it loaded, so that
//! a save can tell whether someone else changed the file in the meantime.

use crate::error::DraftsError;
use crate::time::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The state of a draft file when it was loaded or saved: its modified time
/// and a hash of its bytes. Passed back to [`crate::Library::save`] to detect
/// a change on disk. Travels as a string (`"1638957600123-9f…"`) across IPC.
///
/// Two revisions are the same version when their hashes are equal: a sync
/// tool that rewrites a file with identical bytes (new modified time) is not
/// a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Revision {
    /// The file's modified time.
    pub modified: Timestamp,
    /// XXH3-128 of the file's bytes.
    pub hash: u128,
}

impl Revision {
    /// The revision of a file with these bytes and modified time.
    pub fn of(bytes: &[u8], modified: Timestamp) -> Revision {
        Revision {
            modified,
            hash: content_hash(bytes),
        }
    }

    /// True when both name the same content.
    pub fn same_content(&self, other: &Revision) -> bool {
        self.hash == other.hash
    }
}

/// The hash of a file's content: XXH3, 128 bits. Not for security; it tells
/// versions apart, and its output is fixed by its specification, so tokens
/// stay valid across program versions.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

impl fmt::Display for Revision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:032x}", self.modified.millis(), self.hash)
    }
}

impl FromStr for Revision {
    type Err = DraftsError;

    fn from_str(token: &str) -> Result<Revision, DraftsError> {
        let bad = || DraftsError::BadRevisionToken {
            token: token.chars().take(80).collect(),
        };
        let (modified, hash) = token.rsplit_once('-').ok_or_else(bad)?;
        if hash.len() != 32 {
            return Err(bad());
        }
        let modified = modified.parse::<i64>().map_err(|_| bad())?;
        let hash = u128::from_str_radix(hash, 16).map_err(|_| bad())?;
        Ok(Revision {
            modified: Timestamp::from_millis(modified),
            hash,
        })
    }
}

impl Serialize for Revision {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Revision {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Revision, D::Error> {
        let token = String::deserialize(deserializer)?;
        token.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        let r = Revision::of(b"{}", Timestamp::from_millis(1_638_957_600_123));
        let token = r.to_string();
        assert!(token.starts_with("1638957600123-"), "{token}");
        assert_eq!(token.parse::<Revision>().expect("parses"), r);
        let json = serde_json::to_string(&r).expect("serialises");
        assert_eq!(json, format!("\"{token}\""));
        assert_eq!(serde_json::from_str::<Revision>(&json).expect("reads"), r);
    }

    #[test]
    fn bad_tokens_are_refused() {
        for token in [
            "",
            "x",
            "12-zz",
            "12-00",
            "a-00000000000000000000000000000000",
        ] {
            let err = token.parse::<Revision>().expect_err(token);
            assert_eq!(err.code(), "bad-revision-token");
        }
    }

    #[test]
    fn content_decides_sameness() {
        let a = Revision::of(b"one", Timestamp::from_millis(1));
        let b = Revision::of(b"one", Timestamp::from_millis(2));
        let c = Revision::of(b"two", Timestamp::from_millis(1));
        assert!(a.same_content(&b));
        assert!(!a.same_content(&c));
    }
}
