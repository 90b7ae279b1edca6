//! What a snippet is: a kind, a name, a language and its content, the
//! paragraphs of an "About" section, of notes to editors or of a closing, or
//! one contact. The content's shape follows from the kind, so a contact
//! snippet cannot hold paragraphs.

use crate::error::{Result, SnippetsError};
use release_model::{Block, Contact, Extra, Finding, Run, is_forbidden_control, is_language_tag};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The kinds of snippet, in the order lists show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// "About the organization": a draft's `about`.
    About,
    /// Notes to editors: a draft's `notes_to_editors`.
    Notes,
    /// Paragraphs after the quotes: a draft's `closing`.
    Closing,
    /// One person to contact: an entry of a draft's `contacts`.
    Contact,
}

impl Kind {
    /// Every kind, in list order.
    pub const ALL: [Kind; 4] = [Kind::About, Kind::Notes, Kind::Closing, Kind::Contact];

    /// The name the file format and the command line use: `about`, `notes`,
    /// `closing`, `contact`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::About => "about",
            Kind::Notes => "notes",
            Kind::Closing => "closing",
            Kind::Contact => "contact",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = SnippetsError;

    fn from_str(name: &str) -> Result<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| SnippetsError::Invalid {
                field: "kind",
                message: format!(
                    "`{}` is not a kind of snippet; the kinds are about, notes, closing and contact",
                    name.chars().take(40).collect::<String>()
                ),
            })
    }
}

/// What a snippet holds. The variant is its kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    About(Vec<Block>),
    Notes(Vec<Block>),
    Closing(Vec<Block>),
    Contact(Contact),
}

impl Content {
    /// Content of a text kind (about, notes, closing) holding `blocks`;
    /// `None` for [`Kind::Contact`], which holds a contact instead.
    pub fn of_blocks(kind: Kind, blocks: Vec<Block>) -> Option<Content> {
        match kind {
            Kind::About => Some(Content::About(blocks)),
            Kind::Notes => Some(Content::Notes(blocks)),
            Kind::Closing => Some(Content::Closing(blocks)),
            Kind::Contact => None,
        }
    }

    /// The kind of snippet this content makes.
    pub fn kind(&self) -> Kind {
        match self {
            Content::About(_) => Kind::About,
            Content::Notes(_) => Kind::Notes,
            Content::Closing(_) => Kind::Closing,
            Content::Contact(_) => Kind::Contact,
        }
    }

    /// The blocks of an about, notes or closing snippet; `None` for a contact.
    pub fn blocks(&self) -> Option<&[Block]> {
        match self {
            Content::About(b) | Content::Notes(b) | Content::Closing(b) => Some(b),
            Content::Contact(_) => None,
        }
    }
}

/// One snippet, as its file holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    /// What the library shows, e.g. "About UNOCT". Never empty when saved.
    pub name: String,
    /// The BCP 47 tag of the language it is written in (`en`, `fr-CA`); empty
    /// when it fits any language (a contact, usually).
    pub language: String,
    pub content: Content,
    /// Fields of the file this version does not know, kept in file order.
    pub extra: Extra,
}

impl Snippet {
    /// A snippet with this name, language and content.
    pub fn new(name: impl Into<String>, language: impl Into<String>, content: Content) -> Snippet {
        Snippet {
            name: name.into(),
            language: language.into(),
            content,
            extra: Extra::new(),
        }
    }

    /// Its kind.
    pub fn kind(&self) -> Kind {
        self.content.kind()
    }

    /// Refuses what must not be saved, naming the field: an empty name, a
    /// name of more than one line or with control characters, a language
    /// that is not a language tag.
    pub fn validate(&self) -> Result<()> {
        let invalid = |field, message: &str| {
            Err(SnippetsError::Invalid {
                field,
                message: message.to_owned(),
            })
        };
        if self.name.trim().is_empty() {
            return invalid("name", "is empty; give the snippet a name");
        }
        if self.name.chars().any(char::is_control) {
            return invalid(
                "name",
                "holds a line break, tab or other control character; a name is one line",
            );
        }
        if !self.language.is_empty() && !is_language_tag(&self.language) {
            return invalid(
                "language",
                "is not a language tag such as `en` or `fr-CA` (leave it empty for any language)",
            );
        }
        Ok(())
    }

    /// What will not survive an export, as the draft format reports it:
    /// each text holding control characters other than tab and line feed, or
    /// U+FFFE or U+FFFF, which exports leave out. The snippet keeps them.
    pub fn warnings(&self) -> Vec<Finding> {
        let mut found = Vec::new();
        match &self.content {
            Content::About(blocks) | Content::Notes(blocks) | Content::Closing(blocks) => {
                for (i, block) in blocks.iter().enumerate() {
                    block_warnings(&mut found, &format!("blocks[{i}]"), block);
                }
            }
            Content::Contact(c) => {
                for (field, value) in [
                    ("name", &c.name),
                    ("title", &c.title),
                    ("organization", &c.organization),
                    ("email", &c.email),
                    ("phone", &c.phone),
                ] {
                    control_warning(&mut found, &format!("contact.{field}"), value);
                }
            }
        }
        found
    }
}

fn block_warnings(found: &mut Vec<Finding>, path: &str, block: &Block) {
    match block {
        Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
            runs_warnings(found, &format!("{path}.content"), content);
        }
        Block::List { items, .. } => {
            for (k, item) in items.iter().enumerate() {
                runs_warnings(found, &format!("{path}.items[{k}]"), item);
            }
        }
        Block::Other(_) => {}
    }
}

fn runs_warnings(found: &mut Vec<Finding>, path: &str, runs: &[Run]) {
    for (j, run) in runs.iter().enumerate() {
        control_warning(found, &format!("{path}[{j}].text"), &run.text);
    }
}

fn control_warning(found: &mut Vec<Finding>, path: &str, value: &str) {
    if let Some(c) = value.chars().find(|&c| is_forbidden_control(c)) {
        found.push(Finding::warning(
            "control-character",
            path,
            format!(
                "holds the invisible control character U+{:04X}, which exports leave out",
                u32::from(c)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_and_print_by_name() {
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>().expect("parses"), kind);
        }
        let err = "boilerplate".parse::<Kind>().expect_err("unknown");
        assert_eq!(err.code(), "invalid-field");
        assert!(err.to_string().contains("`kind`"), "{err}");
        assert!(err.to_string().contains("boilerplate"), "{err}");
    }

    #[test]
    fn validation_names_the_field() {
        let ok = Snippet::new("About UNOCT", "en", Content::About(Vec::new()));
        assert!(ok.validate().is_ok());
        for (name, language, field) in [
            ("", "en", "name"),
            ("  ", "", "name"),
            ("two\nlines", "", "name"),
            ("About", "English", "language"),
        ] {
            let snippet = Snippet::new(name, language, Content::Notes(Vec::new()));
            let err = snippet.validate().expect_err(name);
            assert!(err.to_string().contains(&format!("`{field}`")), "{err}");
        }
    }

    #[test]
    fn control_characters_are_warned_about_with_their_path() {
        let blocks = vec![Block::paragraph(vec![
            Run::plain("fine\tand\nfine"),
            Run::plain("bell\u{7}"),
        ])];
        let warnings = Snippet::new("A", "", Content::About(blocks)).warnings();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, "blocks[0].content[1].text");
        assert_eq!(warnings[0].code, "control-character");
        let contact = Contact {
            phone: "+1\u{FFFF}".to_owned(),
            ..Contact::default()
        };
        let warnings = Snippet::new("A", "", Content::Contact(contact)).warnings();
        assert_eq!(warnings[0].path, "contact.phone");
    }
}
