//! The headline: within the style's length, not shouted in capitals, and
//! without a full stop (a headline is not a sentence). An empty headline is
//! validation's finding.

use crate::finding::Finding;
use crate::lint::Context;
use crate::lint::checks::HeadlineCheck;
use crate::lint::passage::Section;

/// Abbreviations a headline may end with.
const ABBREVIATIONS: [&str; 7] = ["Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.", "etc."];

pub(crate) fn check(cx: &Context, rules: &HeadlineCheck, f: &mut Vec<Finding>) {
    let path = "release.headline";
    let raw = &cx.draft.release.headline;
    let headline = raw.trim();
    if headline.is_empty() {
        return;
    }
    let length = headline.chars().count();
    match (rules.max_length, rules.ideal_length) {
        (Some(max), _) if length > max => f.push(Finding::error(
            "headline-too-long",
            path,
            format!("the headline has {length} characters; the house style allows at most {max}"),
        )),
        (_, Some(ideal)) if length > ideal => f.push(Finding::warning(
            "headline-long",
            path,
            format!(
                "the headline has {length} characters; the house style aims for {ideal} at most"
            ),
        )),
        _ => {}
    }
    if is_shouted(headline) {
        f.push(Finding::warning(
            "headline-all-caps",
            path,
            "the headline is in capitals: write it in sentence case (the style sets its case)",
        ));
    }
    let last_word = headline.rsplit(char::is_whitespace).next().unwrap_or("");
    let abbreviation =
        ABBREVIATIONS.contains(&last_word) || last_word.trim_end_matches('.').contains('.');
    if headline.ends_with('.') && !headline.ends_with("..") && !abbreviation {
        let passage = cx.passages.iter().find(|p| p.section == Section::Headline);
        let at = raw.trim_end().len() - 1;
        f.push(
            Finding::warning(
                "headline-full-stop",
                path,
                "the headline ends with a full stop; headlines take none",
            )
            .with_fix(passage.and_then(|p| p.fix(at..at + 1, ""))),
        );
    }
}

/// Every cased letter is a capital, over at least two words.
fn is_shouted(text: &str) -> bool {
    let cased = text
        .chars()
        .filter(|c| c.is_uppercase() || c.is_lowercase());
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
        .count();
    words >= 2 && cased.clone().count() >= 4 && cased.clone().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::lint::test_support::*;
    use crate::lint::{Checks, apply_fix, lint};

    fn checks(ideal: Option<usize>, max: Option<usize>) -> Checks {
        let mut c = Checks::none();
        c.headline.enabled = true;
        c.headline.ideal_length = ideal;
        c.headline.max_length = max;
        c
    }

    #[test]
    fn length_warns_over_the_ideal_and_errs_over_the_maximum() {
        let mut d = draft_saying("Body.");
        d.release.headline = "x".repeat(100);
        let wire = checks(Some(80), Some(170));
        assert_eq!(codes(&d, &wire), ["headline-long"]);
        d.release.headline = "é".repeat(171);
        let all = lint(&d, &wire, date("2021-12-08"));
        assert_eq!(all.len(), 1);
        assert_eq!(
            (all[0].code.as_str(), all[0].severity),
            ("headline-too-long", Severity::Error)
        );
        d.release.headline = "é".repeat(170);
        assert_eq!(codes(&d, &wire), ["headline-long"]);
        assert!(codes(&d, &checks(None, None)).is_empty());
    }

    #[test]
    fn capitals_and_full_stops_fire() {
        let mut d = draft_saying("Body.");
        d.release.headline = "UN LAUNCHES PHASE IV".into();
        assert_eq!(codes(&d, &checks(None, None)), ["headline-all-caps"]);
        d.release.headline = "Project launched in Central Asia. ".into();
        let findings = lint(&d, &checks(None, None), date("2021-12-08"));
        assert_eq!(findings[0].code, "headline-full-stop");
        let fix = findings[0].fix.as_ref().expect("fix");
        assert_eq!((fix.before.as_str(), fix.after.as_str()), ("Asia.", "Asia"));
        let fixed = apply_fix(&d, fix).expect("applies");
        assert_eq!(fixed.release.headline, "Project launched in Central Asia ");
    }

    #[test]
    fn ordinary_headlines_are_quiet() {
        let mut d = draft_saying("Body.");
        for quiet in [
            "UNODC and WHO launch a joint plan",
            "Launch of the Phase IV of the project",
            "Talks with Acme Inc.",
            "Talks resume in the U.S.",
            "What next...",
            "联合国启动新项目",
        ] {
            d.release.headline = quiet.into();
            assert!(codes(&d, &checks(Some(120), None)).is_empty(), "{quiet}");
        }
    }
}
