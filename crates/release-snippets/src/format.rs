//! The snippet file format, version 1 (see `docs/SNIPPETS.md`): reading a
//! file's bytes with clear refusals, and writing the one canonical text.
//!
//! ```json
//! {"format":"release-composer/snippet","version":1,"kind":"about",
//!  "name":"About UNOCT","language":"en","blocks":[…]}
//! ```
//!
//! A contact snippet has `"contact": {…}` instead of `blocks`. Fields this
//! version does not know are kept and written back after the known ones.

use crate::snippet::{Content, Kind, Snippet};
use release_model::{Block, Contact, ErrorCode, Extra};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The value of the `format` field of every snippet file.
pub const FORMAT: &str = "release-composer/snippet";
/// The newest snippet format version this crate reads and writes.
pub const VERSION: u64 = 1;
/// Files larger than this are not snippets; they are refused unread.
pub const MAX_SNIPPET_BYTES: u64 = 1024 * 1024;

/// Why bytes are not a snippet. The file is then left as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    #[error("larger than {} MiB; this is not a snippet", MAX_SNIPPET_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("the file is empty")]
    Empty,
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("not a snippet: the file holds a JSON {found}, not an object")]
    NotAnObject { found: &'static str },
    #[error("not a Release Composer snippet: `format` is {found}, expected \"{FORMAT}\"")]
    WrongFormat { found: String },
    #[error("`version` is {found}, expected a whole number")]
    BadVersion { found: String },
    #[error(
        "snippet format version {version} is newer than this program reads (up to {VERSION}); update Release Composer"
    )]
    TooNew { version: u64 },
    #[error(
        "`kind` is {found}; this version knows about, notes, closing and contact (update Release Composer if a newer one wrote it)"
    )]
    UnknownKind { found: String },
    #[error("`{path}`: {message}")]
    Invalid { path: String, message: String },
}

impl FormatError {
    /// A stable name of the problem. Every code is one of
    /// [`release_model::ErrorCode`]'s, the ones a draft's refusals use.
    pub fn code(&self) -> ErrorCode {
        match self {
            FormatError::TooLarge => ErrorCode::TooLarge,
            FormatError::NotUtf8 { .. } => ErrorCode::NotUtf8,
            FormatError::Empty => ErrorCode::EmptyFile,
            FormatError::NotJson { .. } => ErrorCode::NotJson,
            FormatError::NotAnObject { .. } | FormatError::WrongFormat { .. } => {
                ErrorCode::WrongFormat
            }
            FormatError::BadVersion { .. } => ErrorCode::BadVersion,
            FormatError::TooNew { .. } => ErrorCode::VersionTooNew,
            FormatError::UnknownKind { .. } | FormatError::Invalid { .. } => {
                ErrorCode::InvalidField
            }
        }
    }
}

/// Reads a snippet from the bytes of a `.snippet.json` file: at most
/// [`MAX_SNIPPET_BYTES`], UTF-8 (a byte-order mark is ignored), JSON, this
/// format, a version this program reads, a known kind, fields of the right
/// type. Missing `language`, `blocks` or `contact` read as empty.
pub fn from_bytes(bytes: &[u8]) -> Result<Snippet, FormatError> {
    if bytes.len() as u64 > MAX_SNIPPET_BYTES {
        return Err(FormatError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FormatError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    from_json(text)
}

/// Reads a snippet from the text of a `.snippet.json` file (see [`from_bytes`]).
pub fn from_json(text: &str) -> Result<Snippet, FormatError> {
    let value = parse_value(text)?;
    let Value::Object(mut object) = value else {
        return Err(FormatError::NotAnObject {
            found: json_kind(&value),
        });
    };
    check_format(object.shift_remove("format"))?;
    check_version(object.shift_remove("version"))?;
    let kind = read_kind(object.shift_remove("kind"))?;
    let name = match object.shift_remove("name") {
        Some(Value::String(name)) => name,
        Some(other) => {
            return Err(invalid(
                "name",
                &format!("expected a string, found {}", json_kind(&other)),
            ));
        }
        None => return Err(invalid("name", "missing; every snippet has a name")),
    };
    let language = match object.shift_remove("language") {
        None => String::new(),
        Some(Value::String(language)) => language,
        Some(other) => {
            return Err(invalid(
                "language",
                &format!("expected a string, found {}", json_kind(&other)),
            ));
        }
    };
    let content = match kind {
        Kind::About => Content::About(field::<Vec<Block>>(&mut object, "blocks")?),
        Kind::Notes => Content::Notes(field::<Vec<Block>>(&mut object, "blocks")?),
        Kind::Closing => Content::Closing(field::<Vec<Block>>(&mut object, "blocks")?),
        Kind::Contact => Content::Contact(field::<Contact>(&mut object, "contact")?),
    };
    Ok(Snippet {
        name,
        language,
        content,
        extra: object,
    })
}

/// Reads the content of a snippet of `kind` from JSON, as a snippet file
/// holds it: for about, notes and closing the list of blocks (the `blocks`
/// field, the same JSON as a draft's `about`), for a contact the object of
/// its `contact` field. For content made elsewhere (a script, the command
/// line); a field of the wrong type is named by its path (`blocks[0].content`).
pub fn content_from_json(kind: Kind, text: &str) -> Result<Content, FormatError> {
    let value = parse_value(text)?;
    let mut object = Map::new();
    let key = if kind == Kind::Contact {
        "contact"
    } else {
        "blocks"
    };
    object.insert(key.to_owned(), value);
    Ok(match kind {
        Kind::About => Content::About(field::<Vec<Block>>(&mut object, key)?),
        Kind::Notes => Content::Notes(field::<Vec<Block>>(&mut object, key)?),
        Kind::Closing => Content::Closing(field::<Vec<Block>>(&mut object, key)?),
        Kind::Contact => Content::Contact(field::<Contact>(&mut object, key)?),
    })
}

/// JSON text as a value; a byte-order mark at the start is ignored.
fn parse_value(text: &str) -> Result<Value, FormatError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    serde_json::from_str(text).map_err(|e| FormatError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or("")
            .to_owned(),
    })
}

