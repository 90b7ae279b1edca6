//! What the guided form shows that is a rule, not a layout: which steps are
//! filled in, which languages a style offers and which way each is written.
//! The window displays these; it keeps no copy of the rules.

use release_model::{Direction, Draft, Finding, Language};
use serde::Serialize;

/// The steps of the guided form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Release,
    Headline,
    Dateline,
    Body,
    Photos,
    Quotes,
    Sections,
    Contacts,
    Review,
}

impl Step {
    /// Every step, in the form's order.
    pub const ALL: [Step; 9] = [
        Step::Release,
        Step::Headline,
        Step::Dateline,
        Step::Body,
        Step::Photos,
        Step::Quotes,
        Step::Sections,
        Step::Contacts,
        Step::Review,
    ];

    /// True when the step holds what a release needs from it: a kind, a
    /// headline, a date with a place, a body, a contact; for Review, no
    /// errors among `findings`. Photos, quotes and the closing sections are optional.
    pub fn is_complete(self, draft: &Draft, findings: &[Finding]) -> bool {
        let r = &draft.release;
        match self {
            Step::Release => !r.kind.trim().is_empty(),
            Step::Headline => !r.headline.trim().is_empty(),
            Step::Dateline => {
                let d = &r.dateline;
                let placed = !d.city.trim().is_empty() || !d.country.trim().is_empty();
                !d.date.trim().is_empty() && placed
            }
            Step::Body => !r.body.is_empty(),
            Step::Photos | Step::Quotes | Step::Sections => true,
            Step::Contacts => !r.contacts.is_empty(),
            Step::Review => !crate::has_errors(findings),
        }
    }
}

/// The steps of `draft` that are complete, in the form's order.
pub fn complete_steps(draft: &Draft, findings: &[Finding]) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|s| s.is_complete(draft, findings))
        .collect()
}

/// Which way a language's text runs, as HTML's `dir` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum TextDirection {
    Ltr,
    Rtl,
}

impl From<Direction> for TextDirection {
    fn from(d: Direction) -> TextDirection {
        match d {
            Direction::LeftToRight => TextDirection::Ltr,
            Direction::RightToLeft => TextDirection::Rtl,
        }
    }
}

/// The direction of text in the language tagged `tag` (`ar`, `ar-EG`: right
/// to left); a tag no release language has reads left to right.
pub fn direction(tag: &str) -> TextDirection {
    Language::from_tag(tag).map_or(TextDirection::Ltr, |l| l.direction().into())
}

/// A language in a menu: its tag, its name in itself, its direction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LanguageOption {
    pub code: String,
    pub name: String,
    pub direction: TextDirection,
}

impl From<Language> for LanguageOption {
    fn from(l: Language) -> LanguageOption {
        LanguageOption {
            code: l.code().to_owned(),
            name: l.native_name().to_owned(),
            direction: l.direction().into(),
        }
    }
}

/// Every language a release can be written in, for menus.
pub fn all_languages() -> Vec<LanguageOption> {
    Language::ALL.into_iter().map(Into::into).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use release_model::{Contact, Severity};

    #[test]
    fn steps_are_complete_when_their_required_parts_are_there() {
        let mut draft = release_model::example();
        assert_eq!(complete_steps(&draft, &[]), Step::ALL);
        draft.release.kind = " ".into();
        draft.release.dateline.city.clear();
        draft.release.contacts = Vec::<Contact>::new();
        let error = release_model::Finding::error("x", "release.headline", "x");
        assert_eq!(error.severity, Severity::Error);
        assert_eq!(
            complete_steps(&draft, &[error]),
            [
                Step::Headline,
                Step::Dateline,
                Step::Body,
                Step::Photos,
                Step::Quotes,
                Step::Sections
            ]
        );
        draft.release.dateline.country.clear();
        draft.release.body.clear();
        draft.release.headline.clear();
        assert_eq!(
            complete_steps(&draft, &[]),
            [Step::Photos, Step::Quotes, Step::Sections, Step::Review]
        );
    }

    #[test]
    fn direction_follows_the_language_tag() {
        assert_eq!(direction("ar"), TextDirection::Rtl);
        assert_eq!(direction("AR-eg"), TextDirection::Rtl);
        assert_eq!(direction("en-GB"), TextDirection::Ltr);
        assert_eq!(direction("he"), TextDirection::Ltr);
        let menu = all_languages();
        assert_eq!(menu.len(), 6);
        assert_eq!(
            menu.iter()
                .find(|l| l.code == "ar")
                .map(|l| (l.name.as_str(), l.direction)),
            Some(("العربية", TextDirection::Rtl))
        );
    }
}
