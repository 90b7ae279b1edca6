//! Which house-style checks run and with what limits: the `[checks]` table of
//! a style file. Each check is a table with `enabled` (true when the table is
//! written) and its settings, e.g. `headline = { enabled = true, ideal_length = 120 }`.
//! A check the table leaves out takes its default: on for the checks every
//! release needs, off for those that encode one house's rules (emphasis,
//! numbers). Unknown names are refused, so a typo never silently turns a check off.

use serde::{Deserialize, Serialize};

/// The per-style configuration of [`lint`](crate::lint()).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Checks {
    /// Unbalanced “ ” « », and straight quotes where the language has typographic ones.
    pub quotation_marks: Switch,
    /// A quotation that ends without a full stop, question or exclamation mark.
    pub quote_endings: Switch,
    pub dateline: DatelineCheck,
    pub headline: HeadlineCheck,
    pub length: LengthCheck,
    /// Bold or italics used for emphasis inside a sentence. Off by default.
    pub emphasis: Switch,
    pub acronyms: AcronymCheck,
    /// Off by default: the rules are one house's (and English only).
    pub numbers: NumberCheck,
    /// The same word with and without a hyphen in one release.
    pub consistent_spelling: Switch,
    /// A word the language's dictionary does not know (when one is installed).
    pub misspelling: Switch,
    pub spacing: SpacingCheck,
    /// A contact with neither an e-mail address nor a phone number.
    pub contacts: Switch,
    /// An embargo that has already ended.
    pub embargo: Switch,
    /// A link whose text is an address other than the one it leads to.
    pub links: Switch,
}

impl Default for Checks {
    fn default() -> Self {
        Checks {
            quotation_marks: Switch::default(),
            quote_endings: Switch::default(),
            dateline: DatelineCheck::default(),
            headline: HeadlineCheck::default(),
            length: LengthCheck::default(),
            emphasis: Switch { enabled: false },
            acronyms: AcronymCheck::default(),
            numbers: NumberCheck {
                enabled: false,
                ..NumberCheck::default()
            },
            consistent_spelling: Switch::default(),
            misspelling: Switch::default(),
            spacing: SpacingCheck::default(),
            contacts: Switch::default(),
            embargo: Switch::default(),
            links: Switch::default(),
        }
    }
}

impl Checks {
    /// Every check off: a starting point for tests and for running one check alone.
    pub fn none() -> Checks {
        let off = Switch { enabled: false };
        Checks {
            quotation_marks: off,
            quote_endings: off,
            dateline: DatelineCheck {
                enabled: false,
                ..DatelineCheck::default()
            },
            headline: HeadlineCheck {
                enabled: false,
                ..HeadlineCheck::default()
            },
            length: LengthCheck {
                enabled: false,
                ..LengthCheck::default()
            },
            emphasis: off,
            acronyms: AcronymCheck {
                enabled: false,
                ..AcronymCheck::default()
            },
            numbers: NumberCheck {
                enabled: false,
                ..NumberCheck::default()
            },
            consistent_spelling: off,
            misspelling: off,
            spacing: SpacingCheck {
                enabled: false,
                ..SpacingCheck::default()
            },
            contacts: off,
            embargo: off,
            links: off,
        }
    }

    /// Limits that contradict each other, as `(key under checks, message)`,
    /// for the style loader to refuse with the key at fault.
    pub fn problems(&self) -> Option<(&'static str, String)> {
        if let (Some(ideal), Some(max)) = (self.headline.ideal_length, self.headline.max_length)
            && ideal > max
        {
            return Some((
                "headline.ideal_length",
                format!("{ideal} is more than max_length ({max})"),
            ));
        }
        if let (Some(min), Some(max)) = (self.length.min_words, self.length.max_words)
            && min > max
        {
            return Some((
                "length.min_words",
                format!("{min} is more than max_words ({max})"),
            ));
        }
        None
    }
}

/// A check with no settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Switch {
    pub enabled: bool,
}

impl Default for Switch {
    fn default() -> Self {
        Switch { enabled: true }
    }
}

/// The dateline: its place, and a date neither in the future nor stale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatelineCheck {
    pub enabled: bool,
    /// Warn when a country is given without a city.
    pub require_city: bool,
    /// Warn when a city is given without a country (wire styles write
    /// `NEW YORK —` alone, so they turn this off).
    pub require_country: bool,
    /// Warn when the date is more than this many days before today; 0 = never.
    pub max_age_days: u32,
}

