//! Reading a draft from text: refusals (not JSON, another format, a newer
//! version) and writing it back. Version 1 is the first format, so there is
//! nothing to migrate yet; a version 2 adds its migration from 1 in `load`.

use crate::draft::{Draft, FORMAT, VERSION};
use crate::error_code::ErrorCode;
use crate::finding::Finding;
use serde_json::Value;

/// Why a text could not be read as a draft at all. The file is then left as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("the file is empty")]
    Empty,
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("not a draft: the file holds a JSON {found}, not an object")]
    NotAnObject { found: &'static str },
    #[error("not a Release Composer draft: `format` is {found}, expected \"{FORMAT}\"")]
    WrongFormat { found: String },
    #[error("`version` is {found}, expected a whole number")]
    BadVersion { found: String },
    #[error(
        "draft format version {version} is newer than this program reads (up to {VERSION}); update Release Composer"
    )]
    TooNew { version: u64 },
    #[error("`{path}`: {message}")]
    Invalid { path: String, message: String },
}

impl LoadError {
    /// A stable name for the kind of failure, for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            LoadError::Empty => ErrorCode::EmptyFile,
            LoadError::NotJson { .. } => ErrorCode::NotJson,
            LoadError::NotAnObject { .. } => ErrorCode::NotADraft,
            LoadError::WrongFormat { .. } => ErrorCode::WrongFormat,
            LoadError::BadVersion { .. } => ErrorCode::BadVersion,
            LoadError::TooNew { .. } => ErrorCode::VersionTooNew,
            LoadError::Invalid { .. } => ErrorCode::InvalidField,
        }
    }

    /// The JSON path of the field at fault, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            LoadError::WrongFormat { .. } => Some("format"),
            LoadError::BadVersion { .. } | LoadError::TooNew { .. } => Some("version"),
            LoadError::Invalid { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// A draft read from text, with what loading itself had to say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub draft: Draft,
    /// Problems found while loading (a missing `release`), reported with validation's.
    pub findings: Vec<Finding>,
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Reads a draft from the text of a `.release.json` file.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or("")
            .to_owned(),
    })?;
    let Value::Object(mut object) = value else {
        return Err(LoadError::NotAnObject {
            found: json_kind(&value),
        });
    };
    match object.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(LoadError::WrongFormat {
                found: other.to_string(),
            });
        }
        None => {
            return Err(LoadError::WrongFormat {
                found: "missing".to_owned(),
            });
        }
    }
    let version = match object.get("version") {
        Some(v) => v.as_u64().ok_or_else(|| LoadError::BadVersion {
            found: v.to_string(),
        })?,
        None => {
            return Err(LoadError::BadVersion {
                found: "missing".to_owned(),
            });
        }
    };
    if version > VERSION {
        return Err(LoadError::TooNew { version });
    }
    if version == 0 {
        return Err(LoadError::BadVersion {
            found: "0".to_owned(),
        });
    }
    let mut findings = Vec::new();
    match object.get("release") {
        None | Some(Value::Null) => {
            findings.push(Finding::error(
                "required",
                "release",
                "the draft has no `release`: there is nothing to print",
            ));
            object.remove("release");
        }
        Some(_) => {}
    }
    let draft: Draft = serde_path_to_error::deserialize(Value::Object(object)).map_err(|e| {
        LoadError::Invalid {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        }
    })?;
    Ok(Loaded { draft, findings })
}

/// Writes a draft as the text of a `.release.json` file: pretty-printed,
/// fields in the documented order, unknown fields after them, a final newline.
pub fn to_json(draft: &Draft) -> String {
    let mut text = serde_json::to_string_pretty(draft)
        .unwrap_or_else(|e| unreachable!("a draft always serialises: {e}"));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_what_is_wrong() {
        assert_eq!(load(""), Err(LoadError::Empty));
        assert_eq!(load("  \n"), Err(LoadError::Empty));
        assert!(matches!(
            load("{\"format\":"),
            Err(LoadError::NotJson { line: 1, .. })
        ));
        assert_eq!(load("[1]"), Err(LoadError::NotAnObject { found: "array" }));
        let wrong = load(r#"{"format":"other","version":1}"#).expect_err("wrong format");
        assert_eq!(wrong.code(), "wrong-format");
        assert!(wrong.to_string().contains("\"other\""));
        let newer = load(r#"{"format":"release-composer/draft","version":99}"#).expect_err("newer");
        assert_eq!(newer, LoadError::TooNew { version: 99 });
        assert!(newer.to_string().contains("99"));
        let bad = load(r#"{"format":"release-composer/draft","version":"1"}"#).expect_err("string");
        assert_eq!(bad.code(), "bad-version");
    }

    #[test]
    fn a_field_of_the_wrong_type_names_its_path() {
        let text = r#"{"format":"release-composer/draft","version":1,
            "release":{"headline":"x","contacts":[{"name":"a"},{"email":7}]}}"#;
        let err = load(text).expect_err("wrong type");
        assert_eq!(err.path(), Some("release.contacts[1].email"));
    }

    #[test]
    fn a_missing_release_is_a_finding_not_a_failure() {
        let loaded = load(r#"{"format":"release-composer/draft","version":1}"#).expect("loads");
        assert_eq!(loaded.findings.len(), 1);
        assert_eq!(loaded.findings[0].path, "release");
    }

    #[test]
    fn version_zero_never_existed() {
        let err = load(r#"{"format":"release-composer/draft","version":0,"release":{}}"#)
            .expect_err("version 0");
        assert_eq!(err.code(), "bad-version");
    }

    #[test]
    fn photos_are_written_only_when_there_are_any() {
        let example = crate::example::example();
        assert!(!to_json(&example).contains("photos"));
        let text = r#"{"format":"release-composer/draft","version":1,"release":{"headline":"x",
            "photos":[{"file":"photos/a.jpg","caption":[{"text":"The launch"}],"credit":"UN Photo",
            "alt":"Delegates at a table","rights":"editorial use"}]}}"#;
        let draft = load(text).expect("loads").draft;
        let photo = &draft.release.photos[0];
        assert_eq!(photo.file, "photos/a.jpg");
        assert_eq!(photo.credit, "UN Photo");
        assert_eq!(
            photo.extra["rights"], "editorial use",
            "unknown fields are kept"
        );
        let again = load(&to_json(&draft)).expect("reads back").draft;
        assert_eq!(again, draft);
        let bad =
            r#"{"format":"release-composer/draft","version":1,"release":{"photos":[{"file":7}]}}"#;
        assert_eq!(
            load(bad).expect_err("wrong type").path(),
            Some("release.photos[0].file")
        );
    }

    #[test]
    fn byte_order_mark_is_ignored() {
        let with_mark = format!("\u{FEFF}{}", crate::example::EXAMPLE_JSON);
        let loaded = load(&with_mark).expect("a draft after its byte order mark");
        assert_eq!(loaded.draft, crate::example::example());
        assert_eq!(loaded.findings, []);
    }
}