/// Writes a snippet as the text of its file: JSON indented by two spaces,
/// `format`, `version`, `kind`, `name`, `language`, then `blocks` or
/// `contact`, then the unknown fields in their order, and a final line feed.
/// The bytes depend only on the snippet.
pub fn to_json(snippet: &Snippet) -> String {
    let mut object = Map::new();
    object.insert("format".to_owned(), Value::from(FORMAT));
    object.insert("version".to_owned(), Value::from(VERSION));
    object.insert("kind".to_owned(), Value::from(snippet.kind().as_str()));
    object.insert("name".to_owned(), Value::from(snippet.name.as_str()));
    object.insert(
        "language".to_owned(),
        Value::from(snippet.language.as_str()),
    );
    let (key, content) = match &snippet.content {
        Content::About(b) | Content::Notes(b) | Content::Closing(b) => ("blocks", to_value(b)),
        Content::Contact(c) => ("contact", to_value(c)),
    };
    object.insert(key.to_owned(), content);
    append_extra(&mut object, &snippet.extra);
    let mut text = serde_json::to_string_pretty(&Value::Object(object))
        .unwrap_or_else(|e| unreachable!("a JSON value always serialises: {e}"));
    text.push('\n');
    text
}

/// Unknown fields after the known ones; one that has a known field's name
/// (possible only in a snippet built in code) cannot replace it.
fn append_extra(object: &mut Map<String, Value>, extra: &Extra) {
    for (key, value) in extra {
        if !object.contains_key(key) {
            object.insert(key.clone(), value.clone());
        }
    }
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value)
        .unwrap_or_else(|e| unreachable!("blocks and contacts always serialise: {e}"))
}

fn check_format(format: Option<Value>) -> Result<(), FormatError> {
    match format {
        Some(Value::String(f)) if f == FORMAT => Ok(()),
        Some(other) => Err(FormatError::WrongFormat {
            found: short(&other),
        }),
        None => Err(FormatError::WrongFormat {
            found: "missing".to_owned(),
        }),
    }
}

fn check_version(version: Option<Value>) -> Result<(), FormatError> {
    let Some(value) = version else {
        return Err(FormatError::BadVersion {
            found: "missing".to_owned(),
        });
    };
    match value.as_u64() {
        Some(0) | None => Err(FormatError::BadVersion {
            found: short(&value),
        }),
        Some(version) if version > VERSION => Err(FormatError::TooNew { version }),
        Some(_) => Ok(()),
    }
}

fn read_kind(kind: Option<Value>) -> Result<Kind, FormatError> {
    match kind {
        Some(Value::String(name)) => name.parse().map_err(|_| FormatError::UnknownKind {
            found: short(&Value::String(name)),
        }),
        Some(other) => Err(invalid(
            "kind",
            &format!("expected a string, found {}", json_kind(&other)),
        )),
        None => Err(invalid(
            "kind",
            "missing; one of about, notes, closing, contact",
        )),
    }
}

/// Takes field `key` out of the object and reads it, naming the path of a
/// value of the wrong type (`blocks[0].content[1].text`).
fn field<T: DeserializeOwned + Default>(
    object: &mut Map<String, Value>,
    key: &str,
) -> Result<T, FormatError> {
    let Some(value) = object.shift_remove(key) else {
        return Ok(T::default());
    };
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = match inner.as_str() {
            "." => key.to_owned(),
            p if p.starts_with('[') => format!("{key}{p}"),
            p => format!("{key}.{p}"),
        };
        invalid(&path, &e.inner().to_string())
    })
}

