//! House-style checks: what an editor reads a release for before it goes
//! out. Each check is a family of findings in its own file; the house style's
//! `[checks]` table ([`Checks`]) says which run and with what limits; a
//! finding carries a [`Fix`] where a safe one exists.
//!
//! Lint does not repeat validation: a missing headline or date, a bad e-mail
//! address or phone number, no contact at all, and an embargo without a time
//! zone are reported by [`validate`](crate::validate()), which callers run as well.
//! Nearly every finding here is a warning; the one error is a headline longer
//! than the style's hard limit, which the style's channel would refuse.
//!
//! Pure: the date of today comes in as an argument.

mod acronyms;
mod checks;
mod contacts;
mod dateline;
mod embargo;
mod emphasis;
mod fix;
mod headline;
mod length;
mod links;
mod misspelling;
mod numbers;
mod passage;
mod quotation_marks;
mod quote_endings;
mod spacing;
mod spelling;

#[cfg(test)]
mod golden;
#[cfg(test)]
mod robust;

pub use checks::{
    AcronymCheck, Checks, DatelineCheck, HeadlineCheck, LengthCheck, NumberCheck, PerCent,
    SpacingCheck, Switch,
};
pub use fix::{Fix, FixError, apply_fix};
pub use misspelling::Speller;

use crate::date::Date;
use crate::draft::Draft;
use crate::finding::Finding;
use crate::language::Language;
use passage::Passage;

/// What every check reads.
pub(crate) struct Context<'a> {
    pub draft: &'a Draft,
    pub language: Language,
    pub passages: Vec<Passage<'a>>,
    pub today: Date,
}

/// Every house-style finding for `draft` under `checks`, check by check in
/// the order of [`Checks`], each in document order. `today` is the date the
/// release is checked on (the caller reads the clock). Spelling is not
/// checked: that needs a dictionary ([`lint_with`]).
pub fn lint(draft: &Draft, checks: &Checks, today: Date) -> Vec<Finding> {
    lint_with(draft, checks, today, None)
}

/// [`lint`], and misspellings by `speller` when there is one (the draft's
/// language's dictionary with the house's and the user's words).
pub fn lint_with(
    draft: &Draft,
    checks: &Checks,
    today: Date,
    speller: Option<&dyn Speller>,
) -> Vec<Finding> {
    let cx = Context {
        draft,
        language: Language::from_tag(&draft.language).unwrap_or(Language::En),
        passages: passage::passages(draft),
        today,
    };
    let mut out = Vec::new();
    let f = &mut out;
    if checks.quotation_marks.enabled {
        quotation_marks::check(&cx, f);
    }
    if checks.quote_endings.enabled {
        quote_endings::check(&cx, f);
    }
    if checks.dateline.enabled {
        dateline::check(&cx, &checks.dateline, f);
    }
    if checks.headline.enabled {
        headline::check(&cx, &checks.headline, f);
    }
    if checks.length.enabled {
        length::check(&cx, &checks.length, f);
    }
    if checks.emphasis.enabled {
        emphasis::check(&cx, f);
    }
    if checks.acronyms.enabled {
        acronyms::check(&cx, &checks.acronyms, f);
    }
    if checks.numbers.enabled && cx.language == Language::En {
        numbers::check(&cx, &checks.numbers, f);
    }
    if checks.consistent_spelling.enabled {
        spelling::check(&cx, f);
    }
    if let Some(speller) = speller.filter(|_| checks.misspelling.enabled) {
        misspelling::check(&cx, speller, f);
    }
    if checks.spacing.enabled {
        spacing::check(&cx, &checks.spacing, f);
    }
    if checks.contacts.enabled {
        contacts::check(&cx, f);
    }
    if checks.embargo.enabled {
        embargo::check(&cx, f);
    }
    if checks.links.enabled {
        links::check(&cx, f);
    }
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Drafts and assertions shared by the checks' tests.

    use super::*;
    use crate::draft::{Block, Run};

    pub fn date(text: &str) -> Date {
        Date::parse(text).expect("valid date")
    }

    /// A clean one-paragraph English release.
    pub fn draft_with(paragraph: Vec<Run>) -> Draft {
        let mut d = crate::example::example();
        d.release.body = vec![Block::paragraph(paragraph)];
        d.release.quotes.clear();
        d.release.closing.clear();
        d.release.headline = "Launch of the new project".into();
        d
    }

    pub fn draft_saying(text: &str) -> Draft {
        draft_with(vec![Run::plain(text)])
    }

    /// `(code, path)` of every finding of one check.
    pub fn found(draft: &Draft, checks: &Checks) -> Vec<(String, String)> {
        lint(draft, checks, date("2021-12-08"))
            .into_iter()
            .map(|f| (f.code, f.path))
            .collect()
    }

    pub fn codes(draft: &Draft, checks: &Checks) -> Vec<String> {
        found(draft, checks).into_iter().map(|f| f.0).collect()
    }

    /// The text of body[0] after applying the fix of the only finding.
    pub fn fixed(draft: &Draft, checks: &Checks) -> String {
        let findings = lint(draft, checks, date("2021-12-08"));
        assert_eq!(findings.len(), 1, "{findings:?}");
        let fix = findings[0].fix.as_ref().expect("a fix");
        let d = apply_fix(draft, fix).expect("applies");
        let Block::Paragraph { content, .. } = &d.release.body[0] else {
            unreachable!()
        };
        crate::text::inline_text(content)
    }
}
