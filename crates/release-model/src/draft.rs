//! The types of a draft file, field for field as `DRAFT-FORMAT.md` names them.
//!
//! Every object keeps the fields it does not know in `extra`, so that a file
//! written by a newer version loses nothing when an older one saves it again.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// The value of the `format` field of every draft.
pub const FORMAT: &str = "release-composer/draft";
/// The newest draft format version this crate reads and writes.
pub const VERSION: u64 = 1;

/// Fields of an object that this version does not know, kept in file order.
pub type Extra = Map<String, Value>;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A whole draft file.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub format: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub version: u64,
    #[serde(default)]
    pub style: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub release: Release,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            format: FORMAT.to_owned(),
            version: VERSION,
            style: "un".to_owned(),
            language: "en".to_owned(),
            release: Release::default(),
            extra: Extra::new(),
        }
    }
}

/// The press release itself: what is printed, part by part.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Release {
    pub kind: String,
    pub reference: String,
    pub embargo: Option<Embargo>,
    pub headline: String,
    pub subheadline: String,
    pub dateline: Dateline,
    pub body: Vec<Block>,
    pub quotes: Vec<Quote>,
    pub closing: Vec<Block>,
    pub contacts: Vec<Contact>,
    pub notes_to_editors: Vec<Block>,
    pub about: Vec<Block>,
    /// Photos with their captions; written only when there are any, so a
    /// draft without photos is the same file it always was.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<Photo>>", optional))]
    pub photos: Vec<Photo>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

/// A photo of the release: the image file, and what is printed with it.
/// Where it goes is the house style's decision.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Photo {
    /// A JPEG or PNG, relative to the draft file's folder (`/` between
    /// folders, no `..`); in the drafts library, `assets/HASH.jpg`.
    pub file: String,
    /// Printed under the photo.
    pub caption: Inline,
    /// Who took it or owns it, printed by the style's credit pattern.
    pub credit: String,
    /// What the photo shows, for readers who cannot see it.
    pub alt: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

/// When the release may be published.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Embargo {
    /// RFC 3339 with an offset, e.g. `2021-12-08T10:00:00+05:00`.
    pub until: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

/// Where and when the story happens; it opens the first body paragraph.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dateline {
    pub city: String,
    pub country: String,
    /// ISO `YYYY-MM-DD`; kept as typed so that a bad date is a finding, not a load failure.
    pub date: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

/// One quotation, printed as one sentence by the house style's pattern.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    pub speaker: String,
    pub title: String,
    pub context: String,
    pub verb: String,
    pub text: Inline,
    pub after: Inline,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

/// A person to contact about the release.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    pub title: String,
    pub organization: String,
    pub email: String,
    pub phone: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

/// Inline text: a list of runs.
pub type Inline = Vec<Run>;

/// A stretch of text with one set of attributes. The text is plain Unicode;
/// nothing inside it is interpreted as markup.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Run {
    pub text: String,
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub bold: bool,
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub italic: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub link: Option<String>,
    /// The language of this text when it is not the release's, as a BCP 47
    /// tag (`fr`, `en-GB`): a French name in an English quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub lang: Option<String>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

impl Run {
    /// A run of plain text.
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    /// A run of bold text.
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
            ..Run::default()
        }
    }
}

/// A block of a section: paragraph, list or subheading. A block whose `type`
/// this version does not know is kept as it was (`Other`) and not printed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(tag = "type", rename_all = "lowercase")
)]
pub enum Block {
    Paragraph {
        content: Inline,
        #[cfg_attr(feature = "ts", ts(skip))]
        extra: Extra,
    },
    List {
        ordered: bool,
        items: Vec<Inline>,
        #[cfg_attr(feature = "ts", ts(skip))]
        extra: Extra,
    },
    Heading {
        content: Inline,
        #[cfg_attr(feature = "ts", ts(skip))]
        extra: Extra,
    },
    #[cfg_attr(feature = "ts", ts(skip))]
    Other(Map<String, Value>),
}

impl Block {
    /// A paragraph of the given runs.
    pub fn paragraph(content: Inline) -> Block {
        Block::Paragraph {
            content,
            extra: Extra::new(),
        }
    }

    /// The `type` field this block is written with.
    pub fn type_name(&self) -> &str {
        match self {
            Block::Paragraph { .. } => "paragraph",
            Block::List { .. } => "list",
            Block::Heading { .. } => "heading",
            Block::Other(map) => map.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct ParagraphRepr {
    #[serde(default)]
    content: Inline,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Serialize, Deserialize)]
struct ListRepr {
    #[serde(default)]
    ordered: bool,
    #[serde(default)]
    items: Vec<Inline>,
    #[serde(flatten)]
    extra: Extra,
}

impl Serialize for Block {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        let body = match self {
            Block::Paragraph { content, extra } | Block::Heading { content, extra } => {
                serde_json::to_value(ParagraphRepr {
                    content: content.clone(),
                    extra: extra.clone(),
                })
            }
            Block::List {
                ordered,
                items,
                extra,
            } => serde_json::to_value(ListRepr {
                ordered: *ordered,
                items: items.clone(),
                extra: extra.clone(),
            }),
            Block::Other(map) => return map.serialize(serializer),
        }
        .map_err(S::Error::custom)?;
        let mut map = Map::new();
        map.insert("type".to_owned(), Value::from(self.type_name()));
        if let Value::Object(fields) = body {
            map.extend(fields);
        }
        map.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut map = Map::<String, Value>::deserialize(deserializer)?;
        let kind = match map.get("type") {
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(D::Error::custom("`type` must be a string")),
            None => return Err(D::Error::missing_field("type")),
        };
        let inner = |map: Map<String, Value>| -> Result<Value, D::Error> { Ok(Value::Object(map)) };
        let nested = |e: serde_path_to_error::Error<serde_json::Error>| {
            D::Error::custom(format!("at `{}`: {}", e.path(), e.inner()))
        };
        match kind.as_str() {
            "paragraph" | "heading" => {
                map.remove("type");
                let repr: ParagraphRepr =
                    serde_path_to_error::deserialize(inner(map)?).map_err(nested)?;
                Ok(if kind == "paragraph" {
                    Block::Paragraph {
                        content: repr.content,
                        extra: repr.extra,
                    }
                } else {
                    Block::Heading {
                        content: repr.content,
                        extra: repr.extra,
                    }
                })
            }
            "list" => {
                map.remove("type");
                let repr: ListRepr =
                    serde_path_to_error::deserialize(inner(map)?).map_err(nested)?;
                Ok(Block::List {
                    ordered: repr.ordered,
                    items: repr.items,
                    extra: repr.extra,
                })
            }
            _ => Ok(Block::Other(map)),
        }
    }
}