fn invalid(path: &str, message: &str) -> FormatError {
    FormatError::Invalid {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

/// A value as JSON, cut to a length a message can hold.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 60 {
        text
    } else {
        format!("{}…", text.chars().take(60).collect::<String>())
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use release_model::Run;

    const ABOUT: &str = r#"{"format":"release-composer/snippet","version":1,"kind":"about",
        "name":"About UNOCT","language":"en",
        "blocks":[{"type":"paragraph","content":[{"text":"The Office…"}]}]}"#;

    #[test]
    fn reads_and_writes_the_documented_fields_in_order() {
        let snippet = from_json(ABOUT).expect("reads");
        assert_eq!(snippet.kind(), Kind::About);
        assert_eq!(snippet.name, "About UNOCT");
        let text = to_json(&snippet);
        let keys: Vec<_> = text
            .lines()
            .filter(|l| l.starts_with("  \""))
            .map(|l| l.trim().split('"').nth(1).unwrap_or(""))
            .collect();
        assert_eq!(
            keys,
            ["format", "version", "kind", "name", "language", "blocks"]
        );
        assert!(text.ends_with("}\n"));
        assert_eq!(from_json(&text).expect("reads back"), snippet);
    }

    #[test]
    fn unknown_fields_are_kept_in_their_order() {
        let text = r#"{"zeta":1,"format":"release-composer/snippet","version":1,"kind":"contact",
            "name":"Press","alpha":{"x":[1]},"contact":{"name":"A","pager":"5"}}"#;
        let snippet = from_json(text).expect("reads");
        let keys: Vec<_> = snippet.extra.keys().map(String::as_str).collect();
        assert_eq!(keys, ["zeta", "alpha"]);
        let Content::Contact(contact) = &snippet.content else {
            panic!("a contact");
        };
        assert_eq!(contact.extra["pager"], "5");
        let again = from_json(&to_json(&snippet)).expect("reads back");
        assert_eq!(again, snippet);
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        let cases: [(&[u8], &str); 11] = [
            (b"", "empty-file"),
            (b"\xff", "not-utf8"),
            (b"{\"format\":", "not-json"),
            (b"[1]", "wrong-format"),
            (br#"{"format":"release-composer/draft","version":1}"#, "wrong-format"),
            (br#"{"format":"release-composer/snippet","version":"1"}"#, "bad-version"),
            (br#"{"format":"release-composer/snippet","version":0}"#, "bad-version"),
            (br#"{"format":"release-composer/snippet","version":2}"#, "version-too-new"),
            (br#"{"format":"release-composer/snippet","version":1,"kind":"x","name":"a"}"#, "invalid-field"),
            (br#"{"format":"release-composer/snippet","version":1,"kind":"about"}"#, "invalid-field"),
            (
                br#"{"format":"release-composer/snippet","version":1,"kind":"about","name":"a","blocks":[{"type":"paragraph","content":[{"text":7}]}]}"#,
                "invalid-field",
            ),
        ];
        for (bytes, code) in cases {
            let err = from_bytes(bytes).expect_err(&String::from_utf8_lossy(bytes));
            assert_eq!(err.code(), code, "{err}");
        }
        let err = from_json(
            r#"{"format":"release-composer/snippet","version":1,"kind":"contact","name":"a","contact":{"email":7}}"#,
        )
        .expect_err("wrong type");
        assert!(err.to_string().starts_with("`contact.email`"), "{err}");
        let too_large = vec![b' '; usize::try_from(MAX_SNIPPET_BYTES).unwrap_or(0) + 1];
        assert_eq!(from_bytes(&too_large), Err(FormatError::TooLarge));
    }

    #[test]
    fn missing_optional_fields_read_as_empty() {
        let text =
            r#"{"format":"release-composer/snippet","version":1,"kind":"closing","name":"End"}"#;
        let snippet = from_json(&format!("\u{FEFF}{text}")).expect("reads");
        assert_eq!(snippet.language, "");
        assert_eq!(snippet.content, Content::Closing(Vec::new()));
    }

    #[test]
    fn content_alone_reads_with_its_paths() {
        let blocks = r#"[{"type":"paragraph","content":[{"text":"Un"}]}]"#;
        let content = content_from_json(Kind::Notes, blocks).expect("reads");
        assert_eq!(content.kind(), Kind::Notes);
        assert_eq!(content.blocks().map(<[Block]>::len), Some(1));
        let contact =
            content_from_json(Kind::Contact, r#"{"name":"A","email":"a@un.org"}"#).expect("reads");
        assert!(matches!(contact, Content::Contact(c) if c.email == "a@un.org"));
        let err = content_from_json(Kind::About, r#"[{"type":"paragraph","content":7}]"#)
            .expect_err("wrong type");
        assert!(err.to_string().starts_with("`blocks[0]"), "{err}");
        let err = content_from_json(Kind::Contact, "[]").expect_err("not an object");
        assert!(err.to_string().starts_with("`contact`"), "{err}");
        assert_eq!(
            content_from_json(Kind::Closing, " "),
            Err(FormatError::Empty)
        );
    }

    #[test]
    fn control_characters_survive_as_json_escapes() {
        let blocks = vec![Block::paragraph(vec![Run::plain("a\u{0}b\u{1b}c\u{FFFF}")])];
        let snippet = Snippet::new("x", "", Content::Notes(blocks));
        let text = to_json(&snippet);
        assert!(
            text.contains("\\u0000") && text.contains("\\u001b"),
            "{text}"
        );
        assert_eq!(from_json(&text).expect("reads back"), snippet);
    }
}
