//! The languages a release can be written in, and what each decides:
//! quotation marks, text direction, the tag written into PDF and DOCX.

/// One of the six official UN languages. Regional tags (`en-GB`, `fr-CA`,
/// `zh-Hans`) map to their language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    En,
    Fr,
    Es,
    Ru,
    Ar,
    Zh,
}

/// Which way lines of text run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// Opening and closing quotation marks, spaces included where the language wants them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMarks {
    pub open: &'static str,
    pub close: &'static str,
}

impl Language {
    /// All languages, in the UN's order of the alphabet of their English names.
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::Zh,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
    ];

    /// Reads a BCP 47 tag by its primary subtag, case-insensitively.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Language::En),
            "fr" => Some(Language::Fr),
            "es" => Some(Language::Es),
            "ru" => Some(Language::Ru),
            "ar" => Some(Language::Ar),
            "zh" => Some(Language::Zh),
            _ => None,
        }
    }

    /// The primary subtag, e.g. `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ru => "ru",
            Language::Ar => "ar",
            Language::Zh => "zh",
        }
    }

    /// The language's name in itself, for menus.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "Français",
            Language::Es => "Español",
            Language::Ru => "Русский",
            Language::Ar => "العربية",
            Language::Zh => "中文",
        }
    }

    /// The language's English name, for messages.
    pub fn english_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "French",
            Language::Es => "Spanish",
            Language::Ru => "Russian",
            Language::Ar => "Arabic",
            Language::Zh => "Chinese",
        }
    }

    /// Quotation marks as HOUSE-STYLE.md lists them. French puts a no-break
    /// space inside its guillemets; Russian and Spanish do not.
    pub fn quote_marks(self) -> QuoteMarks {
        match self {
            Language::En | Language::Ar | Language::Zh => QuoteMarks {
                open: "\u{201C}",
                close: "\u{201D}",
            },
            Language::Fr => QuoteMarks {
                open: "\u{AB}\u{A0}",
                close: "\u{A0}\u{BB}",
            },
            Language::Ru | Language::Es => QuoteMarks {
                open: "\u{AB}",
                close: "\u{BB}",
            },
        }
    }

    /// The direction of the language's paragraphs.
    pub fn direction(self) -> Direction {
        match self {
            Language::Ar => Direction::RightToLeft,
            _ => Direction::LeftToRight,
        }
    }
}

/// Whether `tag` has the shape of a BCP 47 language tag: a primary subtag
/// of two or three letters, then subtags of one to eight
/// letters or digits, joined by `-`. Registration is not checked.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let primary_ok =
        matches!(primary.len(), 2 | 3) && primary.chars().all(|c| c.is_ascii_alphabetic());
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_checked_by_shape() {
        for good in ["en", "fr-CA", "zh-Hans-CN", "ast", "sr-Latn"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "", "e", "French", "en_GB", "en-", "-en", "en--GB", "fr CA", "élan",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn tags_map_by_primary_subtag() {
        assert_eq!(Language::from_tag("en-GB"), Some(Language::En));
        assert_eq!(Language::from_tag("ZH-Hans"), Some(Language::Zh));
        assert_eq!(Language::from_tag("fr_CA"), Some(Language::Fr));
        assert_eq!(Language::from_tag("de"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn quote_marks_follow_the_language() {
        assert_eq!(Language::Ru.quote_marks().open, "«");
        assert_eq!(Language::Fr.quote_marks().close, "\u{A0}»");
        assert_eq!(Language::Ar.direction(), Direction::RightToLeft);
    }
}
