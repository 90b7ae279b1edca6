//! Everything wrong with a draft: validation (what makes a draft unusable
//! anywhere), then the house style's own checks. The app's Review step and
//! `release-composer check` both show exactly this list.

use crate::photos::Photos;
use release_model::{Date, Draft, Finding, Severity, Speller, lint_with, validate};
use release_spelling::Spelling;
use release_style::{HouseStyle, StyleError};
use std::sync::Arc;

/// The findings for `draft` under `style` (the result of looking its style
/// up), as of `today`, with its `photos` as read ([`Photos::read`]):
/// validation's, the photo files', the parts of a language edition still
/// holding the source's words, then the style's checks, misspellings
/// among them when `spelling` has the language's dictionary (a language
/// without one is not spell-checked: [`Spelling::checker`] says why). A
/// style that cannot be used is one error at `style`, and without a style
/// no style checks run: whose rules would they be?
pub fn check(
    draft: &Draft,
    style: &Result<Arc<HouseStyle>, StyleError>,
    today: Date,
    photos: &Photos,
    spelling: &Spelling,
) -> Vec<Finding> {
    let mut findings = validate(draft);
    findings.extend(photos.findings(style.as_deref().ok()));
    findings.extend(release_model::untranslated(draft));
    match style {
        Ok(style) => {
            let checker = style
                .checks
                .misspelling
                .enabled
                .then(|| spelling.checker(&draft.language, &style.spelling).ok())
                .flatten();
            let speller = checker.as_ref().map(|c| c as &dyn Speller);
            findings.extend(lint_with(draft, &style.checks, today, speller));
        }
        Err(e) => findings.insert(
            0,
            Finding::error(&e.code().to_string(), "style", e.to_string()),
        ),
    }
    findings
}

/// True when any finding is an error (nothing is exported then).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Styles;

    fn today() -> Date {
        Date::parse("2021-12-08").expect("date")
    }

    #[test]
    fn an_unknown_style_is_one_error_and_no_style_checks() {
        let styles = Styles::new(None);
        let mut draft = release_model::example();
        let known = check(
            &draft,
            &styles.get(&draft.style),
            today(),
            &Photos::default(),
            &Spelling::off(),
        );
        assert!(!has_errors(&known), "{known:?}");
        assert!(known.iter().any(|f| f.code == "headline-long"), "{known:?}");

        draft.style = "un-old".into();
        let findings = check(
            &draft,
            &styles.get(&draft.style),
            today(),
            &Photos::default(),
            &Spelling::off(),
        );
        let at_style: Vec<_> = findings.iter().filter(|f| f.path == "style").collect();
        assert_eq!(at_style.len(), 1, "{findings:?}");
        assert_eq!(
            (at_style[0].code.as_str(), at_style[0].severity),
            ("style-unknown", Severity::Error)
        );
        assert!(
            at_style[0].message.contains("`un-old`"),
            "{}",
            at_style[0].message
        );
        // Only validation besides: the example validates, so nothing else.
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(has_errors(&findings));
    }
}