impl Default for DatelineCheck {
    fn default() -> Self {
        DatelineCheck {
            enabled: true,
            require_city: true,
            require_country: true,
            max_age_days: 365,
        }
    }
}

/// The headline: its length in characters, capitals, a final full stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HeadlineCheck {
    pub enabled: bool,
    /// Longer than this is a warning.
    pub ideal_length: Option<usize>,
    /// Longer than this is an error: the export is stopped (wire services refuse it).
    pub max_length: Option<usize>,
}

impl Default for HeadlineCheck {
    fn default() -> Self {
        HeadlineCheck {
            enabled: true,
            ideal_length: None,
            max_length: None,
        }
    }
}

/// Words in the story (body, quotations and closing paragraphs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LengthCheck {
    pub enabled: bool,
    pub min_words: Option<usize>,
    pub max_words: Option<usize>,
}

impl Default for LengthCheck {
    fn default() -> Self {
        LengthCheck {
            enabled: true,
            min_words: None,
            max_words: None,
        }
    }
}

/// Acronyms: defined once, before they are used; optionally without full stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AcronymCheck {
    pub enabled: bool,
    /// Warn about acronyms written with full stops (`U.N.`); the UN writes `UN`.
    pub forbid_full_stops: bool,
}

impl Default for AcronymCheck {
    fn default() -> Self {
        AcronymCheck {
            enabled: true,
            forbid_full_stops: false,
        }
    }
}

/// How the house writes a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PerCent {
    /// `5 per cent` (UN, British usage).
    #[serde(rename = "per cent")]
    PerCent,
    /// `5 percent`.
    #[serde(rename = "percent")]
    Percent,
    /// `5%` (AP since 2019).
    #[serde(rename = "%")]
    Sign,
}

impl PerCent {
    /// The form as the text writes it after a number.
    pub fn text(self) -> &'static str {
        match self {
            PerCent::PerCent => "per cent",
            PerCent::Percent => "percent",
            PerCent::Sign => "%",
        }
    }
}

/// Numbers in running text (English only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NumberCheck {
    pub enabled: bool,
    /// Whole numbers from 1 up to one less than this are spelled out in running
    /// text (`10`: one to nine); 0 turns the rule off.
    pub spell_out_below: u32,
    /// How a percentage is written; absent = any form.
    pub per_cent: Option<PerCent>,
}

impl Default for NumberCheck {
    fn default() -> Self {
        NumberCheck {
            enabled: true,
            spell_out_below: 10,
            per_cent: None,
        }
    }
}

/// Spaces: doubled, before punctuation, around a hyphen used as a dash,
/// missing after a full stop, and French spacing before `; : ! ?`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpacingCheck {
    pub enabled: bool,
    /// What replaces ` - ` between words, spaces included (` – `, ` — `).
    pub dash: String,
    /// What replaces ` - ` between two numbers (`2010–2021`).
    pub range_dash: String,
    /// In French, a narrow no-break space before `; : ! ?` (France's rule;
    /// Canadian French writes none before `; ! ?`, so its styles turn this off).
    pub french_spaces: bool,
}

impl Default for SpacingCheck {
    fn default() -> Self {
        SpacingCheck {
            enabled: true,
            dash: " \u{2013} ".to_owned(),
            range_dash: "\u{2013}".to_owned(),
            french_spaces: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_table_turns_its_check_on_and_a_missing_one_takes_the_default() {
        let checks: Checks =
            serde_json::from_str(r#"{"emphasis": {}, "headline": {"ideal_length": 80}}"#)
                .expect("valid");
        assert!(checks.emphasis.enabled);
        assert_eq!(checks.headline.ideal_length, Some(80));
        assert!(checks.headline.enabled);
        assert!(!checks.numbers.enabled);
        assert!(checks.spacing.enabled);
        assert_eq!(checks.dateline.max_age_days, 365);
    }

    #[test]
    fn unknown_names_and_values_are_refused() {
        let err = serde_json::from_str::<Checks>(r#"{"quotes": {}}"#).expect_err("unknown");
        assert!(err.to_string().contains("unknown field `quotes`"), "{err}");
        let err = serde_json::from_str::<Checks>(r#"{"numbers": {"per_cent": "pct"}}"#)
            .expect_err("bad value");
        assert!(err.to_string().contains("per cent"), "{err}");
    }

    #[test]
    fn contradictory_limits_name_their_key() {
        let mut checks = Checks::default();
        checks.length.min_words = Some(900);
        checks.length.max_words = Some(800);
        assert_eq!(checks.problems().map(|p| p.0), Some("length.min_words"));
    }
}
